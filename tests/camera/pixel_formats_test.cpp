// YUYV and Motion-JPEG frames turned grey, on bytes made here (TurboJPEG encodes the JPEGs).
#include "pixel_formats.hpp"

#include <doctest/doctest.h>
#include <turbojpeg.h>

#include <cstdlib>

using namespace hk::camera;

namespace {

// A picture with something in it: a diagonal ramp and a dark square.
std::uint8_t pattern(int x, int y) { return (x > 20 && x < 40 && y > 10 && y < 30) ? 16 : static_cast<std::uint8_t>((x * 3 + y * 2) % 256); }

std::vector<std::uint8_t> jpeg_of(const std::vector<std::uint8_t>& pixels, int width, int height, int pixel_format,
                                  int subsampling)
{
    tjhandle h = tjInitCompress();
    unsigned char* out = nullptr;
    unsigned long size = 0;
    const int r = tjCompress2(h, pixels.data(), width, 0, height, pixel_format, &out, &size, subsampling, 95, 0);
    REQUIRE(r == 0);
    std::vector<std::uint8_t> bytes(out, out + size);
    tjFree(out);
    tjDestroy(h);
    return bytes;
}

int max_difference(const GreyFrame& f, int width, int height)
{
    int worst = 0;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            worst = std::max(worst, std::abs(int{f.at(x, y)} - int{pattern(x, y)}));
    return worst;
}

} // namespace

TEST_CASE("a YUYV frame's grey is its luma bytes, padding at the end of each line skipped")
{
    const int width = 4, height = 2, line = 12; // 8 bytes of pixels and 4 of padding per line
    std::vector<std::uint8_t> bytes = {10, 128, 20, 129, 30, 130, 40, 131, 0xEE, 0xEE, 0xEE, 0xEE, //
                                       50, 100, 60, 101, 70, 102, 80, 103, 0xEE, 0xEE, 0xEE, 0xEE};
    const auto f = yuyv_to_grey(bytes, width, height, line);
    REQUIRE(f.has_value());
    CHECK(f->width == 4);
    CHECK(f->height == 2);
    CHECK(f->pixels == std::vector<std::uint8_t>{10, 20, 30, 40, 50, 60, 70, 80});
}

TEST_CASE("a YUYV frame may end without the last line's padding, but not short of its pixels")
{
    std::vector<std::uint8_t> bytes(12 + 8, 7);
    CHECK(yuyv_to_grey(bytes, 4, 2, 12).has_value());
    bytes.pop_back();
    const auto f = yuyv_to_grey(bytes, 4, 2, 12);
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().code == hk::usb::Errc::io);
    CHECK_FALSE(yuyv_to_grey(bytes, 4, 2, 6).has_value()); // lines narrower than the pixels
}

TEST_CASE("a grey JPEG decodes to the picture it was made from")
{
    const int width = 64, height = 48;
    std::vector<std::uint8_t> pixels(width * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            pixels[static_cast<std::size_t>(y * width + x)] = pattern(x, y);
    JpegDecoder d;
    const auto f = d.to_grey(jpeg_of(pixels, width, height, TJPF_GRAY, TJSAMP_GRAY));
    REQUIRE(f.has_value());
    CHECK(f->width == width);
    CHECK(f->height == height);
    CHECK(f->stride == width);
    CHECK(max_difference(*f, width, height) <= 12); // lossy at quality 95, but close
}

TEST_CASE("a colour 4:2:2 JPEG as a camera sends it decodes to its brightness")
{
    const int width = 64, height = 48;
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width * height * 3));
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c) // grey in colour: luma equals each channel
                rgb[static_cast<std::size_t>((y * width + x) * 3 + c)] = pattern(x, y);
    JpegDecoder d;
    const auto jpeg = jpeg_of(rgb, width, height, TJPF_RGB, TJSAMP_422);
    const auto f = d.to_grey(jpeg);
    REQUIRE(f.has_value());
    CHECK(max_difference(*f, width, height) <= 12);
    // The same decoder takes the next frame.
    CHECK(d.to_grey(jpeg).has_value());
}

TEST_CASE("bytes that are not a JPEG are an io error, not a crash")
{
    JpegDecoder d;
    const std::vector<std::uint8_t> junk(100, 0x42);
    const auto f = d.to_grey(junk);
    REQUIRE_FALSE(f.has_value());
    CHECK(f.error().code == hk::usb::Errc::io);
    CHECK_FALSE(d.to_grey({}).has_value());
}
