// The on-screen keyboard on a real window under SDL's software renderer (the offscreen video
// driver in tests), with the kiosk's fonts and frame: a resident's screen with the keyboard
// between the top bar and the navigation bar, until the request screens show it themselves. Taps
// go through the widget registry and the pointer queue, as the script driver's do. Shared by the
// keyboard's picture test and its benchmark.
#pragma once

#include "i18n.hpp"
#include "keyboard.hpp"
#include "pinyin_input.hpp"
#include "platform.hpp"
#include "screens.hpp"

#include <imgui.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace hk::test {

class KeyboardStage {
public:
    // A window of `size` showing a session on the file-a-request screen in `lang`, with `entry`.
    static Result<std::unique_ptr<KeyboardStage>> open(ImVec2 size, Lang lang, text::TextEntry entry)
    {
        app::WindowSpec spec;
        spec.fullscreen = false;
        spec.width = static_cast<int>(size.x);
        spec.height = static_cast<int>(size.y);
        auto platform = app::Platform::create(spec);
        if (!platform)
            return std::unexpected(platform.error());
        auto tr = Translator::load(HK_SOURCE_DIR "/assets/i18n");
        if (!tr)
            return std::unexpected(tr.error());
        auto fonts = ui::FontSet::open({"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                                        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"});
        if (!fonts)
            return std::unexpected(fonts.error());
        return std::unique_ptr<KeyboardStage>(
            new KeyboardStage(std::move(*platform), std::move(*tr), std::move(*fonts), lang, std::move(entry)));
    }

    // Draws a frame: again with the missing characters added when the atlas lacked some, as the
    // kiosk's frame loop does. Returns the key tapped in it. Writes the picture to `png` if given.
    std::optional<text::Key> frame(const std::filesystem::path& png = {})
    {
        using Clock = std::chrono::steady_clock;
        const ui::Metrics m = ui::make_metrics(display(), shell_.large_text());
        const ui::Theme theme = ui::make_theme(shell_.large_text());
        std::optional<text::Key> key;
        last_ = {};
        for (int attempt = 0; attempt < 3; ++attempt) {
            fonts_.configure(ui::face_for(shell_.lang()), m.unit);
            if (fonts_.needs_build()) {
                const auto b0 = Clock::now();
                fonts_.build(*ImGui::GetIO().Fonts);
                platform_->upload_fonts(*ImGui::GetIO().Fonts);
                ++atlas_builds_;
                last_.atlas_ms += ms_since(b0);
            }
            const auto t0 = Clock::now();
            platform_->new_frame(1.0 / 60.0);
            ui::Painter p{fonts_, theme, m, tr_, shell_.lang(), widgets_};
            const ui::FrameInput in{shell_, SteadyTime{}, std::tm{}, hall_, help_, instead_};
            ui::draw_frame(p, in);
            ui::begin_layer("##keyboard", m, true);
            p.draw = ImGui::GetWindowDrawList();
            const ui::Rect area = keyboard_area(m);
            // The screen behind is covered: the request screens will draw the keyboard in its place.
            p.draw->AddRectFilled(ImVec2(0, area.min.y), ImVec2(m.width, area.max.y), theme.background);
            if (auto k = ui::draw_keyboard(p, entry_, area); k && !key)
                key = k;
            ImGui::End();
            ImGui::Render();
            last_.ui_ms += ms_since(t0);
            if (!fonts_.needs_build())
                break;
        }
        const auto r0 = Clock::now();
        platform_->render(ui::backdrop(theme, shell_));
        last_.raster_ms = ms_since(r0);
        if (!png.empty())
            if (auto saved = platform_->save_png(png); !saved)
                save_error_ = saved.error().message;
        const auto p0 = Clock::now();
        platform_->present();
        last_.raster_ms += ms_since(p0);
        return key;
    }

    // Taps the widget `id` (press and release, a frame each), hands the key it reported to the
    // entry and draws the frame after. False when no such widget is on screen or the tap asked
    // for no key.
    bool tap(std::string_view id)
    {
        const auto r = widgets_.find(id);
        if (!r)
            return false;
        const ImVec2 c = r->center();
        platform_->pointer().press(c.x, c.y);
        frame();
        platform_->pointer().release(c.x, c.y);
        const auto key = frame();
        if (key)
            entry_.press(*key);
        frame();
        return key.has_value();
    }

    // The language switch and the large-text button, as the top bar's buttons do them; the frame
    // after is drawn, so that the next tap finds the keys where they now are.
    void set_lang(Lang lang)
    {
        shell_.apply(intent::SetLang{lang}, SteadyTime{});
        tr_.set_lang(lang);
        entry_.set_lang(lang);
        frame();
    }
    void toggle_large_text()
    {
        shell_.apply(intent::ToggleLargeText{}, SteadyTime{});
        frame();
    }

    text::TextEntry& entry() { return entry_; }
    const ui::WidgetRegistry& widgets() const { return widgets_; }
    ui::FontSet& fonts() { return fonts_; }
    int atlas_builds() const { return atlas_builds_; }
    const std::string& save_error() const { return save_error_; }

    // What the last frame cost: the atlas builds it needed, our drawing and ImGui's (all the
    // attempts), and the software renderer's raster and present.
    struct Cost {
        double atlas_ms = 0;
        double ui_ms = 0;
        double raster_ms = 0;
    };
    const Cost& last_cost() const { return last_; }

    // Where the keyboard goes: the content area between the bars, the whole width of a portrait
    // screen.
    static ui::Rect keyboard_area(const ui::Metrics& m)
    {
        const float side = m.portrait() ? m.u(12) : m.u(40);
        return ui::Rect{{side, m.u(104) + m.u(24)}, {m.width - side, m.height - m.u(132) - m.u(16)}};
    }

private:
    KeyboardStage(std::unique_ptr<app::Platform> platform, Translator tr, ui::FontSet fonts, Lang lang,
                  text::TextEntry entry)
        : platform_(std::move(platform)), tr_(std::move(tr)), fonts_(std::move(fonts)),
          shell_(shell_settings(lang)), entry_(std::move(entry))
    {
        // As the kiosk does: the translations and the config's texts in each face's languages.
        for (ui::Face face : {ui::Face::sc, ui::Face::tc}) {
            ui::FaceText t;
            for (Lang l : kAllLangs)
                if (ui::face_for(l) == face) {
                    for (const auto& [k, v] : tr_.catalogue(l).entries())
                        t.ui += v;
                    t.ui += hall_.in(l) + help_.in(l);
                }
            fonts_.set_text(face, std::move(t));
        }
        tr_.set_lang(lang);
        shell_.apply(intent::Start{}, SteadyTime{});
        shell_.apply(intent::Open{ServiceId::file_request}, SteadyTime{});
        frame();
    }

    static ShellSettings shell_settings(Lang lang)
    {
        ShellSettings s;
        s.timings = SessionTimings{Millis(600'000), Millis(15'000)};
        s.default_lang = lang;
        s.home = {ServiceId::file_request};
        return s;
    }
    static double ms_since(std::chrono::steady_clock::time_point t)
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    }
    ImVec2 display() const
    {
        return ImVec2(static_cast<float>(platform_->width()), static_cast<float>(platform_->height()));
    }

    std::unique_ptr<app::Platform> platform_;
    Translator tr_;
    ui::FontSet fonts_;
    Shell shell_;
    text::TextEntry entry_;
    ui::WidgetRegistry widgets_;
    LocalText hall_{{"幸福街道党群服务中心", "幸福街道黨群服務中心", "Xingfu Community Service Centre"}};
    LocalText help_{{"一楼综合服务台", "一樓綜合服務台", "Service desk, ground floor"}};
    std::map<ServiceId, LocalText> instead_;
    int atlas_builds_ = 0;
    Cost last_;
    std::string save_error_;
};

} // namespace hk::test
