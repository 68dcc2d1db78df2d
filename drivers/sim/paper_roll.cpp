// The simulated printer's ESC/POS interpreter and paper (see paper_roll.hpp).
#include "paper_roll.hpp"

#include "escpos.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/CharacterSet.h>
#include <ZXing/MultiFormatWriter.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <iconv.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace hk::sim {
namespace {

using escpos::CR, escpos::DLE, escpos::ESC, escpos::FS, escpos::GS, escpos::LF;
constexpr int kCharHeight = 24;     // Font A: 12x24 ASCII, 24x24 Chinese
constexpr int kDefaultSpacing = 30; // ESC 2: 1/6 inch at 180 dpi

std::string hex_bytes(std::span<const std::uint8_t> b)
{
    std::string s;
    char t[4];
    for (std::uint8_t x : b) {
        std::snprintf(t, sizeof t, "%s%02X", s.empty() ? "" : " ", x);
        s += t;
    }
    return s;
}

struct Run {
    std::u32string text;
    bool bold = false;
    int underline = 0;
    int w = 1, h = 1;
    bool marker = false; // an unknown command, drawn inverted
};

std::u32string ascii32(std::string_view s) { return std::u32string(s.begin(), s.end()); }

} // namespace

struct PaperRoll::State {
    int width;
    FT_Library ft = nullptr;
    FT_Face regular = nullptr;
    FT_Face bold_face = nullptr;
    iconv_t gb = reinterpret_cast<iconv_t>(-1);

    std::vector<std::uint8_t> pending; // bytes of a command not yet complete
    Picture paper;                     // since the last cut
    int paper_left = 0;                // rows of dots still on the roll
    std::vector<Picture> receipts;
    std::vector<std::string> unknown;

    // Print mode.
    int align = 0;
    bool bold = false;
    int underline = 0;
    int size_w = 1, size_h = 1;
    int spacing = kDefaultSpacing;
    bool chinese = false;
    int barcode_height = 162, barcode_module = 3, hri = 0;
    int qr_module = 3, qr_level = 49;
    std::string qr_data;
    std::vector<Run> line;

    void reset_mode()
    {
        align = 0, bold = false, underline = 0, size_w = size_h = 1, spacing = kDefaultSpacing, chinese = false;
        barcode_height = 162, barcode_module = 3, hri = 0, qr_module = 3, qr_level = 49;
    }

    // --- drawing -----------------------------------------------------------------------------
    // Feeds `rows` of paper, or what is left on the roll; returns the rows fed.
    int grow(int rows)
    {
        rows = std::clamp(rows, 0, paper_left);
        paper_left -= rows;
        paper.height += rows;
        paper.pixels.resize(static_cast<std::size_t>(paper.width) * static_cast<std::size_t>(paper.height), 255);
        return rows;
    }
    void dot(int x, int y, std::uint8_t v = 0)
    {
        if (x >= 0 && x < width && y >= 0 && y < paper.height)
            paper.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] = v;
    }
    int x_for(int w) const { return align == 1 ? (width - w) / 2 : align == 2 ? width - w : 0; }

    FT_Face face(bool b) { return b && bold_face ? bold_face : regular; }

    // Advance of one character in dots at size 1: the printer's font is monospaced, half
    // width for ASCII.
    static int advance(char32_t c) { return c < 0x80 ? kCharHeight / 2 : kCharHeight; }

    void put_text(const Run& r, std::u32string_view text)
    {
        if (line.empty() || !same_style(line.back(), r))
            line.push_back(Run{{}, r.bold, r.underline, r.w, r.h, r.marker});
        line.back().text += text;
    }
    void put_text(std::u32string_view text) { put_text(Run{{}, bold, underline, size_w, size_h, false}, text); }

    void mark_unknown(std::span<const std::uint8_t> b)
    {
        const std::string h = hex_bytes(b);
        unknown.push_back(h);
        put_text(Run{{}, false, 0, 1, 1, true}, ascii32("?" + h));
    }

    // Prints the line buffer and feeds the paper by the line spacing (LF). Text wider than the
    // paper goes on to the next line, as a printer's line buffer does.
    void print_line()
    {
        std::vector<Run> row;
        int row_w = 0;
        for (const Run& r : line)
            for (char32_t c : r.text) {
                const int cell = advance(c) * r.w;
                if (row_w + cell > width && row_w > 0) {
                    print_row(row, row_w);
                    row.clear();
                    row_w = 0;
                }
                if (row.empty() || !same_style(row.back(), r))
                    row.push_back(Run{{}, r.bold, r.underline, r.w, r.h, r.marker});
                row.back().text += c;
                row_w += cell;
            }
        print_row(row, row_w);
        line.clear();
    }

    static bool same_style(const Run& a, const Run& b)
    {
        return a.bold == b.bold && a.underline == b.underline && a.w == b.w && a.h == b.h && a.marker == b.marker;
    }

    void print_row(const std::vector<Run>& row, int row_w)
    {
        int max_h = 1;
        for (const Run& r : row)
            max_h = std::max(max_h, r.h);
        const int top = paper.height;
        if (grow(std::max(spacing, kCharHeight * max_h + (max_h > 1 ? 6 : 0))) == 0)
            return; // the roll has run out
        const int baseline = top + kCharHeight * max_h - 4 * max_h;
        int x = x_for(std::min(row_w, width));
        for (const Run& r : row)
            for (char32_t c : r.text) {
                const int cell = advance(c) * r.w;
                draw_char(r, c, x, baseline, cell, top);
                x += cell;
            }
    }

    void draw_char(const Run& r, char32_t c, int x0, int baseline, int cell, int top)
    {
        const int cell_h = kCharHeight * r.h;
        if (r.marker)
            for (int y = top; y < top + cell_h; ++y)
                for (int x = x0; x < x0 + cell; ++x)
                    dot(x, y, 0);
        FT_Face f = face(r.bold);
        if (f && c != U' ') {
            FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(22 * r.h));
            if (FT_Load_Char(f, c, FT_LOAD_RENDER) == 0) {
                const FT_GlyphSlot g = f->glyph;
                const FT_Bitmap& bm = g->bitmap;
                // Stretched sideways by the width multiplier relative to the height one.
                const double sx = static_cast<double>(r.w) / r.h;
                const int gx = x0 + static_cast<int>(g->bitmap_left * sx);
                const int gy = baseline - g->bitmap_top;
                const int out_w = static_cast<int>(bm.width * sx + 0.5);
                for (unsigned row = 0; row < bm.rows; ++row)
                    for (int col = 0; col < out_w; ++col) {
                        const int src = std::min(static_cast<int>(col / sx), static_cast<int>(bm.width) - 1);
                        const std::uint8_t v = bm.buffer[row * static_cast<unsigned>(bm.pitch) + static_cast<unsigned>(src)];
                        if (v >= 128) // thermal dots are on or off
                            dot(gx + col, gy + static_cast<int>(row), r.marker ? 255 : 0);
                    }
            }
        }
        if (r.underline > 0)
            for (int t = 0; t < r.underline; ++t)
                for (int x = x0; x < x0 + cell; ++x)
                    dot(x, baseline + 2 + t);
    }

    // Blits a 1-bit matrix scaled by `module`, aligned as the text is.
    template <typename At> void blit(int w, int h, int module, At&& at)
    {
        if (!line.empty())
            print_line();
        const int top = paper.height;
        const int rows = grow(h * module); // fewer at the end of the roll: the rest is not drawn
        const int x0 = x_for(std::min(w * module, width));
        for (int y = 0; y * module < rows; ++y)
            for (int x = 0; x < w; ++x)
                if (at(x, y))
                    for (int dy = 0; dy < module; ++dy)
                        for (int dx = 0; dx < module; ++dx)
                            dot(x0 + x * module + dx, top + y * module + dy);
    }

    void cut(bool full)
    {
        if (!line.empty())
            print_line();
        grow(12);
        if (paper.height == 0)
            return; // the roll has run out: no paper under the cutter
        const int y = paper.height - 6;
        for (int x = 0; x < width; ++x)
            if ((x / (full ? 12 : 4)) % 2 == 0)
                dot(x, y);
        receipts.push_back(std::move(paper));
        paper = Picture{width, 0, {}};
    }

    void print_qr()
    {
        if (qr_data.empty())
            return;
        try {
            const int ecc = (qr_level - 48) * 2 + 1; // L, M, Q, H → 1, 3, 5, 7
            auto m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode)
                         .setEncoding(ZXing::CharacterSet::UTF8)
                         .setEccLevel(ecc)
                         .setMargin(0)
                         .encode(qr_data, 0, 0);
            blit(m.width(), m.height(), qr_module, [&](int x, int y) { return m.get(x, y); });
        } catch (const std::exception&) { // data too long for a QR code
            mark_unknown(std::vector<std::uint8_t>{GS, '(', 'k'});
        }
    }

    void print_code128(const std::string& data)
    {
        std::string d = data.starts_with("{B") ? data.substr(2) : data;
        try {
            auto m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(0).encode(d, 0, 1);
            const int module = barcode_module;
            if (!line.empty())
                print_line();
            const int top = paper.height;
            const int rows = grow(barcode_height);
            const int x0 = x_for(std::min(m.width() * module, width));
            for (int x = 0; x < m.width(); ++x)
                if (m.get(x, 0))
                    for (int y = 0; y < rows; ++y)
                        for (int dx = 0; dx < module; ++dx)
                            dot(x0 + x * module + dx, top + y);
            if (hri == 2 || hri == 3) {
                const int saved = align;
                put_text(ascii32(d));
                print_line();
                align = saved;
            }
        } catch (const std::exception&) {
            mark_unknown(std::vector<std::uint8_t>{GS, 'k'});
        }
    }

    // --- parsing -------------------------------------------------------------------------------
    // Interprets one command or character at the front of `b`. Returns the bytes used, or 0 when
    // `b` holds only the beginning of a command.
    std::size_t step(std::span<const std::uint8_t> b)
    {
        const std::uint8_t c = b[0];
        const auto need = [&](std::size_t n) { return b.size() >= n; };
        if (c == LF) {
            print_line();
            return 1;
        }
        if (c == CR)
            return 1;
        if (c == DLE) { // DLE EOT n: real-time status, answered by the printer, not printed
            if (!need(3))
                return 0;
            return 3;
        }
        if (c == ESC) {
            if (!need(2))
                return 0;
            switch (b[1]) {
            case '@': line.clear(), reset_mode(); return 2;
            case '2': spacing = kDefaultSpacing; return 2;
            case 'a': if (!need(3)) return 0; align = b[2] % 48 % 3; return 3;
            case 'E': if (!need(3)) return 0; bold = b[2] & 1; return 3;
            case '-': if (!need(3)) return 0; underline = b[2] % 48; return 3;
            case '3': if (!need(3)) return 0; spacing = b[2]; return 3;
            case 'd':
                if (!need(3))
                    return 0;
                if (!line.empty())
                    print_line();
                grow(spacing * b[2]);
                return 3;
            case 'J': // prints the line; the feed here follows it rather than replacing its spacing
                if (!need(3))
                    return 0;
                if (!line.empty())
                    print_line();
                grow(b[2]);
                return 3;
            default: mark_unknown(b.first(2)); return 2;
            }
        }
        if (c == FS) {
            if (!need(2))
                return 0;
            if (b[1] == '&') { chinese = true; return 2; }
            if (b[1] == '.') { chinese = false; return 2; }
            mark_unknown(b.first(2));
            return 2;
        }
        if (c == GS) {
            if (!need(2))
                return 0;
            switch (b[1]) {
            case '!':
                if (!need(3))
                    return 0;
                size_w = (b[2] >> 4 & 7) + 1;
                size_h = (b[2] & 7) + 1;
                return 3;
            case 'V':
                if (!need(3))
                    return 0;
                if (b[2] == 65 || b[2] == 66) {
                    if (!need(4))
                        return 0;
                    grow(b[3]);
                    cut(b[2] == 65);
                    return 4;
                }
                cut(b[2] == 0 || b[2] == 48);
                return 3;
            case 'h': if (!need(3)) return 0; barcode_height = std::max<int>(1, b[2]); return 3;
            case 'w': if (!need(3)) return 0; barcode_module = std::clamp<int>(b[2], 1, 6); return 3;
            case 'H': if (!need(3)) return 0; hri = b[2] % 48; return 3;
            case 'a': if (!need(3)) return 0; return 3; // automatic status back: no paper effect
            case 'k': {
                if (!need(4))
                    return 0;
                if (b[2] != 73) { // only CODE128 (function B, m = 73) is drawn
                    mark_unknown(b.first(3));
                    return 3;
                }
                const std::size_t n = b[3];
                if (!need(4 + n))
                    return 0;
                print_code128(std::string(b.begin() + 4, b.begin() + 4 + static_cast<std::ptrdiff_t>(n)));
                return 4 + n;
            }
            case '(': {
                if (!need(5))
                    return 0;
                const std::size_t len = b[3] | static_cast<std::size_t>(b[4]) << 8;
                if (!need(5 + len))
                    return 0;
                if (b[2] == 'k' && len >= 2 && b[5] == 49)
                    qr_function(b.subspan(7, len - 2), b[6]);
                else
                    mark_unknown(b.first(5));
                return 5 + len;
            }
            case 'v': {
                if (!need(8))
                    return 0;
                if (b[2] != '0') {
                    mark_unknown(b.first(3));
                    return 3;
                }
                const int xb = b[4] | b[5] << 8, h = b[6] | b[7] << 8;
                const std::size_t n = static_cast<std::size_t>(xb) * static_cast<std::size_t>(h);
                if (n == 0) { // an image of no dots is outside the command's range (k = x * y, k != 0)
                    mark_unknown(b.first(8));
                    return 8;
                }
                if (!need(8 + n))
                    return 0;
                const auto data = b.subspan(8, n);
                const int scale = (b[3] & 3) == 3 ? 2 : 1;
                blit(xb * 8, h, scale, [&](int x, int y) {
                    return (data[static_cast<std::size_t>(y * xb + x / 8)] >> (7 - x % 8) & 1) != 0;
                });
                return 8 + n;
            }
            default: mark_unknown(b.first(2)); return 2;
            }
        }
        if (c < 0x20) {
            mark_unknown(b.first(1));
            return 1;
        }
        if (chinese && c >= 0x81 && c <= 0xFE) {
            // GB18030: two bytes, or four when the second is a digit.
            if (!need(2))
                return 0;
            const std::size_t n = b[1] >= 0x30 && b[1] <= 0x39 ? 4 : 2;
            if (!need(n))
                return 0;
            put_text(decode_gb(b.first(n)));
            return n;
        }
        put_text(std::u32string(1, c < 0x80 ? static_cast<char32_t>(c) : U'?'));
        return 1;
    }

    void qr_function(std::span<const std::uint8_t> params, std::uint8_t fn)
    {
        switch (fn) {
        case 65: break; // model: 2 is the only one drawn
        case 67: if (!params.empty()) qr_module = std::clamp<int>(params[0], 1, 16); break;
        case 69: if (!params.empty()) qr_level = std::clamp<int>(params[0], 48, 51); break;
        case 80: if (!params.empty()) qr_data.assign(params.begin() + 1, params.end()); break;
        case 81: print_qr(); break;
        default: mark_unknown(std::vector<std::uint8_t>{GS, '(', 'k', fn}); break;
        }
    }

    std::u32string decode_gb(std::span<const std::uint8_t> bytes)
    {
        if (gb == reinterpret_cast<iconv_t>(-1))
            return U"?";
        char in[4];
        std::copy(bytes.begin(), bytes.end(), in);
        char* src = in;
        std::size_t src_left = bytes.size();
        char32_t out = 0;
        char* dst = reinterpret_cast<char*>(&out);
        std::size_t dst_left = sizeof out;
        if (iconv(gb, &src, &src_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
            iconv(gb, nullptr, nullptr, nullptr, nullptr);
            return U"?";
        }
        return std::u32string(1, out);
    }
};

PaperRoll::PaperRoll(int width_dots, std::filesystem::path font_dir, int length_dots)
    : s_(std::make_unique<State>())
{
    s_->width = width_dots;
    s_->paper.width = width_dots;
    s_->paper_left = std::max(0, length_dots);
    if (FT_Init_FreeType(&s_->ft) == 0) {
        // Face 2 of the collection is Simplified Chinese; it draws Traditional characters too.
        FT_New_Face(s_->ft, (font_dir / "NotoSansCJK-Regular.ttc").c_str(), 2, &s_->regular);
        FT_New_Face(s_->ft, (font_dir / "NotoSansCJK-Bold.ttc").c_str(), 2, &s_->bold_face);
    }
    s_->gb = iconv_open("UTF-32LE", "GB18030");
}

PaperRoll::~PaperRoll()
{
    if (!s_)
        return;
    if (s_->gb != reinterpret_cast<iconv_t>(-1))
        iconv_close(s_->gb);
    if (s_->regular)
        FT_Done_Face(s_->regular);
    if (s_->bold_face)
        FT_Done_Face(s_->bold_face);
    if (s_->ft)
        FT_Done_FreeType(s_->ft);
}

PaperRoll::PaperRoll(PaperRoll&&) noexcept = default;
PaperRoll& PaperRoll::operator=(PaperRoll&&) noexcept = default;

void PaperRoll::feed(std::span<const std::uint8_t> bytes)
{
    auto& p = s_->pending;
    p.insert(p.end(), bytes.begin(), bytes.end());
    std::size_t at = 0;
    while (at < p.size()) {
        const std::size_t used = s_->step(std::span<const std::uint8_t>(p).subspan(at));
        if (used == 0)
            break;
        at += used;
    }
    p.erase(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(at));
}

const std::vector<Picture>& PaperRoll::receipts() const { return s_->receipts; }
Picture PaperRoll::current() const { return s_->paper; }
const std::vector<std::string>& PaperRoll::unknown() const { return s_->unknown; }

bool save_png(const Picture& p, const std::filesystem::path& file)
{
    if (p.width <= 0 || p.height <= 0)
        return false;
    return stbi_write_png(file.c_str(), p.width, p.height, 1, p.pixels.data(), p.width) != 0;
}

} // namespace hk::sim
