// A calendar date as the cards write it: eight digits, YYYYMMDD.
#pragma once

#include <compare>
#include <optional>
#include <string_view>

namespace hk::idcard {

struct Date {
    int year = 0;
    int month = 0; // 1..12
    int day = 0;   // 1..31
    auto operator<=>(const Date&) const = default;
};

// Exactly eight ASCII digits naming a day that exists in the Gregorian calendar (29 February only
// in leap years), in the years 1800 to 2199: wide enough for any holder's birth and any card's
// validity, narrow enough to reject what is not a date.
std::optional<Date> parse_date(std::string_view yyyymmdd);

} // namespace hk::idcard
