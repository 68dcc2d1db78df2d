// One frame of the kiosk: the attract screen, or a resident's screen framed by the top bar
// (hall, language, large text) and the navigation bar (back, home, finish), with the idle
// dialog and the busy indicator above everything when they are up.
#include "screens.hpp"

#include "ui_ids.hpp"

#include <imgui_internal.h>

#include <cmath>

namespace hk::ui {
namespace {

constexpr float kTopBarU = 104.0f;
constexpr float kNavBarU = 132.0f;
constexpr float kMarginU = 40.0f;

constexpr ImGuiWindowFlags kLayerFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                         ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoFocusOnAppearing;

void draw_top_bar(Painter& p, const FrameInput& in, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const Rect bar{{0, 0}, {p.m.width, p.u(kTopBarU)}};
    p.draw->AddRectFilled(bar.min, bar.max, t.bar);
    if (t.high_contrast)
        p.draw->AddLine(ImVec2(0, bar.max.y), ImVec2(p.m.width, bar.max.y), t.border, p.u(t.border_px));

    const float pad = p.u(16);
    const float h = bar.height() - 2 * pad;
    float x = p.m.width - p.u(kMarginU * 0.5f);

    // Languages, each named in itself, right to left.
    const auto& langs = in.shell.settings().languages;
    for (auto it = langs.rbegin(); it != langs.rend(); ++it) {
        const Lang l = *it;
        ImFont* f = p.font_in(FontRole::body, l);
        const std::string_view name = p.tr.tr_in(l, "lang.self"_k);
        const float w = std::max(p.u(150), text_size(f, name).x + p.u(48));
        x -= w;
        const auto style = l == p.lang ? ButtonStyle::selected_on_bar : ButtonStyle::on_bar;
        if (button(p, ids::lang_button(l), Rect{{x, pad}, {x + w, pad + h}}, name, style, Icon::none, f))
            out.push_back(intent::SetLang{l});
        x -= p.u(12);
    }

    // Large text: shows whether it is on, and says what it does in the current language.
    x -= p.u(20);
    const std::string_view label = p.t(in.shell.large_text() ? "top.large_text.off"_k : "top.large_text.on"_k);
    const float w = text_size(p.font(FontRole::body), label).x + p.u(110);
    x -= w;
    if (button(p, ids::kLargeText, Rect{{x, pad}, {x + w, pad + h}}, label,
               in.shell.large_text() ? ButtonStyle::selected_on_bar : ButtonStyle::on_bar, Icon::large_text))
        out.push_back(intent::ToggleLargeText{});

    // Records waiting to be sent, left of the buttons; then the hall's name takes what room is left.
    x = draw_uplink_status(p, in, x - p.u(20), bar.height() * 0.5f, t.bar_text);

    // The hall's name takes what room is left on the left: on one line, or on two where the bar
    // is narrow (a portrait screen), or cut short with "…" where even two do not hold it.
    ImFont* name_font = p.font(FontRole::body);
    const std::string& hall = in.hall_name.in(p.lang);
    const float room = x - p.u(2 * kMarginU);
    if (room < p.u(120))
        return;
    const ImVec2 ns = text_size(name_font, hall);
    const float two_lines = paragraph_height(p, name_font, room, hall, 1.1f);
    if (ns.x <= room) {
        draw_text(p, name_font, ImVec2(p.u(kMarginU), (bar.height() - ns.y) * 0.5f), t.bar_text, hall);
    } else if (paragraph_lines(p, name_font, room, hall).size() <= 2 && two_lines <= bar.height() - p.u(8)) {
        draw_paragraph(p, name_font, ImVec2(p.u(kMarginU), (bar.height() - two_lines) * 0.5f), room, t.bar_text, hall,
                       Align::left, 1.1f);
    } else {
        const std::string cut = elide(name_font, hall, room);
        draw_text(p, name_font, ImVec2(p.u(kMarginU), (bar.height() - ns.y) * 0.5f), t.bar_text, cut);
    }
}

void draw_nav_bar(Painter& p, const FrameInput& in, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const float top = p.m.height - p.u(kNavBarU);
    p.draw->AddLine(ImVec2(0, top), ImVec2(p.m.width, top), t.border, p.u(t.border_px));

    const float pad = p.u(20);
    const float h = p.u(kNavBarU) - 2 * pad;
    const float w = std::min(p.u(300), (p.m.width - 2 * p.u(kMarginU) - 2 * p.u(24)) / 3.0f);
    float x = p.u(kMarginU);
    if (in.shell.depth() > 1) {
        if (button(p, ids::kNavBack, Rect{{x, top + pad}, {x + w, top + pad + h}}, p.t("nav.back"_k),
                   ButtonStyle::secondary, Icon::back))
            out.push_back(intent::Back{});
        x += w + p.u(24);
        if (button(p, ids::kNavHome, Rect{{x, top + pad}, {x + w, top + pad + h}}, p.t("nav.home"_k),
                   ButtonStyle::secondary, Icon::home))
            out.push_back(intent::Home{});
    }
    const float fx = p.m.width - p.u(kMarginU) - w;
    if (button(p, ids::kNavFinish, Rect{{fx, top + pad}, {fx + w, top + pad + h}}, p.t("nav.finish"_k),
               ButtonStyle::primary, Icon::finish))
        out.push_back(intent::Finish{});
}

// A centred card on a dimmed screen. Returns the card's rectangle.
Rect draw_card(Painter& p, float width_u, float height)
{
    p.draw->AddRectFilled(ImVec2(0, 0), ImVec2(p.m.width, p.m.height), p.theme.scrim);
    const float w = std::min(p.u(width_u), p.m.width - 2 * p.u(kMarginU));
    const ImVec2 c(p.m.width * 0.5f, p.m.height * 0.5f);
    const Rect card{{c.x - w * 0.5f, c.y - height * 0.5f}, {c.x + w * 0.5f, c.y + height * 0.5f}};
    fill_rect(p.draw, card.min, card.max, p.theme.surface, p.u(p.theme.rounding));
    p.draw->AddRect(card.min, card.max, p.theme.border, p.u(p.theme.rounding), 0, p.u(p.theme.border_px));
    return card;
}

void draw_idle_dialog(Painter& p, const FrameInput& in, std::vector<Intent>& out)
{
    begin_layer("##idle", p.m, true);
    p.draw = ImGui::GetWindowDrawList();

    const float pad = p.u(48);
    const float inner = std::min(p.u(960), p.m.width - 2 * p.u(kMarginU)) - 2 * pad;
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    const std::string seconds = std::to_string(in.shell.countdown_s(in.now));
    const std::string message = p.tr.format("idle.message"_k, {{"seconds", seconds}});
    const float button_h = p.u(112);
    const float height = pad + title->FontSize * 1.3f + p.u(20) + paragraph_height(p, body, inner, message) +
                         p.u(40) + button_h + pad;
    const Rect card = draw_card(p, 960, height);

    // The buttons come first: among overlapping touch targets ImGui gives the touch to the
    // first one submitted, and the backdrop below them must only get taps beside the card.
    float y = card.max.y - pad - button_h;
    const float bw = (card.width() - 2 * pad - p.u(32)) * 0.5f;
    if (button(p, ids::kIdleFinish, Rect{{card.min.x + pad, y}, {card.min.x + pad + bw, y + button_h}},
               p.t("idle.finish"_k), ButtonStyle::secondary, Icon::finish))
        out.push_back(intent::Finish{});
    if (button(p, ids::kIdleContinue, Rect{{card.max.x - pad - bw, y}, {card.max.x - pad, y + button_h}},
               p.t("idle.continue"_k), ButtonStyle::primary))
        out.push_back(intent::StillHere{});

    y = card.min.y + pad;
    draw_paragraph(p, title, ImVec2(card.min.x + pad, y), inner, p.theme.text, p.t("idle.title"_k), Align::center, 1.3f);
    y += title->FontSize * 1.3f + p.u(20);
    draw_paragraph(p, body, ImVec2(card.min.x + pad, y), inner, p.theme.text, message, Align::center);

    // A tap anywhere else also means "I am still here".
    if (tap_area(p, ids::kIdleBackdrop, Rect{{0, 0}, {p.m.width, p.m.height}}))
        out.push_back(intent::StillHere{});
    ImGui::End();
}

void draw_busy(Painter& p, const FrameInput& in)
{
    begin_layer("##busy", p.m, true);
    p.draw = ImGui::GetWindowDrawList();
    // Swallows every touch while work is under way, without registering a target.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    ImGui::InvisibleButton("##busy_block", ImVec2(p.m.width, p.m.height));

    ImFont* body = p.font(FontRole::body);
    const Rect card = draw_card(p, 640, p.u(300));
    const ImVec2 c(card.center().x, card.min.y + p.u(110));
    const float r = p.u(48);
    constexpr float kTwoPi = 6.2831853f;
    const float a0 = in.busy_phase * kTwoPi;
    p.draw->AddCircle(c, r, p.theme.border, 0, p.u(10));
    p.draw->PathArcTo(c, r, a0, a0 + kTwoPi * 0.3f, 24);
    p.draw->PathStroke(p.theme.accent, 0, p.u(10));
    draw_paragraph(p, body, ImVec2(card.min.x + p.u(24), card.min.y + p.u(190)), card.width() - p.u(48), p.theme.text,
                   p.t("busy.wait"_k), Align::center);
    ImGui::End();
}

} // namespace

void begin_layer(const char* name, const Metrics& m, bool dialog)
{
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(m.width, m.height));
    ImGui::Begin(name, nullptr, kLayerFlags | (dialog ? 0 : ImGuiWindowFlags_NoBringToFrontOnFocus));
    if (dialog)
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
}

// Demo mode is marked in a corner so that nobody takes a demonstration for the real service.
Rect demo_badge_rect(Painter& p)
{
    const ImVec2 ts = text_size(p.font(FontRole::body), p.t("demo.badge"_k));
    const float pad = p.u(12);
    const ImVec2 max(p.m.width - p.u(16), p.m.height - p.u(16));
    return Rect{{max.x - ts.x - 2 * pad, max.y - ts.y - 2 * pad}, max};
}

void draw_demo_badge(Painter& p)
{
    const Rect r = demo_badge_rect(p);
    const float pad = p.u(12);
    fill_rect(p.draw, r.min, r.max, IM_COL32(0x1E, 0x1E, 0x1E, 0xC0), p.u(8));
    draw_text(p, p.font(FontRole::body), ImVec2(r.min.x + pad, r.min.y + pad), IM_COL32(0xFF, 0xE0, 0x00, 0xFF),
              p.t("demo.badge"_k));
}

ImU32 backdrop(const Theme& theme, const Shell& shell)
{
    return shell.in_session() ? theme.background : theme.attract;
}

std::vector<Intent> draw_frame(Painter& p, const FrameInput& in)
{
    std::vector<Intent> out;
    p.widgets.clear();

    begin_layer("##screen", p.m, false);
    p.draw = ImGui::GetWindowDrawList();
    if (!in.shell.in_session()) {
        draw_attract(p, in, out);
    } else {
        draw_top_bar(p, in, out);
        const Rect area{{p.u(kMarginU), p.u(kTopBarU) + p.u(32)},
                        {p.m.width - p.u(kMarginU), p.m.height - p.u(kNavBarU) - p.u(24)}};
        switch (in.shell.screen().kind) {
        case ScreenKind::home: draw_home(p, in, area, out); break;
        case ScreenKind::not_offered: draw_not_offered(p, in, area); break;
        case ScreenKind::request: draw_request(p, in, area, out); break;
        case ScreenKind::follow: draw_follow(p, in, area, out); break;
        case ScreenKind::booking: draw_booking(p, in, area, out); break;
        case ScreenKind::activities: draw_activities(p, in, area, out); break;
        case ScreenKind::mine: draw_mine(p, in, area, out); break;
        case ScreenKind::rate: draw_rate(p, in, area, out); break;
        case ScreenKind::directory: draw_directory(p, in, area, out); break;
        case ScreenKind::safety: draw_safety(p, in, area, out); break;
        }
        draw_nav_bar(p, in, out);
    }
    draw_notices(p, in, in.shell.in_session() ? p.m.height - p.u(kNavBarU) : p.m.height);
    if (in.demo)
        draw_demo_badge(p);
    ImGui::End();

    if (in.shell.phase() == SessionPhase::warning)
        draw_idle_dialog(p, in, out);
    if (in.take_card)
        draw_take_card(p);
    if (in.busy)
        draw_busy(p, in);
    return out;
}

} // namespace hk::ui
