// YUYV and Motion-JPEG frames to grey (see pixel_formats.hpp).
#include "pixel_formats.hpp"

#include <turbojpeg.h>

#include <string>

namespace hk::camera {

Result<GreyFrame> yuyv_to_grey(std::span<const std::uint8_t> bytes, int width, int height, int bytes_per_line)
{
    if (width <= 0 || height <= 0 || bytes_per_line < 2 * width)
        return std::unexpected(Error{Errc::io, "YUYV frame: bad geometry"});
    const auto line = static_cast<std::size_t>(bytes_per_line);
    const auto w = static_cast<std::size_t>(width);
    // The last row need not be padded to a whole line.
    if (bytes.size() < line * static_cast<std::size_t>(height - 1) + 2 * w)
        return std::unexpected(Error{Errc::io, "YUYV frame: " + std::to_string(bytes.size()) + " bytes, too short"});
    GreyFrame f = grey_frame(width, height, 0);
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y) {
        const std::uint8_t* src = bytes.data() + y * line;
        std::uint8_t* dst = f.pixels.data() + y * w;
        for (std::size_t x = 0; x < w; ++x)
            dst[x] = src[2 * x];
    }
    return f;
}

JpegDecoder::JpegDecoder() : handle_(tjInitDecompress()) {}

JpegDecoder::~JpegDecoder()
{
    if (handle_ != nullptr)
        tjDestroy(handle_);
}

Result<GreyFrame> JpegDecoder::to_grey(std::span<const std::uint8_t> jpeg)
{
    if (handle_ == nullptr)
        return std::unexpected(Error{Errc::io, "TurboJPEG: no decompressor"});
    if (jpeg.empty())
        return std::unexpected(Error{Errc::io, "JPEG frame: empty"});
    int width = 0;
    int height = 0;
    int subsampling = 0;
    int colourspace = 0;
    if (tjDecompressHeader3(handle_, jpeg.data(), static_cast<unsigned long>(jpeg.size()), &width, &height,
                            &subsampling, &colourspace) != 0)
        return std::unexpected(Error{Errc::io, std::string("JPEG header: ") + tjGetErrorStr2(handle_)});
    GreyFrame f = grey_frame(width, height, 0);
    // Warnings (a frame cut short by the camera is padded grey) still give a usable picture;
    // only errors drop it.
    if (tjDecompress2(handle_, jpeg.data(), static_cast<unsigned long>(jpeg.size()), f.pixels.data(), width, width,
                      height, TJPF_GRAY, TJFLAG_FASTDCT) != 0 &&
        tjGetErrorCode(handle_) == TJERR_FATAL)
        return std::unexpected(Error{Errc::io, std::string("JPEG frame: ") + tjGetErrorStr2(handle_)});
    return f;
}

} // namespace hk::camera
