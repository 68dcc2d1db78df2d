// Local days counted from the epoch; weeks start on Monday as ISO 8601 has them.
#include "venue_calendar.hpp"

#include <algorithm>
#include <cstdio>

namespace hk::central {
namespace {

constexpr std::int64_t kDaySeconds = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

bool digits(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s)
{
    int n = 0;
    for (const char c : s)
        n = n * 10 + (c - '0');
    return n;
}

} // namespace

std::int64_t local_day(std::int64_t unix_seconds)
{
    return floor_div(unix_seconds + kLocalOffsetSeconds, kDaySeconds);
}

std::int64_t day_start(std::int64_t day)
{
    return day * kDaySeconds - kLocalOffsetSeconds;
}

int weekday(std::int64_t day)
{
    // 1970-01-01 was a Thursday (4).
    return static_cast<int>(((day + 3) % 7 + 7) % 7) + 1;
}

std::chrono::year_month_day civil(std::int64_t day)
{
    return std::chrono::year_month_day(std::chrono::sys_days(std::chrono::days(day)));
}

std::optional<std::int64_t> parse_date(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text.substr(0, 4)) ||
        !digits(text.substr(5, 2)) || !digits(text.substr(8, 2)))
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(number(text.substr(0, 4))),
                                           std::chrono::month(static_cast<unsigned>(number(text.substr(5, 2)))),
                                           std::chrono::day(static_cast<unsigned>(number(text.substr(8, 2))))};
    if (!date.ok())
        return std::nullopt;
    return std::chrono::sys_days(date).time_since_epoch().count();
}

std::string format_date(std::int64_t day)
{
    const auto d = civil(day);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return text;
}

std::string format_local(std::int64_t unix_seconds)
{
    const std::int64_t day = local_day(unix_seconds);
    const std::int64_t second = unix_seconds - day_start(day);
    char text[40];
    std::snprintf(text, sizeof text, "T%02d:%02d:%02d+08:00", static_cast<int>(second / 3600),
                  static_cast<int>(second / 60 % 60), static_cast<int>(second % 60));
    return format_date(day) + text;
}

std::optional<int> parse_clock(std::string_view text)
{
    if (text.size() != 5 || text[2] != ':' || !digits(text.substr(0, 2)) || !digits(text.substr(3, 2)))
        return std::nullopt;
    const int hours = number(text.substr(0, 2));
    const int minutes = number(text.substr(3, 2));
    if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        return std::nullopt;
    return hours * 60 + minutes;
}

std::vector<Slot> slots_of_day(const std::vector<Opening>& opening, int slot_minutes, std::int64_t day)
{
    std::vector<Slot> slots;
    if (slot_minutes <= 0)
        return slots;
    const unsigned bit = 1U << (weekday(day) - 1);
    const std::int64_t midnight = day_start(day);
    for (const auto& period : opening) {
        if ((period.days & bit) == 0)
            continue;
        for (int m = period.open_minute; m + slot_minutes <= period.close_minute; m += slot_minutes)
            slots.push_back({midnight + m * 60LL, midnight + (m + slot_minutes) * 60LL});
    }
    std::sort(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.start < b.start; });
    slots.erase(std::unique(slots.begin(), slots.end(), [](const Slot& a, const Slot& b) { return a.start == b.start; }),
                slots.end());
    return slots;
}

bool open_on(const std::vector<Opening>& opening, std::int64_t day)
{
    const unsigned bit = 1U << (weekday(day) - 1);
    return std::any_of(opening.begin(), opening.end(), [&](const Opening& p) { return (p.days & bit) != 0; });
}

Slot iso_week_of(std::int64_t unix_seconds)
{
    const std::int64_t day = local_day(unix_seconds);
    const std::int64_t monday = day - (weekday(day) - 1);
    return {day_start(monday), day_start(monday + 7)};
}

} // namespace hk::central
