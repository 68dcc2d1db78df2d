// Reading UCS-2 LE fields into UTF-8 (see ucs2.hpp).
#include "ucs2.hpp"

#include <cstring>
#include <vector>

namespace hk::idcard {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | c >> 6);
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | c >> 12);
        out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | c >> 18);
        out += static_cast<char>(0x80 | (c >> 12 & 0x3F));
        out += static_cast<char>(0x80 | (c >> 6 & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_padding(char16_t u)
{
    return u == 0x0020 || u == 0x0000;
}
bool is_high_surrogate(char16_t u)
{
    return u >= 0xD800 && u <= 0xDBFF;
}
bool is_low_surrogate(char16_t u)
{
    return u >= 0xDC00 && u <= 0xDFFF;
}

} // namespace

std::string ucs2_field(std::span<const std::uint8_t> bytes)
{
    std::vector<char16_t> units;
    units.reserve(bytes.size() / 2);
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
        units.push_back(static_cast<char16_t>(bytes[i] | bytes[i + 1] << 8));
    std::size_t from = 0, to = units.size();
    while (from < to && is_padding(units[from]))
        ++from;
    while (to > from && is_padding(units[to - 1]))
        --to;
    // Room for the longest result up front (3 bytes a unit at most): a string that grew would
    // leave copies of a personal field in the blocks it let go of.
    std::string out;
    out.reserve(units.size() * 3);
    for (std::size_t i = from; i < to; ++i) {
        const char16_t u = units[i];
        char32_t c = u;
        if (is_high_surrogate(u) && i + 1 < to && is_low_surrogate(units[i + 1])) {
            c = 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (static_cast<char32_t>(units[i + 1]) - 0xDC00);
            ++i;
        } else if (is_high_surrogate(u) || is_low_surrogate(u) || u < 0x20 || (u >= 0x7F && u < 0xA0)) {
            c = kReplacement;
        }
        append_utf8(out, c);
    }
    if (!units.empty()) // explicit_bzero takes no null pointer, even for zero bytes
        explicit_bzero(units.data(), units.size() * sizeof(char16_t));
    return out;
}

} // namespace hk::idcard
