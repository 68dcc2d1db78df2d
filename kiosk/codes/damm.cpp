// The Damm algorithm over the published order-10 quasigroup.
#include "damm.hpp"

namespace hk::codes {

const std::array<std::array<std::uint8_t, 10>, 10> kDammTable = {{
    {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
    {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
    {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
    {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
    {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
    {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
    {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
    {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
    {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
    {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
}};

std::optional<int> damm_check_digit(std::string_view digits)
{
    int interim = 0;
    for (const char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        interim = kDammTable[static_cast<std::size_t>(interim)][static_cast<std::size_t>(c - '0')];
    }
    return interim;
}

bool damm_valid(std::string_view digits)
{
    const auto interim = damm_check_digit(digits);
    return !digits.empty() && interim && *interim == 0;
}

} // namespace hk::codes
