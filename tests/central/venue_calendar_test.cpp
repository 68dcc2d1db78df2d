#include "venue_calendar.hpp"

#include <doctest/doctest.h>

using namespace hk::central;

namespace {

constexpr unsigned kWeekdays = 0b0011111; // Monday to Friday
constexpr unsigned kWeekend = 0b1100000;

std::int64_t day_of(const char* date)
{
    return parse_date(date).value();
}

std::vector<std::string> starts(const std::vector<Slot>& slots)
{
    std::vector<std::string> out;
    for (const auto& s : slots)
        out.push_back(format_local(s.start).substr(11, 5) + "-" + format_local(s.end).substr(11, 5));
    return out;
}

} // namespace

TEST_CASE("local dates, weekdays and times are those of UTC+08:00")
{
    CHECK(weekday(day_of("2027-03-01")) == 1);
    CHECK(weekday(day_of("2027-03-07")) == 7);
    CHECK(format_local(1803866400) == "2027-03-01T10:00:00+08:00");
    // 16:30 UTC on 28 February is already 00:30 on 1 March in the hall; an hour before, not yet.
    CHECK(format_date(local_day(1803866400 - 10 * 3600 + 30 * 60)) == "2027-03-01");
    CHECK(format_date(local_day(1803866400 - 10 * 3600 - 30 * 60)) == "2027-02-28");
    CHECK(day_start(day_of("2027-03-01")) == 1803866400 - 10 * 3600);
    CHECK_FALSE(parse_date("2027-02-29"));
    CHECK_FALSE(parse_date("2027-3-01"));
    CHECK(parse_clock("24:00") == 1440);
    CHECK_FALSE(parse_clock("24:01"));
    CHECK_FALSE(parse_clock("9:00"));
}

TEST_CASE("slots run from opening in steps of slot_minutes and none ends after closing")
{
    const std::vector<Opening> opening = {{kWeekdays, 9 * 60, 21 * 60}, {kWeekend, 9 * 60, 17 * 60}};
    CHECK(starts(slots_of_day(opening, 120, day_of("2027-03-01"))) ==
          std::vector<std::string>{"09:00-11:00", "11:00-13:00", "13:00-15:00", "15:00-17:00", "17:00-19:00",
                                   "19:00-21:00"});
    // Saturday's shorter hours; a slot ending exactly at closing is offered.
    CHECK(starts(slots_of_day(opening, 120, day_of("2027-03-06"))).size() == 4);
    CHECK(starts(slots_of_day(opening, 120, day_of("2027-03-06"))).back() == "15:00-17:00");
    // 09:00 to 10:30 in hours: the 10:00 slot would end after closing.
    CHECK(starts(slots_of_day({{kWeekdays, 9 * 60, 10 * 60 + 30}}, 60, day_of("2027-03-01"))) ==
          std::vector<std::string>{"09:00-10:00"});
    // A slot longer than the day's hours: none.
    CHECK(slots_of_day({{kWeekdays, 9 * 60, 10 * 60}}, 90, day_of("2027-03-01")).empty());
}

TEST_CASE("a day of the week without opening hours has no slots")
{
    const std::vector<Opening> opening = {{0b0111110, 9 * 60, 18 * 60}}; // Tuesday to Saturday
    CHECK(slots_of_day(opening, 180, day_of("2027-03-01")).empty());
    CHECK_FALSE(open_on(opening, day_of("2027-03-01")));
    CHECK(slots_of_day(opening, 180, day_of("2027-03-02")).size() == 3);
    CHECK(slots_of_day(opening, 180, day_of("2027-03-07")).empty());
}

TEST_CASE("the ISO week of a slot runs from Monday 00:00 to the next Monday in local time")
{
    const Slot week = iso_week_of(day_start(day_of("2027-03-07")) + 20 * 3600); // Sunday evening
    CHECK(week.start == day_start(day_of("2027-03-01")));
    CHECK(week.end == day_start(day_of("2027-03-08")));
    CHECK(iso_week_of(day_start(day_of("2027-03-08"))).start == day_start(day_of("2027-03-08")));
}
