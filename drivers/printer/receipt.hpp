// A receipt as a small layout model: blocks from top to bottom that say what the paper shows,
// not which bytes print it. render() turns one into ESC/POS for a given printer: text in the
// printer's own Chinese font or drawn as an image, QR codes native or drawn, sized to its paper.
#pragma once

#include "escpos.hpp"
#include "text_raster.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hk::printer {

// How text reaches the paper. `raster` draws it (any script, any printer with GS v 0: the safe
// default); the native modes send it in the printer's two-byte mode to be drawn by its own font,
// which holds GB 2312 (6763 characters, most printers) or all of GB 18030. A block with a
// character the font lacks, or on a Traditional Chinese receipt, is drawn anyway.
enum class TextMode { raster, gb2312, gb18030 };
std::optional<TextMode> text_mode_from_name(std::string_view name);
std::string_view text_mode_name(TextMode m);

// What the kiosk knows about the printer it prints on.
struct PrintProfile {
    int width_dots = 384; // 384 on 58 mm paper, 576 on 80 mm
    TextMode text = TextMode::raster;
    bool native_qr = false; // GS ( k; otherwise the QR code is drawn
    bool operator==(const PrintProfile&) const = default;
};

struct Receipt {
    struct Text {
        std::string utf8;
        bool large = false; // twice the size: titles and tracking numbers
        bool bold = false;
        escpos::Align align = escpos::Align::left;
    };
    // A label and its value on one line (label at the left, value at the right), or the value
    // below the label when both do not fit.
    struct Field {
        std::string label;
        std::string value;
        bool bold = false; // the value
    };
    struct Rule {}; // a dashed line across the paper
    struct Qr {
        std::string data;
        int module_dots = 6;
    };
    struct Barcode { // CODE128, printable ASCII
        std::string data;
    };
    struct Space {
        int dots = 12;
    };
    using Block = std::variant<Text, Field, Rule, Qr, Barcode, Space>;

    Glyphs glyphs = Glyphs::simplified;
    std::vector<Block> blocks;

    Receipt& text(std::string utf8, bool large = false, bool bold = false, escpos::Align align = escpos::Align::left)
    {
        blocks.emplace_back(Text{std::move(utf8), large, bold, align});
        return *this;
    }
    Receipt& title(std::string utf8) { return text(std::move(utf8), true, true, escpos::Align::center); }
    Receipt& field(std::string label, std::string value, bool bold = false)
    {
        blocks.emplace_back(Field{std::move(label), std::move(value), bold});
        return *this;
    }
    Receipt& rule()
    {
        blocks.emplace_back(Rule{});
        return *this;
    }
    Receipt& qr(std::string data, int module_dots = 6)
    {
        blocks.emplace_back(Qr{std::move(data), module_dots});
        return *this;
    }
    Receipt& barcode(std::string data)
    {
        blocks.emplace_back(Barcode{std::move(data)});
        return *this;
    }
    Receipt& space(int dots)
    {
        blocks.emplace_back(Space{dots});
        return *this;
    }
};

// The bytes that print `r` on a printer described by `p`: initialise, the blocks, feed to the
// cutter and a partial cut. `raster` draws what is drawn; if its fonts could not be loaded, text
// goes to the printer's own font instead (a '?' for what that lacks) rather than missing.
escpos::Bytes render(const Receipt& r, const PrintProfile& p, TextRaster& raster);

} // namespace hk::printer
