// Reading YYYYMMDD dates (see date.hpp).
#include "date.hpp"

namespace hk::idcard {
namespace {

int days_in_month(int year, int month)
{
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

} // namespace

std::optional<Date> parse_date(std::string_view s)
{
    if (s.size() != 8)
        return std::nullopt;
    int digits[8];
    for (std::size_t i = 0; i < 8; ++i) {
        if (s[i] < '0' || s[i] > '9')
            return std::nullopt;
        digits[i] = s[i] - '0';
    }
    const Date d{digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], digits[4] * 10 + digits[5],
                 digits[6] * 10 + digits[7]};
    if (d.year < 1800 || d.year > 2199 || d.month < 1 || d.month > 12 || d.day < 1 ||
        d.day > days_in_month(d.year, d.month))
        return std::nullopt;
    return d;
}

} // namespace hk::idcard
