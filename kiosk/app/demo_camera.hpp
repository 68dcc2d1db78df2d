// Demo mode's pretend camera: a counter seen from above, ten frames a second, on which the demo
// panel can hold up a code for a second. The camera scanner reads it as it would a real one.
#pragma once

#include "frame_source.hpp"

#include <chrono>
#include <memory>
#include <mutex>
#include <random>
#include <string>

namespace hk::app {

class DemoCamera {
public:
    static constexpr int kWidth = 640;
    static constexpr int kHeight = 480;
    static constexpr std::chrono::milliseconds kFrameInterval{100};
    static constexpr int kFramesShown = 10; // a second

    DemoCamera();
    // The frame source to hand to the camera scanner; it shares this camera's state.
    std::unique_ptr<camera::FrameSource> source();
    // The next second of frames show `code` as a QR code, a little turned, with sensor noise.
    // False when the code cannot be drawn as a QR code (too long).
    bool show(const std::string& code);

    struct State;

private:
    std::shared_ptr<State> state_;
};

} // namespace hk::app
