// Screens drawn headless with Dear ImGui and the kiosk's fonts (no window): enough to lay out
// frames, read the widget registry and tap widgets. Shared by the tests of tests/ui.
#pragma once

#include "demo_panel.hpp"
#include "fonts.hpp"
#include "maint_screens.hpp"
#include "screens.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace hk::ui::test {

using namespace std::chrono_literals;

inline const SteadyTime t0{};

inline ShellSettings settings(std::vector<ServiceId> home)
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = std::move(home);
    s.disabled = {ServiceId::book_venue};
    return s;
}

// An ImGui context with the kiosk's fonts and nothing to draw to: enough to lay out frames,
// read the widget registry and tap widgets.
class Headless {
public:
    explicit Headless(ImVec2 display = ImVec2(1920, 1080)) : display_(display)
    {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        auto tr = Translator::load(HK_SOURCE_DIR "/assets/i18n");
        REQUIRE(tr);
        tr_ = std::move(*tr);
        auto fonts = FontSet::open({"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                                    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"});
        REQUIRE_MESSAGE(fonts, (fonts ? "" : fonts.error().message));
        fonts_ = std::move(*fonts);
        for (Face face : {Face::sc, Face::tc}) {
            FaceText t;
            for (Lang lang : kAllLangs)
                if (face_for(lang) == face)
                    for (const auto& [k, v] : tr_.catalogue(lang).entries())
                        t.ui += v, t.hero += v;
            fonts_.set_text(face, std::move(t));
        }
    }
    ~Headless() { ImGui::DestroyContext(); }

    // Draws one frame; the pointer is at `pointer`, pressed or not.
    std::vector<Intent> frame(const Shell& shell, SteadyTime now, bool busy = false, float busy_phase = 0.0f)
    {
        tr_.set_lang(shell.lang());
        const Metrics m = make_metrics(display_, shell.large_text());
        const Theme theme = make_theme(shell.large_text());
        fonts_.configure(face_for(shell.lang()), m.unit);
        if (fonts_.needs_build())
            fonts_.build(*ImGui::GetIO().Fonts);
        ImGui::GetIO().MousePos = pointer_;
        ImGui::GetIO().MouseDown[0] = down_;
        ImGui::NewFrame();
        Painter p{fonts_, theme, m, tr_, shell.lang(), widgets_};
        const FrameInput in{shell,
                            now,
                            wall_,
                            hall_,
                            help_,
                            instead_,
                            busy,
                            busy_phase,
                            demo_ != nullptr,
                            PrinterNotice::none,
                            false,
                            ScanNotice::none,
                            CheckIn{},
                            UplinkStatus{},
                            lists_,
                            bookings_,
                            CardNotice::none,
                            nullptr,
                            ratings_,
                            directory_};
        auto out = draw_frame(p, in);
        if (demo_) {
            auto asked = draw_demo_panel(p, *demo_);
            demo_actions_.insert(demo_actions_.end(), asked.begin(), asked.end());
        }
        if (overlay)
            overlay(p);
        ImGui::Render();
        return out;
    }

    // Maintenance mode's frame from `view` instead of the residents'.
    std::vector<MaintIntent> maint_frame(const MaintView& view, Lang lang = Lang::zh_Hans)
    {
        tr_.set_lang(lang);
        const Metrics m = make_metrics(display_, false);
        const Theme theme = make_theme(false);
        fonts_.configure(face_for(lang), m.unit);
        if (fonts_.needs_build())
            fonts_.build(*ImGui::GetIO().Fonts);
        ImGui::GetIO().MousePos = pointer_;
        ImGui::GetIO().MouseDown[0] = down_;
        ImGui::NewFrame();
        Painter p{fonts_, theme, m, tr_, lang, widgets_};
        auto out = draw_maintenance(p, view);
        ImGui::Render();
        return out;
    }
    std::vector<MaintIntent> maint_tap(std::string_view id, const MaintView& view)
    {
        const auto r = widgets_.find(id);
        REQUIRE_MESSAGE(r, "no widget " << id);
        pointer_ = r->center();
        down_ = true;
        auto out = maint_frame(view);
        down_ = false;
        auto more = maint_frame(view);
        out.insert(out.end(), more.begin(), more.end());
        return out;
    }

    // A tap on the widget `id` of the last frame: press in one frame, release in the next.
    std::vector<Intent> tap(std::string_view id, const Shell& shell, SteadyTime now, bool busy = false)
    {
        const auto r = widgets_.find(id);
        REQUIRE_MESSAGE(r, "no widget " << id);
        return tap_at(r->center(), shell, now, busy);
    }
    std::vector<Intent> tap_at(ImVec2 at, const Shell& shell, SteadyTime now, bool busy = false)
    {
        pointer_ = at;
        down_ = true;
        auto out = frame(shell, now, busy);
        down_ = false;
        auto more = frame(shell, now, busy);
        out.insert(out.end(), more.begin(), more.end());
        return out;
    }

    std::set<std::string> ids() const
    {
        std::set<std::string> out;
        for (const auto& [id, r] : widgets_.all())
            out.insert(id);
        return out;
    }
    FontSet& fonts() { return fonts_; }
    const WidgetRegistry& widgets() const { return widgets_; }
    // Drawn in every frame after the screen (a widget under test), in a window of its own.
    std::function<void(Painter&)> overlay;
    // Demo mode: the panel is drawn with every frame, from `view`.
    void show_demo(const DemoPanelView* view) { demo_ = view; }
    // The request screens' lists (empty unless set).
    void set_lists(RequestLists lists) { lists_ = std::move(lists); }
    // The booking screens' venues and activities (empty unless set).
    void set_bookings(BookingLists lists) { bookings_ = std::move(lists); }
    // The rating screens' windows, reasons and questionnaires, and the attract figure (none unless set).
    void set_ratings(RatingLists lists) { ratings_ = std::move(lists); }
    // The service directory's services, teams and traffic safety pages (empty unless set).
    void set_directory(DirectoryLists lists) { directory_ = std::move(lists); }
    // The local wall clock the screens see (the epoch of std::tm unless set).
    void set_wall(const std::tm& wall) { wall_ = wall; }
    std::vector<DemoAction> take_demo_actions() { return std::exchange(demo_actions_, {}); }

private:
    const DemoPanelView* demo_ = nullptr;
    std::vector<DemoAction> demo_actions_;
    RequestLists lists_;
    BookingLists bookings_;
    RatingLists ratings_;
    DirectoryLists directory_;
    std::tm wall_{};
    ImVec2 display_;
    Translator tr_;
    FontSet fonts_;
    WidgetRegistry widgets_;
    LocalText hall_{{"幸福街道党群服务中心", "幸福街道黨群服務中心", "Xingfu Community Service Centre"}};
    LocalText help_{{"一楼综合服务台", "一樓綜合服務台", "Service desk, ground floor"}};
    std::map<ServiceId, LocalText> instead_;
    ImVec2 pointer_{-1, -1};
    bool down_ = false;
};

} // namespace hk::ui::test
