// Where the camera scanner gets its pictures from: a V4L2 device, or a list of frames (tests and
// demo mode). One source is used by one thread at a time.
#pragma once

#include "grey_frame.hpp"
#include "usb_error.hpp"

#include <chrono>
#include <optional>

namespace hk::camera {

// A camera's failures reuse the drivers' error type: no_device (unplugged or no such node),
// access (udev rules), busy (another program streams), timeout, io.
using usb::Errc;
using usb::Error;
template <typename T>
using Result = usb::Result<T>;

class FrameSource {
public:
    virtual ~FrameSource() = default;
    // Waits up to `timeout` for the next picture. Nothing when none came in time (the caller
    // checks whether it should stop, then asks again); an error when the camera is gone or broken.
    virtual Result<std::optional<GreyFrame>> next(std::chrono::milliseconds timeout) = 0;
};

} // namespace hk::camera
