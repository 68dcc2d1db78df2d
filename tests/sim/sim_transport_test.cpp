// Tests of the in-process attachment of simulators.
#include "idcard_reader_sim.hpp"
#include "receipt_printer_sim.hpp"
#include "scanner_sims.hpp"
#include "sim_transport.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace hk;
using namespace std::chrono_literals;

TEST_CASE("in process, a printer answers a status request as it does over USB")
{
    auto printer = std::make_shared<sim::ReceiptPrinterSim>();
    auto cable = std::make_shared<sim::SimCable>();
    sim::SimTransport t(printer, cable);
    const std::vector<std::uint8_t> request{0x10, 0x04, 0x02};
    REQUIRE(t.write(sim::ReceiptPrinterSim::kOut, request, 100ms) == 3u);
    auto reply = t.read(sim::ReceiptPrinterSim::kIn, 8, 100ms);
    REQUIRE(reply);
    CHECK(*reply == std::vector<std::uint8_t>{0x12});

    printer->set_state({.cover_open = true});
    REQUIRE(t.write(sim::ReceiptPrinterSim::kOut, request, 100ms));
    CHECK(t.read(sim::ReceiptPrinterSim::kIn, 8, 100ms).value() == std::vector<std::uint8_t>{0x16});
    CHECK(printer->take_received().size() == 6);
}

TEST_CASE("in process, a read with nothing to read times out, and a pulled cable is no-device")
{
    auto printer = std::make_shared<sim::ReceiptPrinterSim>();
    auto cable = std::make_shared<sim::SimCable>();
    sim::SimTransport t(printer, cable);
    auto r = t.read(sim::ReceiptPrinterSim::kIn, 8, 20ms);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == usb::Errc::timeout);

    std::thread puller([&] {
        std::this_thread::sleep_for(50ms);
        cable->plugged = false;
    });
    r = t.read(sim::ReceiptPrinterSim::kIn, 8, 5000ms);
    puller.join();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == usb::Errc::no_device);
    const std::vector<std::uint8_t> request{0x10, 0x04, 0x01};
    CHECK(t.write(sim::ReceiptPrinterSim::kOut, request, 100ms).error().code == usb::Errc::no_device);
}

TEST_CASE("in process, the printer's IEEE 1284 device id is read by a class request")
{
    sim::SimTransport t(std::make_shared<sim::ReceiptPrinterSim>(), std::make_shared<sim::SimCable>());
    auto id = t.control_in({0x21, 0, 0, 0}, 256, 100ms);
    REQUIRE(id);
    const std::string text(id->begin() + 2, id->end());
    CHECK(text.find("CMD:ESC/POS") != std::string::npos);
    CHECK(t.control_in({0x21, 0x55, 0, 0}, 256, 100ms).error().code == usb::Errc::stall);
}

TEST_CASE("in process, a scanner's reports are pushed to a listener until the cable is pulled")
{
    auto scanner = std::make_shared<sim::HidPosScannerSim>();
    auto cable = std::make_shared<sim::SimCable>();
    std::mutex mu;
    std::condition_variable cv;
    std::vector<std::vector<std::uint8_t>> reports;
    std::optional<usb::Errc> ended;
    {
        sim::SimTransport t(scanner, cable);
        REQUIRE(t.listen(sim::ScannerSim::kIn, 64, [&](usb::Result<std::vector<std::uint8_t>> r) {
            std::lock_guard lock(mu);
            if (r)
                reports.push_back(std::move(*r));
            else
                ended = r.error().code;
            cv.notify_all();
        }));
        scanner->scan("CODE128", "]C0");
        std::unique_lock lock(mu);
        REQUIRE(cv.wait_for(lock, 2s, [&] { return !reports.empty(); }));
        CHECK(reports[0][1] == 7);
        lock.unlock();
        cable->plugged = false;
        lock.lock();
        REQUIRE(cv.wait_for(lock, 2s, [&] { return ended.has_value(); }));
        CHECK(*ended == usb::Errc::no_device);
    }
}

TEST_CASE("in process, a CDC-ACM line coding is set with a control request carrying data")
{
    auto reader = std::make_shared<sim::IdCardReaderSim>(sim::IdCardReaderSim::Link::cdc_acm);
    auto cable = std::make_shared<sim::SimCable>();
    sim::SimTransport t(reader, cable);
    const auto& line = sim::IdCardReaderSim::kModuleLine;
    REQUIRE(t.control_out({0x21, 0x20, 0, 0}, line, 100ms));
    CHECK(reader->line_coding() == line);
    CHECK(t.control_out({0x21, 0x20, 0, 0}, std::vector<std::uint8_t>{1, 2}, 100ms).error().code == usb::Errc::stall);
    cable->plugged = false;
    CHECK(t.control_out({0x21, 0x20, 0, 0}, line, 100ms).error().code == usb::Errc::no_device);
}
