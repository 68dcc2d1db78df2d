// From "card placed" to the CardRead event in the frame loop's queue, with the simulated module
// taking the time a real one takes (find 25, select 20, read 650, appended address 90, others
// 10 ms). The total splits into: waiting for the next presence poll (the poll interval), the
// module's own time, and the rest, the kiosk's overhead (USB transfers, frame decoding, parsing,
// queueing), which has a target of under 20 ms. In-process attachment, as in demo mode. Cards are
// placed at random moments so the wait for the poll is sampled fairly. Prints figures.
//
//   card_bench [--reads N]
#include "card_reader.hpp"
#include "figures.hpp"
#include "idcard_reader_sim.hpp"
#include "sim_transport.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <random>
#include <string>

using namespace hk;
using Clock = std::chrono::steady_clock;
using bench::ms;
using bench::percentile;

int main(int argc, char** argv)
{
    int reads = 20;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--reads") == 0)
            reads = std::max(1, std::atoi(argv[i + 1]));
    spdlog::set_level(spdlog::level::warn);

    const sim::ModuleTiming timing = sim::ModuleTiming::realistic();
    auto reader = std::make_shared<sim::IdCardReaderSim>(sim::IdCardReaderSim::Link::vendor_bulk, timing);
    auto cable = std::make_shared<sim::SimCable>();

    std::mutex mu;
    std::condition_variable cv;
    std::uint64_t seen_reads = 0;
    Clock::time_point read_at;
    app::CardReader cards([&](const app::CardView& v) {
        std::lock_guard lk(mu);
        if (v.reads != seen_reads) {
            seen_reads = v.reads;
            read_at = Clock::now();
            cv.notify_all();
        }
    });
    usb::DevicePort port(usb::Role::idcard, [](const usb::PortStatus&) {},
                         [&](usb::Transport& t, const usb::PortDevice& d) { return cards.on_open(t, d); });
    cards.attach(port);
    port.attach({"SAM reader", "sam", {0, 0xFF, 0, 0, {{0x02, 2, 64}, {0x81, 2, 64}}}},
                [&]() { return usb::Result<std::unique_ptr<usb::Transport>>(std::make_unique<sim::SimTransport>(reader, cable)); });

    const sim::ResidentFields person{"陈美玲", '2', "01", "19920304", "广东省深圳市福田区示例路5号",
                                     "440304199203040024", "深圳市公安局福田分局", "20200101", "长期"};
    std::vector<double> total, poll_wait, module, overhead;
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> jitter(0, 299);
    for (int i = 0; i < reads; ++i) {
        reader->take_away();
        // The reader sees it gone; then the card comes at a random moment of the poll cycle.
        std::this_thread::sleep_for(std::chrono::milliseconds(400 + jitter(rng)));
        const std::size_t before = reader->commands().size();
        cards.want_card();
        std::uint64_t expect = 0;
        {
            std::lock_guard lk(mu);
            expect = seen_reads + 1;
        }
        const Clock::time_point placed = Clock::now();
        reader->place(sim::resident_card(person));
        std::unique_lock lk(mu);
        if (!cv.wait_for(lk, std::chrono::seconds(5), [&] { return seen_reads >= expect; })) {
            std::fprintf(stderr, "card_bench: no read within 5 s\n");
            return 1;
        }
        const auto codes = reader->commands();
        const auto times = reader->command_times();
        // The first command after placing that found the card starts the module's work.
        std::size_t first = before;
        while (first < times.size() && times[first] < placed)
            ++first;
        double module_ms = 0;
        for (std::size_t k = first; k < codes.size(); ++k)
            module_ms += ms(timing.of(static_cast<std::uint8_t>(codes[k] >> 8), static_cast<std::uint8_t>(codes[k] & 0xFF)));
        if (std::getenv("HK_BENCH_TRACE"))
            for (std::size_t k = first; k < codes.size(); ++k)
                std::fprintf(stderr, "  %04X at %+.1f ms\n", codes[k], ms(times[k] - placed));
        const double t = ms(read_at - placed);
        const double wait = first < times.size() ? ms(times[first] - placed) : 0;
        total.push_back(t);
        poll_wait.push_back(wait);
        module.push_back(module_ms);
        overhead.push_back(t - wait - module_ms);
    }
    cards.stop();
    std::printf("card placed -> CardRead event, %d reads, in-process, realistic module timing\n", reads);
    std::printf("  total           p50 %7.1f ms  p90 %7.1f ms\n", percentile(total, 0.5), percentile(total, 0.9));
    std::printf("  waiting for poll p50 %6.1f ms  p90 %7.1f ms  (poll every 300 ms)\n", percentile(poll_wait, 0.5),
                percentile(poll_wait, 0.9));
    std::printf("  module's time   p50 %7.1f ms\n", percentile(module, 0.5));
    std::printf("  kiosk overhead  p50 %7.1f ms  p90 %7.1f ms  max %6.1f ms  (target < 20 ms)\n",
                percentile(overhead, 0.5), percentile(overhead, 0.9), percentile(overhead, 1.0));
    return 0;
}
