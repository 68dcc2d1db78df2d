// Text drawn into a 1-bit image for printing as a raster (GS v 0): for printers without Chinese
// fonts, and for Traditional characters or rare name characters a printer's font lacks. Drawn
// with FreeType from Noto Sans CJK, broken into lines like the screen's text, one dot per pixel.
#pragma once

#include "escpos.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hk::printer {

// Which glyph forms the CJK font draws: mainland (Simplified) or Taiwan (Traditional) shapes.
enum class Glyphs { simplified, traditional };

struct TextStyle {
    int size_dots = 24; // em size; 24 matches a printer's 24×24 Chinese font
    bool bold = false;
    escpos::Align align = escpos::Align::left;
    Glyphs glyphs = Glyphs::simplified;
};

class TextRaster {
public:
    // Noto Sans CJK Regular and Bold (.ttc) from `font_dir`.
    explicit TextRaster(const std::filesystem::path& font_dir = "/usr/share/fonts/opentype/noto");
    ~TextRaster();
    TextRaster(TextRaster&&) noexcept;
    TextRaster& operator=(TextRaster&&) noexcept;

    // False when the fonts could not be loaded; error() says which and why.
    bool ok() const;
    const std::string& error() const;

    // `utf8` broken into lines no wider than `width_dots` and drawn into an image exactly that
    // wide; each line is 1.25 em high. Characters the font lacks are drawn as its missing-glyph
    // box, so nothing disappears silently.
    escpos::Bitmap draw(std::string_view utf8, const TextStyle& style, int width_dots);

    // Horizontal advance of one character, in dots.
    int advance(char32_t c, const TextStyle& style);

    struct State;

private:
    std::unique_ptr<State> s_;
};

} // namespace hk::printer
