// ESC/POS as a pure codec: commands in, bytes out. Nothing here talks to a device.
//
// Commands follow Epson's ESC/POS reference as thermal receipt printers implement it; the
// byte values used are listed in ../shared/reference/peripherals.md (ESC/POS section).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::escpos {

// The command prefixes, shared with the simulated printer that reads them.
inline constexpr std::uint8_t ESC = 0x1B;
inline constexpr std::uint8_t GS = 0x1D;
inline constexpr std::uint8_t FS = 0x1C;
inline constexpr std::uint8_t DLE = 0x10;
inline constexpr std::uint8_t EOT = 0x04;
inline constexpr std::uint8_t LF = 0x0A;
inline constexpr std::uint8_t CR = 0x0D;

using Bytes = std::vector<std::uint8_t>;

enum class Align : std::uint8_t { left = 0, center = 1, right = 2 };
enum class Cut : std::uint8_t { full = 0, partial = 1 };
enum class QrLevel : std::uint8_t { L = 48, M = 49, Q = 50, H = 51 };

// A 1-bit image, row-major, one byte per pixel (non-zero = black), `width` × `height`.
struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> dots;
    bool at(int x, int y) const { return dots[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)] != 0; }
};

// Appends commands to a byte buffer. Each method returns *this for chaining.
class Encoder {
public:
    Encoder& init();                               // ESC @
    Encoder& align(Align a);                       // ESC a n
    Encoder& bold(bool on);                        // ESC E n
    Encoder& underline(int dots);                  // ESC - n (0, 1 or 2 dots)
    Encoder& size(int width_times, int height_times); // GS ! n, each 1..8
    Encoder& line_spacing(int dots);               // ESC 3 n (0..255)
    Encoder& default_line_spacing();               // ESC 2
    Encoder& feed(int lines);                      // ESC d n (0..255)
    Encoder& feed_dots(int dots);                  // ESC J n: prints the line, feeds n dots (0..255)
    Encoder& cut(Cut c, int feed_dots = 0);        // GS V m, or GS V 65/66 n when feeding first
    // Plain text in the printer's single-byte code page: ASCII only; anything else becomes '?'.
    Encoder& text(std::string_view ascii);
    Encoder& newline();                            // LF
    // Chinese text in the printer's two-byte mode: FS & , GB18030 bytes, FS . (UTF-8 in).
    // Characters GB18030 cannot hold become '?'.
    Encoder& chinese(std::string_view utf8);
    // CODE128 with code set B (GS k 73): printable ASCII, at most 253 bytes. Height in dots
    // (1..255), module width 2..6, human-readable text below (GS H 2).
    Encoder& code128(std::string_view data, int height = 80, int module = 2);
    // Native QR code (GS ( k): model 2, module size 1..16, error correction, store, print.
    // Data up to 7089 bytes.
    Encoder& qr(std::string_view data, int module = 6, QrLevel level = QrLevel::M);
    // A raster image (GS v 0, normal density). Width is padded to whole bytes with white.
    Encoder& raster(const Bitmap& image);
    Encoder& raw(std::span<const std::uint8_t> bytes);

    const Bytes& bytes() const { return out_; }
    Bytes take() { return std::move(out_); }

private:
    Encoder& put(std::initializer_list<std::uint8_t> b);
    Bytes out_;
};

// UTF-8 to GB18030 (GB 18030-2005, as glibc's iconv knows it). Characters that cannot be
// converted (invalid UTF-8) become '?'.
Bytes to_gb18030(std::string_view utf8);

} // namespace hk::escpos
