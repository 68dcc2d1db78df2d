// The on-screen keyboard drawn headless over a stand-in for the pinyin engine, above a session's
// home screen, for the tests of tests/ui.
#pragma once

#include "fake_composer.hpp"
#include "headless.hpp"
#include "keyboard.hpp"

#include <optional>
#include <string_view>

namespace hk::ui::test {

// A session showing the keyboard over the home screen, in its own top-most layer.
struct KeyboardScreen {
    explicit KeyboardScreen(ImVec2 display = ImVec2(1920, 1080), bool pinyin = true, Lang lang = Lang::zh_Hans,
                            std::size_t page_size = 2)
        : h(display), shell(settings({ServiceId::file_request})),
          entry(pinyin ? std::make_unique<hk::test::FakeComposer>(page_size) : nullptr, lang, 200)
    {
        shell.apply(intent::Start{}, t0);
        if (lang != shell.lang())
            shell.apply(intent::SetLang{lang}, t0);
        h.overlay = [this](Painter& p) {
            begin_layer("##keyboard", p.m, true);
            p.draw = ImGui::GetWindowDrawList();
            area = keyboard_area(p.m);
            if (auto k = draw_keyboard(p, entry, area))
                tapped = k;
            ImGui::End();
        };
        h.frame(shell, t0);
    }

    static Rect keyboard_area(const Metrics& m)
    {
        const float margin = m.portrait() ? m.u(12) : m.u(40);
        return Rect{{margin, m.height * (m.portrait() ? 0.45f : 0.2f)}, {m.width - margin, m.height - margin}};
    }

    // Taps `id` and returns the key the keyboard reported, which is applied to the entry.
    std::optional<text::Key> tap(std::string_view id)
    {
        tapped.reset();
        h.tap(id, shell, t0);
        if (tapped)
            entry.press(*tapped);
        h.frame(shell, t0);
        return tapped;
    }
    void set_large_text()
    {
        shell.apply(intent::ToggleLargeText{}, t0);
        h.frame(shell, t0);
    }

    Headless h;
    Shell shell;
    text::TextEntry entry;
    Rect area;
    std::optional<text::Key> tapped;
};

} // namespace hk::ui::test
