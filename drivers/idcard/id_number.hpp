// Citizen identification numbers (GB 11643-1999): 17 digits and a MOD 11-2 check character.
//
// The same form is used by the residence permits for Hong Kong, Macao and Taiwan residents (the
// number begins 81, 82 or 83) and by the 2023 foreigner permanent residence card (it begins 9:
// the card's number was designed on GB 11643's structure, birth date in the same place and a
// MOD 11-2 check character, so it is checked the same way). The 2017 foreigner card's 15-character
// number is of another form and is not checked here.
#pragma once

#include <optional>
#include <string_view>

namespace hk::idcard {

// The check character for the first 17 digits: '0'..'9' or 'X'. Nothing unless `first17` is 17
// ASCII digits.
std::optional<char> check_digit(std::string_view first17);

enum class IdNumberCheck {
    ok,
    wrong_length,      // not 18 characters
    not_digits,        // a character other than a digit, or than a digit or X at the end
    bad_birth_date,    // characters 7 to 14 are not a real YYYYMMDD date
    wrong_check_digit, // the 18th character is not the one the first 17 give
};

// Why `id` is not a valid number, or ok. A lower-case x is taken for the check character X.
IdNumberCheck check_id_number(std::string_view id);
inline bool valid_id_number(std::string_view id)
{
    return check_id_number(id) == IdNumberCheck::ok;
}

} // namespace hk::idcard
