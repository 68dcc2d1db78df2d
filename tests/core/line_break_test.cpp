// Tests of Chinese and Latin line breaking.
#include "line_break.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hk::text;

namespace {

// Every character is one unit wide, except ideographs and full-width forms, which are two.
float advance(char32_t c) { return c >= 0x2E80 ? 2.0f : 1.0f; }

std::vector<std::string> lines(std::string_view text, float width)
{
    std::vector<std::string> out;
    for (auto l : break_lines(text, width, advance))
        out.emplace_back(l);
    return out;
}

} // namespace

TEST_CASE("a Chinese sentence breaks between characters")
{
    CHECK(lines("请选择您要办理的服务", 8) == std::vector<std::string>{"请选择您", "要办理的", "服务"});
}

TEST_CASE("closing punctuation never starts a line")
{
    // "您好" fills the line and "，" would start the next; "好" moves down with it.
    CHECK(lines("您好，世界", 4) == std::vector<std::string>{"您", "好，", "世界"});
    CHECK(lines("结束。", 4) == std::vector<std::string>{"结", "束。"});
}

TEST_CASE("opening punctuation never ends a line")
{
    // "「" would fit at the end of the first line; it moves down with what it opens.
    CHECK(lines("本机暂不提「场地」", 12) == std::vector<std::string>{"本机暂不提", "「场地」"});
}

TEST_CASE("Latin words stay whole and spaces at a break are dropped")
{
    CHECK(lines("Touch the screen to start", 12) == std::vector<std::string>{"Touch the", "screen to", "start"});
}

TEST_CASE("a word longer than the line is cut where it must be")
{
    CHECK(lines("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
}

TEST_CASE("mixed text breaks at ideographs and at spaces")
{
    CHECK(lines("一楼 Service Desk 综合服务台", 12) ==
          std::vector<std::string>{"一楼 Service", "Desk 综合服", "务台"});
}

TEST_CASE("newlines always break and text that fits is one line")
{
    CHECK(lines("短句", 100) == std::vector<std::string>{"短句"});
    CHECK(lines("一\n二", 100) == std::vector<std::string>{"一", "二"});
    CHECK(lines("", 10) == std::vector<std::string>{""});
}

TEST_CASE("malformed UTF-8 does not stop the breaker")
{
    const std::string bad = std::string("ab") + '\xE4' + "cd";
    const auto out = lines(bad, 100);
    REQUIRE(out.size() == 1);
    CHECK(out[0] == bad);
}
