// Tests of the on-screen keyboard's model over a small stand-in for the pinyin engine: what each
// key does in each mode, whole characters, the maximum length, quick phrases, the language, and
// the text wiped from memory. tests/ime covers the same model over librime.
#include "fake_composer.hpp"
#include "text_entry.hpp"

#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

using namespace hk;
using namespace hk::text;
using hk::test::FakeComposer;

namespace {

struct Fixture {
    explicit Fixture(Lang lang = Lang::zh_Hans, std::size_t max_chars = 100)
    {
        auto c = std::make_unique<FakeComposer>();
        fake = c.get();
        entry.emplace(std::move(c), lang, max_chars);
    }
    TextEntry& e() { return *entry; }
    FakeComposer* fake = nullptr;
    std::optional<TextEntry> entry;
};

void type(TextEntry& e, std::string_view letters)
{
    for (char c : letters)
        REQUIRE(e.press(letter_key(c)));
}

} // namespace

TEST_CASE("letters compose in pinyin mode, and choosing a candidate writes it")
{
    Fixture f;
    TextEntry& e = f.e();
    CHECK(e.mode() == Mode::pinyin);
    type(e, "ma");
    CHECK(e.composing());
    CHECK(e.composition() == "ma");
    CHECK(e.text().empty());
    CHECK(e.page().candidates == std::vector<std::string>{"吗", "妈"});
    CHECK(e.press(choose_key(1)));
    CHECK_FALSE(e.composing());
    CHECK(e.text() == "妈");
    CHECK(e.length() == 1);
    CHECK_FALSE(e.press(choose_key(0))); // nothing to choose from any more
}

TEST_CASE("space chooses the first candidate while composing and writes a space otherwise")
{
    Fixture f;
    TextEntry& e = f.e();
    type(e, "deng");
    CHECK(e.press(plain_key(Key::Kind::space)));
    CHECK(e.text() == "灯");
    CHECK(e.press(plain_key(Key::Kind::space)));
    CHECK(e.text() == "灯 ");
}

TEST_CASE("paging moves through the candidates and says when it cannot")
{
    Fixture f;
    TextEntry& e = f.e();
    CHECK_FALSE(e.press(plain_key(Key::Kind::next_page))); // nothing composed
    type(e, "ma");
    CHECK_FALSE(e.press(plain_key(Key::Kind::prev_page)));
    CHECK(e.press(plain_key(Key::Kind::next_page)));
    CHECK(e.press(plain_key(Key::Kind::next_page)));
    CHECK(e.page().candidates == std::vector<std::string>{"骂"});
    CHECK_FALSE(e.page().has_next);
    CHECK_FALSE(e.press(plain_key(Key::Kind::next_page)));
    CHECK(e.press(plain_key(Key::Kind::prev_page)));
    CHECK(e.press(plain_key(Key::Kind::space))); // the first candidate of the page shown
    CHECK(e.text() == "马");
}

TEST_CASE("backspace takes back a letter of the composition before it deletes written text")
{
    Fixture f;
    TextEntry& e = f.e();
    type(e, "ma");
    e.press(choose_key(0));
    type(e, "de");
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.composition() == "d");
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK_FALSE(e.composing());
    CHECK(e.text() == "吗");
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.text().empty());
    CHECK_FALSE(e.press(plain_key(Key::Kind::backspace)));
}

TEST_CASE("backspace deletes a whole character, never a byte, and overwrites it")
{
    Fixture f(Lang::en);
    TextEntry& e = f.e();
    REQUIRE(e.press(insert_key("a电é\xF0\x9F\x98\x80"))); // a, 电 (3 bytes), é (2), 😀 (4)
    CHECK(e.length() == 4);
    const char* data = e.text().data();
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.text() == "a电é");
    for (int i = 6; i < 10; ++i)
        CHECK(data[i] == '\0');
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.text() == "a电");
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.text() == "a");
    CHECK(e.length() == 1);
    // A stray continuation byte or a cut sequence goes one character at a time too.
    REQUIRE(e.press(insert_key("\x80\xE7\x94")));
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.text() == "a\x80");
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.text() == "a");
}

TEST_CASE("the text stops at its maximum length, counted in characters")
{
    Fixture f(Lang::zh_Hans, 5);
    TextEntry& e = f.e();
    CHECK(e.press(insert_key("一二三四")));
    type(e, "dianti");
    CHECK(e.press(choose_key(0))); // 电梯: only 电 fits
    CHECK(e.text() == "一二三四电");
    CHECK(e.full());
    CHECK_FALSE(e.press(letter_key('m'))); // nothing more is composed
    CHECK_FALSE(e.press(insert_key("1")));
    CHECK_FALSE(e.press(plain_key(Key::Kind::space)));
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.press(insert_key("12")));
    CHECK(e.text() == "一二三四1");
}

TEST_CASE("letters mode writes letters, in upper case while caps is on")
{
    Fixture f(Lang::en);
    TextEntry& e = f.e();
    CHECK(e.mode() == Mode::letters);
    type(e, "ab");
    CHECK(e.press(plain_key(Key::Kind::caps)));
    CHECK(e.caps());
    type(e, "cd");
    CHECK(e.press(plain_key(Key::Kind::caps)));
    type(e, "e");
    CHECK(e.text() == "abCDe");
    CHECK_FALSE(e.composing());
    CHECK_FALSE(e.press(letter_key('A'))); // the keyboard sends lower case; caps decides
    CHECK_FALSE(e.press(letter_key('1')));
    // Caps belongs to letters mode: off in the other modes, and off on coming back.
    CHECK(e.press(plain_key(Key::Kind::caps)));
    CHECK(e.press(mode_key(Mode::digits)));
    CHECK_FALSE(e.caps());
    CHECK_FALSE(e.press(plain_key(Key::Kind::caps)));
}

TEST_CASE("digits and punctuation are written as the keys give them, after the composition")
{
    Fixture f;
    TextEntry& e = f.e();
    type(e, "deng");
    CHECK(e.press(insert_key("，")));
    CHECK(e.text() == "灯，");
    CHECK(e.press(mode_key(Mode::digits)));
    CHECK(e.press(insert_key("3")));
    CHECK(e.press(insert_key("。")));
    CHECK(e.text() == "灯，3。");
}

TEST_CASE("switching to letters keeps a composition as typed, switching to digits writes its first candidate")
{
    Fixture f;
    TextEntry& e = f.e();
    type(e, "wifi");
    CHECK(e.press(mode_key(Mode::letters)));
    CHECK(e.text() == "wifi");
    CHECK(e.press(mode_key(Mode::pinyin)));
    type(e, "dian");
    CHECK(e.press(mode_key(Mode::digits)));
    CHECK(e.text() == "wifi电");
    CHECK_FALSE(e.composing());
    CHECK_FALSE(e.press(mode_key(Mode::digits))); // already there
}

TEST_CASE("done commits the composition with the candidates offered first")
{
    Fixture f;
    TextEntry& e = f.e();
    CHECK_FALSE(e.press(plain_key(Key::Kind::done)));
    type(e, "dianti");
    CHECK(e.press(plain_key(Key::Kind::done)));
    CHECK(e.text() == "电梯");
    CHECK_FALSE(e.composing());
}

TEST_CASE("the mode follows the UI language until the resident picks one")
{
    Fixture f(Lang::en);
    TextEntry& e = f.e();
    CHECK(e.mode() == Mode::letters);
    CHECK(e.pinyin_available()); // offered in English too
    e.set_lang(Lang::zh_Hant);
    CHECK(e.mode() == Mode::pinyin);
    CHECK(f.fake->lang() == Lang::zh_Hant);
    type(e, "deng");
    CHECK(e.page().candidates.front() == "燈");
    e.press(choose_key(0));
    e.set_lang(Lang::zh_Hans);
    CHECK(e.text() == "燈"); // written text stays as written
    type(e, "deng");
    CHECK(e.page().candidates.front() == "灯");
    e.press(choose_key(0));

    CHECK(e.press(mode_key(Mode::digits)));
    e.set_lang(Lang::en);
    CHECK(e.mode() == Mode::digits);
    e.set_lang(Lang::zh_Hans);
    CHECK(e.mode() == Mode::digits);
    CHECK(e.press(mode_key(Mode::pinyin)));
    CHECK(e.mode() == Mode::pinyin);
}

TEST_CASE("without a pinyin engine the entry offers letters and digits, and the letters are written")
{
    TextEntry e(nullptr, Lang::zh_Hans, 20);
    CHECK_FALSE(e.pinyin_available());
    CHECK(e.mode() == Mode::letters);
    CHECK_FALSE(e.press(mode_key(Mode::pinyin)));
    CHECK(e.mode() == Mode::letters);
    type(e, "ok");
    CHECK_FALSE(e.composing());
    CHECK(e.page().candidates.empty());
    CHECK_FALSE(e.press(choose_key(0)));
    CHECK_FALSE(e.press(plain_key(Key::Kind::next_page)));
    CHECK(e.press(mode_key(Mode::digits)));
    CHECK(e.press(insert_key("5")));
    CHECK(e.press(plain_key(Key::Kind::backspace)));
    CHECK(e.press(plain_key(Key::Kind::space)));
    CHECK(e.text() == "ok ");
    e.set_lang(Lang::zh_Hant);
    CHECK(e.mode() == Mode::digits);
}

TEST_CASE("quick phrases are set apart from what comes before them")
{
    struct Case {
        const char* before;
        const char* phrase;
        const char* after;
    };
    const Case cases[] = {
        {"", "电梯坏了", "电梯坏了"},
        {"楼道灯不亮", "电梯坏了", "楼道灯不亮，电梯坏了"},
        {"楼道灯不亮。", "电梯坏了", "楼道灯不亮。电梯坏了"},
        {"3号楼", "电梯坏了", "3号楼，电梯坏了"},
        {"Lift broken", "Lights out", "Lift broken. Lights out"},
        {"Lift broken.", "Lights out", "Lift broken. Lights out"},
        {"Lift broken ", "Lights out", "Lift broken Lights out"},
        {"楼道灯不亮", "No light", "楼道灯不亮，No light"},
        {"很吵", "，晚上", "很吵，晚上"},
    };
    for (const Case& c : cases) {
        TextEntry e(nullptr, Lang::zh_Hans, 100);
        e.press(insert_key(c.before));
        CHECK(e.press(phrase_key(c.phrase)));
        CHECK_MESSAGE(e.text() == c.after, c.before << " + " << c.phrase);
    }
}

TEST_CASE("a quick phrase commits the composition first and is cut to the room left")
{
    Fixture f(Lang::zh_Hans, 6);
    TextEntry& e = f.e();
    type(e, "deng");
    CHECK(e.press(phrase_key("不亮了很久")));
    CHECK(e.text() == "灯，不亮了很");
    // No room beyond the separator: the phrase is refused rather than leave a lone "，".
    TextEntry g(nullptr, Lang::zh_Hans, 3);
    g.press(insert_key("灯坏"));
    CHECK_FALSE(g.press(phrase_key("很久")));
    CHECK(g.text() == "灯坏");
}

TEST_CASE("clearing empties the text and the composition and overwrites the characters")
{
    Fixture f;
    TextEntry& e = f.e();
    e.press(insert_key("楼道灯不亮，请尽快修理"));
    type(e, "ma");
    const char* data = e.text().data();
    const std::size_t bytes = e.text().size();
    e.clear();
    CHECK(e.text().empty());
    CHECK(e.length() == 0);
    CHECK_FALSE(e.composing());
    CHECK(*f.fake->clears == 1);
    CHECK(e.text().data() == data); // the same buffer, cleared, not freed
    for (std::size_t i = 0; i < bytes; ++i)
        CHECK(data[i] == '\0');
}

TEST_CASE("the text never moves to a new buffer as it grows to its maximum")
{
    TextEntry e(nullptr, Lang::zh_Hans, 50);
    const char* data = e.text().data();
    for (int i = 0; i < 60; ++i)
        e.press(insert_key("\xF0\x9F\x98\x80")); // four bytes each, the most a character takes
    CHECK(e.length() == 50);
    CHECK(e.text().size() == 200);
    CHECK(e.text().data() == data);
}

TEST_CASE("taking the text hands it over with the composition and leaves the entry empty")
{
    Fixture f;
    TextEntry& e = f.e();
    e.press(insert_key("路灯"));
    type(e, "deng");
    const std::string taken = e.take();
    CHECK(taken == "路灯灯");
    CHECK(e.text().empty());
    CHECK(e.length() == 0);
    CHECK_FALSE(e.composing());
    CHECK(e.press(insert_key("好")));
    CHECK(e.text() == "好");
}

TEST_CASE("dropping the entry clears the composition, and a moved-from entry leaves it alone")
{
    auto c = std::make_unique<FakeComposer>();
    const std::shared_ptr<int> clears = c->clears;
    auto e = std::make_unique<TextEntry>(std::move(c), Lang::zh_Hans, 10);
    type(*e, "ma");
    auto moved = std::make_unique<TextEntry>(std::move(*e));
    e.reset();
    CHECK(*clears == 0);
    CHECK(moved->composing());
    moved.reset();
    CHECK(*clears == 1);
}
