// Tests of receipt layout: each block in drawn and native form, checked on the bytes and on the
// paper the simulated printer draws from them (QR codes read back with ZXing-C++).
#include "paper_codes.hpp"
#include "receipt.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

using namespace hk;
using printer::PrintProfile;
using printer::Receipt;
using printer::TextMode;

namespace {

const std::filesystem::path kOut = std::filesystem::path(HK_TEST_OUTPUT) / "receipts";

bool contains(const escpos::Bytes& b, std::initializer_list<std::uint8_t> needle)
{
    return std::search(b.begin(), b.end(), needle.begin(), needle.end()) != b.end();
}

bool contains(const escpos::Bytes& b, const escpos::Bytes& needle)
{
    return std::search(b.begin(), b.end(), needle.begin(), needle.end()) != b.end();
}

sim::Picture print(const escpos::Bytes& bytes, int width, const std::string& png = {})
{
    sim::PaperRoll roll(width);
    roll.feed(bytes);
    CHECK(roll.unknown().empty());
    REQUIRE(roll.receipts().size() == 1);
    if (!png.empty()) {
        std::filesystem::create_directories(kOut);
        CHECK(sim::save_png(roll.receipts()[0], kOut / png));
    }
    return roll.receipts()[0];
}

Receipt sample(const std::string& token)
{
    Receipt r;
    r.title("诉求受理回执");
    r.rule();
    r.field("受理编号", "SQ-20261123-000123", true);
    r.field("诉求类别", "环境卫生");
    r.field("服务大厅", "福田区莲花街道党群服务中心");
    r.text("我们会在3个工作日内联系您，请保留此回执，扫码可查看办理进度。");
    r.qr(token, 6);
    return r;
}

const std::string kToken = "HK1.eyJ0IjoiU1EtMjAyNjExMjMtMDAwMTIzIn0.c2lnbmF0dXJl";

} // namespace

TEST_CASE("a drawn receipt holds no printer-font text and its QR code reads back")
{
    printer::TextRaster raster;
    REQUIRE(raster.ok());
    const escpos::Bytes b = printer::render(sample(kToken), PrintProfile{576, TextMode::raster, false}, raster);
    CHECK(!contains(b, {escpos::FS, '&'}));     // no two-byte text
    CHECK(!contains(b, {escpos::GS, '(', 'k'})); // no native QR
    CHECK(contains(b, {escpos::GS, 'v', '0', 0, 72, 0})); // images 576 dots (72 bytes) wide
    CHECK(contains(b, {escpos::GS, 'V', 66}));            // fed to the cutter and cut
    const sim::Picture p = print(b, 576, "drawn-576.png");
    CHECK(test::read_code(p) == kToken);
    CHECK(test::ink(p) > 0.02);
}

TEST_CASE("on 58 mm paper everything is drawn 384 dots wide and still reads back")
{
    printer::TextRaster raster;
    const escpos::Bytes b = printer::render(sample(kToken), PrintProfile{384, TextMode::raster, false}, raster);
    CHECK(contains(b, {escpos::GS, 'v', '0', 0, 48, 0}));
    CHECK(!contains(b, {escpos::GS, 'v', '0', 0, 72, 0}));
    const sim::Picture p = print(b, 384, "drawn-384.png");
    CHECK(test::read_code(p) == kToken);
}

TEST_CASE("a printer with a GB 2312 font gets Simplified text as two-byte text, and a QR code natively")
{
    printer::TextRaster raster;
    const escpos::Bytes b = printer::render(sample(kToken), PrintProfile{576, TextMode::gb2312, true}, raster);
    CHECK(contains(b, escpos::to_gb18030("环境卫生")));
    CHECK(contains(b, {escpos::GS, '(', 'k'}));
    CHECK(!contains(b, {escpos::GS, 'v', '0'})); // nothing needed drawing
    const sim::Picture p = print(b, 576, "native-576.png");
    CHECK(test::read_code(p) == kToken);
}

TEST_CASE("a name the GB 2312 font lacks is drawn, and printed natively on a GB 18030 printer")
{
    printer::TextRaster raster;
    Receipt r;
    r.field("姓名", "王*堃"); // 堃 is in GB 18030 but not in GB 2312
    r.field("日期", "2026-11-23");
    const escpos::Bytes small_font = printer::render(r, PrintProfile{384, TextMode::gb2312, true}, raster);
    CHECK(!contains(small_font, escpos::to_gb18030("堃")));
    CHECK(contains(small_font, {escpos::GS, 'v', '0'}));
    CHECK(contains(small_font, escpos::to_gb18030("2026-11-23"))); // ASCII stays native
    const escpos::Bytes big_font = printer::render(r, PrintProfile{384, TextMode::gb18030, true}, raster);
    CHECK(contains(big_font, escpos::to_gb18030("王*堃")));
    CHECK(!contains(big_font, {escpos::GS, 'v', '0'}));
}

TEST_CASE("a Traditional Chinese receipt is drawn even for a printer with a Chinese font")
{
    printer::TextRaster raster;
    Receipt r;
    r.glyphs = printer::Glyphs::traditional;
    r.text("請保留此憑條");
    const escpos::Bytes b = printer::render(r, PrintProfile{576, TextMode::gb18030, true}, raster);
    CHECK(!contains(b, {escpos::FS, '&'}));
    CHECK(contains(b, {escpos::GS, 'v', '0'}));
}

TEST_CASE("Traditional and Simplified glyph forms differ where the standards differ")
{
    // 骨 is one code point drawn differently in mainland and Taiwan forms.
    printer::TextRaster raster;
    printer::TextStyle sc;
    printer::TextStyle tc;
    tc.glyphs = printer::Glyphs::traditional;
    CHECK(raster.draw("骨", sc, 48).dots != raster.draw("骨", tc, 48).dots);
}

TEST_CASE("drawn text is broken into lines that fit the paper, none of it lost")
{
    printer::TextRaster raster;
    printer::TextStyle s;
    const std::string text = "请在服务台旁的自助机上扫描回执上的二维码查看办理进度";
    const escpos::Bitmap one = raster.draw(text, s, 2000);
    const escpos::Bitmap narrow = raster.draw(text, s, 384);
    CHECK(one.height == 30);    // one line, 1.25 em
    CHECK(narrow.width == 384);
    CHECK(narrow.height == 60); // 25 characters of 24 dots: two lines
    const auto black = [](const escpos::Bitmap& b) { return std::count(b.dots.begin(), b.dots.end(), 1); };
    CHECK(black(one) == black(narrow));
}

TEST_CASE("a field too long for one line puts its value under the label")
{
    printer::TextRaster raster;
    Receipt one_line, two_lines;
    one_line.field("类别", "环境卫生");
    two_lines.field("服务大厅", "福田区莲花街道党群服务中心一楼群众诉求服务大厅");
    const sim::Picture a = print(printer::render(one_line, PrintProfile{384}, raster), 384);
    const sim::Picture b = print(printer::render(two_lines, PrintProfile{384}, raster), 384);
    CHECK(b.height - a.height >= 30);
}

TEST_CASE("a QR module too big for narrow paper is made smaller rather than cut off")
{
    printer::TextRaster raster;
    const std::string long_token(300, 'A');
    Receipt r;
    r.qr(long_token, 8);
    const sim::Picture p = print(printer::render(r, PrintProfile{384}, raster), 384);
    CHECK(test::read_code(p) == long_token);
}

TEST_CASE("data too long for any QR code is printed as text instead")
{
    printer::TextRaster raster;
    Receipt r;
    r.qr(std::string(8000, '7'));
    const escpos::Bytes b = printer::render(r, PrintProfile{576, TextMode::gb2312, false}, raster);
    CHECK(contains(b, escpos::Bytes(40, '7')));
}

TEST_CASE("without the receipt fonts, text goes to the printer's own font rather than missing")
{
    printer::TextRaster none("/nonexistent");
    CHECK(!none.ok());
    CHECK(none.error().find("NotoSansCJK") != std::string::npos);
    const escpos::Bytes b = printer::render(sample(kToken), PrintProfile{576}, none);
    CHECK(contains(b, escpos::to_gb18030("环境卫生")));
}

TEST_CASE("a large number too wide for narrow paper is printed at normal size rather than cut in two")
{
    printer::TextRaster raster;
    Receipt r;
    r.text("SQ-20261123-000123", true, true, escpos::Align::center);
    const sim::Picture narrow = print(printer::render(r, PrintProfile{384}, raster), 384);
    const sim::Picture wide = print(printer::render(r, PrintProfile{576}, raster), 576);
    CHECK(narrow.height < wide.height); // one normal-size line against one large line
    const escpos::Bytes native = printer::render(r, PrintProfile{384, TextMode::gb2312, true}, raster);
    CHECK(contains(native, {escpos::GS, '!', 0x00}));
    CHECK(!contains(native, {escpos::GS, '!', 0x11}));
}
