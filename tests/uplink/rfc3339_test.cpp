// Record time stamps: the one RFC 3339 form written and accepted.
#include "rfc3339.hpp"

#include <doctest/doctest.h>

using namespace hk::uplink;

TEST_CASE("unix seconds are written as RFC 3339 UTC with a Z")
{
    CHECK(format_rfc3339_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(format_rfc3339_utc(1'780'000'000) == "2026-05-28T20:26:40Z");
    CHECK(valid_rfc3339_utc(format_rfc3339_utc(1'780'000'000)));
}

TEST_CASE("only UTC times with every field in range are accepted")
{
    CHECK(valid_rfc3339_utc("2026-03-01T08:30:00Z"));
    CHECK(valid_rfc3339_utc("2026-03-01T08:30:00.5Z"));
    CHECK(valid_rfc3339_utc("2026-03-01T08:30:00.123456789Z"));
    CHECK(valid_rfc3339_utc("2024-02-29T23:59:60Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:30:00.1234567890Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:30:00.Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:30:00+08:00"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01t08:30:00z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01 08:30:00Z"));
    CHECK_FALSE(valid_rfc3339_utc("2025-02-29T08:30:00Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-13-01T08:30:00Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T24:00:00Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:60:00Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:30:61Z"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:30:00"));
    CHECK_FALSE(valid_rfc3339_utc("2026-03-01T08:30:00ZZ"));
    CHECK_FALSE(valid_rfc3339_utc(""));
}

TEST_CASE("a valid time is read back as the unix seconds it was written from")
{
    for (const std::int64_t t : {0LL, 951'782'400LL, 1'780'000'000LL, 4'102'444'799LL})
        CHECK(parse_rfc3339_utc(format_rfc3339_utc(t)) == t);
    CHECK(parse_rfc3339_utc("2026-03-01T08:30:00.123Z") == 1'772'353'800);
    CHECK(parse_rfc3339_utc("2016-12-31T23:59:60Z") == 1'483'228'800); // the leap second is the next one
    CHECK_FALSE(parse_rfc3339_utc("2026-03-01T08:30:00+08:00"));
    CHECK_FALSE(parse_rfc3339_utc("2026-02-30T08:30:00Z"));
}

TEST_CASE("a local time with its offset reads as the same instant, and only where offsets are asked for")
{
    CHECK(parse_rfc3339("2026-03-02T14:00:00+08:00") == parse_rfc3339_utc("2026-03-02T06:00:00Z"));
    CHECK(parse_rfc3339("2026-03-01T20:30:00-05:30") == parse_rfc3339_utc("2026-03-02T02:00:00Z"));
    CHECK(parse_rfc3339("2026-03-02T06:00:00Z") == parse_rfc3339_utc("2026-03-02T06:00:00Z"));
    CHECK_FALSE(parse_rfc3339_utc("2026-03-02T14:00:00+08:00"));
    CHECK_FALSE(parse_rfc3339("2026-03-02T14:00:00+8:00"));
    CHECK_FALSE(parse_rfc3339("2026-03-02T14:00:00+24:00"));
    CHECK_FALSE(parse_rfc3339("2026-03-02T14:00:00+08:00 "));
}

TEST_CASE("the offset a time is written with is read in seconds, Z as none")
{
    CHECK(rfc3339_offset_seconds("2026-03-02T14:00:00+08:00") == 8 * 3600);
    CHECK(rfc3339_offset_seconds("2026-03-01T20:30:00-05:30") == -(5 * 3600 + 30 * 60));
    CHECK(rfc3339_offset_seconds("2026-03-02T06:00:00Z") == 0);
    CHECK_FALSE(rfc3339_offset_seconds("2026-03-02T14:00:00+8"));
    CHECK_FALSE(rfc3339_offset_seconds("2026-02-30T14:00:00+08:00"));
}
