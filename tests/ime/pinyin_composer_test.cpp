// The keyboard's model over librime: a request typed in pinyin and chosen word by word, the script
// following the UI language, backspace, leaving pinyin for letters, clearing.
#include "ime_fixture.hpp"
#include "pinyin_composer.hpp"
#include "text_entry.hpp"

using namespace hk;
using namespace hk::ime;
using text::Key;
using text::TextEntry;

namespace {

TextEntry open_entry(Engine& engine, Lang lang, std::size_t max_chars = 300)
{
    auto composer = PinyinComposer::open(engine, lang);
    REQUIRE_MESSAGE(composer, (composer ? std::string() : composer.error().message));
    return TextEntry(std::move(*composer), lang, max_chars);
}

void type(TextEntry& e, std::string_view letters)
{
    for (char c : letters)
        REQUIRE(e.press(text::letter_key(c)));
}

// Chooses `word` on the page shown, paging forward to find it (bounded).
void choose(TextEntry& e, std::string_view word)
{
    for (int n = 0; n < 20; ++n) {
        const auto& c = e.page().candidates;
        const auto it = std::find(c.begin(), c.end(), word);
        if (it != c.end()) {
            REQUIRE(e.press(text::choose_key(static_cast<std::size_t>(it - c.begin()))));
            return;
        }
        REQUIRE_MESSAGE(e.press(text::plain_key(Key::Kind::next_page)), "no " << word << " for " << e.composition());
    }
    FAIL("no " << word << " within 20 pages of " << e.composition());
}

} // namespace

TEST_CASE("a request typed in pinyin is written word by word as the resident chooses")
{
    auto engine = test::start_engine();
    TextEntry e = open_entry(*engine, Lang::zh_Hans);
    REQUIRE(e.mode() == text::Mode::pinyin);
    type(e, "loudaodengbuliang");
    CHECK(e.composition() == "lou dao deng bu liang");
    CHECK(e.text().empty());
    choose(e, "楼道");
    CHECK(e.composition() == "楼道deng bu liang");
    choose(e, "灯");
    choose(e, "不亮");
    CHECK_FALSE(e.composing());
    CHECK(e.text() == "楼道灯不亮");
    CHECK(e.length() == 5);

    // Punctuation after a composition writes the first candidate, then itself.
    type(e, "xiexie");
    CHECK(e.press(text::insert_key("。")));
    CHECK(e.text() == "楼道灯不亮谢谢。");
}

TEST_CASE("the candidates follow the UI language's script and the written text stays as written")
{
    auto engine = test::start_engine();
    TextEntry e = open_entry(*engine, Lang::zh_Hans);
    type(e, "diantihuaile");
    CHECK(e.press(text::plain_key(Key::Kind::space)));
    CHECK(e.text() == "电梯坏了");

    e.set_lang(Lang::zh_Hant);
    type(e, "loudao");
    CHECK(e.page().candidates.front() == "樓道");
    e.set_lang(Lang::zh_Hans);
    CHECK(e.page().candidates.front() == "楼道");
    e.set_lang(Lang::zh_Hant);
    CHECK(e.press(text::plain_key(Key::Kind::space)));
    CHECK(e.text() == "电梯坏了樓道");
}

TEST_CASE("backspace takes back letters and choices before it deletes a written character")
{
    auto engine = test::start_engine();
    TextEntry e = open_entry(*engine, Lang::zh_Hans);
    e.press(text::insert_key("灯"));
    type(e, "dianti");
    choose(e, "电");
    CHECK(e.composition() == "电ti");
    CHECK(e.press(text::plain_key(Key::Kind::backspace))); // the choice
    CHECK(e.composition() == "dian ti");
    for (int i = 0; i < 6; ++i)
        CHECK(e.press(text::plain_key(Key::Kind::backspace)));
    CHECK_FALSE(e.composing());
    CHECK(e.text() == "灯");
    CHECK(e.press(text::plain_key(Key::Kind::backspace)));
    CHECK(e.text().empty());
}

TEST_CASE("pinyin typed by mistake for Latin letters is kept as typed on switching to letters")
{
    auto engine = test::start_engine();
    TextEntry e = open_entry(*engine, Lang::zh_Hans);
    type(e, "wifi");
    REQUIRE(e.composing());
    CHECK(e.press(text::mode_key(text::Mode::letters)));
    CHECK(e.text() == "wifi");
    CHECK_FALSE(e.composing());
    type(e, "ok");
    CHECK(e.text() == "wifiok");
}

TEST_CASE("an English screen starts in letters and still offers pinyin, in Simplified")
{
    auto engine = test::start_engine();
    TextEntry e = open_entry(*engine, Lang::en);
    CHECK(e.mode() == text::Mode::letters);
    type(e, "lu");
    CHECK(e.text() == "lu");
    CHECK(e.press(text::mode_key(text::Mode::pinyin)));
    type(e, "deng");
    choose(e, "灯");
    CHECK(e.text() == "lu灯");
}

TEST_CASE("clearing drops Rime's composition with the text, and typing starts afresh")
{
    auto engine = test::start_engine();
    TextEntry e = open_entry(*engine, Lang::zh_Hans);
    type(e, "loushui");
    choose(e, "漏水");
    type(e, "yanzhong");
    e.clear();
    CHECK(e.text().empty());
    CHECK_FALSE(e.composing());
    CHECK(e.page().candidates.empty());
    type(e, "laji");
    CHECK(e.page().candidates.front() == "垃圾");
    CHECK(e.press(text::plain_key(Key::Kind::done)));
    CHECK(e.text() == "垃圾");
}
