// The kiosk's widgets: large touch targets with stable ids, and text drawing that knows
// Chinese line breaking and never draws a glyph the atlas lacks without asking for it.
//
// Widgets draw with ImGui's draw lists and take input through ImGui items, so touch and mouse
// behave alike. There are no hover effects: a finger has no hover, and a highlight that stays
// after a tap reads as "still selected".
#pragma once

#include "fonts.hpp"
#include "i18n.hpp"
#include "icons.hpp"
#include "shapes.hpp"
#include "theme.hpp"

#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::ui {

struct Rect {
    ImVec2 min;
    ImVec2 max;
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

// Where each tappable widget was in the last frame, by its stable id (docs/ui-ids.md). The
// script driver taps widgets through it; tests read it to check ids.
class WidgetRegistry {
public:
    void clear() { rects_.clear(); }
    void add(std::string_view id, Rect r) { rects_.insert_or_assign(std::string(id), r); }
    std::optional<Rect> find(std::string_view id) const;
    const std::map<std::string, Rect, std::less<>>& all() const { return rects_; }

private:
    std::map<std::string, Rect, std::less<>> rects_;
};

// Everything a screen needs to draw: fonts, theme, sizes, texts, and where taps are recorded.
struct Painter {
    FontSet& fonts;
    const Theme& theme;
    const Metrics& m;
    const Translator& tr;
    Lang lang;
    WidgetRegistry& widgets;
    ImDrawList* draw = nullptr;

    float u(float units) const { return m.u(units); }
    ImFont* font(FontRole role) const { return fonts.font(role, face_for(lang)); }
    ImFont* font_in(FontRole role, Lang l) const { return fonts.font(role, face_for(l)); }
    std::string_view t(MsgKey key) const { return tr.tr(key); }
};

enum class Align { left, center, right };

// Size of one line of `text` in `font`.
ImVec2 text_size(ImFont* font, std::string_view text);
// How far `c` moves the pen in `font` (a character beyond the BMP as U+FFFD).
float advance_of(ImFont* font, char32_t c);
// `s` cut to fit `width` with an ellipsis, at a character boundary.
std::string elide(ImFont* font, std::string_view s, float width);
// Draws one line. Returns its size.
ImVec2 draw_text(Painter& p, ImFont* font, ImVec2 pos, ImU32 col, std::string_view text);
// Draws `text` broken into lines of at most `width`, aligned within it; returns the height used.
float draw_paragraph(Painter& p, ImFont* font, ImVec2 pos, float width, ImU32 col, std::string_view text,
                     Align align = Align::left, float line_gap = 1.25f);
// The lines draw_paragraph would draw, for a caller that lays them out itself (a page at a time).
std::vector<std::string_view> paragraph_lines(Painter& p, ImFont* font, float width, std::string_view text);
// Height draw_paragraph would use.
float paragraph_height(Painter& p, ImFont* font, float width, std::string_view text, float line_gap = 1.25f);

// An invisible touch target: registers `id`, returns true on a completed tap (press and
// release on it). `pressed` tells whether a finger is down on it now.
bool tap_area(Painter& p, std::string_view id, Rect r, bool* pressed = nullptr);

enum class ButtonStyle { primary, secondary, on_bar, selected_on_bar };

// A labelled button with an optional icon before the label.
bool button(Painter& p, std::string_view id, Rect r, std::string_view label, ButtonStyle style, Icon icon = Icon::none,
            ImFont* font = nullptr);

} // namespace hk::ui
