// Tests of reading YYYYMMDD dates.
#include "date.hpp"

#include <doctest/doctest.h>

using namespace hk::idcard;

TEST_CASE("eight digits of a real day are a date")
{
    CHECK(parse_date("19880315") == Date{1988, 3, 15});
    CHECK(parse_date("20381231") == Date{2038, 12, 31});
}

TEST_CASE("29 February exists only in leap years")
{
    CHECK(parse_date("20000229"));
    CHECK(parse_date("19960229"));
    CHECK_FALSE(parse_date("19000229")); // a century, not divisible by 400
    CHECK_FALSE(parse_date("20230229"));
}

TEST_CASE("days, months and years out of range are not dates")
{
    CHECK_FALSE(parse_date("19880431"));
    CHECK_FALSE(parse_date("19880001"));
    CHECK_FALSE(parse_date("19881301"));
    CHECK_FALSE(parse_date("19880100"));
    CHECK_FALSE(parse_date("17991231"));
    CHECK_FALSE(parse_date("22000101"));
}

TEST_CASE("anything but eight digits is not a date")
{
    CHECK_FALSE(parse_date(""));
    CHECK_FALSE(parse_date("1988031"));
    CHECK_FALSE(parse_date("198803150"));
    CHECK_FALSE(parse_date("1988-3-15"));
    CHECK_FALSE(parse_date("\u957F\u671F")); // 长期 is a validity, not a date
}

TEST_CASE("dates compare in calendar order")
{
    CHECK(Date{1988, 3, 15} < Date{1988, 3, 16});
    CHECK(Date{1988, 12, 31} < Date{1989, 1, 1});
}
