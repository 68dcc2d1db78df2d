// Tests of a peripheral role's port and the hub that fills ports, on the in-process attachment:
// jobs run in order, survive unplugging and faults, and run again on replug.
#include "device_hub.hpp"
#include "receipt_printer_sim.hpp"
#include "sim_transport.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <mutex>

using namespace hk;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

template <typename T> usb::Result<void> drop_value(const usb::Result<T>& r)
{
    if (r)
        return {};
    return std::unexpected(r.error());
}

const std::vector<std::uint8_t> kPaperStatus{0x10, 0x04, 0x04};

// A printer on a cable, with openers that give the port a transport to it.
struct Bench {
    std::shared_ptr<sim::ReceiptPrinterSim> printer = std::make_shared<sim::ReceiptPrinterSim>();
    std::shared_ptr<sim::SimCable> cable = std::make_shared<sim::SimCable>();
    std::mutex mu;
    std::vector<usb::PortStatus> seen;

    usb::Opener opener()
    {
        return [p = printer, c = cable]() -> usb::Result<std::unique_ptr<usb::Transport>> {
            return std::make_unique<sim::SimTransport>(p, c);
        };
    }
    usb::DevicePort::ChangeHandler recorder()
    {
        return [this](const usb::PortStatus& s) {
            std::lock_guard lk(mu);
            seen.push_back(s);
        };
    }
    bool saw(usb::DeviceState state)
    {
        std::lock_guard lk(mu);
        return std::ranges::any_of(seen, [&](const usb::PortStatus& s) { return s.state == state; });
    }
};

usb::PortDevice printer_device() { return {"Sim printer", "escpos", {0, 7, 1, 2, {}}}; }

// A job that asks for the paper status, waiting up to `wait` for the answer.
struct StatusJob {
    std::atomic<int> runs{0};
    std::atomic<int> last_attempt{0};
    std::atomic<bool> finished{false};
    std::optional<usb::Result<void>> outcome;
    std::mutex mu;

    usb::Job job(usb::Millis wait = 500ms, std::atomic<bool>* started = nullptr)
    {
        return usb::Job{"paper status",
                        [this, wait, started](usb::Transport& t, int attempt) -> usb::Result<void> {
                            ++runs;
                            last_attempt = attempt;
                            if (started)
                                *started = true;
                            if (auto w = t.write(sim::ReceiptPrinterSim::kOut, kPaperStatus, 500ms); !w)
                                return std::unexpected(w.error());
                            auto r = t.read(sim::ReceiptPrinterSim::kIn, 1, wait);
                            if (!r)
                                return std::unexpected(r.error());
                            return {};
                        },
                        [this](const usb::Result<void>& r) {
                            std::lock_guard lk(mu);
                            outcome = r;
                            finished = true;
                        }};
    }
};

} // namespace

TEST_CASE("a port opens its device, runs a job and counts its transfers")
{
    Bench b;
    usb::DevicePort port(usb::Role::printer, b.recorder());
    CHECK(port.status().state == usb::DeviceState::absent);
    port.attach(printer_device(), b.opener());
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::ready; }));
    CHECK(port.status().model == "Sim printer");
    CHECK(b.saw(usb::DeviceState::opening));

    StatusJob j;
    port.submit(j.job());
    REQUIRE(wait_until([&] { return j.finished.load(); }));
    CHECK(j.outcome->has_value());
    CHECK(j.last_attempt == 1);
    REQUIRE(wait_until([&] { return port.status().pending == 0; }));
    const usb::PortStatus s = port.status();
    CHECK(s.state == usb::DeviceState::ready);
    CHECK(s.counters.transfers == 2);
    CHECK(s.counters.errors == 0);
    CHECK(b.saw(usb::DeviceState::busy));
}

TEST_CASE("a job submitted while the device is absent waits for it")
{
    Bench b;
    usb::DevicePort port(usb::Role::printer, b.recorder());
    StatusJob j;
    port.submit(j.job());
    std::this_thread::sleep_for(30ms);
    CHECK(j.runs == 0);
    CHECK(port.status().pending == 1);
    port.attach(printer_device(), b.opener());
    REQUIRE(wait_until([&] { return j.finished.load(); }));
    CHECK(j.outcome->has_value());
}

TEST_CASE("unplugging mid-transfer leaves the job waiting, and the replug runs it again")
{
    Bench b;
    usb::DevicePort port(usb::Role::printer, b.recorder());
    port.attach(printer_device(), b.opener());
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::ready; }));

    // The printer answers nothing: the read is pending when the cable is pulled.
    b.printer->set_state({.cover_open = false});
    StatusJob j;
    std::atomic<bool> started{false};
    // A read that waits long: only the unplug can end it early.
    usb::Job job = j.job(10'000ms, &started);
    auto first_run = job.run;
    job.run = [&, first_run](usb::Transport& t, int attempt) -> usb::Result<void> {
        if (attempt == 1) {
            started = true;
            ++j.runs;
            j.last_attempt = attempt;
            return drop_value(t.read(sim::ReceiptPrinterSim::kIn, 1, 10'000ms));
        }
        return first_run(t, attempt);
    };
    port.submit(std::move(job));
    REQUIRE(wait_until([&] { return started.load(); }));
    const auto t0 = std::chrono::steady_clock::now();
    b.cable->plugged = false;
    port.detach();
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::absent; }));
    CHECK(std::chrono::steady_clock::now() - t0 < 2s);
    CHECK_FALSE(j.finished);
    CHECK(port.status().pending == 1);
    CHECK(port.status().counters.last_error->code == usb::Errc::no_device);

    b.cable->plugged = true;
    port.attach(printer_device(), b.opener());
    REQUIRE(wait_until([&] { return j.finished.load(); }));
    CHECK(j.outcome->has_value());
    CHECK(j.runs == 2);
    CHECK(j.last_attempt == 2);
    CHECK(port.status().counters.reconnects == 1);
    CHECK(port.status().pending == 0);
}

TEST_CASE("a device that cannot be opened is a fault with the reason, and jobs wait for a good one")
{
    Bench b;
    usb::DevicePort port(usb::Role::printer, b.recorder());
    const std::string hint = "no permission to open /dev/bus/usb/001/004; install the udev rule";
    port.attach(printer_device(), [&]() -> usb::Result<std::unique_ptr<usb::Transport>> {
        return std::unexpected(usb::Error{usb::Errc::access, hint});
    });
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::fault; }));
    CHECK(port.status().problem == hint);
    StatusJob j;
    port.submit(j.job());
    std::this_thread::sleep_for(30ms);
    CHECK(j.runs == 0);
    port.attach(printer_device(), b.opener());
    REQUIRE(wait_until([&] { return j.finished.load(); }));
    CHECK(port.status().problem.empty());
    CHECK(port.status().state == usb::DeviceState::ready);
}

TEST_CASE("a timeout is the job's answer: the job fails and the device stays ready")
{
    Bench b;
    usb::DevicePort port(usb::Role::printer, b.recorder());
    port.attach(printer_device(), b.opener());
    StatusJob j;
    port.submit(usb::Job{"read nothing",
                         [&](usb::Transport& t, int) {
                             return drop_value(t.read(sim::ReceiptPrinterSim::kIn, 1, 20ms));
                         },
                         [&](const usb::Result<void>& r) {
                             std::lock_guard lk(j.mu);
                             j.outcome = r;
                             j.finished = true;
                         }});
    REQUIRE(wait_until([&] { return j.finished.load(); }));
    REQUIRE_FALSE(j.outcome->has_value());
    CHECK(j.outcome->error().code == usb::Errc::timeout);
    REQUIRE(wait_until([&] { return port.status().pending == 0; }));
    CHECK(port.status().state == usb::DeviceState::ready);
    CHECK(port.status().counters.errors == 1);
}

TEST_CASE("an i/o error faults the device and the job runs again after a replug")
{
    Bench b;
    usb::DevicePort port(usb::Role::printer, b.recorder());
    port.attach(printer_device(), b.opener());
    std::atomic<int> runs{0};
    std::atomic<bool> done{false};
    port.submit(usb::Job{"flaky",
                         [&](usb::Transport&, int attempt) -> usb::Result<void> {
                             ++runs;
                             if (attempt == 1)
                                 return std::unexpected(usb::Error{usb::Errc::io, "babble"});
                             return {};
                         },
                         [&](const usb::Result<void>& r) { done = r.has_value(); }});
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::fault; }));
    CHECK(port.status().problem == "babble");
    CHECK(runs == 1);
    port.attach(printer_device(), b.opener());
    REQUIRE(wait_until([&] { return done.load(); }));
    CHECK(runs == 2);
}

TEST_CASE("jobs still waiting when the kiosk stops are told so, once")
{
    std::atomic<int> calls{0};
    std::optional<usb::Errc> code;
    {
        usb::DevicePort port(usb::Role::printer, {});
        port.submit(usb::Job{"never", [](usb::Transport&, int) { return usb::Result<void>{}; },
                             [&](const usb::Result<void>& r) {
                                 ++calls;
                                 if (!r)
                                     code = r.error().code;
                             }});
    }
    CHECK(calls == 1);
    CHECK(code == usb::Errc::no_device);
}

TEST_CASE("the hub gives each role one device, keeps a second in reserve, and lists unknown ones")
{
    Bench b, spare;
    usb::DeviceHub hub({});
    const usb::DeviceInfo info{0x0416, 0x5011, 1, 3, {{0, 7, 1, 2, {{0x01, 2, 64}, {0x82, 2, 64}}}}};
    const usb::Match match{usb::Role::printer, "escpos", "Sim printer", 0};
    hub.attached({{1, 3}, info, match, b.opener()});
    hub.attached({{1, 4}, info, {usb::Role::printer, "escpos", "Spare printer", 0}, spare.opener()});
    auto& port = hub.port(usb::Role::printer);
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::ready; }));
    CHECK(port.status().model == "Sim printer");

    hub.detached({1, 3});
    REQUIRE(wait_until([&] { return port.status().model == "Spare printer"; }));
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::ready; }));
    CHECK(hub.port(usb::Role::idcard).status().state == usb::DeviceState::absent);

    hub.handle(usb::Unmatched{{1, 9}, usb::DeviceInfo{0x1234, 0xABCD, 1, 9, {{0, 0xFF, 0, 0, {}}}}});
    hub.unmatched({{1, 9}, usb::DeviceInfo{0x1234, 0xABCD, 1, 9, {{0, 0xFF, 0, 0, {}}}}});
    CHECK(hub.unknown_devices() == std::vector<std::string>{"1234:abcd (interface class ff/00/00)"});
    CHECK(hub.status().size() == 3);
    hub.close();
    CHECK(hub.status().empty());
    hub.attached({{1, 5}, info, match, b.opener()}); // after close: ignored, no crash
}
