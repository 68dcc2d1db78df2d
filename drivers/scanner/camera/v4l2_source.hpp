// A V4L2 camera (UVC webcams and the like) as a frame source: YUYV or Motion-JPEG streamed into
// memory-mapped buffers, each frame turned grey.
#pragma once

#include "frame_source.hpp"
#include "pixel_formats.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hk::camera {

enum class PixelFormat { yuyv, mjpeg };

struct V4l2Options {
    std::string device = "/dev/video0";
    int width = 1280;
    int height = 720;
    // Tried first; the other when the camera lacks it. USB 2.0 cameras usually stream 1280x720
    // YUYV at 10 fps or less and MJPEG at 30.
    PixelFormat prefer = PixelFormat::mjpeg;
    int buffers = 4;
};

class V4l2Source : public FrameSource {
public:
    // Opens, sets the format (the driver may pick a nearby size), maps the buffers and starts
    // streaming. no_device when there is no such node, access when udev's rules deny it,
    // busy when another program streams from it.
    static Result<std::unique_ptr<V4l2Source>> open(const V4l2Options& options);
    ~V4l2Source() override;

    // A camera unplugged mid-stream is a no_device error; a corrupt frame is skipped (nothing).
    Result<std::optional<GreyFrame>> next(std::chrono::milliseconds timeout) override;

    int width() const { return width_; }
    int height() const { return height_; }
    PixelFormat format() const { return format_; }

private:
    V4l2Source() = default;
    struct Buffer {
        void* start = nullptr;
        std::size_t length = 0;
    };
    int fd_ = -1;
    std::string device_;
    int width_ = 0;
    int height_ = 0;
    int bytes_per_line_ = 0;
    PixelFormat format_ = PixelFormat::yuyv;
    std::vector<Buffer> buffers_;
    bool streaming_ = false;
    JpegDecoder jpeg_;
};

} // namespace hk::camera
