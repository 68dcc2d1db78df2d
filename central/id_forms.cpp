// Id forms checked character by character.
#include "id_forms.hpp"

#include <algorithm>

namespace hk::central {

bool plain_id(std::string_view s)
{
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    });
}

bool id_number(std::string_view s)
{
    if (s.size() != 18)
        return false;
    int sum = 0;
    int weight = 1; // 2^0, for the check character
    for (std::size_t i = s.size(); i-- > 0;) {
        const char c = s[i];
        int value = 0;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (c == 'X' && i == 17)
            value = 10;
        else
            return false;
        sum = (sum + value * weight) % 11;
        weight = weight * 2 % 11;
    }
    return sum == 1;
}

std::optional<std::chrono::year_month_day> birth_date(std::string_view id_number)
{
    if (id_number.size() < 14)
        return std::nullopt;
    int fields[3] = {0, 0, 0};
    constexpr int kAt[3] = {6, 10, 12};
    constexpr int kLength[3] = {4, 2, 2};
    for (int f = 0; f < 3; ++f)
        for (int i = 0; i < kLength[f]; ++i) {
            const char c = id_number[static_cast<std::size_t>(kAt[f] + i)];
            if (c < '0' || c > '9')
                return std::nullopt;
            fields[f] = fields[f] * 10 + (c - '0');
        }
    const std::chrono::year_month_day day{std::chrono::year(fields[0]),
                                          std::chrono::month(static_cast<unsigned>(fields[1])),
                                          std::chrono::day(static_cast<unsigned>(fields[2]))};
    return day.ok() ? std::optional(day) : std::nullopt;
}

int age_on(std::chrono::year_month_day born, std::chrono::year_month_day day)
{
    int years = static_cast<int>(day.year()) - static_cast<int>(born.year());
    if (std::chrono::month_day(day.month(), day.day()) < std::chrono::month_day(born.month(), born.day()))
        --years;
    return years;
}

} // namespace hk::central
