// Tests of the themes' colours: the words of the screens read against what they stand on, and a
// thing shown but not a target is told apart from a button in either theme.
#include "theme.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

using namespace hk::ui;

namespace {

double channel(unsigned v)
{
    const double c = v / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// WCAG 2 relative luminance and contrast ratio.
double luminance(ImU32 col)
{
    return 0.2126 * channel((col >> IM_COL32_R_SHIFT) & 0xFF) + 0.7152 * channel((col >> IM_COL32_G_SHIFT) & 0xFF) +
           0.0722 * channel((col >> IM_COL32_B_SHIFT) & 0xFF);
}

double contrast(ImU32 a, ImU32 b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

TEST_CASE("the screens' words read against their surfaces in both themes")
{
    for (bool high : {false, true}) {
        CAPTURE(high);
        const Theme t = make_theme(high);
        CHECK(contrast(t.text, t.surface) >= 7.0);
        CHECK(contrast(t.text_muted, t.surface) >= 4.5);
        CHECK(contrast(t.inactive_text, t.surface) >= 4.5);
        CHECK(contrast(t.accent_text, t.accent) >= 4.5);
    }
}

TEST_CASE("in high contrast, what is not a target looks unlike a button")
{
    const Theme t = make_theme(true);
    // A secondary button there is a white outline with white words; a primary one is yellow.
    CHECK(t.inactive != t.border);
    CHECK(t.inactive != t.accent);
    CHECK(t.inactive_text != t.text);
    CHECK(t.inactive_text != t.text_muted);
    CHECK(contrast(t.inactive, t.border) >= 2.0);
}
