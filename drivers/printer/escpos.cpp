// The ESC/POS encoder (see escpos.hpp).
#include "escpos.hpp"

#include <iconv.h>

#include <algorithm>

namespace hk::escpos {
namespace {

std::uint8_t clamp_byte(int v, int lo, int hi) { return static_cast<std::uint8_t>(std::clamp(v, lo, hi)); }

} // namespace

Encoder& Encoder::put(std::initializer_list<std::uint8_t> b)
{
    out_.insert(out_.end(), b.begin(), b.end());
    return *this;
}

Encoder& Encoder::raw(std::span<const std::uint8_t> bytes)
{
    out_.insert(out_.end(), bytes.begin(), bytes.end());
    return *this;
}

Encoder& Encoder::init() { return put({ESC, '@'}); }
Encoder& Encoder::align(Align a) { return put({ESC, 'a', static_cast<std::uint8_t>(a)}); }
Encoder& Encoder::bold(bool on) { return put({ESC, 'E', static_cast<std::uint8_t>(on ? 1 : 0)}); }
Encoder& Encoder::underline(int dots) { return put({ESC, '-', clamp_byte(dots, 0, 2)}); }

Encoder& Encoder::size(int width_times, int height_times)
{
    const int w = std::clamp(width_times, 1, 8) - 1;
    const int h = std::clamp(height_times, 1, 8) - 1;
    return put({GS, '!', static_cast<std::uint8_t>((w << 4) | h)});
}

Encoder& Encoder::line_spacing(int dots) { return put({ESC, '3', clamp_byte(dots, 0, 255)}); }
Encoder& Encoder::default_line_spacing() { return put({ESC, '2'}); }
Encoder& Encoder::feed(int lines) { return put({ESC, 'd', clamp_byte(lines, 0, 255)}); }
Encoder& Encoder::feed_dots(int dots) { return put({ESC, 'J', clamp_byte(dots, 0, 255)}); }

Encoder& Encoder::cut(Cut c, int feed_dots)
{
    if (feed_dots > 0)
        return put({GS, 'V', static_cast<std::uint8_t>(c == Cut::full ? 65 : 66), clamp_byte(feed_dots, 0, 255)});
    return put({GS, 'V', static_cast<std::uint8_t>(c == Cut::full ? 0 : 1)});
}

Encoder& Encoder::text(std::string_view ascii)
{
    for (char ch : ascii) {
        const auto c = static_cast<unsigned char>(ch);
        // Printable ASCII only: a control byte inside text would be taken as a command.
        out_.push_back(c >= 0x20 && c < 0x7F ? c : static_cast<std::uint8_t>('?'));
    }
    return *this;
}

Encoder& Encoder::newline() { return put({LF}); }

Encoder& Encoder::chinese(std::string_view utf8)
{
    put({FS, '&'});
    const Bytes gb = to_gb18030(utf8);
    for (std::uint8_t b : gb)
        out_.push_back(b < 0x20 ? static_cast<std::uint8_t>('?') : b);
    return put({FS, '.'});
}

Encoder& Encoder::code128(std::string_view data, int height, int module)
{
    std::string d(data.substr(0, 253));
    for (char& c : d)
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E)
            c = '?';
    put({GS, 'h', clamp_byte(height, 1, 255)});
    put({GS, 'w', clamp_byte(module, 2, 6)});
    put({GS, 'H', 2}); // human-readable text below
    // Function B (GS k 73 n): the data starts with "{B" to choose code set B.
    put({GS, 'k', 73, static_cast<std::uint8_t>(d.size() + 2), '{', 'B'});
    out_.insert(out_.end(), d.begin(), d.end());
    return *this;
}

Encoder& Encoder::qr(std::string_view data, int module, QrLevel level)
{
    const std::size_t n = std::min<std::size_t>(data.size(), 7089);
    put({GS, '(', 'k', 4, 0, 49, 65, 50, 0});                    // model 2
    put({GS, '(', 'k', 3, 0, 49, 67, clamp_byte(module, 1, 16)}); // module size
    put({GS, '(', 'k', 3, 0, 49, 69, static_cast<std::uint8_t>(level)});
    const std::size_t k = n + 3;
    put({GS, '(', 'k', static_cast<std::uint8_t>(k & 0xFF), static_cast<std::uint8_t>(k >> 8), 49, 80, 48});
    out_.insert(out_.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(n));
    return put({GS, '(', 'k', 3, 0, 49, 81, 48}); // print
}

Encoder& Encoder::raster(const Bitmap& image)
{
    const int bytes_per_row = (image.width + 7) / 8;
    put({GS, 'v', '0', 0, static_cast<std::uint8_t>(bytes_per_row & 0xFF), static_cast<std::uint8_t>(bytes_per_row >> 8),
         static_cast<std::uint8_t>(image.height & 0xFF), static_cast<std::uint8_t>(image.height >> 8)});
    for (int y = 0; y < image.height; ++y) {
        for (int bx = 0; bx < bytes_per_row; ++bx) {
            std::uint8_t b = 0;
            for (int bit = 0; bit < 8; ++bit) {
                const int x = bx * 8 + bit;
                if (x < image.width && image.at(x, y))
                    b |= static_cast<std::uint8_t>(0x80 >> bit);
            }
            out_.push_back(b);
        }
    }
    return *this;
}

Bytes to_gb18030(std::string_view utf8)
{
    Bytes out;
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == reinterpret_cast<iconv_t>(-1)) {
        for (char c : utf8)
            out.push_back(static_cast<unsigned char>(c) < 0x80 ? static_cast<std::uint8_t>(c) : '?');
        return out;
    }
    // One character per call, so that a bad sequence costs one '?' and not the rest.
    std::string in(utf8);
    char* src = in.data();
    std::size_t src_left = in.size();
    char buf[16];
    while (src_left > 0) {
        const auto lead = static_cast<unsigned char>(*src);
        std::size_t len = lead < 0x80           ? 1
                          : (lead >> 5) == 0x6  ? 2
                          : (lead >> 4) == 0xE  ? 3
                          : (lead >> 3) == 0x1E ? 4
                                                : 1;
        len = std::min(len, src_left);
        char* piece = src;
        std::size_t piece_left = len;
        char* dst = buf;
        std::size_t dst_left = sizeof buf;
        if (iconv(cd, &piece, &piece_left, &dst, &dst_left) == static_cast<std::size_t>(-1)) {
            iconv(cd, nullptr, nullptr, nullptr, nullptr); // reset the shift state
            out.push_back('?');
        } else {
            out.insert(out.end(), buf, dst);
        }
        src += len;
        src_left -= len;
    }
    iconv_close(cd);
    return out;
}

} // namespace hk::escpos
