// Text to 1-bit images with FreeType (see text_raster.hpp).
#include "text_raster.hpp"

#include "line_break.hpp"
#include "utf8.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace hk::printer {
namespace {

// Face indices in Noto Sans CJK's collection files (.ttc): 2 is SC, 3 is TC.
constexpr FT_Long kFaceSimplified = 2;
constexpr FT_Long kFaceTraditional = 3;

// FreeType draws 256 grey levels; a thermal head has two. Thermal dots bleed a little, so the
// cut sits at the middle grey rather than lower.
constexpr std::uint8_t kInkThreshold = 128;

struct Glyph {
    int advance = 0;
    int left = 0; // from the pen to the image's left edge
    int top = 0;  // from the baseline up to the image's top edge
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> ink; // width × height, 1 = black
};

} // namespace

struct TextRaster::State {
    FT_Library ft = nullptr;
    // [bold][traditional]
    std::array<std::array<FT_Face, 2>, 2> faces{};
    std::string error;
    std::map<std::tuple<int, int, char32_t>, Glyph> cache; // (face, size, code point)

    ~State()
    {
        for (auto& row : faces)
            for (FT_Face f : row)
                if (f)
                    FT_Done_Face(f);
        if (ft)
            FT_Done_FreeType(ft);
    }

    FT_Face face(const TextStyle& s, int& key)
    {
        const int b = s.bold ? 1 : 0;
        const int t = s.glyphs == Glyphs::traditional ? 1 : 0;
        key = b * 2 + t;
        return faces[static_cast<std::size_t>(b)][static_cast<std::size_t>(t)];
    }

    const Glyph& glyph(char32_t c, const TextStyle& s)
    {
        int key = 0;
        FT_Face f = face(s, key);
        const int size = std::clamp(s.size_dots, 4, 255);
        auto [it, fresh] = cache.try_emplace({key, size, c});
        if (!fresh)
            return it->second;
        Glyph& g = it->second;
        FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(size));
        if (FT_Load_Char(f, c, FT_LOAD_RENDER | FT_LOAD_TARGET_NORMAL) != 0)
            return g;
        const FT_GlyphSlot slot = f->glyph;
        const FT_Bitmap& bm = slot->bitmap;
        g.advance = static_cast<int>((slot->advance.x + 32) >> 6);
        g.left = slot->bitmap_left;
        g.top = slot->bitmap_top;
        g.width = static_cast<int>(bm.width);
        g.height = static_cast<int>(bm.rows);
        g.ink.resize(static_cast<std::size_t>(g.width) * static_cast<std::size_t>(g.height));
        for (int y = 0; y < g.height; ++y)
            for (int x = 0; x < g.width; ++x) {
                const std::uint8_t v = bm.buffer[y * bm.pitch + x];
                g.ink[static_cast<std::size_t>(y * g.width + x)] = v >= kInkThreshold ? 1 : 0;
            }
        return g;
    }
};

TextRaster::TextRaster(const std::filesystem::path& font_dir) : s_(std::make_unique<State>())
{
    if (FT_Init_FreeType(&s_->ft) != 0) {
        s_->error = "FreeType could not start";
        return;
    }
    const std::filesystem::path files[2] = {font_dir / "NotoSansCJK-Regular.ttc", font_dir / "NotoSansCJK-Bold.ttc"};
    for (int b = 0; b < 2; ++b)
        for (int t = 0; t < 2; ++t) {
            FT_Face& f = s_->faces[static_cast<std::size_t>(b)][static_cast<std::size_t>(t)];
            if (FT_New_Face(s_->ft, files[b].c_str(), t ? kFaceTraditional : kFaceSimplified, &f) != 0) {
                f = nullptr;
                if (s_->error.empty())
                    s_->error = "cannot load the receipt font " + files[b].string();
            }
        }
}

TextRaster::~TextRaster() = default;
TextRaster::TextRaster(TextRaster&&) noexcept = default;
TextRaster& TextRaster::operator=(TextRaster&&) noexcept = default;

bool TextRaster::ok() const { return s_ && s_->error.empty(); }
const std::string& TextRaster::error() const { return s_->error; }

int TextRaster::advance(char32_t c, const TextStyle& style) { return ok() ? s_->glyph(c, style).advance : 0; }

escpos::Bitmap TextRaster::draw(std::string_view utf8, const TextStyle& style, int width_dots)
{
    escpos::Bitmap out;
    out.width = std::max(width_dots, 1);
    if (!ok())
        return out;
    const int size = std::clamp(style.size_dots, 4, 255);
    const int line_height = size * 5 / 4;
    // Noto Sans CJK's ascent is 0.88 em; the rest of the line is below the baseline.
    const int baseline = size * 88 / 100 + (line_height - size) / 2;
    const auto lines = text::break_lines(utf8, static_cast<float>(out.width),
                                         [&](char32_t c) { return static_cast<float>(advance(c, style)); });
    out.height = line_height * static_cast<int>(lines.size());
    out.dots.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height), 0);
    int top = 0;
    for (std::string_view line : lines) {
        int line_width = 0;
        for (std::size_t p = 0; p < line.size();)
            line_width += advance(utf8::next(line, p), style);
        int pen = 0;
        if (style.align == escpos::Align::center)
            pen = std::max(0, (out.width - line_width) / 2);
        else if (style.align == escpos::Align::right)
            pen = std::max(0, out.width - line_width);
        for (std::size_t p = 0; p < line.size();) {
            const Glyph& g = s_->glyph(utf8::next(line, p), style);
            for (int y = 0; y < g.height; ++y) {
                const int py = top + baseline - g.top + y;
                if (py < 0 || py >= out.height)
                    continue;
                for (int x = 0; x < g.width; ++x) {
                    const int px = pen + g.left + x;
                    if (px >= 0 && px < out.width && g.ink[static_cast<std::size_t>(y * g.width + x)])
                        out.dots[static_cast<std::size_t>(py) * static_cast<std::size_t>(out.width) +
                                 static_cast<std::size_t>(px)] = 1;
                }
            }
            pen += g.advance;
        }
        top += line_height;
    }
    return out;
}

} // namespace hk::printer
