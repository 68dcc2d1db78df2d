// The reference central endpoint taking 10,000 ES256 request records (each a resident's request,
// read member by member and opened) from one kiosk over HTTPS on the loopback, in batches of 100
// on one kept-alive connection: records per second and batch latencies, first as new records and
// then the same again as duplicates.
#include "figures.hpp"

#include "central_store.hpp"
#include "certificate_authority.hpp"
#include "record.hpp"
#include "record_intake.hpp"
#include "server.hpp"
#include "tracking_code.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

namespace {

constexpr int kRecords = 10000;
constexpr int kBatch = 100;

std::int64_t now_unix()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

template <typename T> T must(hk::Result<T> r, const char* what)
{
    if (!r) {
        std::fprintf(stderr, "central_bench: %s: %s\n", what, r.error().message.c_str());
        std::exit(1);
    }
    return std::move(*r);
}

// Uploads every batch; false when an answer is not 200 with `expected` for each record.
bool drain(httplib::SSLClient& client, const std::vector<std::string>& bodies, const char* expected,
           std::vector<double>& batch_ms)
{
    for (const auto& body : bodies) {
        const auto start = std::chrono::steady_clock::now();
        auto r = client.Post("/v1/records", body, "application/json");
        batch_ms.push_back(hk::bench::ms(std::chrono::steady_clock::now() - start));
        if (!r || r->status != 200)
            return false;
        const auto answer = nlohmann::json::parse(r->body);
        for (const auto& result : answer.at("results"))
            if (result.at("status") != expected)
                return false;
    }
    return true;
}

} // namespace

int main()
{
    std::string pattern = (std::filesystem::temp_directory_path() / "hk-central-bench-XXXXXX").string();
    const std::filesystem::path dir = ::mkdtemp(pattern.data());
    const auto data = dir / "data";
    if (auto r = hk::central::init_authority(data, now_unix()); !r) {
        std::fprintf(stderr, "central_bench: init: %s\n", r.error().message.c_str());
        return 1;
    }

    auto identity =
        must(hk::uplink::DeviceIdentity::load_or_create(dir / "kiosk", hk::uplink::KeyAlg::es256), "identity");
    {
        auto store = must(hk::central::CentralStore::open(data), "database");
        must(store.register_kiosk("kiosk-0412-03", identity.public_jwk()), "register");
    }

    std::vector<std::string> bodies;
    std::string prev;
    nlohmann::json batch = nlohmann::json::array();
    for (int seq = 1; seq <= kRecords; ++seq) {
        hk::uplink::RecordHeader h{hk::uplink::new_record_id(), "kiosk-0412-03", seq, prev, "request",
                                   "2026-03-01T08:30:00Z"};
        const nlohmann::json body = {
            {"tracking", hk::codes::make_tracking_number({2026, 3, 1}, static_cast<std::uint32_t>(seq)).value()},
            {"check", "482913"},
            {"hall", "demo-hall-001"},
            {"category", "traffic.streetlight"},
            {"place", {{"kind", "community"}, {"community", "C-0412"}, {"grid", "G-0412-07"}}},
            {"description", "路灯不亮，晚上很黑"},
            {"lang", "zh-Hans"},
            {"reporter", {{"kind", "anonymous"}}},
            {"filed_at", "2026-03-01T08:30:00Z"}};
        std::string jws = must(hk::uplink::make_record(identity, h, body), "record");
        prev = must(hk::uplink::verify_record(jws, identity.key()), "verify").hash_hex;
        batch.push_back(std::move(jws));
        if (batch.size() == kBatch) {
            bodies.push_back(nlohmann::json{{"kiosk", "kiosk-0412-03"}, {"records", batch}}.dump());
            batch = nlohmann::json::array();
        }
    }

    // What verification alone costs, for comparison with the figures over HTTPS.
    {
        const auto start = std::chrono::steady_clock::now();
        for (const auto& body : bodies) {
            const auto envelope = nlohmann::json::parse(body);
            for (const auto& jws : envelope.at("records"))
                must(hk::uplink::verify_record(jws.get<std::string>(), identity.public_jwk()), "verify");
        }
        const double s = hk::bench::ms(std::chrono::steady_clock::now() - start) / 1000.0;
        std::printf("verify_record alone (JWK key): %.0f records/s\n", kRecords / s);
    }
    // The intake without HTTP and TLS: envelope, verification, chain, SQLite, in a database of its own.
    {
        auto store = must(hk::central::CentralStore::open(dir / "direct"), "database");
        must(store.register_kiosk("kiosk-0412-03", identity.public_jwk()), "register");
        const auto catalogue =
            must(hk::central::Catalogue::load(std::filesystem::path(HK_SOURCE_DIR) / "config" / "central-sample"),
                 "catalogue");
        const auto residents = must(hk::central::ResidentKeys::open(dir / "direct"), "resident secret");
        const hk::central::Intake intake{store, catalogue, residents};
        const auto start = std::chrono::steady_clock::now();
        for (const auto& body : bodies)
            must(hk::central::take_records(intake, must(hk::central::parse_envelope(body), "envelope"),
                                           "2026-03-01T08:31:00Z"),
                 "take");
        const double s = hk::bench::ms(std::chrono::steady_clock::now() - start) / 1000.0;
        std::printf("take_records without HTTP: %.0f records/s\n", kRecords / s);
    }

    hk::central::ServerOptions options;
    options.data_dir = data;
    options.catalogue_dir = std::filesystem::path(HK_SOURCE_DIR) / "config" / "central-sample";
    options.allow_unenrolled = true;
    auto server = must(hk::central::CentralServer::open(options), "server");
    std::thread serving([&] { server->run(); });

    httplib::SSLClient client("127.0.0.1", server->port());
    client.set_ca_cert_path((data / hk::central::kCaCertFile).string());
    client.enable_server_certificate_verification(true);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true); // as libcurl does by default
    client.set_read_timeout(60);

    std::printf("central_bench: %d ES256 records in batches of %d over HTTPS on 127.0.0.1, one connection\n", kRecords,
                kBatch);
    std::printf("database in %s (WAL, synchronous=FULL)\n", data.c_str());
    for (const char* expected : {"accepted", "duplicate"}) {
        std::vector<double> batch_ms;
        const auto start = std::chrono::steady_clock::now();
        const bool ok = drain(client, bodies, expected, batch_ms);
        const double total_s = hk::bench::ms(std::chrono::steady_clock::now() - start) / 1000.0;
        if (!ok) {
            std::printf("%-10s an upload was not answered as expected\n", expected);
            break;
        }
        std::printf("%-10s %8.0f records/s   batch p50 %6.1f ms  p99 %6.1f ms  worst %6.1f ms\n", expected,
                    kRecords / total_s, hk::bench::percentile(batch_ms, 0.5), hk::bench::percentile(batch_ms, 0.99),
                    hk::bench::percentile(batch_ms, 1.0));
    }

    server->stop();
    serving.join();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}
