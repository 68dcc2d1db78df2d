// Tests of reading UCS-2 LE fields into UTF-8.
#include "ucs2.hpp"

#include <doctest/doctest.h>

#include <vector>

using hk::idcard::ucs2_field;

namespace {

std::vector<std::uint8_t> le(std::initializer_list<char16_t> units)
{
    std::vector<std::uint8_t> out;
    for (char16_t u : units) {
        out.push_back(static_cast<std::uint8_t>(u & 0xFF));
        out.push_back(static_cast<std::uint8_t>(u >> 8));
    }
    return out;
}

} // namespace

TEST_CASE("Chinese and Latin text read into UTF-8")
{
    CHECK(ucs2_field(le({u'林', u'晓', u'燕'})) == "林晓燕");
    CHECK(ucs2_field(le({u'U', u'S', u'A'})) == "USA");
}

TEST_CASE("space and NUL padding is trimmed at both ends, spaces between words kept")
{
    CHECK(ucs2_field(le({u' ', u'L', u'I', u' ', u'M', u'I', u'N', u'G', u' ', u' '})) == "LI MING");
    CHECK(ucs2_field(le({u'王', u'\0', u'\0'})) == "王");
    CHECK(ucs2_field(le({u' ', u'\0', u' '})).empty());
    CHECK(ucs2_field({}).empty());
}

TEST_CASE("a surrogate pair reads as the character it encodes")
{
    CHECK(ucs2_field(le({u'王', 0xD842, 0xDFB7})) == "王\U00020BB7"); // 𠮷
}

TEST_CASE("a lone surrogate becomes U+FFFD")
{
    CHECK(ucs2_field(le({0xD842, u'A'})) == "\uFFFDA");
    CHECK(ucs2_field(le({u'A', 0xDFB7})) == "A\uFFFD");
    CHECK(ucs2_field(le({0xD842})) == "\uFFFD");
}

TEST_CASE("control characters inside a field become U+FFFD")
{
    CHECK(ucs2_field(le({u'A', u'\n', u'B', u'\0', u'C'})) == "A\uFFFDB\uFFFDC");
    CHECK(ucs2_field(le({u'A', 0x1B, u'B'})) == "A\uFFFDB");
}

TEST_CASE("an odd last byte is ignored")
{
    auto bytes = le({u'A', u'B'});
    bytes.push_back(0x43);
    CHECK(ucs2_field(bytes) == "AB");
}
