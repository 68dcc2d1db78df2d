// The pictograms (see icons.hpp). Coordinates are in a unit square centred on the icon, scaled
// by its size; strokes are 7 % of the size so that they stay visible from a step away.
#include "icons.hpp"

#include "shapes.hpp"

#include <cmath>

namespace hk::ui {
namespace {

struct Pen {
    ImDrawList* d;
    ImVec2 c;
    float s;
    ImU32 col;
    float w() const { return s * 0.07f; }
    ImVec2 at(float x, float y) const { return ImVec2(c.x + x * s, c.y + y * s); }
    void line(float x0, float y0, float x1, float y1) const { d->AddLine(at(x0, y0), at(x1, y1), col, w()); }
    void rect(float x0, float y0, float x1, float y1, float r = 0.06f) const
    {
        d->AddRect(at(x0, y0), at(x1, y1), col, r * s, 0, w());
    }
    void fill_rect(float x0, float y0, float x1, float y1, float r = 0.0f) const
    {
        hk::ui::fill_rect(d, at(x0, y0), at(x1, y1), col, r * s);
    }
    void circle(float x, float y, float r) const { d->AddCircle(at(x, y), r * s, col, 0, w()); }
    void disc(float x, float y, float r) const { fill_disc(d, at(x, y), r * s, col); }
    void arc(float x, float y, float r, float a0, float a1) const
    {
        d->PathArcTo(at(x, y), r * s, a0, a1);
        d->PathStroke(col, 0, w());
    }
};

constexpr float kPi = 3.14159265f;

} // namespace

void draw_icon(ImDrawList* draw, Icon icon, ImVec2 center, float size, ImU32 col)
{
    const Pen p{draw, center, size, col};
    switch (icon) {
    case Icon::none: break;
    case Icon::file_request: // a sheet with lines and a pen
        p.rect(-0.32f, -0.42f, 0.22f, 0.42f);
        p.line(-0.2f, -0.22f, 0.1f, -0.22f);
        p.line(-0.2f, -0.05f, 0.1f, -0.05f);
        p.line(-0.2f, 0.12f, 0.0f, 0.12f);
        p.line(0.42f, -0.18f, 0.12f, 0.36f);
        p.line(0.12f, 0.36f, 0.1f, 0.44f);
        break;
    case Icon::track_request: // a magnifier over a sheet
        p.rect(-0.4f, -0.42f, 0.14f, 0.3f);
        p.circle(0.06f, 0.06f, 0.2f);
        p.line(0.2f, 0.2f, 0.42f, 0.42f);
        break;
    case Icon::book_venue: // a calendar
        p.rect(-0.4f, -0.3f, 0.4f, 0.4f);
        p.fill_rect(-0.4f, -0.3f, 0.4f, -0.14f);
        p.line(-0.2f, -0.42f, -0.2f, -0.22f);
        p.line(0.2f, -0.42f, 0.2f, -0.22f);
        for (int r = 0; r < 2; ++r)
            for (int c = 0; c < 3; ++c)
                p.disc(-0.2f + 0.2f * static_cast<float>(c), 0.02f + 0.2f * static_cast<float>(r), 0.045f);
        break;
    case Icon::activities: // three people
        p.disc(0.0f, -0.2f, 0.12f);
        p.arc(0.0f, 0.3f, 0.22f, kPi, 2.0f * kPi);
        p.disc(-0.3f, -0.1f, 0.09f);
        p.arc(-0.3f, 0.32f, 0.16f, kPi, 2.0f * kPi);
        p.disc(0.3f, -0.1f, 0.09f);
        p.arc(0.3f, 0.32f, 0.16f, kPi, 2.0f * kPi);
        break;
    case Icon::rate_service: { // a five-pointed star
        ImVec2 pts[10];
        for (int i = 0; i < 10; ++i) {
            const float a = -kPi / 2.0f + static_cast<float>(i) * kPi / 5.0f;
            const float r = (i % 2 == 0) ? 0.44f : 0.18f;
            pts[i] = p.at(r * std::cos(a), r * std::sin(a) + 0.04f);
        }
        draw->AddPolyline(pts, 10, col, ImDrawFlags_Closed, p.w());
        break;
    }
    case Icon::service_directory: // a signpost
        p.line(0.0f, -0.42f, 0.0f, 0.44f);
        p.rect(-0.34f, -0.32f, 0.3f, -0.1f, 0.02f);
        p.rect(-0.3f, 0.02f, 0.34f, 0.24f, 0.02f);
        break;
    case Icon::traffic_request: // a traffic light
        p.rect(-0.2f, -0.44f, 0.2f, 0.44f, 0.12f);
        p.disc(0.0f, -0.24f, 0.09f);
        p.circle(0.0f, 0.0f, 0.09f);
        p.circle(0.0f, 0.24f, 0.09f);
        break;
    case Icon::traffic_safety: { // a warning triangle
        const ImVec2 a = p.at(0.0f, -0.4f), b = p.at(0.44f, 0.38f), c = p.at(-0.44f, 0.38f);
        draw->AddTriangle(a, b, c, col, p.w());
        p.line(0.0f, -0.12f, 0.0f, 0.12f);
        p.disc(0.0f, 0.25f, 0.045f);
        break;
    }
    case Icon::back:
        p.line(-0.36f, 0.0f, 0.38f, 0.0f);
        p.line(-0.36f, 0.0f, -0.06f, -0.3f);
        p.line(-0.36f, 0.0f, -0.06f, 0.3f);
        break;
    case Icon::home:
        p.line(-0.42f, -0.02f, 0.0f, -0.4f);
        p.line(0.0f, -0.4f, 0.42f, -0.02f);
        p.rect(-0.28f, -0.06f, 0.28f, 0.4f, 0.0f);
        p.fill_rect(-0.08f, 0.14f, 0.08f, 0.4f);
        break;
    case Icon::finish: // an open door with an arrow leaving
        p.rect(-0.38f, -0.4f, 0.06f, 0.4f, 0.0f);
        p.line(-0.08f, 0.0f, 0.42f, 0.0f);
        p.line(0.42f, 0.0f, 0.24f, -0.18f);
        p.line(0.42f, 0.0f, 0.24f, 0.18f);
        break;
    case Icon::large_text: // a small and a large A
        p.line(-0.44f, 0.3f, -0.28f, -0.1f);
        p.line(-0.28f, -0.1f, -0.12f, 0.3f);
        p.line(-0.38f, 0.16f, -0.18f, 0.16f);
        p.line(-0.06f, 0.36f, 0.18f, -0.38f);
        p.line(0.18f, -0.38f, 0.42f, 0.36f);
        p.line(0.02f, 0.12f, 0.34f, 0.12f);
        break;
    case Icon::touch: // a fingertip's touch with its ripples
        p.disc(0.0f, 0.0f, 0.14f);
        p.circle(0.0f, 0.0f, 0.28f);
        p.arc(0.0f, 0.0f, 0.44f, -0.8f * kPi, -0.2f * kPi);
        p.arc(0.0f, 0.0f, 0.44f, 0.2f * kPi, 0.8f * kPi);
        break;
    case Icon::check:
        p.line(-0.36f, 0.02f, -0.1f, 0.28f);
        p.line(-0.1f, 0.28f, 0.38f, -0.26f);
        break;
    case Icon::info:
        p.circle(0.0f, 0.0f, 0.42f);
        p.disc(0.0f, -0.2f, 0.055f);
        p.line(0.0f, -0.04f, 0.0f, 0.24f);
        break;
    case Icon::id_card: // a card with a photo box and lines of text
        p.rect(-0.46f, -0.3f, 0.46f, 0.3f);
        p.rect(-0.36f, -0.18f, -0.08f, 0.18f);
        p.line(0.02f, -0.12f, 0.34f, -0.12f);
        p.line(0.02f, 0.0f, 0.34f, 0.0f);
        p.line(0.02f, 0.12f, 0.24f, 0.12f);
        break;
    case Icon::printer: // a printer body with paper coming out of its top
        p.rect(-0.42f, -0.12f, 0.42f, 0.2f);
        p.rect(-0.24f, -0.42f, 0.24f, -0.12f);
        p.rect(-0.24f, 0.08f, 0.24f, 0.42f);
        p.line(-0.12f, 0.2f, 0.12f, 0.2f);
        p.line(-0.12f, 0.3f, 0.06f, 0.3f);
        break;
    case Icon::qr_code: // three finder squares and a few modules
        p.rect(-0.42f, -0.42f, -0.08f, -0.08f);
        p.fill_rect(-0.3f, -0.3f, -0.2f, -0.2f);
        p.rect(0.08f, -0.42f, 0.42f, -0.08f);
        p.fill_rect(0.2f, -0.3f, 0.3f, -0.2f);
        p.rect(-0.42f, 0.08f, -0.08f, 0.42f);
        p.fill_rect(-0.3f, 0.2f, -0.2f, 0.3f);
        p.fill_rect(0.08f, 0.08f, 0.2f, 0.2f);
        p.fill_rect(0.3f, 0.08f, 0.42f, 0.2f);
        p.fill_rect(0.2f, 0.2f, 0.3f, 0.3f);
        p.fill_rect(0.08f, 0.3f, 0.2f, 0.42f);
        p.fill_rect(0.3f, 0.3f, 0.42f, 0.42f);
        break;
    case Icon::backspace: { // a key cap pointing left, with a cross
        const ImVec2 pts[5] = {p.at(-0.46f, 0.0f), p.at(-0.18f, -0.3f), p.at(0.44f, -0.3f), p.at(0.44f, 0.3f),
                               p.at(-0.18f, 0.3f)};
        draw->AddPolyline(pts, 5, col, ImDrawFlags_Closed, p.w());
        p.line(-0.02f, -0.13f, 0.24f, 0.13f);
        p.line(-0.02f, 0.13f, 0.24f, -0.13f);
        break;
    }
    case Icon::caps: { // an upward arrow with a wide head
        const ImVec2 pts[7] = {p.at(0.0f, -0.42f), p.at(0.4f, 0.02f), p.at(0.18f, 0.02f), p.at(0.18f, 0.4f),
                               p.at(-0.18f, 0.4f), p.at(-0.18f, 0.02f), p.at(-0.4f, 0.02f)};
        draw->AddPolyline(pts, 7, col, ImDrawFlags_Closed, p.w());
        break;
    }
    case Icon::chevron_left:
        p.line(0.14f, -0.36f, -0.2f, 0.0f);
        p.line(-0.2f, 0.0f, 0.14f, 0.36f);
        break;
    case Icon::chevron_right:
        p.line(-0.14f, -0.36f, 0.2f, 0.0f);
        p.line(0.2f, 0.0f, -0.14f, 0.36f);
        break;
    }
}

} // namespace hk::ui
