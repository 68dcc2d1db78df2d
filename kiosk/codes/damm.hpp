// The Damm check digit (H. Michael Damm, 2004): one digit that catches every single-digit error
// and every transposition of adjacent digits, the tracking number's last digit.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hk::codes {

// The published totally anti-symmetric quasigroup of order 10 (zero diagonal), row = interim
// digit, column = next digit of the number.
extern const std::array<std::array<std::uint8_t, 10>, 10> kDammTable;

// The check digit to append to `digits`; nothing if any character is not 0-9.
std::optional<int> damm_check_digit(std::string_view digits);

// Whether `digits` (check digit included) runs to interim 0; false for an empty string or a
// character that is not 0-9.
bool damm_valid(std::string_view digits);

} // namespace hk::codes
