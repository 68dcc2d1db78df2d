// The reminder shown when a session ends with the resident's ID card still on the reader (see
// screens.hpp). It takes every touch until the card is taken away: the next resident must not
// start a session over someone else's card.
#include "screens.hpp"

#include "icons.hpp"

namespace hk::ui {

void draw_take_card(Painter& p)
{
    begin_layer("##take_card", p.m, true);
    p.draw = ImGui::GetWindowDrawList();
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    ImGui::InvisibleButton("##take_card_block", ImVec2(p.m.width, p.m.height));

    p.draw->AddRectFilled(ImVec2(0, 0), ImVec2(p.m.width, p.m.height), p.theme.scrim);
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    const float pad = p.u(56);
    const float w = std::min(p.u(1100), p.m.width - p.u(80));
    const float inner = w - 2 * pad;
    const std::string_view message = p.t("card.take.body"_k);
    const float icon = p.u(140);
    const float h = pad + icon + p.u(32) + title->FontSize * 1.3f + p.u(20) + paragraph_height(p, body, inner, message) + pad;
    const ImVec2 c(p.m.width * 0.5f, p.m.height * 0.5f);
    const Rect card{{c.x - w * 0.5f, c.y - h * 0.5f}, {c.x + w * 0.5f, c.y + h * 0.5f}};
    fill_rect(p.draw, card.min, card.max, p.theme.notice, p.u(p.theme.rounding));
    float y = card.min.y + pad;
    draw_icon(p.draw, Icon::id_card, ImVec2(c.x, y + icon * 0.5f), icon, p.theme.notice_text);
    y += icon + p.u(32);
    draw_paragraph(p, title, ImVec2(card.min.x + pad, y), inner, p.theme.notice_text, p.t("card.take.title"_k),
                   Align::center, 1.3f);
    y += title->FontSize * 1.3f + p.u(20);
    draw_paragraph(p, body, ImVec2(card.min.x + pad, y), inner, p.theme.notice_text, message, Align::center);
    ImGui::End();
}

} // namespace hk::ui
