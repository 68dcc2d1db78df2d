// The made-up camera pictures: codes drawn where asked, and the faults added as asked.
#include "synthetic_frames.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace hk::camera;

namespace {

double mean(const GreyFrame& f, int x0, int y0, int x1, int y1)
{
    double sum = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            sum += f.at(x, y);
    return sum / ((x1 - x0) * (y1 - y0));
}

double spread(const GreyFrame& f)
{
    const double m = mean(f, 0, 0, f.width, f.height);
    double sum = 0;
    for (const auto v : f.pixels)
        sum += (v - m) * (v - m);
    return std::sqrt(sum / static_cast<double>(f.pixels.size()));
}

// "HK" as a version 1 QR code: 21 modules and the quiet zone, 29 in all.
CodePattern small_qr()
{
    const auto p = code_pattern("HK", Symbology::qr_code);
    REQUIRE(p.has_value());
    return *p;
}

} // namespace

TEST_CASE("a QR pattern has its finder square in the corner inside a 4-module quiet zone")
{
    const CodePattern qr = small_qr();
    const CodePattern* p = &qr;
    CHECK(p->width == 21 + 8);
    CHECK(p->height == p->width);
    const auto dark = [&](int x, int y) { return p->dark[static_cast<std::size_t>(y * p->width + x)] != 0; };
    CHECK_FALSE(dark(3, 3));
    CHECK(dark(4, 4));  // the finder's outer ring
    CHECK_FALSE(dark(5, 5));
    CHECK(dark(6, 6));  // its centre
}

TEST_CASE("a 1-D pattern is one row of bars between quiet zones, and unencodable text gives nothing")
{
    const auto p = code_pattern("6901234567892", Symbology::ean13);
    REQUIRE(p.has_value());
    CHECK(p->height == 1);
    CHECK(p->width == 95 + 22);
    CHECK(p->dark[10] == 0);
    CHECK(p->dark[11] == 1); // the start guard
    CHECK_FALSE(code_pattern("not digits", Symbology::ean13).has_value());
}

TEST_CASE("a code is drawn at its place in its contrast, and nowhere else")
{
    const CodePattern p = small_qr();
    GreyFrame f = grey_frame(400, 300, 128);
    Placement where;
    where.centre_x = 0.25;
    where.centre_y = 0.5;
    where.width_px = 116; // 4 pixels a module
    where.dark = 10;
    where.light = 240;
    draw_code(f, p, where);
    // The quiet zone's top-left corner is light, the finder's ring dark.
    CHECK(f.at(100 - 58 + 2, 150 - 58 + 2) == 240);
    CHECK(f.at(100 - 58 + 16 + 2, 150 - 58 + 16 + 2) == 10);
    CHECK(mean(f, 200, 0, 400, 300) == 128); // the right half untouched
}

TEST_CASE("turning a code by 90 degrees moves its finder squares to the matching corners")
{
    const CodePattern p = small_qr();
    GreyFrame straight = grey_frame(200, 200, 128);
    GreyFrame turned = grey_frame(200, 200, 128);
    Placement where;
    where.width_px = 116;
    draw_code(straight, p, where);
    where.angle_deg = 90;
    draw_code(turned, p, where);
    // Clockwise: the top-left finder goes to the top right; the corner without one (bottom
    // right) goes to the bottom left.
    // A dark centre inside a light ring 2 modules (8 pixels) out.
    const auto finder_at = [](const GreyFrame& f, int x, int y) {
        return mean(f, x - 2, y - 2, x + 2, y + 2) < 60 && f.at(x - 8, y) > 180 && f.at(x + 8, y) > 180 &&
               f.at(x, y - 8) > 180 && f.at(x, y + 8) > 180;
    };
    CHECK(finder_at(straight, 100 - 58 + 30, 100 - 58 + 30));
    CHECK(finder_at(turned, 100 + 58 - 30, 100 - 58 + 30));
    CHECK_FALSE(finder_at(turned, 100 - 58 + 30, 100 + 58 - 30));
}

TEST_CASE("tilting shortens the code's right edge")
{
    const CodePattern p = small_qr();
    GreyFrame f = grey_frame(300, 300, 255);
    Placement where;
    where.width_px = 200;
    where.tilt = 0.5;
    where.dark = 0;
    where.light = 0; // the whole symbol black, to measure its outline
    draw_code(f, p, where);
    const auto column_height = [&](int x) {
        int n = 0;
        for (int y = 0; y < 300; ++y)
            n += f.at(x, y) < 128;
        return n;
    };
    CHECK(column_height(55) == doctest::Approx(200).epsilon(0.03));
    CHECK(column_height(245) == doctest::Approx(100).epsilon(0.06));
}

TEST_CASE("noise spreads the grey levels by about its sigma, and blur smooths them again")
{
    std::mt19937 rng(5);
    GreyFrame f = grey_frame(200, 200, 128);
    add_noise(f, 10, rng);
    CHECK(spread(f) == doctest::Approx(10).epsilon(0.05));
    blur(f, 2);
    CHECK(spread(f) < 3);
    CHECK(mean(f, 0, 0, 200, 200) == doctest::Approx(128).epsilon(0.01));
}

TEST_CASE("blur softens a hard edge over about its radius")
{
    GreyFrame f = grey_frame(40, 10, 0);
    for (int y = 0; y < 10; ++y)
        for (int x = 20; x < 40; ++x)
            f.pixels[static_cast<std::size_t>(y * 40 + x)] = 200;
    blur(f, 2);
    CHECK(f.at(10, 5) == 0);
    CHECK(f.at(30, 5) == 200);
    CHECK(f.at(19, 5) > 30);
    CHECK(f.at(19, 5) < 100);
    CHECK(f.at(20, 5) > 100);
    CHECK(f.at(20, 5) < 170);
}

TEST_CASE("the same seed makes the same background")
{
    std::mt19937 a(9), b(9), c(10);
    CHECK(background(320, 240, a).pixels == background(320, 240, b).pixels);
    CHECK(background(320, 240, a).pixels != background(320, 240, c).pixels);
}
