// A pretend camera: frames from a list, in order, at a set frame rate. Tests and demo mode use it
// where a V4L2 device would be.
#pragma once

#include "frame_source.hpp"

#include <chrono>
#include <vector>

namespace hk::camera {

class SyntheticSource : public FrameSource {
public:
    struct Options {
        std::chrono::microseconds frame_interval{0}; // 0: as fast as asked; 33333 for 30 fps
        bool loop = true; // once through only: after the last frame the "camera" is unplugged
    };

    SyntheticSource(std::vector<GreyFrame> frames, Options options);
    explicit SyntheticSource(std::vector<GreyFrame> frames) : SyntheticSource(std::move(frames), Options{}) {}

    Result<std::optional<GreyFrame>> next(std::chrono::milliseconds timeout) override;

private:
    using Clock = std::chrono::steady_clock;
    std::vector<GreyFrame> frames_;
    Options options_;
    std::size_t index_ = 0;
    Clock::time_point due_{};
};

} // namespace hk::camera
