// What the central tests share: a district CA in a scratch folder, the server running in-process
// on an ephemeral port, HTTPS clients that trust the CA, and kiosks that sign chains of records.
#pragma once

#include "central_store.hpp"
#include "certificate_authority.hpp"
#include "record.hpp"
#include "resident_key.hpp"
#include "server.hpp"
#include "tracking_code.hpp"
#include "uplink_support.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace hk::central::test {

using uplink::test::ScratchDir;

inline std::int64_t now_unix()
{
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

inline std::filesystem::path sample_catalogue()
{
    return std::filesystem::path(HK_SOURCE_DIR) / "config" / "central-sample";
}

// The items of the sample catalogue file `name`.json.
inline nlohmann::json sample_items(const std::string& name)
{
    return nlohmann::json::parse(std::ifstream(sample_catalogue() / (name + ".json")));
}

inline Catalogue loaded_sample()
{
    auto c = Catalogue::load(sample_catalogue());
    if (!c)
        throw std::runtime_error(c.error().message);
    return std::move(*c);
}

// The secret residents are known by in `data_dir` (made there when missing).
inline ResidentKeys residents_of(const std::filesystem::path& data_dir)
{
    auto r = ResidentKeys::open(data_dir);
    if (!r)
        throw std::runtime_error(r.error().message);
    return std::move(*r);
}

// The tracking number of the `sequence`-th request of 1 March 2026.
inline std::string tracking_number(std::uint32_t sequence)
{
    return codes::make_tracking_number({2026, 3, 1}, sequence).value();
}

// A request body as a kiosk files it: anonymous, in a community grid of the sample catalogue,
// under traffic.streetlight (a response time of 24 hours).
inline nlohmann::json request_body(const std::string& tracking, const std::string& check = "482913")
{
    return {{"tracking", tracking},
            {"check", check},
            {"hall", "demo-hall-001"},
            {"category", "traffic.streetlight"},
            {"place", {{"kind", "community"}, {"community", "C-0412"}, {"grid", "G-0412-07"}, {"detail", "彩田路口"}}},
            {"description", "路灯不亮，晚上很黑"},
            {"phrases", {"streetlight.out"}},
            {"lang", "zh-Hans"},
            {"reporter", {{"kind", "anonymous"}}},
            {"filed_at", "2026-03-01T08:30:00Z"}};
}

// The same filed by a named reporter, with consent.
inline nlohmann::json named_request_body(const std::string& tracking, const std::string& check = "482913")
{
    nlohmann::json body = request_body(tracking, check);
    body["reporter"] = {
        {"kind", "named"}, {"name", "张小三"}, {"id_number", "11010519491231002X"}, {"phone", "13812345678"}};
    body["consent"] = {{"version", "2026-01"}, {"at", "2026-03-01T08:29:40Z"}};
    return body;
}

// The body of an audit record: a staff action at a kiosk of the demo hall, by default the
// technician of the sample staff catalogue opening the devices page.
inline nlohmann::json audit_body(const std::string& action = "page", const std::string& detail = "devices",
                                 const std::string& staff = "T0007", const std::string& role = "tech",
                                 const std::string& result = "ok")
{
    return {{"hall", "demo-hall-001"}, {"staff", staff},   {"role", role},
            {"action", action},        {"result", result}, {"detail", detail}};
}

// A kiosk with its own identity that signs its records one after another, as the kiosk does.
class TestKiosk {
public:
    TestKiosk(const ScratchDir& dir, std::string id, uplink::KeyAlg alg = uplink::KeyAlg::es256)
        : id_(std::move(id)), state_dir_(dir.path() / ("kiosk-" + id_)), alg_(alg),
          identity_(make_identity(state_dir_, alg))
    {
    }
    const std::string& id() const { return id_; }
    const uplink::DeviceIdentity& identity() const { return identity_; }
    // Where the kiosk keeps its identity (the state folder of DeviceIdentity::load_or_create).
    const std::filesystem::path& state_dir() const { return state_dir_; }
    // Loads the identity again, as the kiosk does when it starts (a pending key whose certificate
    // is installed takes over); the chain goes on where it was.
    void restart() { identity_ = make_identity(state_dir_, alg_); }

    // The record at `seq` after the record whose hash is `prev`; the chain is not advanced.
    std::string record_at(std::int64_t seq, const std::string& prev, const nlohmann::json& body,
                          const std::string& type = "audit", const std::string& kiosk = "") const
    {
        uplink::RecordHeader h{uplink::new_record_id(), kiosk.empty() ? id_ : kiosk, seq, prev, type, at_};
        auto jws = uplink::make_record(identity_, h, body);
        if (!jws)
            throw std::runtime_error(jws.error().message);
        return *jws;
    }
    // The next record of this kiosk's chain; by default a staff audit event, which the central
    // side keeps without checking it against anything else.
    std::string next(const nlohmann::json& body = audit_body(), const std::string& type = "audit")
    {
        std::string jws = record_at(seq_ + 1, prev_, body, type);
        ++seq_;
        prev_ = hash_of(jws);
        return jws;
    }
    // The `at` of the records made from now on (RFC 3339 UTC).
    void set_time(std::string at) { at_ = std::move(at); }
    std::string hash_of(const std::string& jws) const
    {
        auto v = uplink::verify_record(jws, identity_.key());
        if (!v)
            throw std::runtime_error(v.error().message);
        return v->hash_hex;
    }

private:
    static uplink::DeviceIdentity make_identity(const std::filesystem::path& dir, uplink::KeyAlg alg)
    {
        auto id = uplink::DeviceIdentity::load_or_create(dir, alg);
        if (!id)
            throw std::runtime_error(id.error().message);
        return std::move(*id);
    }

    std::string id_;
    std::filesystem::path state_dir_;
    uplink::KeyAlg alg_;
    uplink::DeviceIdentity identity_;
    std::int64_t seq_ = 0;
    std::string prev_;
    std::string at_ = "2026-03-01T08:30:00Z";
};

// A data folder with the CA made, and the server on it once start() is called.
class RunningCentral {
public:
    explicit RunningCentral(bool allow_unenrolled = true, std::size_t max_body_bytes = kMaxBodyBytes,
                            Clock clock = {}, std::filesystem::path catalogue_dir = sample_catalogue())
    {
        if (auto r = init_authority(dir_.path() / "data", now_unix()); !r)
            throw std::runtime_error(r.error().message);
        options_.data_dir = dir_.path() / "data";
        options_.catalogue_dir = std::move(catalogue_dir);
        options_.allow_unenrolled = allow_unenrolled;
        options_.max_body_bytes = max_body_bytes;
        options_.clock = std::move(clock);
        auto server = CentralServer::open(options_);
        if (!server)
            throw std::runtime_error(server.error().message);
        server_ = std::move(*server);
        thread_ = std::thread([this] { server_->run(); });
    }
    ~RunningCentral()
    {
        server_->stop();
        thread_.join();
    }
    RunningCentral(const RunningCentral&) = delete;
    RunningCentral& operator=(const RunningCentral&) = delete;

    const ScratchDir& scratch() const { return dir_; }
    std::filesystem::path data_dir() const { return options_.data_dir; }
    std::string ca_file() const { return (options_.data_dir / kCaCertFile).string(); }
    int port() const { return server_->port(); }

    // A connection of its own to the server's database, as central-admin opens one.
    CentralStore store() const
    {
        auto s = CentralStore::open(options_.data_dir);
        if (!s)
            throw std::runtime_error(s.error().message);
        return std::move(*s);
    }
    void register_kiosk(const TestKiosk& kiosk) const
    {
        auto s = store();
        if (auto r = s.register_kiosk(kiosk.id(), kiosk.identity().public_jwk()); !r)
            throw std::runtime_error(r.error().message);
    }

    // A client trusting the district CA, with the client certificate and key files if given.
    std::unique_ptr<httplib::SSLClient> client(const std::string& cert_file = "",
                                               const std::string& key_file = "") const
    {
        auto c = cert_file.empty() ? std::make_unique<httplib::SSLClient>("127.0.0.1", port())
                                   : std::make_unique<httplib::SSLClient>("127.0.0.1", port(), cert_file, key_file);
        c->set_ca_cert_path(ca_file());
        c->enable_server_certificate_verification(true);
        c->set_connection_timeout(5);
        c->set_read_timeout(10);
        return c;
    }

    // POST /v1/records of `records` from `kiosk` without a client certificate.
    httplib::Result upload(const std::string& kiosk, const std::vector<std::string>& records) const
    {
        const nlohmann::json envelope = {{"kiosk", kiosk}, {"records", records}};
        return client()->Post("/v1/records", envelope.dump(), "application/json");
    }

private:
    ScratchDir dir_;
    ServerOptions options_;
    std::unique_ptr<CentralServer> server_;
    std::thread thread_;
};

// Registers `kiosk` and gives it a certificate of the district CA: the file's path.
inline std::filesystem::path enrol(const RunningCentral& central, const TestKiosk& kiosk)
{
    auto csr = kiosk.identity().make_csr(kiosk.id(), "Futian");
    if (!csr)
        throw std::runtime_error(csr.error().message);
    auto issued = issue_kiosk_certificate(central.data_dir(), *csr, kiosk.id(), now_unix());
    if (!issued)
        throw std::runtime_error(issued.error().message);
    const auto file = central.scratch().path() / (kiosk.id() + ".pem");
    uplink::test::write_file(file, issued->pem);
    central.register_kiosk(kiosk);
    return file;
}

// The results of a 200 answer to POST /v1/records.
inline nlohmann::json results_of(const httplib::Result& r)
{
    if (!r || r->status != 200)
        throw std::runtime_error("POST /v1/records did not answer 200");
    return nlohmann::json::parse(r->body).at("results");
}

} // namespace hk::central::test
