// Tests of the kiosk's receipts: each one in each language drawn by the simulated printer, its
// QR code read back, names and ID numbers only ever masked, and the picture compared with the
// reference kept in tests/data/receipts (HK_UPDATE_REFERENCES=1 writes them anew after a
// deliberate layout change: look at them before committing).
#include "paper_codes.hpp"
#include "receipts.hpp"
#include "receipt_samples.hpp"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>

using namespace hk;
using namespace hk::app;
using test::sample_booking;
using test::sample_request;
using test::translator;

namespace {

const std::filesystem::path kOut = std::filesystem::path(HK_TEST_OUTPUT) / "receipts";
const std::filesystem::path kReference = HK_SOURCE_DIR "/tests/data/receipts";

printer::TextRaster& raster()
{
    static printer::TextRaster r;
    return r;
}

sim::Picture print(const printer::Receipt& r, int width = 576)
{
    sim::PaperRoll roll(width);
    roll.feed(printer::render(r, printer::PrintProfile{width}, raster()));
    CHECK(roll.unknown().empty());
    REQUIRE(roll.receipts().size() == 1);
    return roll.receipts()[0];
}

// The share of dots that differ from the reference picture, or 1 when sizes differ or there is
// no reference.
double differs_from_reference(const sim::Picture& p, const std::string& name)
{
    std::filesystem::create_directories(kOut);
    CHECK(sim::save_png(p, kOut / name));
    const std::filesystem::path ref = kReference / name;
    if (const char* u = std::getenv("HK_UPDATE_REFERENCES"); u && std::string(u) == "1") {
        std::filesystem::create_directories(kReference);
        CHECK(sim::save_png(p, ref));
    }
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(ref.c_str(), &w, &h, &channels, 1);
    if (!data)
        return 1.0;
    double share = 1.0;
    if (w == p.width && h == p.height) {
        std::size_t differ = 0;
        for (std::size_t i = 0; i < p.pixels.size(); ++i)
            differ += (data[i] < 128) != (p.pixels[i] < 128);
        share = static_cast<double>(differ) / static_cast<double>(p.pixels.size());
    }
    stbi_image_free(data);
    return share;
}

// Every text of the receipt, for checking what it says.
std::string all_text(const printer::Receipt& r)
{
    std::string s;
    for (const auto& b : r.blocks) {
        if (const auto* t = std::get_if<printer::Receipt::Text>(&b))
            s += t->utf8 + "\n";
        if (const auto* f = std::get_if<printer::Receipt::Field>(&b))
            s += f->label + ": " + f->value + "\n";
    }
    return s;
}


SignupSlip sample_slip(bool waiting)
{
    return SignupSlip{"S-0042", "法律咨询日：租房合同", "2027年3月10日 星期三 19:00–21:00", "社区书屋",
                      Personal(Personal::Kind::name, "王建国"), waiting, waiting ? std::optional(2) : std::nullopt,
                      "幸福街道党群服务中心"};
}

} // namespace

TEST_CASE("a filed request's receipt carries its tracking token and only masked personal data")
{
    const RequestFiled q = sample_request();
    const printer::Receipt r = request_receipt(q, translator(), Lang::zh_Hans, false);
    const std::string text = all_text(r);
    CHECK(text.find("2611 2300 1012 35") != std::string::npos);
    CHECK(text.find("482913") != std::string::npos);
    CHECK(text.find("王**") != std::string::npos);
    CHECK(text.find("4403**********123X") != std::string::npos);
    CHECK(text.find("王小明") == std::string::npos);
    CHECK(text.find("44030419900101123X") == std::string::npos);
    CHECK(text.find("2026年11月23日 09:05") != std::string::npos);
    const sim::Picture p = print(r);
    CHECK(test::read_code(p) == q.token);
    CHECK(differs_from_reference(p, "request-zh-Hans.png") < 0.002);
}

TEST_CASE("a booking pass carries its pass token, and reads back on 58 mm paper too")
{
    const BookingPass b = sample_booking();
    const printer::Receipt r = booking_receipt(b, translator(), Lang::zh_Hans, false);
    CHECK(all_text(r).find("陈**") != std::string::npos);
    const sim::Picture p = print(r);
    CHECK(test::read_code(p) == b.token);
    CHECK(differs_from_reference(p, "booking-zh-Hans.png") < 0.002);
    CHECK(test::read_code(print(r, 384)) == b.token);
}

TEST_CASE("a pass from the kiosk names the group, the hall and the cancellation deadline")
{
    BookingPass b = sample_booking();
    b.group_size = 8;
    b.hall = "幸福街道党群服务中心";
    b.cancel_until = ReceiptTime{2026, 11, 24, 14, 0};
    const std::string text = all_text(booking_receipt(b, translator(), Lang::en, false));
    CHECK(text.find("People: 8") != std::string::npos);
    CHECK(text.find("幸福街道党群服务中心") != std::string::npos);
    CHECK(text.find("Cancel by: 24 November 2026, 14:00") != std::string::npos);
    CHECK(test::read_code(print(booking_receipt(b, translator(), Lang::zh_Hans, false))) == b.token);
}

TEST_CASE("a sign-up slip says whether the place is the resident's or where on the waiting list they are")
{
    const std::string placed = all_text(signup_receipt(sample_slip(false), translator(), Lang::zh_Hans, false));
    CHECK(placed.find("状态: 已报名") != std::string::npos);
    CHECK(placed.find("王**") != std::string::npos);
    CHECK(placed.find("王建国") == std::string::npos);
    const std::string waiting = all_text(signup_receipt(sample_slip(true), translator(), Lang::en, false));
    CHECK(waiting.find("State: Waiting list, number 2") != std::string::npos);
    CHECK(waiting.find("Sign-up number: S-0042") != std::string::npos);
    CHECK(waiting.find("waiting list moves up") != std::string::npos);
}

TEST_CASE("a rating's thank-you names the level in words")
{
    const printer::Receipt r =
        rating_receipt(RatingThanks{"居住证办理", 4, "莲花街道党群服务中心", {2026, 11, 23, 10, 30}}, translator(),
                       Lang::en, false);
    const std::string text = all_text(r);
    CHECK(text.find("Satisfied") != std::string::npos);
    CHECK(text.find("23 November 2026, 10:30") != std::string::npos);
    CHECK(differs_from_reference(print(r), "rating-en.png") < 0.002);
}

namespace {

ContactCard sample_card()
{
    return ContactCard{"彩田党员志愿服务队",
                       "莲花社区",
                       "第七网格（彩田路沿线）",
                       "陈志明",
                       "100 0412 0701",
                       "彩田路 3012 号 网格服务站",
                       "每天 9:00–11:30，19:00–21:00",
                       "莲花社区党群服务中心",
                       {2026, 11, 23, 10, 30}};
}

} // namespace

TEST_CASE("a volunteer team's contact card names the team, its grid, whom to call, where and when")
{
    const printer::Receipt r = contact_card_receipt(sample_card(), translator(), Lang::zh_Hans, false);
    const std::string text = all_text(r);
    CHECK(text.find("网格志愿服务队联系卡") != std::string::npos);
    CHECK(text.find("彩田党员志愿服务队") != std::string::npos);
    CHECK(text.find("社区网格: 莲花社区 第七网格（彩田路沿线）") != std::string::npos);
    CHECK(text.find("队长: 陈志明") != std::string::npos);
    CHECK(text.find("电话: 100 0412 0701") != std::string::npos);
    CHECK(text.find("地点: 彩田路 3012 号 网格服务站") != std::string::npos);
    CHECK(text.find("时间: 每天 9:00–11:30，19:00–21:00") != std::string::npos);
    CHECK(text.find("莲花社区党群服务中心") != std::string::npos);
    CHECK(text.find("2026年11月23日") != std::string::npos);
    CHECK(differs_from_reference(print(r), "contact-card-zh-Hans.png") < 0.002);
    const std::string en = all_text(contact_card_receipt(sample_card(), translator(), Lang::en, false));
    CHECK(en.find("Volunteer team contact card") != std::string::npos);
    CHECK(en.find("23 November 2026") != std::string::npos);
    CHECK(en.find("Team leader: 陈志明") != std::string::npos);
}

TEST_CASE("the staff test page shows the model, paper, counters and device id, with codes that read")
{
    TestPage t{"RP80 SIM", "MFG:HALLKIOSK SIM;CMD:ESC/POS;MDL:RP80 SIM;", printer::PrintProfile{576}, 1234, 2, 1,
               "SZ-FT-LH-001", {2026, 11, 23, 8, 0}};
    const printer::Receipt r = test_page(t, translator(), Lang::zh_Hans, false);
    const std::string text = all_text(r);
    CHECK(text.find("80 mm / 576 dots") != std::string::npos);
    CHECK(text.find("1234 / 2 / 1") != std::string::npos);
    CHECK(text.find("MDL:RP80 SIM") != std::string::npos);
    const sim::Picture p = print(r);
    CHECK(test::read_code(p) == "HALLKIOSK TEST RP80 SIM");
    CHECK(test::read_code(p, ZXing::BarcodeFormat::Code128) == "HK-TEST-0123");
    CHECK(differs_from_reference(p, "test-page-zh-Hans.png") < 0.002);
}

TEST_CASE("a reprint says so at the top, in the session's language")
{
    const printer::Receipt first = request_receipt(sample_request(), translator(), Lang::zh_Hant, false);
    const printer::Receipt again = request_receipt(sample_request(), translator(), Lang::zh_Hant, true);
    CHECK(all_text(first).find("重新列印") == std::string::npos);
    CHECK(all_text(again).starts_with("*** 重新列印 ***"));
    CHECK(again.glyphs == printer::Glyphs::traditional);
    const sim::Picture p = print(again);
    CHECK(test::read_code(p) == sample_request().token);
    CHECK(differs_from_reference(p, "request-reprint-zh-Hant.png") < 0.002);
}

TEST_CASE("every receipt is worded in each language, no key left untranslated")
{
    for (Lang lang : kAllLangs) {
        const std::string text = all_text(request_receipt(sample_request(), translator(), lang, true)) +
                                 all_text(booking_receipt(sample_booking(), translator(), lang, false)) +
                                 all_text(signup_receipt(sample_slip(true), translator(), lang, false)) +
                                 all_text(rating_receipt(RatingThanks{}, translator(), lang, false)) +
                                 all_text(contact_card_receipt(sample_card(), translator(), lang, false)) +
                                 all_text(test_page(TestPage{}, translator(), lang, false));
        CHECK_MESSAGE(text.find("receipt.") == std::string::npos, lang_tag(lang));
        CHECK_MESSAGE(text.find("month.") == std::string::npos, lang_tag(lang));
    }
}
