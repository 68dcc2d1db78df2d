// IMF-fixdate, written by hand so that no locale changes the day and month names.
#include "http_date.hpp"

#include <array>
#include <cstdio>
#include <ctime>

namespace hk::central {

std::string http_date(std::int64_t unix_seconds)
{
    static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    ::gmtime_r(&t, &tm);
    std::array<char, 40> buf{};
    std::snprintf(buf.data(), buf.size(), "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays.at(tm.tm_wday), tm.tm_mday,
                  kMonths.at(tm.tm_mon), tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf.data();
}

} // namespace hk::central
