// The scanner driver through the real libusb stack against the simulated scanners (HID POS,
// keyboard wedge, USB serial): one code in, exactly one ScanEvent out; a HID POS code whose last
// report never came is dropped, not glued to the next scan; an unplug mid-code gives nothing and
// does not hang.
#include "host_fixture.hpp"
#include "scanner_device.hpp"
#include "scanner_sims.hpp"
#include "usb_testbed.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace hk;
using namespace std::chrono_literals;
using scanner::ScanEvent;
using scanner::ScanOutcome;
using scanner::ScanProblem;

namespace {

const usb::MatchRule kHidPosRule{usb::Role::scanner, "hidpos", "HID POS scanner", 0x05E0, 0x1300, {}, {}, {}};
const usb::MatchRule kWedgeRule{usb::Role::scanner, "wedge", "wedge scanner", 0x0C2E, 0x0B61, {}, {}, {}};
const usb::MatchRule kSerialRule{usb::Role::scanner, "serial", "serial scanner", 0x1EAB, 0x1A06, 0x0A, {}, {}};

// What on_scan was called with, on the device threads.
class Outcomes {
public:
    std::function<void(ScanOutcome)> handler()
    {
        return [this](ScanOutcome o) {
            std::lock_guard lock(mu_);
            all_.push_back(std::move(o));
            cv_.notify_all();
        };
    }
    bool wait_for(std::size_t n)
    {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, 3s, [&] { return all_.size() >= n; });
    }
    // Everything, after a while longer than any pause the driver waits for, so that an outcome
    // too many would be there.
    std::vector<ScanOutcome> settled()
    {
        std::this_thread::sleep_for(3 * scanner::ScannerDevice::kHidPosQuiet);
        std::lock_guard lock(mu_);
        return all_;
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<ScanOutcome> all_;
};

struct Scanner {
    test::UsbTestbed bed;
    std::shared_ptr<sim::ScannerSim> sim;
    std::string path;
    test::OpenedDevice dev;
    Outcomes outcomes;
    std::unique_ptr<scanner::ScannerDevice> device;

    Scanner(std::shared_ptr<sim::ScannerSim> s, const usb::MatchRule& rule) : sim(std::move(s)), path(bed.plug(sim))
    {
        auto opened = test::open_first({rule});
        REQUIRE_MESSAGE(opened, (opened ? "" : opened.error().message));
        dev = std::move(*opened);
        auto d = scanner::ScannerDevice::open(*dev.transport, dev.port, outcomes.handler());
        REQUIRE_MESSAGE(d, (d ? "" : d.error().message));
        device = std::move(*d);
    }

    // Scans `code` and expects exactly one outcome: a code of it.
    ScanEvent one_scan(const std::string& code, const std::string& aim_id = "]Q1")
    {
        sim->scan(code, aim_id);
        REQUIRE(outcomes.wait_for(1));
        const auto all = outcomes.settled();
        REQUIRE(all.size() == 1);
        REQUIRE(std::holds_alternative<ScanEvent>(all[0]));
        return std::get<ScanEvent>(all[0]);
    }

    // Scans `code` with its end lost, pulls the cable once the device has sent all it will, and
    // expects nothing to come and the driver to close.
    void unplug_mid_code(const std::string& code)
    {
        sim->set_fault(sim::ScannerFault::partial_report);
        sim->scan(code);
        const auto until = std::chrono::steady_clock::now() + 3s;
        while (sim->queued() > 0 && std::chrono::steady_clock::now() < until)
            std::this_thread::sleep_for(1ms);
        REQUIRE(sim->queued() == 0);
        bed.unplug(path);
        CHECK(outcomes.settled().empty());
        device.reset(); // returns: the timer stopped
        dev.transport.reset();
    }
};

const std::string kChinese = "https://example.cn/r?站=党群服务中心&事=群众诉求服务大厅预约";

} // namespace

TEST_CASE("a HID POS scanner's code arrives as exactly one scan with its AIM id")
{
    Scanner s(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    CHECK(s.device->source() == ScanEvent::Source::hid_pos);
    const ScanEvent e = s.one_scan("HKPASS:0123", "]C0");
    CHECK(e.data == "HKPASS:0123");
    CHECK(e.aim_id == "]C0");
    CHECK(e.source == ScanEvent::Source::hid_pos);
    CHECK(e.last_report_at <= std::chrono::steady_clock::now());
}

TEST_CASE("a HID POS scanner's long Chinese code comes over several reports as one scan")
{
    Scanner s(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    REQUIRE(kChinese.size() > 56);
    const ScanEvent e = s.one_scan(kChinese);
    CHECK(e.data == kChinese);
    CHECK(e.aim_id == "]Q1");
}

TEST_CASE("a HID POS code whose last report never came is dropped with a problem, and the next scan is whole")
{
    Scanner s(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    s.sim->set_fault(sim::ScannerFault::partial_report);
    s.sim->scan(std::string(100, 'x')); // two reports; the second is lost
    std::this_thread::sleep_for(2 * scanner::ScannerDevice::kHidPosQuiet);
    s.sim->scan("NEXT-0002", "]C0");
    REQUIRE(s.outcomes.wait_for(2));
    const auto all = s.outcomes.settled();
    REQUIRE(all.size() == 2);
    REQUIRE(std::holds_alternative<ScanProblem>(all[0]));
    CHECK(std::get<ScanProblem>(all[0]).what.find("56 bytes") != std::string::npos);
    REQUIRE(std::holds_alternative<ScanEvent>(all[1]));
    CHECK(std::get<ScanEvent>(all[1]).data == "NEXT-0002");
}

TEST_CASE("a keyboard-wedge scanner's code arrives as exactly one scan, its keys taken from the system")
{
    Scanner s(std::make_shared<sim::WedgeScannerSim>(), kWedgeRule);
    const ScanEvent e = s.one_scan("HK-2024/0001?a=B&c=d");
    CHECK(e.data == "HK-2024/0001?a=B&c=d");
    CHECK(e.aim_id.empty());
    CHECK(e.source == ScanEvent::Source::wedge);
}

TEST_CASE("a keyboard-wedge code without its Enter still arrives after the pause")
{
    Scanner s(std::make_shared<sim::WedgeScannerSim>(), kWedgeRule);
    s.sim->set_fault(sim::ScannerFault::partial_report);
    const ScanEvent e = s.one_scan("12345");
    CHECK(e.data == "12345");
}

TEST_CASE("a USB serial scanner's line is set up, and its ASCII and Chinese codes arrive one scan each")
{
    auto sim = std::make_shared<sim::SerialScannerSim>();
    Scanner s(sim, kSerialRule);
    CHECK(sim->line_set());
    const ScanEvent a = s.one_scan("HKPASS:0123");
    CHECK(a.data == "HKPASS:0123");
    CHECK(a.aim_id.empty());
    CHECK(a.source == ScanEvent::Source::serial);

    Scanner c(std::make_shared<sim::SerialScannerSim>("\r"), kSerialRule);
    CHECK(c.one_scan(kChinese).data == kChinese);
}

TEST_CASE("unplugging a HID POS scanner mid-code gives no scan and does not hang")
{
    Scanner s(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    s.unplug_mid_code(std::string(120, 'h'));
}

TEST_CASE("unplugging a keyboard-wedge scanner mid-code gives no scan and does not hang")
{
    Scanner s(std::make_shared<sim::WedgeScannerSim>(), kWedgeRule);
    s.unplug_mid_code("ABCDEFGH");
}

TEST_CASE("unplugging a USB serial scanner mid-line gives no scan and does not hang")
{
    Scanner s(std::make_shared<sim::SerialScannerSim>(), kSerialRule);
    s.unplug_mid_code(std::string(100, 's'));
}

TEST_CASE("once the scanner device is dropped, scans reach no one")
{
    Scanner s(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    s.device.reset();
    s.sim->scan("after close");
    CHECK(s.outcomes.settled().empty());
}

TEST_CASE("a scanner with a driver of another role is not opened")
{
    test::UsbTestbed bed;
    bed.plug(std::make_shared<sim::HidPosScannerSim>());
    auto dev = test::open_first({kHidPosRule});
    REQUIRE(dev);
    dev->port.driver = "escpos";
    auto d = scanner::ScannerDevice::open(*dev->transport, dev->port, [](ScanOutcome) {});
    REQUIRE_FALSE(d);
    CHECK(d.error().message.find("escpos") != std::string::npos);
}
