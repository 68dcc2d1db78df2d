// The V4L2 source without a camera: a missing device and a node that is no camera are clear
// errors. (Streaming needs hardware; the conversions it uses are tested in pixel_formats_test.)
#include "v4l2_source.hpp"

#include <doctest/doctest.h>

using namespace hk::camera;

TEST_CASE("a missing camera node is a no_device error that names the node")
{
    V4l2Options o;
    o.device = "/dev/video-hallkiosk-missing";
    const auto s = V4l2Source::open(o);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == hk::usb::Errc::no_device);
    CHECK(s.error().message.find("/dev/video-hallkiosk-missing") != std::string::npos);
}

TEST_CASE("a device node that is not a V4L2 camera is refused as such")
{
    V4l2Options o;
    o.device = "/dev/null";
    const auto s = V4l2Source::open(o);
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().code == hk::usb::Errc::io);
    CHECK(s.error().message.find("not a V4L2 device") != std::string::npos);
}
