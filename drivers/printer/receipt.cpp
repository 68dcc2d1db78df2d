// Receipt layout to ESC/POS (see receipt.hpp).
#include "receipt.hpp"

#include "line_break.hpp"
#include "qr_image.hpp"
#include "utf8.hpp"

#include <iconv.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>

namespace hk::printer {
namespace {

// Native fonts: 12×24 dots for ASCII (font A), 24×24 for Chinese; drawn text uses the same em.
constexpr int kEm = 24;
constexpr int kLargeEm = 48;
constexpr int kAsciiDots = 12;
// Rows per GS v 0 command. Printers buffer a raster command whole before printing it; small
// bands keep within the smallest buffers and let the paper move while the next band arrives.
constexpr int kRasterBand = 256;
// Dots fed after the last line so that it clears the cutter, which sits above the head.
constexpr int kFeedBeforeCut = 96;

bool is_ascii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether every character of `utf8` is in GB 2312 (the font most printers carry).
bool in_gb2312(std::string_view utf8)
{
    iconv_t cd = iconv_open("GB2312", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1))
        return false;
    std::string in(utf8);
    char* src = in.data();
    std::size_t src_left = in.size();
    std::string out(in.size() * 2 + 4, '\0');
    char* dst = out.data();
    std::size_t dst_left = out.size();
    const std::size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    return rc != static_cast<std::size_t>(-1) && src_left == 0;
}

class Writer {
public:
    Writer(const Receipt& r, const PrintProfile& p, TextRaster& raster)
        : p_(p), raster_(raster), glyphs_(r.glyphs), width_(std::clamp(p.width_dots, 64, 2040))
    {
        mode_ = p.text;
        if (mode_ == TextMode::raster && !raster.ok()) {
            spdlog::error("printer: receipt text goes to the printer's font: {}", raster.error());
            mode_ = TextMode::gb18030;
        }
    }

    escpos::Bytes run(const Receipt& r)
    {
        enc_.init();
        for (const Receipt::Block& b : r.blocks)
            std::visit([this](const auto& block) { put(block); }, b);
        flush();
        enc_.cut(escpos::Cut::partial, kFeedBeforeCut);
        return enc_.take();
    }

private:
    // Whether `s` goes to the printer's font rather than being drawn.
    bool native(std::string_view s) const
    {
        if (mode_ == TextMode::raster)
            return false;
        if (is_ascii(s))
            return true;
        if (glyphs_ == Glyphs::traditional)
            return false; // printers' fonts draw mainland shapes
        return mode_ == TextMode::gb18030 || in_gb2312(s);
    }

    TextStyle style(bool large, bool bold, escpos::Align a) const
    {
        return TextStyle{large ? kLargeEm : kEm, bold, a, glyphs_};
    }

    void put(const Receipt::Text& t)
    {
        const bool in_font = native(t.utf8);
        // A large number or code (one word, no spaces) that would break over lines but fits at
        // normal size (a tracking number on 58 mm paper) is printed at normal size: a number cut
        // in two is misread. Titles in words break between them as usual.
        bool large = t.large;
        if (large && is_ascii(t.utf8) && t.utf8.find_first_of(" \n") == std::string::npos) {
            const int wide = in_font ? native_width(t.utf8, true) : drawn_width(t.utf8, style(true, t.bold, t.align));
            const int normal = in_font ? native_width(t.utf8, false) : drawn_width(t.utf8, style(false, t.bold, t.align));
            large = wide <= width_ || normal > width_;
        }
        if (in_font) {
            native_lines(t.utf8, large, t.bold, t.align, 0);
            return;
        }
        draw(raster_.draw(t.utf8, style(large, t.bold, t.align), width_), 0);
    }

    int drawn_width(std::string_view s, const TextStyle& st)
    {
        int w = 0;
        for (std::size_t at = 0; at < s.size();)
            w += raster_.advance(utf8::next(s, at), st);
        return w;
    }

    void put(const Receipt::Field& f)
    {
        const bool together = native(f.label) && native(f.value);
        if (together)
            native_field(f);
        else
            drawn_field(f);
    }

    void put(const Receipt::Rule&)
    {
        if (mode_ != TextMode::raster) {
            flush();
            enc_.align(escpos::Align::left).text(std::string(static_cast<std::size_t>(width_ / kAsciiDots), '-')).newline();
            return;
        }
        escpos::Bitmap b = blank(17);
        for (int x = 0; x < width_; ++x)
            if (x % 12 < 8)
                for (int y = 8; y < 10; ++y)
                    set(b, x, y);
        draw(b, 0);
    }

    void put(const Receipt::Qr& q)
    {
        if (p_.native_qr) {
            flush();
            enc_.align(escpos::Align::center).qr(q.data, q.module_dots, escpos::QrLevel::M).newline().align(escpos::Align::left);
            return;
        }
        auto image = qr_image(q.data, q.module_dots, escpos::QrLevel::M);
        // A module larger than the paper allows is made smaller rather than cut off.
        for (int m = q.module_dots - 1; image && image->width > width_ && m >= 1; --m)
            image = qr_image(q.data, m, escpos::QrLevel::M);
        if (!image) {
            spdlog::error("printer: a QR code of {} bytes does not fit; its text is printed instead", q.data.size());
            put(Receipt::Text{q.data, false, false, escpos::Align::center});
            return;
        }
        draw(*image, (width_ - image->width) / 2);
    }

    void put(const Receipt::Barcode& b)
    {
        flush();
        enc_.align(escpos::Align::center).code128(b.data).align(escpos::Align::left);
    }

    void put(const Receipt::Space& s)
    {
        if (mode_ == TextMode::raster || !canvas_.dots.empty()) {
            draw(blank(std::clamp(s.dots, 0, 255)), 0);
            return;
        }
        enc_.feed_dots(s.dots);
    }

    // --- native text ---

    static int native_advance(char32_t c, bool large) { return (c < 0x80 ? kAsciiDots : kEm) * (large ? 2 : 1); }

    int native_width(std::string_view s, bool large) const
    {
        int w = 0;
        for (std::size_t at = 0; at < s.size();)
            w += native_advance(utf8::next(s, at), large);
        return w;
    }

    // Lines broken here rather than by the printer, which breaks in the middle of a word.
    void native_lines(std::string_view s, bool large, bool bold, escpos::Align a, int indent)
    {
        flush();
        enc_.align(a).bold(bold).size(large ? 2 : 1, large ? 2 : 1);
        const auto lines = text::break_lines(s, static_cast<float>(width_ - indent),
                                             [&](char32_t c) { return static_cast<float>(native_advance(c, large)); });
        for (std::string_view line : lines) {
            if (indent > 0)
                enc_.text(std::string(static_cast<std::size_t>(indent / native_advance(' ', large)), ' '));
            native_text(line);
            enc_.newline();
        }
        enc_.size(1, 1).bold(false).align(escpos::Align::left);
    }

    void native_text(std::string_view line)
    {
        if (is_ascii(line))
            enc_.text(line);
        else
            enc_.chinese(line);
    }

    void native_field(const Receipt::Field& f)
    {
        const int lw = native_width(f.label, false);
        const int vw = native_width(f.value, false);
        if (lw + kAsciiDots * 2 + vw > width_) {
            native_lines(f.label, false, false, escpos::Align::left, 0);
            native_lines(f.value, false, f.bold, escpos::Align::left, kEm);
            return;
        }
        flush();
        enc_.align(escpos::Align::left);
        native_text(f.label);
        enc_.text(std::string(static_cast<std::size_t>((width_ - lw - vw) / kAsciiDots), ' ')).bold(f.bold);
        native_text(f.value);
        enc_.bold(false).newline();
    }

    // --- drawn text and images, gathered into one canvas and sent in bands ---

    void drawn_field(const Receipt::Field& f)
    {
        const TextStyle label = style(false, false, escpos::Align::left);
        const TextStyle value = style(false, f.bold, escpos::Align::right);
        const int lw = drawn_width(f.label, label);
        const int vw = drawn_width(f.value, value);
        if (lw + kEm + vw <= width_) {
            escpos::Bitmap row = raster_.draw(f.label, label, width_);
            overlay(row, raster_.draw(f.value, value, width_));
            draw(row, 0);
            return;
        }
        draw(raster_.draw(f.label, label, width_), 0);
        draw(raster_.draw(f.value, style(false, f.bold, escpos::Align::left), width_ - kEm), kEm);
    }

    escpos::Bitmap blank(int height) const
    {
        escpos::Bitmap b;
        b.width = width_;
        b.height = height;
        b.dots.assign(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height), 0);
        return b;
    }

    static void set(escpos::Bitmap& b, int x, int y)
    {
        b.dots[static_cast<std::size_t>(y) * static_cast<std::size_t>(b.width) + static_cast<std::size_t>(x)] = 1;
    }

    // Ink of `top` added onto `b` (same width; the taller one sets the height).
    static void overlay(escpos::Bitmap& b, const escpos::Bitmap& top)
    {
        if (top.height > b.height) {
            b.height = top.height;
            b.dots.resize(static_cast<std::size_t>(b.width) * static_cast<std::size_t>(b.height), 0);
        }
        for (std::size_t i = 0; i < top.dots.size() && i < b.dots.size(); ++i)
            b.dots[i] |= top.dots[i];
    }

    // Adds `image` below what is drawn so far, `left` dots from the paper's edge.
    void draw(const escpos::Bitmap& image, int left)
    {
        const int top = canvas_.height;
        canvas_.width = width_;
        canvas_.height += image.height;
        canvas_.dots.resize(static_cast<std::size_t>(width_) * static_cast<std::size_t>(canvas_.height), 0);
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x)
                if (left + x >= 0 && left + x < width_ && image.at(x, y))
                    set(canvas_, left + x, top + y);
    }

    void flush()
    {
        for (int y = 0; y < canvas_.height; y += kRasterBand) {
            escpos::Bitmap band;
            band.width = width_;
            band.height = std::min(kRasterBand, canvas_.height - y);
            const auto from = canvas_.dots.begin() + static_cast<std::ptrdiff_t>(y) * width_;
            band.dots.assign(from, from + static_cast<std::ptrdiff_t>(band.height) * width_);
            enc_.raster(band);
        }
        canvas_ = {};
    }

    const PrintProfile& p_;
    TextRaster& raster_;
    Glyphs glyphs_;
    int width_;
    TextMode mode_;
    escpos::Encoder enc_;
    escpos::Bitmap canvas_;
};

} // namespace

std::optional<TextMode> text_mode_from_name(std::string_view name)
{
    if (name == "raster")
        return TextMode::raster;
    if (name == "gb2312")
        return TextMode::gb2312;
    if (name == "gb18030")
        return TextMode::gb18030;
    return std::nullopt;
}

std::string_view text_mode_name(TextMode m)
{
    switch (m) {
    case TextMode::raster: return "raster";
    case TextMode::gb2312: return "gb2312";
    case TextMode::gb18030: return "gb18030";
    }
    return "raster";
}

escpos::Bytes render(const Receipt& r, const PrintProfile& p, TextRaster& raster)
{
    return Writer(r, p, raster).run(r);
}

} // namespace hk::printer
