// The V4L2 capture path (see v4l2_source.hpp). The calls are those of the V4L2 API's "Streaming
// I/O (Memory Mapping)" chapter: QUERYCAP, S_FMT, REQBUFS, QUERYBUF + mmap, QBUF, STREAMON, then
// poll and DQBUF/QBUF per frame.
#include "v4l2_source.hpp"

#include <linux/videodev2.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <poll.h>
#include <unistd.h>

namespace hk::camera {

namespace {

int xioctl(int fd, unsigned long request, void* arg)
{
    int r = 0;
    do {
        r = ::ioctl(fd, request, arg);
    } while (r == -1 && errno == EINTR);
    return r;
}

Error from_errno(int err, const std::string& what)
{
    Errc code = Errc::io;
    switch (err) {
    case ENOENT:
    case ENODEV:
    case ENXIO: code = Errc::no_device; break;
    case EACCES:
    case EPERM: code = Errc::access; break;
    case EBUSY: code = Errc::busy; break;
    case ETIMEDOUT: code = Errc::timeout; break;
    default: break;
    }
    return Error{code, what + ": " + std::strerror(err)};
}

std::uint32_t fourcc(PixelFormat f) { return f == PixelFormat::mjpeg ? V4L2_PIX_FMT_MJPEG : V4L2_PIX_FMT_YUYV; }

bool offers(int fd, std::uint32_t pixel_format)
{
    v4l2_fmtdesc d{};
    d.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    for (d.index = 0; xioctl(fd, VIDIOC_ENUM_FMT, &d) == 0; ++d.index)
        if (d.pixelformat == pixel_format)
            return true;
    return false;
}

} // namespace

Result<std::unique_ptr<V4l2Source>> V4l2Source::open(const V4l2Options& options)
{
    std::unique_ptr<V4l2Source> s(new V4l2Source());
    s->device_ = options.device;
    s->fd_ = ::open(options.device.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (s->fd_ < 0)
        return std::unexpected(from_errno(errno, "camera " + options.device));

    v4l2_capability cap{};
    if (xioctl(s->fd_, VIDIOC_QUERYCAP, &cap) != 0) {
        const int err = errno;
        if (err == ENOTTY || err == EINVAL)
            return std::unexpected(Error{Errc::io, "camera " + options.device + ": not a V4L2 device"});
        return std::unexpected(from_errno(err, "camera " + options.device + ": VIDIOC_QUERYCAP"));
    }
    const std::uint32_t caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities;
    if ((caps & V4L2_CAP_VIDEO_CAPTURE) == 0 || (caps & V4L2_CAP_STREAMING) == 0)
        return std::unexpected(Error{Errc::io, "camera " + options.device + ": no video capture with streaming I/O"});

    PixelFormat want = options.prefer;
    const PixelFormat other = want == PixelFormat::mjpeg ? PixelFormat::yuyv : PixelFormat::mjpeg;
    if (!offers(s->fd_, fourcc(want))) {
        if (!offers(s->fd_, fourcc(other)))
            return std::unexpected(Error{Errc::io, "camera " + options.device + ": offers neither YUYV nor MJPEG"});
        want = other;
    }
    v4l2_format fmt{};
    fmt.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    fmt.fmt.pix.width = static_cast<std::uint32_t>(options.width);
    fmt.fmt.pix.height = static_cast<std::uint32_t>(options.height);
    fmt.fmt.pix.pixelformat = fourcc(want);
    fmt.fmt.pix.field = V4L2_FIELD_NONE;
    if (xioctl(s->fd_, VIDIOC_S_FMT, &fmt) != 0)
        return std::unexpected(from_errno(errno, "camera " + options.device + ": VIDIOC_S_FMT"));
    // The driver answers with what it will really send.
    if (fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_YUYV && fmt.fmt.pix.pixelformat != V4L2_PIX_FMT_MJPEG)
        return std::unexpected(Error{Errc::io, "camera " + options.device + ": refused YUYV and MJPEG"});
    s->format_ = fmt.fmt.pix.pixelformat == V4L2_PIX_FMT_MJPEG ? PixelFormat::mjpeg : PixelFormat::yuyv;
    s->width_ = static_cast<int>(fmt.fmt.pix.width);
    s->height_ = static_cast<int>(fmt.fmt.pix.height);
    s->bytes_per_line_ = std::max(static_cast<int>(fmt.fmt.pix.bytesperline), 2 * s->width_);

    v4l2_requestbuffers req{};
    req.count = static_cast<std::uint32_t>(std::max(2, options.buffers));
    req.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    req.memory = V4L2_MEMORY_MMAP;
    if (xioctl(s->fd_, VIDIOC_REQBUFS, &req) != 0)
        return std::unexpected(from_errno(errno, "camera " + options.device + ": VIDIOC_REQBUFS"));
    if (req.count < 2)
        return std::unexpected(Error{Errc::io, "camera " + options.device + ": too few buffers"});
    for (std::uint32_t i = 0; i < req.count; ++i) {
        v4l2_buffer b{};
        b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        b.memory = V4L2_MEMORY_MMAP;
        b.index = i;
        if (xioctl(s->fd_, VIDIOC_QUERYBUF, &b) != 0)
            return std::unexpected(from_errno(errno, "camera " + options.device + ": VIDIOC_QUERYBUF"));
        void* p = ::mmap(nullptr, b.length, PROT_READ | PROT_WRITE, MAP_SHARED, s->fd_, b.m.offset);
        if (p == MAP_FAILED)
            return std::unexpected(from_errno(errno, "camera " + options.device + ": mmap"));
        s->buffers_.push_back(Buffer{p, b.length});
        if (xioctl(s->fd_, VIDIOC_QBUF, &b) != 0)
            return std::unexpected(from_errno(errno, "camera " + options.device + ": VIDIOC_QBUF"));
    }
    int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    if (xioctl(s->fd_, VIDIOC_STREAMON, &type) != 0)
        return std::unexpected(from_errno(errno, "camera " + options.device + ": VIDIOC_STREAMON"));
    s->streaming_ = true;
    return s;
}

V4l2Source::~V4l2Source()
{
    if (streaming_) {
        int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
        xioctl(fd_, VIDIOC_STREAMOFF, &type);
    }
    for (const Buffer& b : buffers_)
        ::munmap(b.start, b.length);
    if (fd_ >= 0)
        ::close(fd_);
}

Result<std::optional<GreyFrame>> V4l2Source::next(std::chrono::milliseconds timeout)
{
    // poll rather than select: no FD_SETSIZE limit on the descriptor's number.
    pollfd p{fd_, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (ready < 0)
        return errno == EINTR ? Result<std::optional<GreyFrame>>{std::nullopt}
                              : std::unexpected(from_errno(errno, "camera " + device_ + ": poll"));
    if (ready == 0)
        return std::optional<GreyFrame>{};
    if ((p.revents & (POLLERR | POLLHUP)) != 0 && (p.revents & POLLIN) == 0) // unplugged while streaming
        return std::unexpected(Error{Errc::no_device, "camera " + device_ + ": gone"});

    v4l2_buffer b{};
    b.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
    b.memory = V4L2_MEMORY_MMAP;
    if (xioctl(fd_, VIDIOC_DQBUF, &b) != 0) {
        if (errno == EAGAIN)
            return std::optional<GreyFrame>{};
        // An unplugged UVC camera answers ENODEV (some drivers EIO) from here on.
        const int err = errno == EIO ? ENODEV : errno;
        return std::unexpected(from_errno(err, "camera " + device_ + ": VIDIOC_DQBUF"));
    }
    std::optional<GreyFrame> frame;
    if (b.index < buffers_.size() && (b.flags & V4L2_BUF_FLAG_ERROR) == 0) {
        const std::span<const std::uint8_t> bytes(static_cast<const std::uint8_t*>(buffers_[b.index].start),
                                                  std::min<std::size_t>(b.bytesused, buffers_[b.index].length));
        auto grey = format_ == PixelFormat::mjpeg ? jpeg_.to_grey(bytes)
                                                  : yuyv_to_grey(bytes, width_, height_, bytes_per_line_);
        if (grey)
            frame = std::move(*grey);
    }
    if (xioctl(fd_, VIDIOC_QBUF, &b) != 0)
        return std::unexpected(from_errno(errno == EIO ? ENODEV : errno, "camera " + device_ + ": VIDIOC_QBUF"));
    return frame;
}

} // namespace hk::camera
