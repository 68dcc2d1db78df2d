// The uplink emptying a full outbox: 10,000 records submitted as the kiosk submits them
// (UplinkService: signed ES256 with the kiosk's identity, durable before submit returns), then the
// kiosk's sync loop sending them to the reference central endpoint, run in this process on the
// loopback over HTTPS (the kiosk registered, every signature and the chain checked, WAL with
// synchronous=FULL on both sides), timed until the outbox is empty. At the end the central side
// must hold exactly those records in one unbroken chain, else the benchmark fails.
//
//   drain_bench [--records N] [--dir PATH]
#include "figures.hpp"

#include "central_store.hpp"
#include "certificate_authority.hpp"
#include "server.hpp"
#include "uplink_service.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <thread>
#include <unistd.h>

using Clock = std::chrono::steady_clock;
using hk::bench::ms;
using hk::bench::percentile;

namespace {

constexpr const char* kKiosk = "kiosk-0412-03";

[[noreturn]] void fail(const std::string& what)
{
    std::fprintf(stderr, "drain_bench: %s\n", what.c_str());
    std::exit(1);
}

template <typename T> T must(hk::Result<T> r, const char* what)
{
    if (!r)
        fail(std::string(what) + ": " + r.error().message);
    return std::move(*r);
}

void must(hk::Result<void> r, const char* what)
{
    if (!r)
        fail(std::string(what) + ": " + r.error().message);
}

std::int64_t now_unix()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A resident's request as the request flow makes one, about 400 bytes of body.
nlohmann::json request_body(int n)
{
    return {{"category", "traffic.streetlight"},
            {"grid", "G-0412-07"},
            {"text", "路灯不亮，晚上回家很黑，请尽快修理。第 " + std::to_string(n) + " 号"},
            {"name", "王小明"},
            {"phone", "13800138000"},
            {"tracking", "R" + std::to_string(100000 + n)},
            {"check", "482913"}};
}

} // namespace

int main(int argc, char** argv)
{
    int records = 10000;
    std::filesystem::path base = std::filesystem::temp_directory_path();
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--records") == 0)
            records = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--dir") == 0)
            base = argv[i + 1];
    }
    spdlog::set_level(spdlog::level::warn); // submit logs a line per record

    std::string pattern = (base / "hk-drain-bench-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        fail("cannot make a folder under " + base.string());
    const std::filesystem::path dir = pattern;
    const auto data = dir / "central";
    must(hk::central::init_authority(data, now_unix()), "central-admin init");

    hk::app::KioskConfig config;
    config.kiosk_id = kKiosk;
    config.central_ca = data / hk::central::kCaCertFile;
    auto uplink = hk::app::UplinkService::open(config, dir / "kiosk");
    if (!uplink->view().accepting)
        fail("the kiosk takes no submissions: " + uplink->view().problem);
    {
        auto central = must(hk::central::CentralStore::open(data), "central database");
        must(central.register_kiosk(kKiosk, uplink->identity()->public_jwk()), "register");
    }

    // Submitting: signature and durable enqueue, one record at a time as residents submit.
    std::vector<double> submit_ms;
    submit_ms.reserve(static_cast<std::size_t>(records));
    const Clock::time_point submit_start = Clock::now();
    for (int n = 1; n <= records; ++n) {
        const Clock::time_point t0 = Clock::now();
        must(uplink->submit("request", request_body(n)), "submit");
        submit_ms.push_back(ms(Clock::now() - t0));
    }
    const double submit_total_ms = ms(Clock::now() - submit_start);

    hk::central::ServerOptions options;
    options.data_dir = data;
    options.catalogue_dir = std::filesystem::path(HK_SOURCE_DIR) / "config" / "central-sample";
    options.allow_unenrolled = true; // the kiosk has no certificate; its records are verified all the same
    auto server = must(hk::central::CentralServer::open(options), "central server");
    std::thread serving([&] { server->run(); });
    config.central_url = "https://127.0.0.1:" + std::to_string(server->port());

    // Draining: from the sync loop's start until the store holds nothing waiting. The look at
    // the store every 10 ms waits its turn on the store's lock like the loop's own calls do.
    const Clock::time_point drain_start = Clock::now();
    uplink->start_sync(config);
    const Clock::time_point give_up = drain_start + std::chrono::minutes(10);
    std::int64_t waiting = records;
    while (waiting > 0 && Clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        waiting = must(uplink->store()->stats(), "stats").waiting;
    }
    const double drain_total_ms = ms(Clock::now() - drain_start);
    const hk::app::UplinkView view = uplink->view();
    uplink.reset(); // stops the sync loop
    server->stop();
    serving.join();
    if (waiting > 0)
        fail(std::to_string(waiting) + " records still waiting after 10 minutes; last error: " + view.last_error);

    // What the central side holds: exactly the records, seqs 1..N, no flag, each id once.
    {
        auto central = must(hk::central::CentralStore::open(data), "central database");
        const auto held = must(central.records(std::string_view(kKiosk)), "records");
        if (held.size() != static_cast<std::size_t>(records))
            fail("the central side holds " + std::to_string(held.size()) + " records, not " + std::to_string(records));
        std::set<std::string> ids;
        for (std::size_t i = 0; i < held.size(); ++i) {
            if (held[i].seq != static_cast<std::int64_t>(i + 1))
                fail("the central side's record " + std::to_string(i) + " has seq " + std::to_string(held[i].seq));
            if (held[i].flag != hk::central::ChainFlag::ok)
                fail("seq " + std::to_string(held[i].seq) + " is flagged " +
                     std::string(hk::central::chain_flag_name(held[i].flag)));
            if (!ids.insert(held[i].id).second)
                fail("id " + held[i].id + " is held twice");
        }
    }
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);

    std::printf("drain_bench: %d ES256 records, kiosk and central side in one process, HTTPS on 127.0.0.1\n", records);
    std::printf("  submit   p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (%.0f records/s, sign + durable enqueue)\n",
                percentile(submit_ms, 0.5), percentile(submit_ms, 0.99), percentile(submit_ms, 1.0),
                1000.0 * records / submit_total_ms);
    std::printf("  drain    %8.0f records/s  (%.2f s from the sync loop's start until the outbox was empty)\n",
                1000.0 * records / drain_total_ms, drain_total_ms / 1000.0);
    if (!view.last_error.empty())
        std::printf("  an upload failed on the way: %s\n", view.last_error.c_str());
    std::printf("  central  %d records held, seqs 1..%d, no chain flag, each id once\n", records, records);
    return 0;
}
