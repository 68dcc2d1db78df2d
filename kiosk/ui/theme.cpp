// The two colour schemes. The normal one follows the red of the service centres' signage;
// the high-contrast one is yellow and white on black with heavy borders, for low vision.
#include "theme.hpp"

#include <algorithm>

namespace hk::ui {

Theme make_theme(bool high_contrast)
{
    Theme t{};
    t.high_contrast = high_contrast;
    if (!high_contrast) {
        t.background = IM_COL32(0xF6, 0xF2, 0xEC, 0xFF);
        t.bar = IM_COL32(0xB7, 0x1C, 0x1C, 0xFF);
        t.bar_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.surface_down = IM_COL32(0xF1, 0xDE, 0xD9, 0xFF);
        t.text = IM_COL32(0x1E, 0x1E, 0x1E, 0xFF);
        t.text_muted = IM_COL32(0x5A, 0x55, 0x50, 0xFF);
        t.accent = IM_COL32(0xC6, 0x28, 0x28, 0xFF);
        t.accent_down = IM_COL32(0x8E, 0x16, 0x16, 0xFF);
        t.accent_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.border = IM_COL32(0xD9, 0xD0, 0xC7, 0xFF);
        t.selected = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.selected_text = IM_COL32(0xB7, 0x1C, 0x1C, 0xFF);
        t.scrim = IM_COL32(0x00, 0x00, 0x00, 0x99);
        t.attract = IM_COL32(0xB3, 0x1E, 0x1E, 0xFF);
        t.attract_text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.notice = IM_COL32(0xFF, 0xD5, 0x4F, 0xFF); // amber, with near-black text: 13:1
        t.notice_text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
        t.inactive = t.border;
        t.inactive_text = t.text_muted;
        t.border_px = 2.0f;
        t.rounding = 18.0f;
    } else {
        t.background = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        t.bar = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        t.bar_text = IM_COL32(0xFF, 0xE0, 0x00, 0xFF);
        t.surface = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        t.surface_down = IM_COL32(0x3A, 0x3A, 0x00, 0xFF);
        t.text = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.text_muted = IM_COL32(0xFF, 0xE0, 0x00, 0xFF);
        t.accent = IM_COL32(0xFF, 0xE0, 0x00, 0xFF);
        t.accent_down = IM_COL32(0xC0, 0xA8, 0x00, 0xFF);
        t.accent_text = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        t.border = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
        t.selected = IM_COL32(0xFF, 0xE0, 0x00, 0xFF);
        t.selected_text = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        t.scrim = IM_COL32(0x00, 0x00, 0x00, 0xD8);
        t.attract = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        t.attract_text = IM_COL32(0xFF, 0xE0, 0x00, 0xFF);
        t.notice = IM_COL32(0xFF, 0xE0, 0x00, 0xFF);
        t.notice_text = IM_COL32(0x00, 0x00, 0x00, 0xFF);
        // Grey on black (7.4:1): readable, and plainly not the white and yellow of what can be tapped.
        t.inactive = IM_COL32(0x70, 0x70, 0x70, 0xFF);
        t.inactive_text = IM_COL32(0xA6, 0xA6, 0xA6, 0xFF);
        t.border_px = 4.0f;
        t.rounding = 10.0f;
    }
    return t;
}

Metrics make_metrics(ImVec2 display, bool large_text)
{
    Metrics m;
    m.width = display.x;
    m.height = display.y;
    const float scale = std::max(0.25f, std::min(display.x, display.y) / 1080.0f);
    m.unit = scale * (large_text ? kLargeTextFactor : 1.0f);
    m.min_touch = kMinTouchU * scale;
    return m;
}

} // namespace hk::ui
