// UTF-8 decoding, one code point at a time, safe on malformed input.
#pragma once

#include <cstddef>
#include <string_view>

namespace hk::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at s[pos] and advances pos past it. A malformed, overlong or truncated
// sequence yields U+FFFD and advances one byte, so scanning always makes progress.
constexpr char32_t next(std::string_view s, std::size_t& pos)
{
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) { len = 2; cp = b0 & 0x1F; }
    else if ((b0 & 0xF0) == 0xE0) { len = 3; cp = b0 & 0x0F; }
    else if ((b0 & 0xF8) == 0xF0) { len = 4; cp = b0 & 0x07; }
    else { ++pos; return kReplacement; }
    if (pos + static_cast<std::size_t>(len) > s.size()) { ++pos; return kReplacement; }
    for (int i = 1; i < len; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
        if ((b & 0xC0) != 0x80) { ++pos; return kReplacement; }
        cp = (cp << 6) | (b & 0x3F);
    }
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) { ++pos; return kReplacement; }
    pos += static_cast<std::size_t>(len);
    return cp;
}

} // namespace hk::utf8
