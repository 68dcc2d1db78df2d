// Widget drawing and touch targets (see widgets.hpp).
#include "widgets.hpp"

#include "line_break.hpp"
#include "utf8.hpp"

#include <cfloat>
#include <cmath>
#include <string>

namespace hk::ui {

std::optional<Rect> WidgetRegistry::find(std::string_view id) const
{
    auto it = rects_.find(id);
    if (it == rects_.end())
        return std::nullopt;
    return it->second;
}

ImVec2 text_size(ImFont* font, std::string_view text)
{
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
}

float advance_of(ImFont* font, char32_t c)
{
    return font->GetCharAdvance(c <= 0xFFFF ? static_cast<ImWchar>(c) : static_cast<ImWchar>(0xFFFD));
}

// `s` cut to fit `width` with an ellipsis, at a character boundary.
std::string elide(ImFont* font, std::string_view s, float width)
{
    if (text_size(font, s).x <= width)
        return std::string(s);
    const float ellipsis = text_size(font, "…").x;
    float used = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        std::size_t next = pos;
        const char32_t c = utf8::next(s, next);
        const float a = advance_of(font, c);
        if (used + a + ellipsis > width)
            break;
        used += a;
        pos = next;
    }
    return std::string(s.substr(0, pos)) + "…";
}

ImVec2 draw_text(Painter& p, ImFont* font, ImVec2 pos, ImU32 col, std::string_view text)
{
    p.fonts.ensure(font, text);
    p.draw->AddText(font, font->FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), col, text.data(),
                    text.data() + text.size());
    return text_size(font, text);
}

namespace {

std::vector<std::string_view> lines_of(ImFont* font, float width, std::string_view text)
{
    return text::break_lines(text, width, [font](char32_t c) {
        return font->GetCharAdvance(c <= 0xFFFF ? static_cast<ImWchar>(c) : static_cast<ImWchar>(0xFFFD));
    });
}

} // namespace

std::vector<std::string_view> paragraph_lines(Painter& p, ImFont* font, float width, std::string_view text)
{
    p.fonts.ensure(font, text);
    return lines_of(font, width, text);
}

float paragraph_height(Painter& p, ImFont* font, float width, std::string_view text, float line_gap)
{
    p.fonts.ensure(font, text);
    const auto lines = lines_of(font, width, text);
    return static_cast<float>(lines.size()) * font->FontSize * line_gap;
}

float draw_paragraph(Painter& p, ImFont* font, ImVec2 pos, float width, ImU32 col, std::string_view text,
                     Align align, float line_gap)
{
    p.fonts.ensure(font, text);
    const float line_h = font->FontSize * line_gap;
    float y = pos.y;
    for (std::string_view line : lines_of(font, width, text)) {
        float x = pos.x;
        if (align != Align::left) {
            const float w = text_size(font, line).x;
            x += align == Align::center ? (width - w) * 0.5f : width - w;
        }
        draw_text(p, font, ImVec2(x, y), col, line);
        y += line_h;
    }
    return y - pos.y;
}

bool tap_area(Painter& p, std::string_view id, Rect r, bool* pressed)
{
    p.widgets.add(id, r);
    ImGui::SetCursorScreenPos(r.min);
    const std::string imgui_id(id);
    const bool clicked = ImGui::InvisibleButton(imgui_id.c_str(), ImVec2(std::max(1.0f, r.width()),
                                                                          std::max(1.0f, r.height())));
    if (pressed)
        *pressed = ImGui::IsItemActive();
    return clicked;
}

bool button(Painter& p, std::string_view id, Rect r, std::string_view label, ButtonStyle style, Icon icon,
            ImFont* font)
{
    bool down = false;
    const bool clicked = tap_area(p, id, r, &down);
    const Theme& t = p.theme;

    ImU32 fill = t.surface, ink = t.text, edge = t.border;
    switch (style) {
    case ButtonStyle::primary:
        fill = down ? t.accent_down : t.accent;
        ink = t.accent_text;
        edge = t.high_contrast ? t.border : fill;
        break;
    case ButtonStyle::secondary:
        fill = down ? t.surface_down : t.surface;
        ink = t.text;
        edge = t.high_contrast ? t.border : t.accent;
        break;
    case ButtonStyle::on_bar:
        fill = down ? t.accent_down : t.bar;
        ink = t.bar_text;
        edge = t.bar_text;
        break;
    case ButtonStyle::selected_on_bar:
        fill = t.selected;
        ink = t.selected_text;
        edge = t.selected;
        break;
    }
    const float rounding = p.u(t.rounding);
    fill_rect(p.draw, r.min, r.max, fill, rounding);
    p.draw->AddRect(r.min, r.max, edge, rounding, 0, p.u(t.border_px));

    if (!font)
        font = p.font(FontRole::body);
    const ImVec2 ts = text_size(font, label);
    const float icon_size = icon == Icon::none ? 0.0f : font->FontSize * 1.1f;
    const float gap = icon == Icon::none ? 0.0f : p.u(14);
    const float total = icon_size + gap + ts.x;
    float x = r.center().x - total * 0.5f;
    const float cy = r.center().y;
    if (icon != Icon::none)
        draw_icon(p.draw, icon, ImVec2(x + icon_size * 0.5f, cy), icon_size, ink);
    draw_text(p, font, ImVec2(x + icon_size + gap, cy - ts.y * 0.5f), ink, label);
    return clicked;
}

} // namespace hk::ui
