// The on-screen keyboard drawn with the real fonts and librime under SDL's offscreen driver,
// operated by taps on its widget ids as the script driver taps: a request typed in pinyin,
// candidates chosen and paged, backspace, Traditional, 123, large text, portrait, and without
// pinyin. Pictures are kept in the build tree (HK_TEST_OUTPUT/keyboard) for a person to look at;
// the test checks what was written and that every character drawn was in the atlas.
#include "keyboard_stage.hpp"
#include "rime_build_dir.hpp"
#include "ui_ids.hpp"

#include <doctest/doctest.h>

#include <algorithm>

namespace fs = std::filesystem;
using namespace hk;
using hk::test::KeyboardStage;
using text::Mode;

namespace {

fs::path pictures()
{
    const fs::path dir = fs::path(HK_TEST_OUTPUT) / "keyboard";
    fs::create_directories(dir);
    return dir;
}

std::unique_ptr<KeyboardStage> open_stage(app::PinyinInput& input, ImVec2 size, Lang lang)
{
    auto stage = KeyboardStage::open(size, lang, input.entry(lang, 200));
    REQUIRE_MESSAGE(stage, (stage ? std::string() : stage.error().message));
    return std::move(*stage);
}

void tap(KeyboardStage& s, std::string_view id)
{
    REQUIRE_MESSAGE(s.tap(id), "a tap on " << id << " gave no key");
}

void type(KeyboardStage& s, std::string_view letters)
{
    for (char c : letters)
        if (c != ' ')
            tap(s, ui::ids::kb_key(std::string_view(&c, 1)));
}

// Taps the candidate `word`, paging forward to it (bounded).
void choose(KeyboardStage& s, std::string_view word)
{
    for (int n = 0; n < 10; ++n) {
        const auto& c = s.entry().page().candidates;
        if (const auto it = std::find(c.begin(), c.end(), word); it != c.end()) {
            tap(s, ui::ids::kb_candidate(static_cast<std::size_t>(it - c.begin())));
            return;
        }
        tap(s, ui::ids::kKbPageNext);
    }
    FAIL("no " << word << " for " << s.entry().composition());
}

// Draws a frame into `name`.png and checks that nothing on it was drawn as a box: every
// character was in the atlas when the frame was finished.
void shot(KeyboardStage& s, const std::string& name)
{
    s.frame(pictures() / (name + ".png"));
    CHECK_MESSAGE(s.save_error().empty(), s.save_error());
    CHECK_MESSAGE(!s.fonts().needs_build(), name << ": a character was missing from the last frame's atlas");
    CHECK_MESSAGE(s.fonts().unavailable().empty(), name << ": a character no font has");
    CHECK(fs::file_size(pictures() / (name + ".png")) > 10'000);
}

} // namespace

TEST_CASE("a request typed in pinyin by taps, chosen, paged, deleted, in Traditional and in 123, landscape")
{
    app::PinyinInput input = app::PinyinInput::start(ime::kBuildTreeRimeDir);
    REQUIRE(input.available());
    auto s = open_stage(input, ImVec2(1920, 1080), Lang::zh_Hans);
    shot(*s, "landscape-1-empty");

    type(*s, "lou dao deng bu liang");
    CHECK(s->entry().composition() == "lou dao deng bu liang");
    shot(*s, "landscape-2-composing");
    tap(*s, ui::ids::kKbPageNext);
    CHECK(s->entry().page().number == 1);
    shot(*s, "landscape-3-second-page");
    tap(*s, ui::ids::kKbPagePrev);

    choose(*s, "楼道");
    CHECK(s->entry().composition() == "楼道deng bu liang");
    shot(*s, "landscape-4-part-chosen");
    choose(*s, "灯");
    choose(*s, "不亮");
    CHECK(s->entry().text() == "楼道灯不亮");

    type(*s, "le");
    tap(*s, ui::ids::kKbBackspace); // a letter of the pinyin
    CHECK(s->entry().composition() == "l");
    tap(*s, ui::ids::kKbBackspace);
    tap(*s, ui::ids::kKbBackspace); // a written character
    CHECK(s->entry().text() == "楼道灯不");
    type(*s, "liang");
    tap(*s, ui::ids::kKbSpace); // the first candidate
    CHECK(s->entry().text() == "楼道灯不两");
    tap(*s, ui::ids::kKbBackspace);
    type(*s, "liang");
    choose(*s, "亮");
    CHECK(s->entry().text() == "楼道灯不亮");
    tap(*s, ui::ids::kb_key("comma"));

    s->set_lang(Lang::zh_Hant);
    type(*s, "yijing yi ge yue le");
    shot(*s, "landscape-5-traditional");
    CHECK(s->entry().page().candidates.front() == "已經一個月了");
    tap(*s, ui::ids::kb_candidate(0));

    tap(*s, ui::ids::kb_mode(Mode::digits));
    for (std::string_view k : {"pause", "3", "hash", "1", "2", "0", "1", "question"})
        tap(*s, ui::ids::kb_key(k));
    CHECK(s->entry().text() == "楼道灯不亮，已經一個月了、3#1201？");
    shot(*s, "landscape-6-digits-traditional");

    s->toggle_large_text();
    tap(*s, ui::ids::kb_mode(Mode::pinyin));
    type(*s, "qing jin kuai xiu li");
    shot(*s, "landscape-7-large-text");
    tap(*s, ui::ids::kKbDone);
    CHECK(s->entry().text() == "楼道灯不亮，已經一個月了、3#1201？請儘快修理");
    CHECK_FALSE(s->entry().composing());
}

TEST_CASE("the keyboard on a portrait screen, with large text, in English with caps, and in Chinese")
{
    app::PinyinInput input = app::PinyinInput::start(ime::kBuildTreeRimeDir);
    REQUIRE(input.available());
    auto s = open_stage(input, ImVec2(1080, 1920), Lang::zh_Hans);
    type(*s, "dian ti huai le");
    shot(*s, "portrait-1-composing");
    tap(*s, ui::ids::kb_candidate(0));
    CHECK(s->entry().text() == "电梯坏了");

    s->toggle_large_text();
    type(*s, "lou dao deng bu liang yi jing yi ge yue le");
    shot(*s, "portrait-2-large-text-long-sentence");
    tap(*s, ui::ids::kKbDone);

    s->set_lang(Lang::en);
    s->toggle_large_text();
    tap(*s, ui::ids::kb_mode(Mode::letters));
    tap(*s, ui::ids::kKbCaps);
    type(*s, "b");
    tap(*s, ui::ids::kKbCaps);
    type(*s, "lock");
    tap(*s, ui::ids::kb_mode(Mode::digits));
    tap(*s, ui::ids::kb_key("3"));
    shot(*s, "portrait-3-english-digits");
    CHECK(s->entry().text().ends_with("Block3"));
}

TEST_CASE("without the Rime data the keyboard types letters and digits and says pinyin is unavailable")
{
    app::PinyinInput input = app::PinyinInput::start(fs::path(HK_TEST_OUTPUT) / "no-such-rime-folder");
    REQUIRE_FALSE(input.available());
    auto s = open_stage(input, ImVec2(1920, 1080), Lang::zh_Hans);
    CHECK(s->entry().mode() == Mode::letters);
    CHECK_FALSE(s->widgets().find(ui::ids::kb_mode(Mode::pinyin)));
    type(*s, "wifi");
    tap(*s, ui::ids::kb_mode(Mode::digits));
    tap(*s, ui::ids::kb_key("5"));
    CHECK(s->entry().text() == "wifi5");
    shot(*s, "no-pinyin");
}
