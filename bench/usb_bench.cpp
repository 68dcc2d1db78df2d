// Figures of the device layer: one simulated bulk round trip (a printer's real-time status
// request out, its one-byte answer in) through libusb under umockdev, and through the
// in-process attachment used in demo mode. Prints figures; never fails on them.
//
//   usb_bench [--round-trips N]
// It restarts itself with umockdev's preload library when that is not loaded yet.
#include "receipt_printer_sim.hpp"
#include "sim_transport.hpp"
#include "host_fixture.hpp"
#include "usb_testbed.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
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
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--round-trips") == 0)
            n = std::atoi(argv[i + 1]);
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
}
