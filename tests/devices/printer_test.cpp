// The receipt printer end to end through the real libusb stack: a receipt built with the
// encoder, sent by a print job on the printer's port, drawn by the simulated printer, and its
// QR code read back from the picture. Paper out, cover open and unplugging never lose it.
#include "device_hub.hpp"
#include "printer.hpp"
#include "receipt_printer_sim.hpp"
#include "host_fixture.hpp"
#include "paper_codes.hpp"
#include "usb_testbed.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <mutex>

using namespace hk;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

const std::string kToken = "HK1.eyJ0IjoiU1EtMjAyNjExMjMtMDAwMTIzIn0.c2ln";

escpos::Bytes receipt(bool reprint)
{
    escpos::Encoder e;
    e.init().align(escpos::Align::center);
    if (reprint)
        e.bold(true).text("REPRINT").bold(false).newline();
    e.text("SQ-20261123-000123").newline().qr(kToken, 6).feed(2).cut(escpos::Cut::partial);
    return e.take();
}

struct Kiosk {
    test::UsbTestbed bed;
    std::shared_ptr<sim::ReceiptPrinterSim> printer = std::make_shared<sim::ReceiptPrinterSim>();
    std::string path = bed.plug(printer);
    test::HubOnHost usb;

    Kiosk() { REQUIRE(wait_until([&] { return port().status().state == usb::DeviceState::ready; })); }
    usb::DevicePort& port() { return usb.hub.port(usb::Role::printer); }
};

struct Result {
    std::mutex mu;
    std::optional<usb::Result<printer::Outcome>> outcome;
    std::atomic<int> waits{0};
    std::vector<bool> builds; // the reprint flag of each build

    bool done()
    {
        std::lock_guard lk(mu);
        return outcome.has_value();
    }
    printer::Outcome value()
    {
        std::lock_guard lk(mu);
        REQUIRE(outcome);
        REQUIRE_MESSAGE(outcome->has_value(), outcome->error().message);
        return **outcome;
    }
};

usb::Job job(Result& res, std::function<void(bool)> on_build = {}, printer::JobOptions o = {})
{
    o.poll = 20ms;
    o.waiting = [&res](const escpos::PrinterStatus&) { ++res.waits; };
    return printer::print_job(
        "request receipt",
        [&res, on_build](bool reprint) {
            {
                std::lock_guard lk(res.mu);
                res.builds.push_back(reprint);
            }
            if (on_build)
                on_build(reprint);
            return receipt(reprint);
        },
        {}, [&res](usb::Result<printer::Outcome> r) {
            std::lock_guard lk(res.mu);
            res.outcome = std::move(r);
        },
        o);
}

} // namespace

TEST_CASE("a receipt prints once, and its QR code reads back as the token that went in")
{
    Kiosk k;
    Result res;
    k.port().submit(job(res));
    REQUIRE(wait_until([&] { return res.done(); }));
    CHECK(res.value() == printer::Outcome::printed);
    const auto receipts = k.printer->receipts();
    REQUIRE(receipts.size() == 1);
    CHECK(test::read_code(receipts[0]) == kToken);
    std::filesystem::create_directories(HK_TEST_OUTPUT);
    sim::save_png(receipts[0], std::filesystem::path(HK_TEST_OUTPUT) / "request-receipt.png");
}

TEST_CASE("with the paper out, the job waits and prints once paper is back, without a reprint mark")
{
    Kiosk k;
    k.printer->set_state({.paper_near_end = true, .paper_out = true});
    Result res;
    k.port().submit(job(res));
    REQUIRE(wait_until([&] { return res.waits >= 2; }));
    CHECK(k.printer->receipts().empty());
    CHECK(k.port().status().pending == 1);
    k.printer->set_state({});
    REQUIRE(wait_until([&] { return res.done(); }));
    CHECK(res.value() == printer::Outcome::printed);
    CHECK(res.builds == std::vector<bool>{false});
    CHECK(k.printer->receipts().size() == 1);
}

TEST_CASE("the cover opened mid-job: the whole receipt comes out again, marked as a reprint")
{
    Kiosk k;
    Result res;
    std::atomic<bool> opened{false};
    // The cover opens while the receipt is being sent: what is sent is lost.
    k.port().submit(job(res, [&](bool reprint) {
        if (!reprint) {
            k.printer->set_state({.cover_open = true});
            opened = true;
        }
    }));
    REQUIRE(wait_until([&] { return opened && res.waits >= 1; }));
    CHECK(k.printer->receipts().empty());
    k.printer->set_state({});
    REQUIRE(wait_until([&] { return res.done(); }));
    CHECK(res.value() == printer::Outcome::reprinted);
    CHECK(res.builds == std::vector<bool>{false, true});
    const auto receipts = k.printer->receipts();
    REQUIRE(receipts.size() == 1);
    CHECK(test::read_code(receipts[0]) == kToken);
}

TEST_CASE("unplugged mid-job, the receipt is printed on the printer plugged back in, marked")
{
    Kiosk k;
    Result res;
    std::atomic<bool> pulled{false};
    k.port().submit(job(res, [&](bool reprint) {
        if (!reprint) {
            k.bed.unplug(k.path);
            pulled = true;
        }
    }));
    REQUIRE(wait_until([&] { return pulled && k.port().status().state == usb::DeviceState::absent; }));
    CHECK_FALSE(res.done());
    auto again = std::make_shared<sim::ReceiptPrinterSim>();
    k.bed.plug(again);
    REQUIRE(wait_until([&] { return res.done(); }, 5000ms));
    CHECK(res.value() == printer::Outcome::reprinted);
    REQUIRE(again->receipts().size() == 1);
    CHECK(test::read_code(again->receipts()[0]) == kToken);
    CHECK(k.port().status().counters.reconnects == 1);
}

TEST_CASE("a printer that stays out of paper makes the job give up, and says so")
{
    Kiosk k;
    k.printer->set_state({.paper_near_end = true, .paper_out = true});
    Result res;
    printer::JobOptions o;
    o.give_up_after = 150ms;
    k.port().submit(job(res, {}, o));
    REQUIRE(wait_until([&] { return res.done(); }));
    CHECK(res.value() == printer::Outcome::abandoned);
    CHECK(res.builds.empty());
    CHECK(k.printer->receipts().empty());
}

TEST_CASE("status is read as four real-time requests")
{
    Kiosk k;
    k.printer->set_state({.cover_open = true, .paper_near_end = true});
    std::optional<escpos::PrinterStatus> seen;
    std::atomic<bool> done{false};
    k.port().submit({"status",
                     [&](usb::Transport& t, int) -> usb::Result<void> {
                         auto s = printer::query_status(t, {});
                         if (!s)
                             return std::unexpected(s.error());
                         seen = *s;
                         return {};
                     },
                     [&](const usb::Result<void>&) { done = true; }});
    REQUIRE(wait_until([&] { return done.load(); }));
    REQUIRE(seen);
    CHECK(seen->cover_open);
    CHECK(seen->paper == escpos::Paper::near_end);
    CHECK_FALSE(seen->online); // an open cover takes the printer offline
    CHECK(escpos::describe(*seen) == "offline, cover open, paper near end");
}
