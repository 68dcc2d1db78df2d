// A camera picture reduced to its brightness: one byte per pixel, rows `stride` bytes apart.
#pragma once

#include <cstdint>
#include <vector>

namespace hk::camera {

struct GreyFrame {
    int width = 0;
    int height = 0;
    int stride = 0; // bytes from one row to the next, >= width
    std::vector<std::uint8_t> pixels;

    std::uint8_t at(int x, int y) const
    {
        return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) + static_cast<std::size_t>(x)];
    }
};

// A blank frame of one brightness, rows packed (stride = width).
inline GreyFrame grey_frame(int width, int height, std::uint8_t value)
{
    return GreyFrame{width, height, width,
                     std::vector<std::uint8_t>(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), value)};
}

} // namespace hk::camera
