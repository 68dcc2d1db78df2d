// Each of the kiosk's receipts end to end through the real libusb stack: laid out by the kiosk's
// receipt printer for the printer it finds, sent over USB to the simulated printer under
// umockdev, drawn as paper, and its QR code read back from the picture.
#include "host_fixture.hpp"
#include "paper_codes.hpp"
#include "receipt_printer.hpp"
#include "receipt_printer_sim.hpp"
#include "receipts.hpp"
#include "usb_testbed.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>

using namespace hk;
using namespace hk::app;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

const Translator& translator()
{
    static const Translator tr = [] {
        auto t = Translator::load(HK_SOURCE_DIR "/assets/i18n");
        REQUIRE(t);
        return *t;
    }();
    return tr;
}

// The kiosk's printer side on a umockdev bus with one simulated printer of `width_dots`.
struct Kiosk {
    test::UsbTestbed bed;
    std::shared_ptr<sim::ReceiptPrinterSim> sim;
    std::string path;
    ReceiptPrinter printer;
    test::HubOnHost usb;

    explicit Kiosk(int width_dots, std::map<std::string, PrinterSettings, std::less<>> settings = {})
        : sim(std::make_shared<sim::ReceiptPrinterSim>(sim::DeviceIds{0x0416, 0x5011, 0x0100}, width_dots)),
          path(bed.plug(sim)), printer(std::move(settings), {}),
          usb({{usb::Role::printer,
                [this](usb::Transport& t, const usb::PortDevice& d) { return printer.on_open(t, d); }}})
    {
        printer.attach(usb.hub.port(usb::Role::printer));
        REQUIRE(wait_until([&] { return !printer.view().model.empty(); }, 5000ms));
    }
    ~Kiosk() { printer.stop(); }

    // Prints one receipt and returns its picture.
    sim::Picture print(std::function<printer::Receipt(bool)> build)
    {
        std::atomic<bool> done{false};
        usb::Result<printer::Outcome> outcome = std::unexpected(usb::Error{usb::Errc::io, "not done"});
        printer.print("receipt", std::move(build), [&](usb::Result<printer::Outcome> r) {
            outcome = r;
            done = true;
        });
        REQUIRE(wait_until([&] { return done.load(); }, 5000ms));
        REQUIRE_MESSAGE(outcome, outcome.error().message);
        CHECK(*outcome == printer::Outcome::printed);
        const auto receipts = sim->receipts();
        REQUIRE(!receipts.empty());
        return receipts.back();
    }
};

void keep(const sim::Picture& p, const std::string& name)
{
    const auto dir = std::filesystem::path(HK_TEST_OUTPUT) / "round-trip";
    std::filesystem::create_directories(dir);
    CHECK(sim::save_png(p, dir / name));
}

RequestFiled request()
{
    return RequestFiled{"SQ-20261123-000123", "环境卫生", "莲花街道党群服务中心", {2026, 11, 23, 9, 5},
                        Personal(Personal::Kind::name, "王小明"),
                        Personal(Personal::Kind::id_number, "44030419900101123X"),
                        "HK1.eyJ0IjoiU1EtMjAyNjExMjMtMDAwMTIzIn0.c2lnbmF0dXJl"};
}

BookingPass booking()
{
    return BookingPass{"YY-20261125-0042", "二楼多功能活动室", "2026年11月25日", "14:00–16:00",
                       Personal(Personal::Kind::name, "陈美玲"), "HK1.eyJiIjoiWVktMjAyNjExMjUtMDA0MiJ9.c2ln"};
}

} // namespace

TEST_CASE("every receipt goes through libusb to an 80 mm printer and its QR code reads back")
{
    Kiosk k(576);
    CHECK(k.printer.view().profile.width_dots == 576); // from the device id over USB
    const Translator& tr = translator();
    for (Lang lang : kAllLangs) {
        const std::string tag(lang_tag(lang));
        const sim::Picture req = k.print([&](bool r) { return request_receipt(request(), tr, lang, r); });
        CHECK(req.width == 576);
        CHECK_MESSAGE(test::read_code(req) == request().token, tag);
        keep(req, "request-" + tag + ".png");
        const sim::Picture pass = k.print([&](bool r) { return booking_receipt(booking(), tr, lang, r); });
        CHECK_MESSAGE(test::read_code(pass) == booking().token, tag);
        keep(pass, "booking-" + tag + ".png");
    }
    const sim::Picture thanks = k.print([&](bool r) {
        return rating_receipt(RatingThanks{"居住证办理", 5, "莲花街道党群服务中心", {2026, 11, 23, 10, 30}}, tr,
                              Lang::zh_Hans, r);
    });
    keep(thanks, "rating-zh-Hans.png");
    CHECK(test::ink(thanks) > 0.02);
    const PrinterView v = k.printer.view();
    const sim::Picture page = k.print([&](bool r) {
        return test_page(TestPage{v.model, v.device_id, v.profile, 0, 0, 0, "SZ-FT-LH-001", {2026, 11, 23, 8, 0}}, tr,
                         Lang::zh_Hans, r);
    });
    keep(page, "test-page-zh-Hans.png");
    CHECK(test::read_code(page) == "HALLKIOSK TEST " + v.model);
    CHECK(test::read_code(page, ZXing::BarcodeFormat::Code128) == "HK-TEST-0123");
    CHECK(k.printer.journal().size() == 8);
}

TEST_CASE("a 58 mm printer with its own Chinese font and native QR prints the same receipt")
{
    Kiosk k(384, {{"Winbond-based 58/80 mm POS printer", PrinterSettings{std::nullopt, printer::TextMode::gb2312, true}}});
    CHECK(k.printer.view().profile == printer::PrintProfile{384, printer::TextMode::gb2312, true});
    const sim::Picture p =
        k.print([&](bool r) { return request_receipt(request(), translator(), Lang::zh_Hans, r); });
    CHECK(p.width == 384);
    CHECK(test::read_code(p) == request().token);
    keep(p, "request-native-384.png");
}
