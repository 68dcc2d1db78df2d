// RFC 3339 (section 5.6) in the one form the records use: upper-case T and Z, UTC only.
#include "rfc3339.hpp"

#include <chrono>
#include <ctime>

namespace hk::uplink {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& value)
{
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::string format_rfc3339_utc(std::int64_t unix_seconds)
{
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32] = {};
    const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return std::string(text, n);
}

bool valid_rfc3339_utc(std::string_view text)
{
    // 0123456789012345678
    // YYYY-MM-DDTHH:MM:SS
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (text.size() < 20 || !digits(text, 0, 4, year) || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day) || text[10] != 'T' || !digits(text, 11, 2, hour) ||
        text[13] != ':' || !digits(text, 14, 2, minute) || text[16] != ':' || !digits(text, 17, 2, second))
        return false;
    std::size_t end = 19;
    if (text[end] == '.') {
        std::size_t n = 0;
        while (end + 1 + n < text.size() && text[end + 1 + n] >= '0' && text[end + 1 + n] <= '9')
            ++n;
        if (n < 1 || n > 9)
            return false;
        end += 1 + n;
    }
    if (end + 1 != text.size() || text[end] != 'Z')
        return false;
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                              std::chrono::day(static_cast<unsigned>(day))};
    return date.ok() && hour <= 23 && minute <= 59 && second <= 60;
}

std::optional<std::int64_t> parse_rfc3339_utc(std::string_view text)
{
    if (!valid_rfc3339_utc(text))
        return std::nullopt;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    digits(text, 0, 4, year);
    digits(text, 5, 2, month);
    digits(text, 8, 2, day);
    digits(text, 11, 2, hour);
    digits(text, 14, 2, minute);
    digits(text, 17, 2, second);
    using namespace std::chrono;
    const sys_days date = year_month_day{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                         std::chrono::day(static_cast<unsigned>(day))};
    return date.time_since_epoch().count() * 86400 + hour * 3600 + minute * 60 + second;
}

} // namespace hk::uplink
