// Figures of the device layer: one simulated bulk round trip (a printer's real-time status
// request out, its one-byte answer in) through libusb under umockdev, and through the
// in-process attachment used in demo mode; and the latency from a scanner's report to the
// event in the frame loop's queue, both ways. Prints figures; never fails on them.
//
//   usb_bench [--round-trips N] [--scans N]
// It restarts itself with umockdev's preload library when that is not loaded yet.
#include "peripherals.hpp"
#include "receipt_printer_sim.hpp"
#include "sim_transport.hpp"
#include "host_fixture.hpp"
#include "usb_testbed.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unistd.h>
#include <vector>

using namespace hk;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
    double p50_us, p99_us, mean_us;
};

template <class F>
Figures time_round_trips(int n, F&& round_trip)
{
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const auto t0 = Clock::now();
        if (!round_trip()) {
            std::fprintf(stderr, "round trip %d failed\n", i);
            break;
        }
        us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    std::ranges::sort(us);
    double sum = 0;
    for (double v : us)
        sum += v;
    const auto at = [&](double q) { return us.empty() ? 0.0 : us[static_cast<std::size_t>(q * (us.size() - 1))]; };
    return {at(0.5), at(0.99), us.empty() ? 0.0 : sum / static_cast<double>(us.size())};
}

bool round_trip(usb::Transport& t)
{
    static const std::vector<std::uint8_t> request{0x10, 0x04, 0x01};
    if (!t.write(sim::ReceiptPrinterSim::kOut, request, 1000ms))
        return false;
    auto r = t.read(sim::ReceiptPrinterSim::kIn, 8, 1000ms);
    return r && r->size() == 1;
}

void print(const char* what, const Figures& f, int n)
{
    std::printf("%-44s p50 %8.1f us   p99 %8.1f us   mean %8.1f us   (%d round trips)\n", what, f.p50_us, f.p99_us,
                f.mean_us, n);
}

// Times scans from the simulator's scan() to the frame loop's wake-up, which the queue calls
// right after the report is queued.
struct WakeClock {
    std::mutex mu;
    std::condition_variable cv;
    std::optional<Clock::time_point> woke;

    void wake()
    {
        std::lock_guard lk(mu);
        woke = Clock::now();
        cv.notify_all();
    }
    std::optional<Clock::time_point> wait()
    {
        std::unique_lock lk(mu);
        cv.wait_for(lk, 2s, [&] { return woke.has_value(); });
        return std::exchange(woke, std::nullopt);
    }
};

Figures time_scans(int n, app::Peripherals& p, WakeClock& clock, sim::ScannerSim& scanner)
{
    int i = 0;
    return time_round_trips(n, [&] {
        p.take_events();
        clock.woke.reset();
        scanner.scan("SQ-20261123-" + std::to_string(100000 + i++), "]C0");
        const auto woke = clock.wait();
        // time_round_trips measures to its return: the wait's own wake-up is part of it, as
        // the frame loop's would be.
        return woke.has_value();
    });
}

bool wait_ready(app::Peripherals& p, usb::Role role)
{
    for (int i = 0; i < 3000; ++i) {
        if (p.hub().port(role).status().state == usb::DeviceState::ready)
            return true;
        std::this_thread::sleep_for(1ms);
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    const char* preload = std::getenv("LD_PRELOAD");
    if (!preload || !std::strstr(preload, "umockdev")) {
        setenv("LD_PRELOAD", HK_UMOCKDEV_PRELOAD, 1);
        execv("/proc/self/exe", argv);
        std::perror("re-executing with umockdev");
        return 1;
    }
    int n = 2000;
    int scans = 500;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--round-trips") == 0)
            n = std::atoi(argv[i + 1]);
        if (std::strcmp(argv[i], "--scans") == 0)
            scans = std::atoi(argv[i + 1]);
    }
    spdlog::set_level(spdlog::level::warn);

    {
        test::UsbTestbed bed;
        bed.plug(std::make_shared<sim::ReceiptPrinterSim>());
        auto dev = test::open_first({usb::known_models().begin(), usb::known_models().end()});
        if (!dev) {
            std::fprintf(stderr, "%s\n", dev.error().message.c_str());
            return 1;
        }
        auto& t = dev->transport;
        const int ioctls0 = bed.ioctl_count();
        const auto f = time_round_trips(n, [&] { return round_trip(*t); });
        print("bulk round trip, libusb under umockdev:", f, n);
        std::printf("%-44s %.1f usbdevfs requests per round trip\n", "",
                    static_cast<double>(bed.ioctl_count() - ioctls0) / n);
    }
    {
        sim::SimTransport t(std::make_shared<sim::ReceiptPrinterSim>(), std::make_shared<sim::SimCable>());
        const auto f = time_round_trips(n, [&] { return round_trip(t); });
        print("bulk round trip, in-process attachment:", f, n);
    }
    {
        WakeClock clock;
        auto p = app::Peripherals::start(app::default_devices(), true, [&] { clock.wake(); });
        if (!wait_ready(*p, usb::Role::scanner))
            return 1;
        // The demo's own scanner, worked as the demo panel works it.
        int i = 0;
        const auto f = time_round_trips(scans, [&] {
            p->take_events();
            clock.woke.reset();
            const auto t0 = Clock::now();
            p->demo()->scan("SQ-20261123-" + std::to_string(100000 + i++), "]C0");
            const auto woke = clock.wait();
            return woke && *woke >= t0;
        });
        print("scanned code to UI queue, in-process:", f, scans);
    }
    {
        test::UsbTestbed bed;
        auto scanner = std::make_shared<sim::HidPosScannerSim>();
        bed.plug(scanner);
        WakeClock clock;
        auto p = app::Peripherals::start(app::default_devices(), false, [&] { clock.wake(); });
        if (!wait_ready(*p, usb::Role::scanner)) {
            std::fprintf(stderr, "the scanner did not become ready under umockdev\n");
            return 1;
        }
        const auto f = time_scans(scans, *p, clock, *scanner);
        print("scanned code to UI queue, libusb/umockdev:", f, scans);
    }
}
