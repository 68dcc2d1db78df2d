// The outbox's figures: durable enqueue latency (one immediate transaction, AES-GCM sealing,
// commit with synchronous=FULL; a stand-in signer that costs nothing) for a realistic 1.5 KB
// JWS, and draining: waiting() in batches, marked a batch at a time as the sync loop will, and
// a record at a time to compare. The state folder is a fresh one under --dir (default /tmp); its
// filesystem is named, since fsync cost is mostly the disk's. Prints figures.
//
//   store_bench [--records N] [--jws-bytes N] [--batch N] [--dir PATH]
#include "figures.hpp"
#include "store.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

using namespace hk;
using namespace hk::store;
using Clock = std::chrono::steady_clock;
using bench::ms;
using bench::percentile;

namespace {

// The filesystem type of the mount that holds `p`, from /proc/self/mounts (longest prefix).
std::string filesystem_of(const std::filesystem::path& p)
{
    std::ifstream mounts("/proc/self/mounts");
    std::string line;
    std::string best_at;
    std::string best_type = "unknown";
    const std::string path = std::filesystem::weakly_canonical(p).string();
    while (std::getline(mounts, line)) {
        std::istringstream fields(line);
        std::string device, at, type;
        fields >> device >> at >> type;
        const bool under = path == at || at == "/" || path.starts_with(at + "/");
        if (under && at.size() >= best_at.size()) {
            best_at = at;
            best_type = type + " (" + device + " on " + at + ")";
        }
    }
    return best_type;
}

std::string stand_in_jws(const Slot& s, std::size_t size)
{
    std::string jws = "eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.{\"id\":\"" + std::string(s.id) +
                      "\",\"seq\":" + std::to_string(s.seq) + ",\"prev\":\"" + std::string(s.prev_hash) + "\"}.";
    jws.resize(size, 'x');
    return jws;
}

} // namespace

int main(int argc, char** argv)
{
    int records = 2000;
    std::size_t jws_bytes = 1500;
    std::size_t batch = 100;
    std::filesystem::path base = "/tmp";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--records") == 0)
            records = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--jws-bytes") == 0)
            jws_bytes = static_cast<std::size_t>(std::max(200, std::atoi(argv[i + 1])));
        else if (std::strcmp(argv[i], "--batch") == 0)
            batch = static_cast<std::size_t>(std::max(1, std::atoi(argv[i + 1])));
        else if (std::strcmp(argv[i], "--dir") == 0)
            base = argv[i + 1];
    }
    spdlog::set_level(spdlog::level::warn);

    std::string pattern = (base / "hk-store-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        std::perror("store_bench: mkdtemp");
        return 1;
    }
    const std::filesystem::path dir = pattern;
    StoreOptions options;
    options.dir = dir / "state";
    std::array<std::uint8_t, 32> key{};
    key.fill(0x42);
    auto opened = Store::open(options, key);
    if (!opened) {
        std::fprintf(stderr, "store_bench: %s\n", opened.error().message.c_str());
        return 1;
    }
    Store& store = **opened;
    const MakeJws make = [&](const Slot& s) -> Result<std::string> { return stand_in_jws(s, jws_bytes); };

    std::vector<double> enqueue_ms;
    enqueue_ms.reserve(static_cast<std::size_t>(records));
    const Clock::time_point enqueue_start = Clock::now();
    for (int i = 0; i < records; ++i) {
        const Clock::time_point t0 = Clock::now();
        if (auto e = store.enqueue("request", make); !e) {
            std::fprintf(stderr, "store_bench: enqueue %d: %s\n", i, e.error().message.c_str());
            return 1;
        }
        enqueue_ms.push_back(ms(Clock::now() - t0));
    }
    const double enqueue_total = ms(Clock::now() - enqueue_start);

    // Draining twice: as the sync loop should (one mark per batch, one transaction), and one
    // transaction per record, to show what batching buys. The second half of the records each.
    struct Drain {
        int records = 0;
        double total_ms = 0;
        std::vector<double> batch_ms;
    };
    const auto drain = [&](bool batched, int at_most) -> std::optional<Drain> {
        Drain d;
        const Clock::time_point start = Clock::now();
        while (d.records < at_most) {
            const Clock::time_point t0 = Clock::now();
            auto w = store.waiting(std::min(batch, static_cast<std::size_t>(at_most - d.records)));
            if (!w || w->empty()) {
                if (!w)
                    std::fprintf(stderr, "store_bench: waiting: %s\n", w.error().message.c_str());
                return w ? std::optional(d) : std::nullopt;
            }
            std::vector<Answer> answers;
            for (const OutboxRecord& r : *w)
                answers.push_back(Answer{r.id, Ack::accepted, {}});
            Result<void> m;
            if (batched)
                m = store.mark(answers);
            else
                for (const Answer& a : answers)
                    if (m = store.mark(a.id, a.ack); !m)
                        break;
            if (!m) {
                std::fprintf(stderr, "store_bench: mark: %s\n", m.error().message.c_str());
                return std::nullopt;
            }
            d.records += static_cast<int>(answers.size());
            d.batch_ms.push_back(ms(Clock::now() - t0));
        }
        d.total_ms = ms(Clock::now() - start);
        return d;
    };
    const auto batched = drain(true, records / 2);
    const auto single = drain(false, records - records / 2);
    if (!batched || !single || batched->batch_ms.empty() || single->batch_ms.empty())
        return 1;
    opened->reset();
    const auto db_bytes = std::filesystem::file_size(options.dir / Store::kFileName);
    std::filesystem::remove_all(dir);

    std::printf("outbox store, %d records of a %zu-byte JWS, state folder %s\n", records, jws_bytes,
                options.dir.c_str());
    std::printf("  filesystem      %s\n", filesystem_of(base).c_str());
    std::printf("  durable enqueue p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%.0f records/s)\n",
                percentile(enqueue_ms, 0.5), percentile(enqueue_ms, 0.99), percentile(enqueue_ms, 1.0),
                1000.0 * records / enqueue_total);
    for (const auto& [what, d] : {std::pair{"drain, batch mark ", &*batched}, std::pair{"drain, mark each  ", &*single}})
        std::printf("  %s %d records, waiting(%zu): %6.0f records/s; one batch p50 %6.1f ms  p99 %6.1f ms\n", what,
                    d->records, batch, 1000.0 * d->records / d->total_ms, percentile(d->batch_ms, 0.5),
                    percentile(d->batch_ms, 0.99));
    std::printf("  database file   %.1f KiB after the drain, closed\n", static_cast<double>(db_bytes) / 1024.0);
    return 0;
}
