// Tests of the on-screen keyboard drawn headless over a stand-in for the pinyin engine: what
// a tap on each key asks for, key sizes on landscape and portrait screens with and without
// large text, candidates that never leave the bar, and the targets that come and go with the
// mode and the pages.
#include "keyboard_screen.hpp"
#include "ui_ids.hpp"

#include <doctest/doctest.h>

#include <optional>

using namespace hk;
using namespace hk::ui;
using namespace hk::ui::test;
using text::Key;
using text::Mode;
using text::TextEntry;

namespace {

bool inside(Rect r, Rect outer)
{
    return r.min.x >= outer.min.x - 0.5f && r.min.y >= outer.min.y - 0.5f && r.max.x <= outer.max.x + 0.5f &&
           r.max.y <= outer.max.y + 0.5f;
}

bool overlap(Rect a, Rect b)
{
    return a.min.x < b.max.x - 0.5f && b.min.x < a.max.x - 0.5f && a.min.y < b.max.y - 0.5f && b.min.y < a.max.y - 0.5f;
}

std::vector<std::pair<std::string, Rect>> keyboard_targets(const Headless& h)
{
    std::vector<std::pair<std::string, Rect>> out;
    for (const auto& [id, r] : h.widgets().all())
        if (id.starts_with("kb."))
            out.emplace_back(id, r);
    return out;
}

} // namespace

TEST_CASE("a tap on a key asks for what the key shows")
{
    KeyboardScreen s;
    REQUIRE(s.entry.mode() == Mode::pinyin);
    auto k = s.tap("kb.key.m");
    REQUIRE(k);
    CHECK(k->kind == Key::Kind::letter);
    CHECK(k->letter == 'm');
    s.tap("kb.key.a");
    CHECK(s.entry.composition() == "ma");

    k = s.tap("kb.cand.1");
    REQUIRE(k);
    CHECK(k->kind == Key::Kind::choose);
    CHECK(k->index == 1);
    CHECK(s.entry.text() == "妈");

    k = s.tap("kb.key.comma");
    REQUIRE(k);
    CHECK(k->kind == Key::Kind::insert);
    CHECK(k->text == "，");
    CHECK(s.tap(std::string(ids::kKbSpace))->kind == Key::Kind::space);
    CHECK(s.tap(std::string(ids::kKbBackspace))->kind == Key::Kind::backspace);
    CHECK(s.tap(std::string(ids::kKbDone))->kind == Key::Kind::done);
    CHECK(s.entry.text() == "妈，");

    k = s.tap(ids::kb_mode(Mode::digits));
    REQUIRE(k);
    CHECK(k->kind == Key::Kind::mode);
    CHECK(k->mode == Mode::digits);
    CHECK(s.tap("kb.key.7")->text == "7");
    CHECK(s.tap("kb.key.pause")->text == "、");
    CHECK(s.tap("kb.key.lparen")->text == "（");
    CHECK(s.entry.text() == "妈，7、（");

    s.tap(ids::kb_mode(Mode::letters));
    CHECK(s.tap(std::string(ids::kKbCaps))->kind == Key::Kind::caps);
    CHECK(s.tap("kb.key.q")->letter == 'q');
    CHECK(s.tap("kb.key.comma")->text == ","); // ASCII beside Latin letters
    CHECK(s.entry.text() == "妈，7、（Q,");
}

TEST_CASE("English punctuation is ASCII and Chinese punctuation full-width")
{
    {
        KeyboardScreen en(ImVec2(1920, 1080), true, Lang::en);
        CHECK(en.entry.mode() == Mode::letters);
        en.tap(ids::kb_mode(Mode::digits));
        const auto ids = en.h.ids();
        CHECK(ids.contains("kb.key.apostrophe"));
        CHECK_FALSE(ids.contains("kb.key.pause"));
        CHECK(en.tap("kb.key.comma")->text == ",");
        CHECK(en.tap("kb.key.lparen")->text == "(");
        CHECK(en.tap("kb.key.ampersand")->text == "&");
    }
    // One ImGui context at a time.
    KeyboardScreen hant(ImVec2(1920, 1080), true, Lang::zh_Hant);
    hant.tap(ids::kb_mode(Mode::digits));
    CHECK(hant.tap("kb.key.question")->text == "？");
    CHECK(hant.tap("kb.key.semicolon")->text == "；");
}

TEST_CASE("keys are no smaller than the touch minimum and stay in the keyboard's area on every screen")
{
    for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        for (bool large : {false, true}) {
            for (Mode mode : {Mode::pinyin, Mode::letters, Mode::digits}) {
                KeyboardScreen s(display);
                if (large)
                    s.set_large_text();
                s.tap(ids::kb_mode(mode));
                if (mode == Mode::pinyin)
                    for (char c : std::string_view("yiju"))
                        s.tap(std::string("kb.key.") + c);
                const Metrics m = make_metrics(display, large);
                const auto targets = keyboard_targets(s.h);
                CAPTURE(display.x);
                CAPTURE(large);
                CAPTURE(static_cast<int>(mode));
                CHECK(targets.size() >= 34); // every key of the mode
                for (std::size_t i = 0; i < targets.size(); ++i) {
                    const auto& [id, r] = targets[i];
                    CHECK_MESSAGE(r.width() >= m.min_touch - 0.5f, id << " is " << r.width() << " px wide");
                    CHECK_MESSAGE(r.height() >= m.min_touch - 0.5f, id << " is " << r.height() << " px tall");
                    CHECK_MESSAGE(inside(r, s.area), id << " leaves the keyboard's area");
                    for (std::size_t j = i + 1; j < targets.size(); ++j)
                        CHECK_MESSAGE(!overlap(r, targets[j].second), id << " overlaps " << targets[j].first);
                }
            }
        }
    }
}

TEST_CASE("long candidates share the bar between the page buttons instead of overflowing it")
{
    for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        KeyboardScreen s(display);
        s.set_large_text();
        for (char c : std::string_view("yiju"))
            s.tap(std::string("kb.key.") + c);
        for (int page = 0; page < 2; ++page) {
            if (page == 1)
                s.tap(std::string(ids::kKbPageNext));
            REQUIRE(s.entry.page().number == static_cast<std::size_t>(page));
            REQUIRE(s.entry.page().candidates.size() == 2);
            const float left = page == 0 ? s.area.min.x : s.h.widgets().find(ids::kKbPagePrev)->max.x;
            float right = s.area.max.x;
            if (const auto next = s.h.widgets().find(ids::kKbPageNext))
                right = next->min.x;
            float x = left;
            for (std::size_t i = 0; i < 2; ++i) {
                const auto r = s.h.widgets().find(ids::kb_candidate(i));
                REQUIRE(r);
                CHECK(r->min.x >= x - 0.5f);
                CHECK(r->max.x <= right + 0.5f);
                CHECK(r->width() >= make_metrics(ImVec2(display), true).min_touch);
                x = r->max.x;
            }
        }
    }
}

TEST_CASE("page buttons are targets only when there is a page that way")
{
    KeyboardScreen s;
    CHECK_FALSE(s.h.ids().contains(std::string(ids::kKbPageNext)));
    s.tap("kb.key.m");
    s.tap("kb.key.a");
    auto ids = s.h.ids();
    CHECK(ids.contains(std::string(ids::kKbPageNext)));
    CHECK_FALSE(ids.contains(std::string(ids::kKbPagePrev)));
    CHECK(s.tap(std::string(ids::kKbPageNext))->kind == Key::Kind::next_page);
    CHECK(s.h.ids().contains(std::string(ids::kKbPagePrev)));
    s.tap(std::string(ids::kKbPageNext));
    ids = s.h.ids();
    CHECK_FALSE(ids.contains(std::string(ids::kKbPageNext)));
    CHECK(ids.contains(ids::kb_candidate(0)));
    CHECK_FALSE(ids.contains(ids::kb_candidate(1))); // the last page holds one
    CHECK(s.tap(std::string(ids::kKbPagePrev))->kind == Key::Kind::prev_page);
}

TEST_CASE("without a pinyin engine the pinyin key is shown but is no target, and the rest works")
{
    KeyboardScreen s(ImVec2(1920, 1080), false);
    const auto ids = s.h.ids();
    CHECK_FALSE(ids.contains(ids::kb_mode(Mode::pinyin)));
    CHECK_FALSE(ids.contains(std::string(ids::kKbPageNext)));
    CHECK(ids.contains(ids::kb_mode(Mode::letters)));
    CHECK(ids.contains(ids::kb_mode(Mode::digits)));
    CHECK(ids.contains(std::string(ids::kKbCaps)));
    s.tap("kb.key.o");
    s.tap("kb.key.k");
    CHECK(s.entry.text() == "ok");
}

TEST_CASE("characters of the text and of the candidates that the atlas lacks are asked for")
{
    KeyboardScreen s;
    // 扽 and 㩐 (U+627D, U+3A50) are candidates Rime offers for "den": in no translation and
    // not in the common set the input font carries.
    FontSet& fonts = s.h.fonts();
    ImFont* input = fonts.font(FontRole::input, Face::sc);
    REQUIRE(input->FindGlyphNoFallback(0x627D) == nullptr);
    REQUIRE(input->FindGlyphNoFallback(0x3A50) == nullptr);
    for (char c : std::string_view("den"))
        s.tap(std::string("kb.key.") + c);
    // The tap's frames met them; the next frame builds them into the atlas before it draws.
    s.h.frame(s.shell, t0);
    input = fonts.font(FontRole::input, Face::sc);
    CHECK(input->FindGlyphNoFallback(0x627D) != nullptr);
    CHECK(input->FindGlyphNoFallback(0x3A50) != nullptr);
    s.tap("kb.cand.0");
    CHECK(s.entry.text() == "扽");
    CHECK_FALSE(fonts.needs_build());
}

TEST_CASE("while a keyboard is up the input font carries the characters typed Chinese uses, in the resident's script")
{
    KeyboardScreen s; // its first frame asked for them
    FontSet& fonts = s.h.fonts();
    CHECK(fonts.typing());
    s.h.frame(s.shell, t0);
    ImFont* sc = fonts.font(FontRole::input, Face::sc);
    CHECK(sc->FindGlyphNoFallback(U'噪') != nullptr); // not in ImGui's common set
    CHECK(sc->FindGlyphNoFallback(U'啥') != nullptr);
    CHECK(sc->FindGlyphNoFallback(U'燈') == nullptr);
    s.shell.apply(intent::SetLang{Lang::zh_Hant}, t0);
    s.h.frame(s.shell, t0);
    ImFont* tc = fonts.font(FontRole::input, Face::tc);
    CHECK(tc->FindGlyphNoFallback(U'燈') != nullptr);
    CHECK(tc->FindGlyphNoFallback(U'經') != nullptr);

    // The session ends: they leave the atlas, until a keyboard is drawn again.
    fonts.end_typing();
    CHECK(fonts.needs_build());
    s.h.overlay = nullptr;
    s.h.frame(s.shell, t0);
    CHECK(fonts.font(FontRole::input, Face::tc)->FindGlyphNoFallback(U'燈') == nullptr);
    CHECK_FALSE(fonts.needs_build());
}
