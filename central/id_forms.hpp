// The forms of ids the protocol names: plain ids (halls, catalogue items, quick phrases), the
// values a signed code's claims may hold, and GB 11643 resident ID numbers with the birth date
// they carry. Pure.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace hk::central {

// 1 to 64 of A-Z a-z 0-9 . _ -
bool plain_id(std::string_view s);

// GB 11643-1999: 17 digits and a check character (X for 10) such that, weighting each of the
// 18 by 2^(17 - position) modulo 11, the sum is 1 modulo 11.
bool id_number(std::string_view s);

// The date of birth an ID number carries (digits 7 to 14, YYYYMMDD); nothing when it is not a date.
std::optional<std::chrono::year_month_day> birth_date(std::string_view id_number);

// Age in whole years on `day` of someone born on `born`.
int age_on(std::chrono::year_month_day born, std::chrono::year_month_day day);

} // namespace hk::central
