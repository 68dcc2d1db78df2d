// The home screen: the hall's services as large tiles, in the order config gives for the
// site profile. A service not offered here keeps its tile, marked, so that a resident looking
// for it learns where to go instead.
#include "screens.hpp"

#include "ui_ids.hpp"

#include <algorithm>

namespace hk::ui {
namespace {

Icon icon_for(ServiceId id)
{
    switch (id) {
    case ServiceId::file_request: return Icon::file_request;
    case ServiceId::track_request: return Icon::track_request;
    case ServiceId::book_venue: return Icon::book_venue;
    case ServiceId::activities: return Icon::activities;
    case ServiceId::rate_service: return Icon::rate_service;
    case ServiceId::service_directory: return Icon::service_directory;
    case ServiceId::traffic_request: return Icon::traffic_request;
    case ServiceId::traffic_safety: return Icon::traffic_safety;
    }
    return Icon::info;
}

void draw_tile(Painter& p, const ServiceInfo& s, bool offered, Rect r, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    bool down = false;
    if (tap_area(p, ids::home_tile(s.id), r, &down))
        out.push_back(intent::Open{s.id});

    const float rounding = p.u(t.rounding);
    fill_rect(p.draw, r.min, r.max, down ? t.surface_down : t.surface, rounding);
    p.draw->AddRect(r.min, r.max, t.border, rounding, 0, p.u(t.border_px));
    // A coloured edge on the left marks the tile as a button even to someone who sees little.
    fill_rect(p.draw, r.min, ImVec2(r.min.x + p.u(12), r.max.y), offered ? t.accent : t.text_muted, rounding,
                          ImDrawFlags_RoundCornersLeft);

    const float pad = p.u(32);
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    const float icon = std::min(p.u(104), r.height() - 2 * pad);
    const ImVec2 ic(r.min.x + pad + p.u(8) + icon * 0.5f, r.min.y + pad + icon * 0.5f);
    fill_disc(p.draw, ic, icon * 0.5f, offered ? t.accent : t.text_muted);
    draw_icon(p.draw, icon_for(s.id), ic, icon * 0.62f, t.accent_text);

    // The title stands beside the icon where the tile is wide enough for a few words, and
    // below it on narrow tiles (portrait, large text), so that no word is ever cut.
    const float left = r.min.x + pad + p.u(8);
    const float full_w = r.max.x - pad - left;
    const bool beside = full_w - icon - p.u(24) >= p.u(320);
    const float text_x = beside ? left + icon + p.u(24) : left;
    const float text_w = beside ? full_w - icon - p.u(24) : full_w;
    const float title_h = paragraph_height(p, title, text_w, p.t(s.title), 1.15f);
    float y = beside ? r.min.y + pad + std::max(0.0f, (icon - title_h) * 0.5f) : r.min.y + pad + icon + p.u(16);
    y += draw_paragraph(p, title, ImVec2(text_x, y), text_w, t.text, p.t(s.title), Align::left, 1.15f);

    // Below the icon and title, across the tile: what the service is for, or that it is not
    // offered here. Left out when the tile is too small (large text on a small screen).
    y = std::max(y, r.min.y + pad + icon) + p.u(16);
    const float sub_w = full_w;
    const std::string_view sub = offered ? p.t(s.subtitle) : p.t("home.not_offered_badge"_k);
    if (y + paragraph_height(p, body, sub_w, sub) <= r.max.y - pad * 0.5f)
        draw_paragraph(p, body, ImVec2(left, y), sub_w, offered ? t.text_muted : t.text, sub);
}

} // namespace

void draw_home(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    ImFont* title = p.font(FontRole::title);
    const float title_h = draw_paragraph(p, title, area.min, area.width(), p.theme.text, p.t("home.title"_k));

    const auto& services = in.shell.settings().home;
    if (services.empty())
        return;
    const int n = static_cast<int>(services.size());
    const int cols = p.m.portrait() ? 2 : (n <= 4 ? 2 : 3);
    const int rows = (n + cols - 1) / cols;
    const float gap = p.u(28);
    const float top = area.min.y + title_h + p.u(24);
    const float tile_w = (area.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float tile_h = std::min(p.u(p.m.portrait() ? 400 : 340),
                                  (area.max.y - top - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (int i = 0; i < n; ++i) {
        const float x = area.min.x + static_cast<float>(i % cols) * (tile_w + gap);
        const float y = top + static_cast<float>(i / cols) * (tile_h + gap);
        const ServiceInfo& s = service_info(services[static_cast<std::size_t>(i)]);
        draw_tile(p, s, in.shell.offered(s.id), Rect{{x, y}, {x + tile_w, y + tile_h}}, out);
    }
}

} // namespace hk::ui
