// A calendar day (the hall's local date), for the booking screens' date strips and the venues'
// opening days. Pure.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace hk {

struct Day {
    int year = 1970, month = 1, day = 1;

    static Day of(const std::tm& local);
    // "YYYY-MM-DD", a real date; nothing otherwise.
    static std::optional<Day> parse(std::string_view iso);
    Day plus(int days) const;
    std::string iso() const; // YYYY-MM-DD
    int weekday() const;     // 0 Sunday .. 6 Saturday
    int iso_weekday() const; // 1 Monday .. 7 Sunday
    bool operator==(const Day&) const = default;
};

} // namespace hk
