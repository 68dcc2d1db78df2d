// The GB 11643 check character (see id_number.hpp).
#include "id_number.hpp"

#include "date.hpp"

namespace hk::idcard {

std::optional<char> check_digit(std::string_view first17)
{
    // GB 11643-1999 §8.2: weights 2^(i-1) mod 11 from the check position, i.e. these from the
    // left; the sum mod 11 picks the character that makes the whole number ≡ 1 (mod 11).
    constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    constexpr char kCheck[] = "10X98765432";
    if (first17.size() != 17)
        return std::nullopt;
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (first17[i] < '0' || first17[i] > '9')
            return std::nullopt;
        sum += (first17[i] - '0') * kWeights[i];
    }
    return kCheck[sum % 11];
}

IdNumberCheck check_id_number(std::string_view id)
{
    if (id.size() != 18)
        return IdNumberCheck::wrong_length;
    const auto expected = check_digit(id.substr(0, 17));
    char last = id[17];
    if (last == 'x')
        last = 'X';
    if (!expected || !((last >= '0' && last <= '9') || last == 'X'))
        return IdNumberCheck::not_digits;
    if (!parse_date(id.substr(6, 8)))
        return IdNumberCheck::bad_birth_date;
    return last == *expected ? IdNumberCheck::ok : IdNumberCheck::wrong_check_digit;
}

} // namespace hk::idcard
