// "Not offered at this kiosk": for a service switched off at this hall, or not yet available
// on this kiosk. It says plainly that the kiosk cannot do it and where the resident can.
#include "screens.hpp"

namespace hk::ui {

void draw_not_offered(Painter& p, const FrameInput& in, Rect area)
{
    const Theme& t = p.theme;
    const ServiceInfo& s = service_info(in.shell.screen().service);
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);

    const float card_w = std::min(area.width(), p.u(1200));
    const float pad = p.u(56);
    const float inner = card_w - 2 * pad;
    const float icon = p.u(120);

    auto it = in.instead.find(s.id);
    const std::string where = it != in.instead.end() ? it->second.in(p.lang) : in.help_desk.in(p.lang);
    const std::string heading = p.tr.format("not_offered.title"_k, {{"service", p.t(s.title)}});
    const std::string_view lead = p.t("not_offered.where"_k);

    const float h = pad + icon + p.u(32) + paragraph_height(p, title, inner, heading, 1.2f) + p.u(28) +
                    paragraph_height(p, body, inner, lead) + p.u(12) + paragraph_height(p, title, inner, where, 1.2f) +
                    pad;
    const float x = area.center().x - card_w * 0.5f;
    const float y0 = area.min.y + std::max(0.0f, (area.height() - h) * 0.5f);
    fill_rect(p.draw, ImVec2(x, y0), ImVec2(x + card_w, y0 + h), t.surface, p.u(t.rounding));
    p.draw->AddRect(ImVec2(x, y0), ImVec2(x + card_w, y0 + h), t.border, p.u(t.rounding), 0, p.u(t.border_px));

    float y = y0 + pad;
    draw_icon(p.draw, Icon::info, ImVec2(area.center().x, y + icon * 0.5f), icon, t.accent);
    y += icon + p.u(32);
    y += draw_paragraph(p, title, ImVec2(x + pad, y), inner, t.text, heading, Align::center, 1.2f);
    y += p.u(28);
    y += draw_paragraph(p, body, ImVec2(x + pad, y), inner, t.text_muted, lead, Align::center);
    y += p.u(12);
    draw_paragraph(p, title, ImVec2(x + pad, y), inner, t.accent, where, Align::center, 1.2f);
}

} // namespace hk::ui
