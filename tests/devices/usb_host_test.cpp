// The device layer through the real libusb stack: discovery, matching, hotplug, transfers,
// errors and unplugging, against simulators on a umockdev bus.
#include "receipt_printer_sim.hpp"
#include "usb_host.hpp"
#include "usb_testbed.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

using namespace hk;
using namespace std::chrono_literals;

namespace {

// The host's events, handed from its thread to the test.
class Events {
public:
    void push(usb::HostEvent e)
    {
        std::lock_guard lock(mu_);
        events_.push_back(std::move(e));
        cv_.notify_all();
    }
    // The next event of type T within `timeout`; other events before it are dropped.
    template <class T>
    std::optional<T> next(std::chrono::milliseconds timeout = 3000ms)
    {
        std::unique_lock lock(mu_);
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (true) {
            while (!events_.empty()) {
                usb::HostEvent e = std::move(events_.front());
                events_.pop_front();
                if (auto* t = std::get_if<T>(&e))
                    return *t;
            }
            if (cv_.wait_until(lock, until) == std::cv_status::timeout && events_.empty())
                return std::nullopt;
        }
    }

private:
    std::mutex mu_;
    std::condition_variable cv_;
    std::deque<usb::HostEvent> events_;
};

// A device no rule knows: vendor-specific class.
class UnknownSim final : public sim::UsbDevice {
public:
    sim::DeviceIds ids() const override { return {0x1234, 0xABCD, 0x0100}; }
    std::vector<sim::Interface> interfaces() const override
    {
        return {sim::Interface{0xFF, 0, 0, {sim::Endpoint{0x01, sim::kBulk, 64, 0}}}};
    }
    void receive(std::uint8_t, std::span<const std::uint8_t>) override {}
    std::vector<std::uint8_t> send(std::uint8_t, std::size_t) override { return {}; }
};

struct Host {
    test::UsbTestbed bed;
    std::shared_ptr<sim::ReceiptPrinterSim> printer = std::make_shared<sim::ReceiptPrinterSim>();
    std::string printer_path = bed.plug(printer);
    Events events;
    std::unique_ptr<usb::UsbHost> host;

    Host()
    {
        usb::HostOptions o;
        o.rules.assign(usb::known_models().begin(), usb::known_models().end());
        o.rescan_interval = 200ms;
        auto h = usb::UsbHost::start(std::move(o), [this](usb::HostEvent e) { events.push(std::move(e)); });
        REQUIRE_MESSAGE(h, (h ? "" : h.error().message));
        host = std::move(*h);
    }
};

} // namespace

TEST_CASE("a printer present at start is found, matched and opened")
{
    Host h;
    const auto a = h.events.next<usb::Attached>();
    REQUIRE(a);
    CHECK(a->match.role == usb::Role::printer);
    CHECK(a->match.driver == "escpos");
    CHECK(a->info.vendor == 0x0416);

    auto t = h.host->open(a->key);
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    const std::vector<std::uint8_t> status_request{0x10, 0x04, 0x01};
    auto sent = (*t)->write(sim::ReceiptPrinterSim::kOut, status_request, 1000ms);
    REQUIRE(sent);
    CHECK(*sent == 3);
    auto reply = (*t)->read(sim::ReceiptPrinterSim::kIn, 8, 1000ms);
    REQUIRE(reply);
    CHECK(*reply == std::vector<std::uint8_t>{0x12});
    auto id = (*t)->control_in({0xA1, 0, 0, 0}, 256, 1000ms);
    REQUIRE(id);
    CHECK(id->size() > 2);
}

TEST_CASE("an unknown device is reported and never opened")
{
    Host h;
    h.bed.plug(std::make_shared<UnknownSim>());
    const auto u = h.events.next<usb::Unmatched>();
    REQUIRE(u);
    CHECK(u->info.vendor == 0x1234);
}

TEST_CASE("a printer plugged in later is found")
{
    Host h;
    REQUIRE(h.events.next<usb::Attached>());
    h.bed.plug(std::make_shared<sim::ReceiptPrinterSim>());
    const auto a = h.events.next<usb::Attached>();
    REQUIRE(a);
    CHECK(a->match.role == usb::Role::printer);
}

TEST_CASE("timeouts and stalls come back as their own errors, and the device recovers")
{
    Host h;
    const auto a = h.events.next<usb::Attached>();
    REQUIRE(a);
    auto t = h.host->open(a->key);
    REQUIRE(t);
    auto r = (*t)->read(sim::ReceiptPrinterSim::kIn, 8, 50ms);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == usb::Errc::timeout);

    h.bed.stall(h.printer_path, sim::ReceiptPrinterSim::kIn);
    r = (*t)->read(sim::ReceiptPrinterSim::kIn, 8, 500ms);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == usb::Errc::stall);
    REQUIRE((*t)->clear_halt(sim::ReceiptPrinterSim::kIn));
    const std::vector<std::uint8_t> status_request{0x10, 0x04, 0x04};
    REQUIRE((*t)->write(sim::ReceiptPrinterSim::kOut, status_request, 500ms));
    CHECK((*t)->read(sim::ReceiptPrinterSim::kIn, 8, 500ms).has_value());
}

TEST_CASE("unplugging mid-transfer fails the transfer with no-device and reports the device gone")
{
    Host h;
    const auto a = h.events.next<usb::Attached>();
    REQUIRE(a);
    auto t = h.host->open(a->key);
    REQUIRE(t);
    std::thread puller([&] {
        std::this_thread::sleep_for(100ms);
        h.bed.unplug(h.printer_path);
    });
    const auto t0 = std::chrono::steady_clock::now();
    auto r = (*t)->read(sim::ReceiptPrinterSim::kIn, 8, 5000ms);
    puller.join();
    REQUIRE_FALSE(r);
    CHECK(r.error().code == usb::Errc::no_device);
    CHECK(std::chrono::steady_clock::now() - t0 < 3s);
    const auto d = h.events.next<usb::Detached>();
    REQUIRE(d);
    CHECK(d->key == a->key);
    CHECK(h.host->open(a->key).error().code == usb::Errc::no_device);

    // Plugged back in, it is found again at a new address.
    h.bed.plug(std::make_shared<sim::ReceiptPrinterSim>());
    const auto again = h.events.next<usb::Attached>();
    REQUIRE(again);
    CHECK_FALSE(again->key == a->key);
}

TEST_CASE("a kernel driver holding the interface is detached on open and given back on close")
{
    Host h;
    h.bed.bind_kernel_driver(h.printer_path, 0, "usblp");
    const auto a = h.events.next<usb::Attached>();
    REQUIRE(a);
    auto t = a->open();
    REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
    CHECK_FALSE(h.bed.kernel_driver(h.printer_path, 0));
    const std::vector<std::uint8_t> status_request{0x10, 0x04, 0x01};
    CHECK((*t)->write(sim::ReceiptPrinterSim::kOut, status_request, 1000ms));
    t->reset();
    CHECK(h.bed.kernel_driver(h.printer_path, 0) == "usblp");
}
