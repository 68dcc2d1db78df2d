// Tests of reading the HTTP Date header (IMF-fixdate only).
#include "http_date.hpp"

#include <doctest/doctest.h>

using hk::uplink::parse_http_date;

TEST_CASE("an IMF-fixdate is read as Unix seconds")
{
    CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
    CHECK(parse_http_date("Thu, 01 Jan 1970 00:00:00 GMT") == 0);
    CHECK(parse_http_date("Tue, 01 Dec 2026 17:52:44 GMT") == 1796147564);
    CHECK(parse_http_date("Thu, 29 Feb 2024 12:00:00 GMT") == 1709208000);
}

TEST_CASE("other date forms, wrong day names and impossible dates are not read")
{
    CHECK_FALSE(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT")); // RFC 850
    CHECK_FALSE(parse_http_date("Sun Nov  6 08:49:37 1994"));       // asctime
    CHECK_FALSE(parse_http_date("Mon, 06 Nov 1994 08:49:37 GMT"));  // 6 Nov 1994 was a Sunday
    CHECK_FALSE(parse_http_date("Thu, 29 Feb 2023 12:00:00 GMT"));
    CHECK_FALSE(parse_http_date("Sun, 06 Nov 1994 24:00:00 GMT"));
    CHECK_FALSE(parse_http_date("Sun, 06 Nov 1994 08:49:37 UTC"));
    CHECK_FALSE(parse_http_date("Sun, 06 Foo 1994 08:49:37 GMT"));
    CHECK_FALSE(parse_http_date("Sun, 0x Nov 1994 08:49:37 GMT"));
    CHECK_FALSE(parse_http_date(""));
}
