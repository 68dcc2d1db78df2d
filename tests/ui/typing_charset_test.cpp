// The characters the input font carries for typed Chinese, read from glibc's iconv tables.
#include "typing_charset.hpp"
#include "utf8.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace hk;
using namespace hk::ui;

namespace {

std::set<char32_t> chars(const std::string& s)
{
    std::set<char32_t> out;
    for (std::size_t pos = 0; pos < s.size();)
        out.insert(utf8::next(s, pos));
    return out;
}

std::size_t ideographs(const std::set<char32_t>& s)
{
    std::size_t n = 0;
    for (char32_t c : s)
        n += c >= 0x4E00 && c <= 0x9FFF;
    return n;
}

bool has_all(const std::set<char32_t>& s, const std::string& text)
{
    for (char32_t c : chars(text))
        if (!s.contains(c))
            return false;
    return true;
}

} // namespace

TEST_CASE("Simplified typing uses GB 2312's hanzi and punctuation, everyday words ImGui's common set lacks included")
{
    const auto sc = chars(typing_charset(Face::sc));
    CHECK(ideographs(sc) == 6763);
    CHECK(has_all(sc, "楼道灯不亮噪音啥"));
    CHECK(has_all(sc, "，。？！、：；“”（）"));
    CHECK_FALSE(sc.contains(U'燈')); // no Traditional forms
}

TEST_CASE("Traditional typing uses Big5's frequently used hanzi and punctuation")
{
    const auto tc = chars(typing_charset(Face::tc));
    CHECK(ideographs(tc) == 5401);
    CHECK(has_all(tc, "樓道燈不亮噪音電梯壞了經個請"));
    CHECK(has_all(tc, "，。？！、：；“”（）"));
    CHECK_FALSE(tc.contains(U'灯'));
}
