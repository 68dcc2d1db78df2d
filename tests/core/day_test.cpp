// Tests of calendar days: reading only real dates, counting across months, years and leap days,
// and the weekday the date strip and the venues' opening days go by.
#include "day.hpp"
#include "i18n.hpp"

#include <doctest/doctest.h>

using hk::Day;

TEST_CASE("a day reads from YYYY-MM-DD only when it is a real date")
{
    CHECK(Day::parse("2027-03-02") == Day{2027, 3, 2});
    CHECK(Day::parse("2028-02-29") == Day{2028, 2, 29});
    CHECK_FALSE(Day::parse("2027-02-29"));
    CHECK_FALSE(Day::parse("2027-13-01"));
    CHECK_FALSE(Day::parse("2027-3-02"));
    CHECK_FALSE(Day::parse("2027-03-02T"));
    CHECK_FALSE(Day::parse("20x7-03-02"));
    CHECK(Day{2027, 3, 2}.iso() == "2027-03-02");
}

TEST_CASE("days are counted across months, years and leap days, and know their weekday")
{
    CHECK(Day{2026, 12, 30}.plus(3) == Day{2027, 1, 2});
    CHECK(Day{2028, 2, 28}.plus(1) == Day{2028, 2, 29});
    CHECK(Day{2027, 2, 28}.plus(1) == Day{2027, 3, 1});
    CHECK(Day{2027, 3, 1}.plus(-1) == Day{2027, 2, 28});
    CHECK(Day{1970, 1, 1}.weekday() == 4);       // a Thursday
    CHECK(Day{2026, 12, 2}.weekday() == 3);      // a Wednesday
    CHECK(Day{2027, 3, 7}.iso_weekday() == 7);   // a Sunday is the week's seventh day
    CHECK(Day{2027, 3, 8}.iso_weekday() == 1);
    CHECK(hk::weekday_of(2000, 2, 29) == 2);     // a Tuesday
    std::tm tm{};
    tm.tm_year = 126;
    tm.tm_mon = 11;
    tm.tm_mday = 2;
    CHECK(Day::of(tm) == Day{2026, 12, 2});
}
