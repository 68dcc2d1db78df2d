// Filled shapes cut to suit SDL's software rasteriser.
//
// The software renderer blends each triangle through a temporary surface the size of the
// triangle's bounding box, so a shape costs the sum of its triangles' boxes, not its area.
// ImGui fills a rounded rectangle or a disc as a fan of long triangles that each span the
// whole shape: dozens of times its area (a home screen took 42 ms to raster). These shapes are
// built from axis-aligned rectangles instead, about twice their area, with a thin anti-aliased
// outline for a smooth edge where the colour is opaque.
#pragma once

#include <imgui.h>

namespace hk::ui {

void fill_rect(ImDrawList* d, ImVec2 min, ImVec2 max, ImU32 col, float rounding = 0.0f,
               ImDrawFlags corners = ImDrawFlags_RoundCornersAll);
void fill_disc(ImDrawList* d, ImVec2 center, float radius, ImU32 col);

} // namespace hk::ui
