// The repeat filter: one report per code held up.
#include "repeat_filter.hpp"

#include <doctest/doctest.h>

using namespace hk::camera;
using namespace std::chrono_literals;
using Strings = std::vector<std::string>;

namespace {

const RepeatFilter::Clock::time_point t0{};

} // namespace

TEST_CASE("a code held in view for many frames is reported once")
{
    RepeatFilter f({.hold = 3000ms, .gone_frames = 5});
    CHECK(f.frame({"A"}, t0) == Strings{"A"});
    for (int i = 1; i < 300; ++i) // ten seconds at 30 fps
        CHECK(f.frame({"A"}, t0 + i * 33ms).empty());
}

TEST_CASE("a code taken away for long enough and shown again after the hold is reported again")
{
    RepeatFilter f({.hold = 1000ms, .gone_frames = 3});
    auto t = t0;
    CHECK(f.frame({"A"}, t) == Strings{"A"});
    for (int i = 0; i < 3; ++i)
        CHECK(f.frame({}, t += 500ms).empty());
    CHECK(f.frame({"A"}, t += 500ms) == Strings{"A"});
}

TEST_CASE("a code missed by the decoder for a frame or two is not reported again")
{
    RepeatFilter f({.hold = 0ms, .gone_frames = 3});
    auto t = t0;
    CHECK(f.frame({"A"}, t) == Strings{"A"});
    CHECK(f.frame({}, t += 33ms).empty());
    CHECK(f.frame({}, t += 33ms).empty());
    CHECK(f.frame({"A"}, t += 33ms).empty()); // out of view 2 frames: still the same showing
    for (int i = 0; i < 3; ++i)
        CHECK(f.frame({}, t += 33ms).empty());
    CHECK(f.frame({"A"}, t += 33ms) == Strings{"A"}); // out of view 3 frames: shown anew
}

TEST_CASE("a code shown again within the hold is not reported, however long it was away")
{
    RepeatFilter f({.hold = 3000ms, .gone_frames = 2});
    auto t = t0;
    CHECK(f.frame({"A"}, t) == Strings{"A"});
    for (int i = 0; i < 10; ++i)
        CHECK(f.frame({}, t += 100ms).empty());
    CHECK(f.frame({"A"}, t += 100ms).empty()); // 1.1 s after the report
    for (int i = 0; i < 30; ++i)
        CHECK(f.frame({}, t += 100ms).empty());
    CHECK(f.frame({"A"}, t += 100ms) == Strings{"A"}); // 4.2 s after
}

TEST_CASE("different codes are reported each in turn, and twice in one frame counts once")
{
    RepeatFilter f;
    CHECK(f.frame({"A", "B", "A"}, t0) == Strings{"A", "B"});
    CHECK(f.frame({"B", "C"}, t0 + 33ms) == Strings{"C"});
}

TEST_CASE("codes long gone are forgotten, so the filter stays small")
{
    RepeatFilter f({.hold = 100ms, .gone_frames = 2});
    auto t = t0;
    for (int i = 0; i < 50; ++i)
        f.frame({"code " + std::to_string(i)}, t += 33ms);
    CHECK(f.tracked() <= 5);
}
