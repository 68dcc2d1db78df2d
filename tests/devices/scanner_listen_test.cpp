// Scanners push their codes: the device layer keeps a read pending on the interrupt endpoint
// and hands over each report, through the real libusb stack on a umockdev bus.
#include "scanner_sims.hpp"
#include "host_fixture.hpp"
#include "usb_testbed.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

using namespace hk;
using namespace std::chrono_literals;

namespace {

// Reports (or the error that ended listening) as the USB thread delivers them.
class Reports {
public:
    usb::Transport::DataHandler handler()
    {
        return [this](usb::Result<std::vector<std::uint8_t>> r) {
            std::lock_guard lock(mu_);
            if (r)
                reports_.push_back(std::move(*r));
            else
                error_ = r.error();
            cv_.notify_all();
        };
    }
    bool wait_for_reports(std::size_t n)
    {
        std::unique_lock lock(mu_);
        return cv_.wait_for(lock, 3s, [&] { return reports_.size() >= n; });
    }
    std::optional<usb::Error> wait_for_error(std::chrono::milliseconds timeout = 3000ms)
    {
        std::unique_lock lock(mu_);
        cv_.wait_for(lock, timeout, [&] { return error_.has_value(); });
        return error_;
    }
    std::vector<std::vector<std::uint8_t>> all()
    {
        std::lock_guard lock(mu_);
        return reports_;
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::vector<std::vector<std::uint8_t>> reports_;
    std::optional<usb::Error> error_;
};

struct ScannerBus {
    test::UsbTestbed bed;
    std::shared_ptr<sim::ScannerSim> scanner;
    std::string path;
    test::OpenedDevice dev;
    std::unique_ptr<usb::Transport>& transport = dev.transport;

    ScannerBus(std::shared_ptr<sim::ScannerSim> s, usb::MatchRule rule) : scanner(std::move(s))
    {
        path = bed.plug(scanner);
        auto opened = test::open_first({std::move(rule)});
        REQUIRE_MESSAGE(opened, (opened ? "" : opened.error().message));
        dev = std::move(*opened);
    }
};

const usb::MatchRule kHidPosRule{usb::Role::scanner, "hidpos", "HID POS scanner", 0x05E0, 0x1300, {}, {}, {}};
const usb::MatchRule kWedgeRule{usb::Role::scanner, "wedge", "wedge scanner", 0x0C2E, 0x0B61, {}, {}, {}};

} // namespace

TEST_CASE("a HID POS scanner's scan arrives as a scanned data report")
{
    ScannerBus bus(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    Reports reports;
    REQUIRE(bus.transport->listen(sim::ScannerSim::kIn, 64, reports.handler()));
    bus.scanner->scan("HKPASS:0123", "]Q1");
    REQUIRE(reports.wait_for_reports(1));
    const auto r = reports.all().front();
    REQUIRE(r.size() == 64);
    CHECK(r[0] == 0x02);                         // scanned data report
    CHECK(r[1] == 11);                           // length
    CHECK(std::string(r.begin() + 2, r.begin() + 5) == "]Q1");
    CHECK(std::string(r.begin() + 5, r.begin() + 16) == "HKPASS:0123");
    CHECK(r[63] == 0);                           // no more reports
}

TEST_CASE("a long code comes in several reports, all but the last marked to be continued")
{
    ScannerBus bus(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    Reports reports;
    REQUIRE(bus.transport->listen(sim::ScannerSim::kIn, 64, reports.handler()));
    bus.scanner->scan(std::string(100, 'x'));
    REQUIRE(reports.wait_for_reports(2));
    const auto all = reports.all();
    CHECK(all[0][1] == 56);
    CHECK(all[0][63] == 1);
    CHECK(all[1][1] == 44);
    CHECK(all[1][63] == 0);
}

TEST_CASE("a keyboard-wedge scanner types the code with Shift where needed, then Enter")
{
    ScannerBus bus(std::make_shared<sim::WedgeScannerSim>(), kWedgeRule);
    Reports reports;
    REQUIRE(bus.transport->listen(sim::ScannerSim::kIn, 8, reports.handler()));
    bus.scanner->scan("Ab1");
    REQUIRE(reports.wait_for_reports(8));
    const auto all = reports.all();
    CHECK(all[0] == std::vector<std::uint8_t>{0x02, 0, 0x04, 0, 0, 0, 0, 0}); // Shift + a
    CHECK(all[1] == std::vector<std::uint8_t>(8, 0));                         // released
    CHECK(all[2][0] == 0);
    CHECK(all[2][2] == 0x05); // b
    CHECK(all[4][2] == 0x1E); // 1
    CHECK(all[6][2] == 0x28); // Enter
}

TEST_CASE("unplugging a scanner that is listened to ends listening with no-device")
{
    ScannerBus bus(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    Reports reports;
    REQUIRE(bus.transport->listen(sim::ScannerSim::kIn, 64, reports.handler()));
    bus.bed.unplug(bus.path);
    const auto e = reports.wait_for_error();
    REQUIRE(e);
    CHECK(e->code == usb::Errc::no_device);
}

TEST_CASE("closing a transport that is listening cancels the pending read cleanly")
{
    ScannerBus bus(std::make_shared<sim::HidPosScannerSim>(), kHidPosRule);
    Reports reports;
    REQUIRE(bus.transport->listen(sim::ScannerSim::kIn, 64, reports.handler()));
    bus.transport.reset();
    CHECK_FALSE(reports.wait_for_error(300ms)); // cancelled quietly, no error reported
}

TEST_CASE("a HID POS scanner of any make is recognised by its report descriptor")
{
    test::UsbTestbed bed;
    bed.plug(std::make_shared<sim::HidPosScannerSim>());
    auto dev = test::open_first({usb::known_models().begin(), usb::known_models().end()});
    REQUIRE_MESSAGE(dev, (dev ? "" : dev.error().message));
}

TEST_CASE("a keyboard-wedge scanner is not taken for a HID POS one without its ids configured")
{
    test::UsbTestbed bed;
    bed.plug(std::make_shared<sim::WedgeScannerSim>());
    auto dev = test::open_first({usb::known_models().begin(), usb::known_models().end()});
    REQUIRE_FALSE(dev);
    CHECK(dev.error().code == usb::Errc::no_device);
}
