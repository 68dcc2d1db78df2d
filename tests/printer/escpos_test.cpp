// Tests of the ESC/POS encoder on exact bytes.
#include "escpos.hpp"

#include <doctest/doctest.h>

using namespace hk::escpos;

namespace {
Bytes b(std::initializer_list<int> v)
{
    Bytes out;
    for (int x : v)
        out.push_back(static_cast<std::uint8_t>(x));
    return out;
}
} // namespace

TEST_CASE("formatting commands have their exact bytes")
{
    CHECK(Encoder().init().bytes() == b({0x1B, 0x40}));
    CHECK(Encoder().align(Align::center).bytes() == b({0x1B, 0x61, 1}));
    CHECK(Encoder().align(Align::right).bytes() == b({0x1B, 0x61, 2}));
    CHECK(Encoder().bold(true).bold(false).bytes() == b({0x1B, 0x45, 1, 0x1B, 0x45, 0}));
    CHECK(Encoder().underline(2).underline(7).bytes() == b({0x1B, 0x2D, 2, 0x1B, 0x2D, 2}));
    CHECK(Encoder().size(2, 3).bytes() == b({0x1D, 0x21, 0x12}));
    CHECK(Encoder().size(1, 1).bytes() == b({0x1D, 0x21, 0x00}));
    CHECK(Encoder().size(9, 0).bytes() == b({0x1D, 0x21, 0x70}));
    CHECK(Encoder().line_spacing(40).default_line_spacing().bytes() == b({0x1B, 0x33, 40, 0x1B, 0x32}));
    CHECK(Encoder().feed(3).bytes() == b({0x1B, 0x64, 3}));
    CHECK(Encoder().newline().bytes() == b({0x0A}));
}

TEST_CASE("cuts: full and partial, with and without feeding first")
{
    CHECK(Encoder().cut(Cut::full).bytes() == b({0x1D, 0x56, 0}));
    CHECK(Encoder().cut(Cut::partial).bytes() == b({0x1D, 0x56, 1}));
    CHECK(Encoder().cut(Cut::full, 48).bytes() == b({0x1D, 0x56, 65, 48}));
    CHECK(Encoder().cut(Cut::partial, 300).bytes() == b({0x1D, 0x56, 66, 255}));
}

TEST_CASE("text keeps printable ASCII and never lets a control byte through")
{
    CHECK(Encoder().text("A1 ~").bytes() == b({'A', '1', ' ', '~'}));
    CHECK(Encoder().text("a\x1B@\n").bytes() == b({'a', '?', '@', '?'}));
    CHECK(Encoder().text("é").bytes() == b({'?', '?'}));
}

TEST_CASE("Chinese text is GB18030 between FS & and FS .")
{
    // 中 = D6 D0, 文 = CE C4 in GB 2312 (and so in GB18030); 啰 is outside GB 2312: 86 A3 in GBK.
    CHECK(Encoder().chinese("中文").bytes() == b({0x1C, 0x26, 0xD6, 0xD0, 0xCE, 0xC4, 0x1C, 0x2E}));
    CHECK(to_gb18030("A中") == b({'A', 0xD6, 0xD0}));
    // A character outside the BMP takes four bytes: U+20000 = 95 32 82 36.
    CHECK(to_gb18030("\xF0\xA0\x80\x80") == b({0x95, 0x32, 0x82, 0x36}));
    // Broken UTF-8 costs one '?' per bad byte and the rest still converts.
    CHECK(to_gb18030("\xFF中") == b({'?', 0xD6, 0xD0}));
    CHECK(to_gb18030("\xE4\xB8") == b({'?'}));
}

TEST_CASE("CODE128 uses code set B with its height, module width and text below")
{
    CHECK(Encoder().code128("SQ-1", 60, 3).bytes() ==
          b({0x1D, 0x68, 60, 0x1D, 0x77, 3, 0x1D, 0x48, 2, 0x1D, 0x6B, 73, 6, '{', 'B', 'S', 'Q', '-', '1'}));
}

TEST_CASE("a native QR code is model, module size, error correction, store and print")
{
    const Bytes q = Encoder().qr("HK", 8, QrLevel::Q).take();
    CHECK(q == b({0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 0x32, 0,           // model 2
                  0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 8,                // module size
                  0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 50,               // error correction Q
                  0x1D, 0x28, 0x6B, 5, 0, 0x31, 0x50, 0x30, 'H', 'K',   // store: pL pH = k + 3
                  0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30}));          // print
    // A long payload's length takes both bytes.
    const Bytes big = Encoder().qr(std::string(300, 'x')).take();
    CHECK(big[25 + 3] == (303 & 0xFF));
    CHECK(big[25 + 4] == (303 >> 8));
}

TEST_CASE("a raster image is packed eight dots to a byte, most significant first, padded white")
{
    Bitmap img{10, 2, std::vector<std::uint8_t>(20, 0)};
    img.dots[0] = 1;  // (0,0)
    img.dots[9] = 1;  // (9,0)
    img.dots[17] = 1; // (7,1)
    CHECK(Encoder().raster(img).bytes() ==
          b({0x1D, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x40, 0x01, 0x00}));
}
