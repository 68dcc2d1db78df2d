// Pictures read back in tests as RGBA pixels: a screenshot from its PNG, or the renderer's output.
// Needs stb_image.
#pragma once

#include <doctest/doctest.h>
#include <stb_image.h>

#include <filesystem>
#include <vector>

namespace hk::test {

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned char> rgba;
    unsigned char at(int x, int y, int c) const
    {
        return rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)) * 4 +
                    static_cast<std::size_t>(c)];
    }
};

inline Image load(const std::filesystem::path& file)
{
    Image img;
    int n = 0;
    unsigned char* data = stbi_load(file.c_str(), &img.w, &img.h, &n, 4);
    REQUIRE_MESSAGE(data, "cannot read " << file);
    img.rgba.assign(data, data + static_cast<std::size_t>(img.w) * static_cast<std::size_t>(img.h) * 4);
    stbi_image_free(data);
    return img;
}

} // namespace hk::test
