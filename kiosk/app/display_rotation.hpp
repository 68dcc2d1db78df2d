// Turning the kiosk's picture for a panel mounted turned, and turning touch back: the sizes and
// points of the logical picture the screens lay out, against the output the display reports.
// Pure arithmetic, so that every rotation is tested on numbers; platform.cpp applies it.
#pragma once

#include <string_view>

namespace hk::app {

// Degrees clockwise that the picture is turned on the panel ([display] rotation, --rotation).
inline constexpr int kRotationsDeg[] = {0, 90, 180, 270};
// How an error message names the allowed values.
inline constexpr std::string_view kRotationChoices = "0, 90, 180 or 270";

constexpr bool is_rotation(int deg)
{
    for (int r : kRotationsDeg)
        if (r == deg)
            return true;
    return false;
}

// A quarter turn swaps width and height.
constexpr bool swaps_sides(int rotation_deg)
{
    return rotation_deg == 90 || rotation_deg == 270;
}

struct PixelSize {
    int width = 0;
    int height = 0;
};

// The size of the picture the screens lay out, for an output of `output_w` x `output_h` pixels.
constexpr PixelSize logical_size(int rotation_deg, int output_w, int output_h)
{
    return swaps_sides(rotation_deg) ? PixelSize{output_h, output_w} : PixelSize{output_w, output_h};
}

struct LogicalPoint {
    float x = 0;
    float y = 0;
};

// Where a point the display reports at output pixel (x, y) lies on the logical picture. The
// picture is turned clockwise onto the output, so this turns the point back. Positions are pixel
// indices (SDL reports whole pixels): the last column maps to the last row or column, not one
// beyond it, so a touch on the panel's edge still lands on the picture.
constexpr LogicalPoint logical_point(int rotation_deg, int output_w, int output_h, float x, float y)
{
    const float last_x = static_cast<float>(output_w - 1);
    const float last_y = static_cast<float>(output_h - 1);
    switch (rotation_deg) {
    case 90: return {y, last_x - x};
    case 180: return {last_x - x, last_y - y};
    case 270: return {last_y - y, x};
    default: return {x, y};
    }
}

} // namespace hk::app
