// Calendar days (see day.hpp).
#include "day.hpp"

#include "i18n.hpp"

#include <cstdio>

namespace hk {
namespace {

// Days since 1970-01-01 of a civil date, and back (proleptic Gregorian).
long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Day civil_from_days(long z)
{
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2));
    return Day{y, m, d};
}

} // namespace

Day Day::of(const std::tm& local)
{
    return Day{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

std::optional<Day> Day::parse(std::string_view iso)
{
    if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-')
        return std::nullopt;
    int v[3] = {0, 0, 0};
    const std::size_t at[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    for (int k = 0; k < 3; ++k)
        for (std::size_t i = at[k]; i < at[k] + len[k]; ++i) {
            if (iso[i] < '0' || iso[i] > '9')
                return std::nullopt;
            v[k] = v[k] * 10 + (iso[i] - '0');
        }
    const Day d{v[0], v[1], v[2]};
    if (d.month < 1 || d.month > 12 || d.day < 1 || civil_from_days(days_from_civil(d.year, d.month, d.day)) != d)
        return std::nullopt;
    return d;
}

Day Day::plus(int days) const
{
    return civil_from_days(days_from_civil(year, month, day) + days);
}

std::string Day::iso() const
{
    char out[16];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return out;
}

int Day::weekday() const
{
    // 1970-01-01 was a Thursday.
    const long d = days_from_civil(year, month, day);
    return static_cast<int>(((d % 7) + 7 + 4) % 7);
}

int weekday_of(int year, int month, int day)
{
    return Day{year, month, day}.weekday();
}

int Day::iso_weekday() const
{
    const int w = weekday();
    return w == 0 ? 7 : w;
}

} // namespace hk
