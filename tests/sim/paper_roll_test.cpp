// Tests of the simulated printer's paper: ESC/POS drawn as a thermal printer would, checked by
// reading the codes back from the picture with ZXing-C++.
#include "escpos.hpp"
#include "paper_codes.hpp"
#include "paper_roll.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <optional>

using namespace hk;

namespace {

using test::ink;
using test::read_code;

const std::filesystem::path kOut = std::filesystem::path(HK_TEST_OUTPUT) / "paper";

} // namespace

TEST_CASE("a native QR code comes out readable, with the text, barcode and cut around it")
{
    const std::string token = "HK1.eyJ0IjoiU1EtMjAyNjExMjMtMDAwMTIzIn0.c2lnbmF0dXJl";
    escpos::Encoder e;
    e.init().align(escpos::Align::center).size(2, 2).bold(true).chinese("诉求回执").newline();
    e.size(1, 1).bold(false).text("SQ-20261123-000123").newline();
    e.qr(token, 6, escpos::QrLevel::M).feed(1);
    e.code128("SQ-20261123-000123", 60, 2).feed(2).cut(escpos::Cut::partial, 24);
    sim::PaperRoll roll(576);
    roll.feed(e.bytes());
    REQUIRE(roll.receipts().size() == 1);
    const sim::Picture& r = roll.receipts()[0];
    CHECK(r.width == 576);
    CHECK(r.height > 400);
    CHECK(roll.unknown().empty());
    std::filesystem::create_directories(kOut);
    CHECK(sim::save_png(r, kOut / "qr-receipt.png"));
    CHECK(read_code(r, ZXing::BarcodeFormat::QRCode) == token);
    CHECK(read_code(r, ZXing::BarcodeFormat::Code128) == "SQ-20261123-000123");
}

TEST_CASE("bytes split anywhere draw the same paper")
{
    escpos::Encoder e;
    e.init().chinese("幸福街道").newline().qr("split", 4).raster({16, 2, std::vector<std::uint8_t>(32, 1)}).cut(escpos::Cut::full);
    sim::PaperRoll whole(384), pieces(384);
    whole.feed(e.bytes());
    for (std::uint8_t b : e.bytes())
        pieces.feed(std::span<const std::uint8_t>(&b, 1));
    REQUIRE(whole.receipts().size() == 1);
    REQUIRE(pieces.receipts().size() == 1);
    CHECK(whole.receipts()[0].pixels == pieces.receipts()[0].pixels);
    CHECK(ink(whole.receipts()[0]) > 0.01);
}

TEST_CASE("an unknown command is drawn as a marked box and listed, and printing goes on")
{
    const std::vector<std::uint8_t> bytes{'A', 0x1B, 0x7A, 'B', 0x07, 'C', 0x0A};
    sim::PaperRoll roll(384);
    roll.feed(bytes);
    CHECK(roll.unknown() == std::vector<std::string>{"1B 7A", "07"});
    const sim::Picture p = roll.current();
    CHECK(p.height >= 24);
    CHECK(ink(p) > 0.02); // the inverted markers are mostly black
}

TEST_CASE("a raster image is printed dot for dot, aligned")
{
    escpos::Bitmap img{8, 4, std::vector<std::uint8_t>(32, 0)};
    for (int y = 0; y < 4; ++y)
        img.dots[static_cast<std::size_t>(y * 8 + y)] = 1; // a diagonal
    escpos::Encoder e;
    e.align(escpos::Align::right).raster(img);
    sim::PaperRoll roll(384);
    roll.feed(e.bytes());
    const sim::Picture p = roll.current();
    REQUIRE(p.height == 4);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x)
            CHECK(p.pixels[static_cast<std::size_t>(y * 384 + 376 + x)] == (x == y ? 0 : 255));
}

TEST_CASE("text wider than the paper goes on to the next line, none of it lost")
{
    escpos::Encoder e;
    e.text(std::string(40, 'W')).newline(); // 40 x 12 dots on 384: 32 fit on the first line
    sim::PaperRoll roll(384);
    roll.feed(e.bytes());
    const sim::Picture p = roll.current();
    REQUIRE(p.height == 60); // two lines of 30 dots
    std::size_t second_row_ink = 0;
    for (int y = 30; y < 60; ++y)
        for (int x = 0; x < 384; ++x)
            second_row_ink += p.pixels[static_cast<std::size_t>(y * 384 + x)] < 128;
    CHECK(second_row_ink > 100);
}

TEST_CASE("after a cut the paper still on the roll is as wide as the roll")
{
    escpos::Encoder e;
    e.text("A").newline().cut(escpos::Cut::full);
    sim::PaperRoll roll(384);
    roll.feed(e.bytes());
    REQUIRE(roll.receipts().size() == 1);
    const sim::Picture p = roll.current();
    CHECK(p.width == 384);
    CHECK(p.height == 0);
    CHECK(p.pixels.empty());
}

TEST_CASE("a stream that feeds more paper than the roll holds runs it out, and then nothing more is printed")
{
    escpos::Encoder e;
    e.line_spacing(255);
    for (int i = 0; i < 4; ++i)
        e.feed(255).text("receipt").newline().cut(escpos::Cut::full); // 255 x 255 dots: 8 m each
    sim::PaperRoll roll(384);
    roll.feed(e.bytes());
    int rows = roll.current().height;
    for (const sim::Picture& r : roll.receipts())
        rows += r.height;
    CHECK(rows == sim::PaperRoll::kRollLengthDots);
    CHECK(roll.receipts().size() == 3); // the last cut finds no paper under the cutter
    CHECK(roll.current().pixels.empty());
}

TEST_CASE("a raster image of no dots is listed as unknown, not fed as blank paper")
{
    const std::vector<std::uint8_t> bytes{0x1D, 'v', '0', 0, 0, 0, 0xFF, 0xFF}; // 0 bytes wide, 65535 dots tall
    sim::PaperRoll roll(384);
    roll.feed(bytes);
    CHECK(roll.unknown() == std::vector<std::string>{"1D 76 30 00 00 00 FF FF"});
    CHECK(roll.current().height == 0);
}
