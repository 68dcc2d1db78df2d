// A replay guard that forgets when the kiosk stops: for when the state folder cannot be written
// (the kiosk says so to staff) and for tests. Thread-safe.
#pragma once

#include "replay_guard.hpp"

#include <map>
#include <mutex>
#include <string>

namespace hk::codes {

class MemoryReplayGuard final : public ReplayGuard {
public:
    bool seen(std::string_view pass_id) override
    {
        std::lock_guard lk(mu_);
        return used_.contains(pass_id);
    }
    bool consume(std::string_view pass_id, std::int64_t exp) override
    {
        std::lock_guard lk(mu_);
        return used_.emplace(std::string(pass_id), exp).second;
    }

private:
    std::mutex mu_;
    std::map<std::string, std::int64_t, std::less<>> used_;
};

} // namespace hk::codes
