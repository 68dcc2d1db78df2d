#include "http_date.hpp"

#include <doctest/doctest.h>

using hk::central::http_date;

TEST_CASE("the Date header is IMF-fixdate in GMT")
{
    CHECK(http_date(784111777) == "Sun, 06 Nov 1994 08:49:37 GMT"); // RFC 7231's own example
    CHECK(http_date(0) == "Thu, 01 Jan 1970 00:00:00 GMT");
    CHECK(http_date(1772325000) == "Sun, 01 Mar 2026 00:30:00 GMT");
    CHECK(http_date(951825600) == "Tue, 29 Feb 2000 12:00:00 GMT");
}
