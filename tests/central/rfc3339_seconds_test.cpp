// RFC 3339 times with offsets, as record bodies carry them.
#include "rfc3339_seconds.hpp"

#include <doctest/doctest.h>

using namespace hk::central;

TEST_CASE("an RFC 3339 time is read in UTC whatever its offset")
{
    CHECK(rfc3339_seconds("1970-01-01T00:00:00Z") == 0);
    CHECK(rfc3339_seconds("2026-03-01T08:30:00Z") == 1772353800);
    CHECK(rfc3339_seconds("2026-03-01T16:30:00+08:00") == 1772353800);
    CHECK(rfc3339_seconds("2026-03-01T03:00:00-05:30") == 1772353800);
    CHECK(rfc3339_seconds("2026-03-01T08:30:00.999999999Z") == 1772353800); // the fraction is dropped
    CHECK(rfc3339_seconds("2026-03-01T00:30:00+00:00") == 1772325000);
}

TEST_CASE("a time that is not RFC 3339, or out of range, is nothing")
{
    for (const char* text :
         {"", "2026-03-01", "2026-03-01T08:30:00", "2026-03-01t08:30:00Z", "2026-03-01T08:30:00z",
          "2026-03-01 08:30:00Z", "2026-03-01T08:30Z", "2026-03-01T08:30:00+0800", "2026-03-01T08:30:00+08",
          "2026-03-01T08:30:00+24:00", "2026-03-01T08:30:00+08:60", "2026-02-29T08:30:00Z", "2026-04-31T08:30:00Z",
          "2026-03-01T24:00:00Z", "2026-03-01T08:30:00.Z", "+08:00", "2026-03-01T08:30:00Z+08:00"}) {
        CAPTURE(text);
        CHECK_FALSE(rfc3339_seconds(text));
    }
}
