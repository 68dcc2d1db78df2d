// Test-only: builds the module's UCS-2 LE text blocks from UTF-8 fields at the byte ranges of
// the reference (../shared/reference/peripherals.md, SAM section), and the sample cards of the
// fictional people the idcard tests and the fuzz seeds use. All check digits are valid.
#pragma once

#include "utf8.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace hk::test {

using Block = std::vector<std::uint8_t>;

// `bytes` of padding: U+0020, little endian.
inline Block blank_block(std::size_t bytes = 256)
{
    Block b(bytes, 0);
    for (std::size_t i = 0; i < bytes; i += 2)
        b[i] = 0x20;
    return b;
}

// Writes `utf8` as UCS-2 LE over bytes first..last (both included), cut to fit; the rest of the
// range is padding. A character beyond the BMP is written as a surrogate pair.
inline void put(Block& b, std::size_t first, std::size_t last, std::string_view utf8)
{
    for (std::size_t i = first; i + 1 <= last; i += 2) {
        b[i] = 0x20;
        b[i + 1] = 0;
    }
    std::vector<char16_t> units;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t c = utf8::next(utf8, pos);
        if (c < 0x10000) {
            units.push_back(static_cast<char16_t>(c));
        } else {
            units.push_back(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
            units.push_back(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
        }
    }
    std::size_t at = first;
    for (char16_t u : units) {
        if (at + 1 > last)
            break;
        b[at++] = static_cast<std::uint8_t>(u & 0xFF);
        b[at++] = static_cast<std::uint8_t>(u >> 8);
    }
}

inline void put_kind(Block& b, char16_t kind)
{
    b[248] = static_cast<std::uint8_t>(kind & 0xFF);
    b[249] = static_cast<std::uint8_t>(kind >> 8);
}

// A field's bytes (first and last included) and its text.
struct Field {
    std::size_t first;
    std::size_t last;
    std::string_view utf8;
};

inline Block block_of(char16_t kind, std::initializer_list<Field> fields)
{
    Block b = blank_block();
    for (const Field& f : fields)
        put(b, f.first, f.last, f.utf8);
    put_kind(b, kind);
    return b;
}

// 林晓燕, a resident of Shenzhen; her ID number ends in X.
inline Block resident_block()
{
    return block_of(u' ', {{0, 29, "林晓燕"},
                           {30, 31, "2"},
                           {32, 35, "01"},
                           {36, 51, "19880315"},
                           {52, 121, "广东省深圳市福田区莲花街道红荔路1001号"},
                           {122, 157, "44030419880315264X"},
                           {158, 187, "深圳市公安局福田分局"},
                           {188, 203, "20180601"},
                           {204, 219, "20380601"}});
}

// 陈家豪, a Hong Kong resident living in Shenzhen.
inline Block permit_block()
{
    return block_of(u'J', {{0, 29, "陈家豪"},
                           {30, 31, "1"},
                           {36, 51, "19920512"},
                           {52, 121, "广东省深圳市南山区粤海街道科苑路8号"},
                           {122, 157, "810000199205121239"},
                           {158, 187, "深圳市公安局"},
                           {188, 203, "20200110"},
                           {204, 219, "20250110"},
                           {220, 237, "H60123456"},
                           {238, 241, "02"}});
}

// John Paul Smith, an American with a permanent residence card of 2017.
inline Block foreigner_2017_block()
{
    return block_of(u'I', {{0, 119, "SMITH JOHN PAUL"},
                           {120, 121, "1"},
                           {122, 151, "USA110085061502"},
                           {152, 157, "USA"},
                           {158, 187, "史密斯"},
                           {188, 203, "20170801"},
                           {204, 219, "20270801"},
                           {220, 235, "19850615"},
                           {236, 239, "01"},
                           {240, 247, "1500"}});
}

// Javier García López, a Spaniard with a permanent residence card of 2023. His English name is
// longer than part 1 holds: part 1 ends with the space before MARTIN, which part 2 holds.
inline Block foreigner_2023_block()
{
    return block_of(u'Y', {{0, 29, "贾维"},
                           {30, 31, "1"},
                           {32, 35, "01"},
                           {36, 51, "19900220"},
                           {52, 121, "GARCIA LOPEZ JAVIER ALEJANDRO LUIS "},
                           {122, 157, "944724199002200019"},
                           {188, 203, "20230301"},
                           {204, 219, "20330301"},
                           {220, 241, "MARTIN"},
                           {242, 247, "ESP"},
                           {250, 255, "1"}});
}

} // namespace hk::test
