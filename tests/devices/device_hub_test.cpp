// The device layer end to end through the real libusb stack: the USB host fills the hub's
// ports, and a job interrupted by pulling the cable runs again when the printer is back.
#include "device_hub.hpp"
#include "receipt_printer_sim.hpp"
#include "host_fixture.hpp"
#include "usb_testbed.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <atomic>

using namespace hk;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

// Declared in this order so that the hub closes its devices before libusb stops.
struct Kiosk {
    test::UsbTestbed bed;
    std::string printer_path = bed.plug(std::make_shared<sim::ReceiptPrinterSim>());
    test::HubOnHost usb;
    usb::DevicePort& printer() { return usb.hub.port(usb::Role::printer); }
};

} // namespace

TEST_CASE("through libusb, a printer found at start is ready and runs a job")
{
    Kiosk k;
    REQUIRE(wait_until([&] { return k.printer().status().state == usb::DeviceState::ready; }));
    CHECK(k.printer().status().model == "Winbond-based 58/80 mm POS printer");
    std::atomic<bool> ok{false};
    k.printer().submit({"status",
                        [](usb::Transport& t, int) -> usb::Result<void> {
                            const std::vector<std::uint8_t> q{0x10, 0x04, 0x01};
                            if (auto w = t.write(sim::ReceiptPrinterSim::kOut, q, 1000ms); !w)
                                return std::unexpected(w.error());
                            auto r = t.read(sim::ReceiptPrinterSim::kIn, 8, 1000ms);
                            if (!r)
                                return std::unexpected(r.error());
                            if (*r != std::vector<std::uint8_t>{0x12})
                                return std::unexpected(usb::Error{usb::Errc::io, "unexpected status"});
                            return {};
                        },
                        [&](const usb::Result<void>& r) { ok = r.has_value(); }});
    REQUIRE(wait_until([&] { return ok.load(); }));
    CHECK(k.printer().status().counters.transfers == 2);
}

TEST_CASE("through libusb, a job cut by unplugging waits, and runs again after the replug")
{
    Kiosk k;
    REQUIRE(wait_until([&] { return k.printer().status().state == usb::DeviceState::ready; }));
    std::atomic<int> runs{0};
    std::atomic<bool> reading{false};
    std::atomic<bool> done{false};
    std::vector<int> attempts;
    k.printer().submit({"wait for a status that only comes after the replug",
                        [&](usb::Transport& t, int attempt) -> usb::Result<void> {
                            ++runs;
                            attempts.push_back(attempt);
                            if (attempt == 1) {
                                reading = true; // nothing asked: this read waits until the cable goes
                                auto r = t.read(sim::ReceiptPrinterSim::kIn, 8, 10'000ms);
                                return r ? usb::Result<void>{} : std::unexpected(r.error());
                            }
                            const std::vector<std::uint8_t> q{0x10, 0x04, 0x04};
                            if (auto w = t.write(sim::ReceiptPrinterSim::kOut, q, 1000ms); !w)
                                return std::unexpected(w.error());
                            auto r = t.read(sim::ReceiptPrinterSim::kIn, 8, 1000ms);
                            return r ? usb::Result<void>{} : std::unexpected(r.error());
                        },
                        [&](const usb::Result<void>& r) { done = r.has_value(); }});
    REQUIRE(wait_until([&] { return reading.load(); }));
    std::this_thread::sleep_for(50ms); // the read is in flight
    const auto t0 = std::chrono::steady_clock::now();
    k.bed.unplug(k.printer_path);
    REQUIRE(wait_until([&] { return k.printer().status().state == usb::DeviceState::absent; }));
    CHECK(std::chrono::steady_clock::now() - t0 < 3s);
    CHECK_FALSE(done);
    CHECK(k.printer().status().pending == 1);

    k.bed.plug(std::make_shared<sim::ReceiptPrinterSim>());
    REQUIRE(wait_until([&] { return done.load(); }, 5000ms));
    CHECK(runs == 2);
    CHECK(attempts == std::vector{1, 2});
    const usb::PortStatus s = k.printer().status();
    CHECK(s.state == usb::DeviceState::ready);
    CHECK(s.counters.reconnects == 1);
    CHECK(s.counters.last_error->code == usb::Errc::no_device);
    CHECK(s.pending == 0);
}
