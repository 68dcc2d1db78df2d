// Tests of the capped exponential backoff with full jitter.
#include "backoff.hpp"

#include <doctest/doctest.h>

using hk::uplink::Backoff;

TEST_CASE("the longest wait doubles with each failure in a row up to the cap")
{
    const Backoff b; // 1 s, 5 min
    CHECK(b.ceiling_ms(0) == 0);
    CHECK(b.ceiling_ms(1) == 1000);
    CHECK(b.ceiling_ms(2) == 2000);
    CHECK(b.ceiling_ms(9) == 256000);
    CHECK(b.ceiling_ms(10) == 300000);
    CHECK(b.ceiling_ms(1000000) == 300000); // no overflow after a week of failures
}

TEST_CASE("the wait is the random fraction of the longest wait")
{
    const Backoff b{100, 1000};
    CHECK(b.delay_ms(3, 0.0) == 0);
    CHECK(b.delay_ms(3, 0.5) == 200);
    CHECK(b.delay_ms(3, 1.0) == 400);
    CHECK(b.delay_ms(30, 0.25) == 250);
    CHECK(b.delay_ms(3, 7.0) == 400); // out of range is clamped
}
