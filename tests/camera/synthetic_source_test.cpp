// The pretend camera: its frames in order, looping or running out, at its frame rate.
#include "synthetic_source.hpp"

#include <doctest/doctest.h>

using namespace hk::camera;
using namespace std::chrono_literals;

namespace {

std::vector<GreyFrame> numbered(int n)
{
    std::vector<GreyFrame> v;
    for (int i = 0; i < n; ++i)
        v.push_back(grey_frame(4, 4, static_cast<std::uint8_t>(i)));
    return v;
}

int number_of(const Result<std::optional<GreyFrame>>& r)
{
    REQUIRE(r.has_value());
    REQUIRE(r->has_value());
    return (**r).pixels[0];
}

} // namespace

TEST_CASE("a looping pretend camera gives its frames in order, again and again")
{
    SyntheticSource s(numbered(3));
    for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 3; ++i)
            CHECK(number_of(s.next(100ms)) == i);
}

TEST_CASE("a pretend camera that does not loop is unplugged after its last frame")
{
    SyntheticSource s(numbered(2), {.frame_interval = 0us, .loop = false});
    CHECK(number_of(s.next(100ms)) == 0);
    CHECK(number_of(s.next(100ms)) == 1);
    const auto end = s.next(100ms);
    REQUIRE_FALSE(end.has_value());
    CHECK(end.error().code == hk::usb::Errc::no_device);
    CHECK_FALSE(SyntheticSource({}).next(10ms).has_value());
}

TEST_CASE("a frame not due within the wait gives nothing yet, then comes when due")
{
    SyntheticSource s(numbered(2), {.frame_interval = 1s, .loop = true});
    CHECK(number_of(s.next(10ms)) == 0); // the first is due at once
    const auto early = s.next(10ms);
    REQUIRE(early.has_value());
    CHECK_FALSE(early->has_value());
}
