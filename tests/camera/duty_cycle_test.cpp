// The rest that keeps decoding to a share of a core.
#include "duty_cycle.hpp"

#include <doctest/doctest.h>

using namespace hk::camera;
using namespace std::chrono_literals;

TEST_CASE("at half a core, a frame that took 8 ms to decode is followed by 8 ms of rest")
{
    const DutyCycle d(0.5);
    CHECK(d.rest(8ms, 0ms) == 8ms);
}

TEST_CASE("time already spent waiting for the camera counts as rest")
{
    const DutyCycle d(0.5);
    CHECK(d.rest(8ms, 3ms) == 5ms);
    CHECK(d.rest(8ms, 20ms) == 0ms); // the camera is the slower one: no extra rest
}

TEST_CASE("the busy share never exceeds the limit, whatever the split")
{
    for (const double share : {0.25, 0.5, 0.8, 1.0}) {
        const DutyCycle d(share);
        for (const std::chrono::nanoseconds busy : {1us, 333us, 7000us, 41000us, 1000000us})
            for (const std::chrono::nanoseconds idle : {0us, 1000us, 30000us}) {
                const auto total = busy + idle + d.rest(busy, idle);
                CAPTURE(share);
                CHECK(static_cast<double>(busy.count()) / static_cast<double>(total.count()) <= share + 1e-9);
            }
    }
}

TEST_CASE("a quarter of a core rests three times as long as it works, and a whole core never rests")
{
    CHECK(DutyCycle(0.25).rest(10ms, 0ms) == 30ms);
    CHECK(DutyCycle(1.0).rest(10ms, 0ms) == 0ms);
    CHECK(DutyCycle(0.5).rest(0ms, 0ms) == 0ms);
}

TEST_CASE("a share out of range is brought back to between 0 and 1")
{
    CHECK(DutyCycle(0.0).share() > 0);
    CHECK(DutyCycle(-3).share() > 0);
    CHECK(DutyCycle(7).share() == 1.0);
}
