// Rectangle-built rounded rectangles and discs (see shapes.hpp).
#include "shapes.hpp"

#include <algorithm>
#include <cmath>

namespace hk::ui {
namespace {

// Whole pixels: the rasteriser's fill rule leaves seams or double-blended lines where
// rectangles meet at fractional coordinates.
ImVec2 snap(ImVec2 v) { return ImVec2(std::round(v.x), std::round(v.y)); }

bool opaque(ImU32 col) { return ((col >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF; }

// A quarter disc of radius r whose square corner is at `corner`, growing towards (sx, sy),
// as one-pixel rows.
void quarter(ImDrawList* d, ImVec2 corner, float r, float sx, float sy, ImU32 col)
{
    const ImVec2 c(corner.x + sx * r, corner.y + sy * r); // the circle's centre
    for (float y = 0; y < r; y += 1.0f) {
        const float h = std::min(1.0f, r - y);
        const float dy = r - y - h * 0.5f; // distance of the row's middle from the centre
        const float w = std::sqrt(std::max(0.0f, r * r - dy * dy));
        const float y0 = corner.y + sy * y, y1 = y0 + sy * h;
        const float x0 = c.x, x1 = std::round(c.x - sx * w);
        d->AddRectFilled(ImVec2(std::min(x0, x1), std::min(y0, y1)), ImVec2(std::max(x0, x1), std::max(y0, y1)), col);
    }
}

} // namespace

void fill_rect(ImDrawList* d, ImVec2 min, ImVec2 max, ImU32 col, float rounding, ImDrawFlags corners)
{
    min = snap(min);
    max = snap(max);
    const float r = std::floor(std::min({rounding, (max.x - min.x) * 0.5f, (max.y - min.y) * 0.5f}));
    if (r < 1.0f) {
        d->AddRectFilled(min, max, col);
        return;
    }
    // Middle band, then the top and bottom bands between the corners.
    d->AddRectFilled(ImVec2(min.x, min.y + r), ImVec2(max.x, max.y - r), col);
    d->AddRectFilled(ImVec2(min.x + r, min.y), ImVec2(max.x - r, min.y + r), col);
    d->AddRectFilled(ImVec2(min.x + r, max.y - r), ImVec2(max.x - r, max.y), col);
    struct Corner {
        ImDrawFlags flag;
        ImVec2 at;
        float sx, sy;
    };
    const Corner cs[] = {{ImDrawFlags_RoundCornersTopLeft, min, 1, 1},
                         {ImDrawFlags_RoundCornersTopRight, ImVec2(max.x, min.y), -1, 1},
                         {ImDrawFlags_RoundCornersBottomLeft, ImVec2(min.x, max.y), 1, -1},
                         {ImDrawFlags_RoundCornersBottomRight, max, -1, -1}};
    for (const Corner& c : cs) {
        if (corners & c.flag) {
            quarter(d, c.at, r, c.sx, c.sy, col);
        } else {
            const ImVec2 far(c.at.x + c.sx * r, c.at.y + c.sy * r);
            d->AddRectFilled(ImVec2(std::min(c.at.x, far.x), std::min(c.at.y, far.y)),
                             ImVec2(std::max(c.at.x, far.x), std::max(c.at.y, far.y)), col);
        }
    }
    if (opaque(col))
        d->AddRect(min, max, col, r, corners, 1.0f);
}

void fill_disc(ImDrawList* d, ImVec2 center, float radius, ImU32 col)
{
    center = snap(center);
    const float r = std::max(1.0f, std::round(radius));
    for (float y = -r; y < r; y += 1.0f) {
        const float h = std::min(1.0f, r - y);
        const float dy = y + h * 0.5f;
        const float w = std::sqrt(std::max(0.0f, r * r - dy * dy));
        d->AddRectFilled(ImVec2(std::round(center.x - w), center.y + y), ImVec2(std::round(center.x + w), center.y + y + h),
                         col);
    }
    if (opaque(col))
        d->AddCircle(center, r - 0.5f, col, 0, 1.0f);
}

} // namespace hk::ui
