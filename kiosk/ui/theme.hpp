// Colours and proportions of the kiosk, in a normal and a large-text high-contrast variant.
#pragma once

#include <imgui.h>

namespace hk::ui {

struct Theme {
    bool high_contrast = false;
    ImU32 background; // behind everything
    ImU32 bar;        // top bar
    ImU32 bar_text;
    ImU32 surface;      // tiles, cards, secondary buttons
    ImU32 surface_down; // a surface while pressed
    ImU32 text;
    ImU32 text_muted;
    ImU32 accent; // primary buttons, icons
    ImU32 accent_down;
    ImU32 accent_text; // text on accent
    ImU32 border;
    ImU32 selected; // the chosen option of a switch
    ImU32 selected_text;
    ImU32 scrim;   // darkens the screen behind a dialog
    ImU32 attract; // the attract screen
    ImU32 attract_text;
    ImU32 notice; // a message about the kiosk itself (the printer waits), and its text
    ImU32 notice_text;
    // Something shown but not a target (a step's "next" before the step is done, a slot taken):
    // its outline and its words, unlike a button's in either theme.
    ImU32 inactive;
    ImU32 inactive_text;
    float border_px; // at unit scale
    float rounding;  // at unit scale
};

Theme make_theme(bool high_contrast);

// Lengths on screen are given in units of a 1080-pixel short edge, times the large-text
// factor: `u(12)` is 12 px on a 1920x1080 screen in normal mode.
struct Metrics {
    float unit = 1.0f;     // pixels per unit
    float width = 1920.0f; // display size in pixels
    float height = 1080.0f;
    // The smallest side a touch target may have, in pixels: kMinTouchU at the display's scale.
    // Large text does not raise it: it is about fingers, and a screen only holds so many keys.
    float min_touch = 64.0f;
    bool portrait() const { return height > width; }
    float u(float units) const { return units * unit; }
};

inline constexpr float kLargeTextFactor = 1.3f;
// The smallest touch target, in units: 64 px on a 1080-px short edge, 16 mm on a 21.5-inch
// screen and more on larger ones; an older finger's press covers about 10 mm.
inline constexpr float kMinTouchU = 64.0f;

Metrics make_metrics(ImVec2 display, bool large_text);

} // namespace hk::ui
