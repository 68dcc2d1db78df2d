// Tests of the staff PIN lockout: five wrong PINs lock, each lockout twice as long as the one
// before up to a day, a right PIN clears it, and the kept text survives a restart.
#include "pin_lockout.hpp"

#include <doctest/doctest.h>

using hk::PinLockout;

TEST_CASE("five wrong PINs lock for a minute, the next five for two, and a right PIN clears it")
{
    PinLockout l;
    const std::int64_t t = 1'800'000'000;
    for (int i = 0; i < 4; ++i)
        CHECK_FALSE(l.wrong(t + i));
    CHECK(l.tries_left() == 1);
    CHECK(l.wrong(t + 4));
    CHECK(l.locked(t + 4));
    CHECK(l.seconds_left(t + 4) == 60);
    CHECK_FALSE(l.wrong(t + 10)); // not counted while locked
    CHECK(l.tries_left() == PinLockout::kTries);
    CHECK_FALSE(l.locked(t + 64));
    for (int i = 0; i < 4; ++i)
        CHECK_FALSE(l.wrong(t + 100 + i));
    CHECK(l.wrong(t + 104));
    CHECK(l.seconds_left(t + 104) == 120);
    l.right();
    CHECK_FALSE(l.locked(t + 105));
    CHECK(l.lockouts == 0);
    CHECK(l.tries_left() == PinLockout::kTries);
}

TEST_CASE("a lockout is at most a day, and a clock set back does not stretch it")
{
    CHECK(PinLockout::lock_seconds(1) == 60);
    CHECK(PinLockout::lock_seconds(3) == 240);
    CHECK(PinLockout::lock_seconds(11) == 61440);
    CHECK(PinLockout::lock_seconds(12) == 24 * 3600);
    CHECK(PinLockout::lock_seconds(500) == 24 * 3600);
    PinLockout l;
    l.lockouts = 1;
    l.until = 1'800'000'060;
    CHECK(l.seconds_left(1'000'000'000) == 60); // the clock went back years
}

TEST_CASE("the lockout kept as text comes back the same after a restart, and bad text is refused")
{
    PinLockout l;
    for (int i = 0; i < 7; ++i)
        l.wrong(1'800'000'000);
    const auto back = PinLockout::parse(l.text());
    REQUIRE(back);
    CHECK(back->failures == l.failures);
    CHECK(back->lockouts == 1);
    CHECK(back->until == l.until);
    CHECK(back->locked(1'800'000'030));
    for (const char* bad : {"", "1 2", "1 2 3 4", "-1 0 0", "5 0 0", "0 0 -5", "a b c", "0 0 12x"})
        CHECK_FALSE(PinLockout::parse(bad));
}
