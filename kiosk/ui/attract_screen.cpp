// The attract screen, shown between residents: the hall's name, the time, and an invitation to
// touch the screen in every offered language. The whole screen is one touch target. Nothing on
// it moves faster than the minute, so an idle kiosk draws once a minute.
#include "screens.hpp"

#include "ui_ids.hpp"

#include <array>
#include <cstdio>

namespace hk::ui {
namespace {

std::string date_line(const Painter& p, const std::tm& wall)
{
    return format_date(p.tr, p.lang, wall.tm_year + 1900, wall.tm_mon + 1, wall.tm_mday);
}

constexpr float kStaffCornerU = 160.0f;
constexpr float kStaffHoldSeconds = 3.0f;

} // namespace

void draw_attract(Painter& p, const FrameInput& in, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const float w = p.m.width, h = p.m.height;
    // Staff hold the top left corner for a few seconds and let go: maintenance mode. A short tap
    // there starts a session like anywhere else. (Submitted first, the corner takes its touches.)
    const ImGuiIO& io = ImGui::GetIO();
    if (tap_area(p, ids::kAttractStaff, Rect{{0, 0}, {p.u(kStaffCornerU), p.u(kStaffCornerU)}}))
        // Timed from the press to this frame's release: no frame need be drawn while the finger rests.
        out.push_back(ImGui::GetTime() - io.MouseClickedTime[0] >= kStaffHoldSeconds ? Intent{intent::StaffEntry{}}
                                                                                   : Intent{intent::Start{}});
    // Everything else is one target; drawn afterwards, it sits under the text.
    if (tap_area(p, ids::kAttractStart, Rect{{0, 0}, {w, h}}))
        out.push_back(intent::Start{});

    const float margin = p.u(64);
    const float inner = w - 2 * margin;
    float y = h * (p.m.portrait() ? 0.10f : 0.08f);
    y += draw_paragraph(p, p.font(FontRole::hero), ImVec2(margin, y), inner, t.attract_text, in.hall_name.in(p.lang),
                        Align::center, 1.2f);

    char clock[8];
    std::snprintf(clock, sizeof clock, "%02d:%02d", in.wall.tm_hour % 24, in.wall.tm_min % 60);
    ImFont* clock_font = p.font(FontRole::clock);
    y += p.u(p.m.portrait() ? 120 : 40);
    const ImVec2 cs = text_size(clock_font, clock);
    draw_text(p, clock_font, ImVec2((w - cs.x) * 0.5f, y), t.attract_text, clock);
    y += cs.y;
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(margin, y), inner, t.attract_text, date_line(p, in.wall),
                        Align::center);
    // The hall's satisfaction as the district platform counts it, when it counts enough ratings.
    if (const auto& s = in.ratings.satisfaction; s && s->share) {
        char this_month[16];
        std::snprintf(this_month, sizeof this_month, "%04d-%02d", (in.wall.tm_year + 1900) % 10000,
                      (in.wall.tm_mon + 1) % 100);
        char share[16];
        std::snprintf(share, sizeof share, "%.1f%%", *s->share * 100.0);
        const std::string line = p.tr.format(
            "rate.attract.share"_k,
            {{"month", std::string(p.t(s->month == this_month ? "rate.attract.this_month"_k : "rate.attract.last_month"_k))},
             {"share", share},
             {"count", std::to_string(s->count)}});
        y += p.u(24);
        y += draw_paragraph(p, p.font(FontRole::title), ImVec2(margin, y), inner, t.attract_text, line, Align::center);
    }

    // The invitation: a panel in the lower part of the screen, the default language first and
    // largest, then each other offered language in its own face.
    const auto& langs = in.shell.settings().languages;
    ImFont* hero = p.font(FontRole::hero);
    float panel_h = hero->FontSize * 1.4f + p.u(48) * 2;
    for (Lang l : langs)
        if (l != p.lang)
            panel_h += p.font_in(FontRole::title, l)->FontSize * 1.35f;
    const float panel_w = std::min(inner, p.u(1300));
    // Landscape: near the bottom edge. Portrait: a little below the middle, where a hand
    // reaches without bending.
    const float top = p.m.portrait() ? std::max(y + p.u(160), h * 0.55f) : std::max(y + p.u(48), h - panel_h - p.u(72));
    const Rect panel{{(w - panel_w) * 0.5f, top}, {(w + panel_w) * 0.5f, top + panel_h}};
    fill_rect(p.draw, panel.min, panel.max, t.high_contrast ? t.background : IM_COL32(0xFF, 0xFF, 0xFF, 0x26),
                          p.u(36));
    p.draw->AddRect(panel.min, panel.max, t.attract_text, p.u(36), 0, p.u(3));

    const float icon = p.u(120);
    draw_icon(p.draw, Icon::touch, ImVec2(panel.min.x + p.u(48) + icon * 0.5f, panel.center().y), icon, t.attract_text);
    const float text_x = panel.min.x + p.u(48) + icon + p.u(36);
    const float text_w = panel.max.x - p.u(48) - text_x;
    float ty = panel.min.y + p.u(48);
    draw_paragraph(p, hero, ImVec2(text_x, ty), text_w, t.attract_text, p.t("attract.touch"_k), Align::left, 1.2f);
    ty += hero->FontSize * 1.4f;
    for (Lang l : langs) {
        if (l == p.lang)
            continue;
        ImFont* f = p.font_in(FontRole::title, l);
        draw_text(p, f, ImVec2(text_x, ty), t.attract_text, p.tr.tr_in(l, "attract.touch"_k));
        ty += f->FontSize * 1.35f;
    }
    // Records waiting to be sent, small in the top corner, out of the resident's way.
    draw_uplink_status(p, in, w - p.u(32), p.u(48), t.attract_text);
}

} // namespace hk::ui
