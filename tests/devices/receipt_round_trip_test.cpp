// Each of the kiosk's receipts end to end through the real libusb stack: laid out by the kiosk's
// receipt printer for the printer it finds, sent over USB to the simulated printer under
// umockdev, drawn as paper, and its QR code read back from the picture.
#include "host_fixture.hpp"
#include "paper_codes.hpp"
#include "receipt_printer.hpp"
#include "receipt_printer_sim.hpp"
#include "receipt_samples.hpp"
#include "receipts.hpp"
#include "usb_testbed.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>

using namespace hk;
using namespace hk::app;
using test::sample_booking;
using test::sample_request;
using test::translator;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

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

} // namespace

TEST_CASE("every receipt goes through libusb to an 80 mm printer and its QR code reads back")
{
    Kiosk k(576);
    CHECK(k.printer.view().profile.width_dots == 576); // from the device id over USB
    const Translator& tr = translator();
    for (Lang lang : kAllLangs) {
        const std::string tag(lang_tag(lang));
        const sim::Picture req = k.print([&](bool r) { return request_receipt(sample_request(), tr, lang, r); });
        CHECK(req.width == 576);
        CHECK_MESSAGE(test::read_code(req) == sample_request().token, tag);
        keep(req, "request-" + tag + ".png");
        const sim::Picture pass = k.print([&](bool r) { return booking_receipt(sample_booking(), tr, lang, r); });
        CHECK_MESSAGE(test::read_code(pass) == sample_booking().token, tag);
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
        k.print([&](bool r) { return request_receipt(sample_request(), translator(), Lang::zh_Hans, r); });
    CHECK(p.width == 384);
    CHECK(test::read_code(p) == sample_request().token);
    keep(p, "request-native-384.png");
}
