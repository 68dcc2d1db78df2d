// IMF-fixdate = day-name "," SP date1 SP time-of-day SP "GMT", exactly 29 characters.
#include "http_date.hpp"

#include <array>
#include <chrono>

namespace hk::uplink {

namespace {

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool number(std::string_view text, std::size_t at, std::size_t count, int& value)
{
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::optional<std::int64_t> parse_http_date(std::string_view text)
{
    // 0         1         2
    // 01234567890123456789012345678
    // Sun, 06 Nov 1994 08:49:37 GMT
    if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
        text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT")
        return std::nullopt;
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    if (!number(text, 5, 2, day) || !number(text, 12, 4, year) || !number(text, 17, 2, hour) ||
        !number(text, 20, 2, minute) || !number(text, 23, 2, second))
        return std::nullopt;
    unsigned month = 0;
    while (month < kMonths.size() && kMonths[month] != text.substr(8, 3))
        ++month;
    unsigned day_name = 0;
    while (day_name < kDays.size() && kDays[day_name] != text.substr(0, 3))
        ++day_name;
    if (month == kMonths.size() || day_name == kDays.size() || hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(month + 1),
                              std::chrono::day(static_cast<unsigned>(day))};
    if (!date.ok())
        return std::nullopt;
    const sys_days days{date};
    if (std::chrono::weekday{days}.c_encoding() != day_name)
        return std::nullopt; // the day name must be the date's
    return days.time_since_epoch().count() * 86400LL + hour * 3600LL + minute * 60LL + second;
}

} // namespace hk::uplink
