// Tests of turning the picture and touch for a panel mounted turned: sizes and points worked out
// by hand for each rotation on a 1280x720 output, corners first.
#include "display_rotation.hpp"

#include <doctest/doctest.h>

using namespace hk::app;

namespace {

constexpr int kW = 1280;
constexpr int kH = 720;

// An output pixel and the pixel of the picture it shows.
struct Mapping {
    int rotation_deg;
    float x, y;
    float logical_x, logical_y;
};

void check(const Mapping& m)
{
    const LogicalPoint p = logical_point(m.rotation_deg, kW, kH, m.x, m.y);
    INFO("rotation ", m.rotation_deg, ", output (", m.x, ", ", m.y, ")");
    CHECK(p.x == m.logical_x);
    CHECK(p.y == m.logical_y);
}

} // namespace

TEST_CASE("only quarter turns are rotations")
{
    for (int deg : {0, 90, 180, 270})
        CHECK(is_rotation(deg));
    for (int deg : {-90, 45, 360, 1})
        CHECK_FALSE(is_rotation(deg));
}

TEST_CASE("a quarter turn swaps the picture's width and height, a half turn keeps them")
{
    CHECK(logical_size(0, kW, kH).width == kW);
    CHECK(logical_size(0, kW, kH).height == kH);
    CHECK(logical_size(90, kW, kH).width == kH);
    CHECK(logical_size(90, kW, kH).height == kW);
    CHECK(logical_size(180, kW, kH).width == kW);
    CHECK(logical_size(180, kW, kH).height == kH);
    CHECK(logical_size(270, kW, kH).width == kH);
    CHECK(logical_size(270, kW, kH).height == kW);
}

// The output's corners clockwise from its top-left, and a point inside, for each rotation.
TEST_CASE("unturned, a touch stays where it is")
{
    for (const Mapping& m : {Mapping{0, 0, 0, 0, 0}, Mapping{0, 1279, 0, 1279, 0}, Mapping{0, 1279, 719, 1279, 719},
                             Mapping{0, 0, 719, 0, 719}, Mapping{0, 100, 30, 100, 30}})
        check(m);
}

// Turned 90 degrees clockwise, the picture's top-left corner is at the output's top-right: the
// picture's top runs down the output's right edge.
TEST_CASE("turned 90 degrees, the output's corners are the picture's corners a quarter turn on")
{
    for (const Mapping& m : {Mapping{90, 0, 0, 0, 1279}, Mapping{90, 1279, 0, 0, 0}, Mapping{90, 1279, 719, 719, 0},
                             Mapping{90, 0, 719, 719, 1279}, Mapping{90, 1179, 30, 30, 100}})
        check(m);
}

TEST_CASE("turned 180 degrees, a touch is mirrored through the centre")
{
    for (const Mapping& m :
         {Mapping{180, 0, 0, 1279, 719}, Mapping{180, 1279, 0, 0, 719}, Mapping{180, 1279, 719, 0, 0},
          Mapping{180, 0, 719, 1279, 0}, Mapping{180, 1179, 689, 100, 30}})
        check(m);
}

// Turned 270 degrees clockwise (a quarter anticlockwise), the picture's top-left corner is at the
// output's bottom-left: the picture's top runs up the output's left edge.
TEST_CASE("turned 270 degrees, the output's corners are the picture's corners a quarter turn back")
{
    for (const Mapping& m :
         {Mapping{270, 0, 0, 719, 0}, Mapping{270, 1279, 0, 719, 1279}, Mapping{270, 1279, 719, 0, 1279},
          Mapping{270, 0, 719, 0, 0}, Mapping{270, 100, 689, 30, 100}})
        check(m);
}

TEST_CASE("every touch on the output lands on the picture, for every rotation")
{
    for (int deg : kRotationsDeg) {
        const PixelSize size = logical_size(deg, kW, kH);
        for (float x : {0.0f, 639.0f, 1279.0f})
            for (float y : {0.0f, 359.0f, 719.0f}) {
                const LogicalPoint p = logical_point(deg, kW, kH, x, y);
                INFO("rotation ", deg, ", output (", x, ", ", y, ") -> (", p.x, ", ", p.y, ")");
                CHECK(p.x >= 0);
                CHECK(p.y >= 0);
                CHECK(p.x <= static_cast<float>(size.width - 1));
                CHECK(p.y <= static_cast<float>(size.height - 1));
            }
    }
}
