// The two picture formats USB cameras stream (UVC): packed YUYV 4:2:2 and Motion-JPEG, turned into
// grey frames. Pure: bytes in, frame out.
#pragma once

#include "frame_source.hpp"

#include <cstdint>
#include <span>

namespace hk::camera {

// YUYV (V4L2_PIX_FMT_YUYV): Y0 U Y1 V per two pixels, rows `bytes_per_line` apart. Grey is the
// luma bytes, so this is a copy of every other byte.
Result<GreyFrame> yuyv_to_grey(std::span<const std::uint8_t> bytes, int width, int height, int bytes_per_line);

// Motion-JPEG frames, decoded straight to grey with TurboJPEG (only the luma plane is
// decoded). One decoder per thread; it keeps TurboJPEG's handle between frames.
class JpegDecoder {
public:
    JpegDecoder();
    ~JpegDecoder();
    JpegDecoder(const JpegDecoder&) = delete;
    JpegDecoder& operator=(const JpegDecoder&) = delete;

    // A broken or truncated frame (cameras send some when the bus is busy) is an io error.
    Result<GreyFrame> to_grey(std::span<const std::uint8_t> jpeg);

private:
    void* handle_; // tjhandle
};

} // namespace hk::camera
