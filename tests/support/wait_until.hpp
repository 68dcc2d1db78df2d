// Waiting in tests for something another thread does, with a bound so that a test fails rather
// than hangs.
#pragma once

#include <chrono>
#include <thread>

namespace hk::test {

template <typename Pred> bool wait_until(Pred&& done, std::chrono::milliseconds bound = std::chrono::seconds(3))
{
    const auto until = std::chrono::steady_clock::now() + bound;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= until)
            return done();
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

} // namespace hk::test
