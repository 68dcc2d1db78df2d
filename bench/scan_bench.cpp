// From a scanner's last report to the routed code, for each kind of scanner: the simulated
// scanner (HID POS, keyboard wedge, USB serial) attached in-process through a device port, as in
// demo mode; the scanner device decodes on the device thread and queues the outcome; a consumer
// thread, standing in for the frame loop, waits on the queue, routes the code (ES256 signature
// check, replay guard) and takes the time from ScanEvent::last_report_at. Target: under 5 ms.
// Also the router alone for each kind of code. Prints figures.
//
//   scan_bench [--scans N]
#include "figures.hpp"
#include "memory_replay_guard.hpp"
#include "scan_router.hpp"
#include "scanner_device.hpp"
#include "scanner_sims.hpp"
#include "sim_transport.hpp"
#include "token_signer.hpp"
#include "tracking_code.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>

using namespace hk;
using Clock = std::chrono::steady_clock;
using bench::ms;
using bench::percentile;

namespace {

// The frame loop's queue: the device thread pushes, the loop waits and takes.
struct Queue {
    std::mutex mu;
    std::condition_variable cv;
    std::deque<scanner::ScanOutcome> items;
    void push(scanner::ScanOutcome o)
    {
        {
            std::lock_guard lk(mu);
            items.push_back(std::move(o));
        }
        cv.notify_all();
    }
    std::optional<scanner::ScanOutcome> take(std::chrono::milliseconds timeout)
    {
        std::unique_lock lk(mu);
        if (!cv.wait_for(lk, timeout, [&] { return !items.empty(); }))
            return std::nullopt;
        auto o = std::move(items.front());
        items.pop_front();
        return o;
    }
};

struct Kind {
    const char* name;
    std::shared_ptr<sim::ScannerSim> device;
    usb::PortDevice port;
};

std::vector<usb::EndpointInfo> endpoints_of(const sim::Interface& i)
{
    std::vector<usb::EndpointInfo> out;
    for (const sim::Endpoint& e : i.endpoints)
        out.push_back({e.address, e.attributes, e.max_packet});
    return out;
}

Kind make_kind(const char* name, std::shared_ptr<sim::ScannerSim> device, const char* driver, std::uint8_t number)
{
    const sim::Interface i = device->interfaces()[number];
    return {name, device, {name, driver, {number, i.cls, i.subclass, i.protocol, endpoints_of(i)}}};
}

} // namespace

int main(int argc, char** argv)
{
    int scans = 200;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--scans") == 0)
            scans = std::max(1, std::atoi(argv[i + 1]));
    spdlog::set_level(spdlog::level::err);

    // A central key, a booking pass of today for this hall, and a tracking code.
    codes::PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    const std::int64_t now = app::ScanRouter::system_unix_time();
    const std::vector<codes::Claim> claims{{"id", "P1"},    {"hall", "hall-1"}, {"ref", "BK1"}, {"nbf", std::to_string(now - 60)},
                                           {"exp", std::to_string(now + 3600)}, {"once", "1"}};
    const std::string pass = codes::sign_token(codes::TokenType::pass, claims, "central-1", key.get());
    const std::string tracking =
        codes::format_tracking_qr({codes::make_tracking_number({2026, 12, 1}, 42).value_or(""), "318274"});
    codes::TrustedKeys keys;
    if (auto why = keys.add("central-1", codes::Algorithm::es256, key.get())) {
        std::fprintf(stderr, "scan_bench: %s\n", why->c_str());
        return 1;
    }
    app::ScanRouter router(std::move(keys), "hall-1", std::make_unique<codes::MemoryReplayGuard>(),
                           [now] { return now; });

    std::printf("last scanner report -> routed code, %d scans per scanner, a %zu-byte ES256 booking pass\n", scans,
                pass.size());
    std::printf("  %-16s %9s %9s %9s %9s   (target < 5 ms)\n", "scanner", "p50 ms", "p90 ms", "p99 ms", "max ms");
    std::vector<Kind> kinds;
    kinds.push_back(make_kind("HID POS", std::make_shared<sim::HidPosScannerSim>(), "hidpos", 0));
    kinds.push_back(make_kind("keyboard wedge", std::make_shared<sim::WedgeScannerSim>(), "wedge", 0));
    kinds.push_back(make_kind("USB serial", std::make_shared<sim::SerialScannerSim>(), "serial", 1));
    for (Kind& k : kinds) {
        Queue queue;
        std::unique_ptr<scanner::ScannerDevice> device;
        auto cable = std::make_shared<sim::SimCable>();
        usb::DevicePort port(usb::Role::scanner, [](const usb::PortStatus&) {},
                             [&](usb::Transport& t, const usb::PortDevice& d) -> usb::Result<void> {
                                 auto opened = scanner::ScannerDevice::open(
                                     t, d, [&queue](scanner::ScanOutcome o) { queue.push(std::move(o)); });
                                 if (!opened)
                                     return std::unexpected(opened.error());
                                 device = std::move(*opened);
                                 return {};
                             });
        port.attach(k.port, [&]() {
            return usb::Result<std::unique_ptr<usb::Transport>>(std::make_unique<sim::SimTransport>(k.device, cable));
        });
        std::vector<double> latency;
        for (int i = 0; i < scans + 5; ++i) {
            k.device->scan(pass, "]Q1");
            const auto o = queue.take(std::chrono::seconds(5));
            if (!o || !std::holds_alternative<scanner::ScanEvent>(*o)) {
                std::fprintf(stderr, "scan_bench: the %s scanner gave no code\n", k.name);
                return 1;
            }
            const app::RoutedScan r = router.route(std::get<scanner::ScanEvent>(*o));
            if (!std::holds_alternative<codes::BookingPass>(r.code)) {
                std::fprintf(stderr, "scan_bench: the %s scanner's code was not taken\n", k.name);
                return 1;
            }
            if (i >= 5) // the first few warm up the threads and caches
                latency.push_back(ms(r.latency));
        }
        port.detach();
        device.reset();
        std::printf("  %-16s %9.3f %9.3f %9.3f %9.3f\n", k.name, percentile(latency, 0.5), percentile(latency, 0.9),
                    percentile(latency, 0.99), percentile(latency, 1.0));
    }

    std::printf("the router alone (no device, no queue), %d codes each\n", scans * 10);
    const std::pair<const char*, std::string> codes_to_route[] = {
        {"booking pass", pass},
        {"tracking code", tracking},
        {"not ours", "https://example.org/x"},
        {"forged pass", pass.substr(0, pass.size() - 2) + (pass.back() == 'A' ? "BA" : "AA")},
    };
    for (const auto& [name, code] : codes_to_route) {
        std::vector<double> t;
        for (int i = 0; i < scans * 10; ++i) {
            const scanner::ScanEvent e{code, "]Q1", scanner::ScanEvent::Source::hid_pos, Clock::now()};
            const auto t0 = Clock::now();
            (void)codes::route(e.data, {router.keys(), "hall-1", now, &router.replay_guard()});
            t.push_back(ms(Clock::now() - t0) * 1000.0);
        }
        std::printf("  %-16s p50 %7.1f us  p90 %7.1f us\n", name, percentile(t, 0.5), percentile(t, 0.9));
    }
    return 0;
}
