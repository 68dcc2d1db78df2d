// Tests of the kiosk's peripherals in demo mode: the simulators attached in-process through the
// same matching and ports as real devices, and what reaches the frame loop's queue.
#include "peripherals.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <atomic>

using namespace hk;
using namespace hk::app;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

bool all_ready(Peripherals& p)
{
    for (const usb::PortStatus& s : p.hub().status())
        if (s.state != usb::DeviceState::ready)
            return false;
    return true;
}

// Drains the queue until an event of type T that `pred` accepts; bounded.
template <typename T, typename Pred> std::optional<T> next(Peripherals& p, Pred&& pred)
{
    for (int i = 0; i < 300; ++i) {
        for (DeviceEvent& e : p.take_events())
            if (auto* t = std::get_if<T>(&e); t && pred(*t))
                return *t;
        p.wait_for_event(10ms);
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("in demo mode the three simulated devices are matched, opened and ready")
{
    std::atomic<int> wakes{0};
    auto p = Peripherals::start(default_devices(), true, [&] { ++wakes; });
    REQUIRE(p->demo());
    REQUIRE(wait_until([&] { return all_ready(*p); }));
    const auto status = p->hub().status();
    CHECK(status[0].model == "Winbond-based 58/80 mm POS printer");
    CHECK(status[1].model == "SAM ID card reader (vendor bulk)");
    CHECK(status[2].model == "HID POS barcode scanner");
    CHECK(wakes > 0);
    CHECK(p->hub().unknown_devices().empty());
}

TEST_CASE("a scan in demo mode reaches the frame loop's queue as one decoded code")
{
    auto p = Peripherals::start(default_devices(), true, {});
    REQUIRE(wait_until([&] { return all_ready(*p); }));
    p->take_events();
    const std::string code = "HKT1.26120100000421.318274 " + std::string(80, 'x'); // two HID POS reports
    const auto before = std::chrono::steady_clock::now();
    p->demo()->scan(code, "]Q1");
    const auto r = next<Scanned>(*p, [](const Scanned&) { return true; });
    REQUIRE(r);
    const auto* scan = std::get_if<scanner::ScanEvent>(&r->outcome);
    REQUIRE(scan);
    CHECK(scan->data == code);
    CHECK(scan->aim_id == "]Q1");
    CHECK(scan->source == scanner::ScanEvent::Source::hid_pos);
    CHECK(scan->last_report_at >= before);
    CHECK(p->hub().port(usb::Role::scanner).status().counters.transfers == 2);
}

TEST_CASE("a scan the demo scanner cuts off reaches the queue as a problem, and the next scan whole")
{
    auto p = Peripherals::start(default_devices(), true, {});
    REQUIRE(wait_until([&] { return all_ready(*p); }));
    p->take_events();
    p->demo()->scan(std::string(120, 'A'), "]Q1", true);
    const auto lost = next<Scanned>(*p, [](const Scanned&) { return true; });
    REQUIRE(lost);
    CHECK(std::holds_alternative<scanner::ScanProblem>(lost->outcome));
    p->demo()->scan("HELLO", "]Q1");
    const auto whole = next<Scanned>(*p, [](const Scanned&) { return true; });
    REQUIRE(whole);
    const auto* scan = std::get_if<scanner::ScanEvent>(&whole->outcome);
    REQUIRE(scan);
    CHECK(scan->data == "HELLO"); // not glued to what was left of the first
}

TEST_CASE("unplugging and plugging back a demo device is seen as a real one would be")
{
    auto p = Peripherals::start(default_devices(), true, {});
    REQUIRE(wait_until([&] { return all_ready(*p); }));
    p->demo()->set_plugged(usb::Role::printer, false);
    CHECK_FALSE(p->demo()->plugged(usb::Role::printer));
    REQUIRE(next<DeviceChanged>(*p, [](const DeviceChanged& c) {
        return c.status.role == usb::Role::printer && c.status.state == usb::DeviceState::absent;
    }));
    p->demo()->set_plugged(usb::Role::printer, true);
    const auto back = next<DeviceChanged>(*p, [](const DeviceChanged& c) {
        return c.status.role == usb::Role::printer && c.status.state == usb::DeviceState::ready;
    });
    REQUIRE(back);
    CHECK(back->status.counters.reconnects == 1);

    // An unplugged scanner's scans go nowhere, and listening starts again after the replug.
    p->demo()->set_plugged(usb::Role::scanner, false);
    REQUIRE(wait_until([&] { return p->hub().port(usb::Role::scanner).status().state == usb::DeviceState::absent; }));
    p->demo()->set_plugged(usb::Role::scanner, true);
    REQUIRE(wait_until([&] { return p->hub().port(usb::Role::scanner).status().state == usb::DeviceState::ready; }));
    p->take_events();
    p->demo()->scan("HELLO", "]Q1");
    CHECK(next<Scanned>(*p, [](const Scanned&) { return true; }));
}

TEST_CASE("a demo device no rule matches is listed as unknown and never opened")
{
    DevicesConfig only_printer;
    only_printer.rules = {{usb::Role::printer, "escpos", "Printer", 0x0416, 0x5011, {}, {}, {}}};
    auto p = Peripherals::start(only_printer, true, {});
    REQUIRE(wait_until([&] { return p->hub().port(usb::Role::printer).status().state == usb::DeviceState::ready; }));
    CHECK(p->hub().port(usb::Role::scanner).status().state == usb::DeviceState::absent);
    CHECK(p->hub().unknown_devices() == std::vector<std::string>{"0400:c35a (interface class ff/00/00)",
                                                                 "05e0:1300 (interface class 03/00/00)"});
}
