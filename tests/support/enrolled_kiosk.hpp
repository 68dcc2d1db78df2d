// A kiosk as the end-to-end UI tests run it: the real hallkiosk binary in demo mode (simulated
// printer, card reader and scanner) driven by scripts under SDL's offscreen driver, with a state
// folder of its own, enrolled with the reference central server on a loopback port over mutual TLS
// (or left to be enrolled from its maintenance screen).
// Every run keeps its screenshots in the build tree and the receipts the printer made.
#pragma once

#include "central_support.hpp"
#include "kiosk_run.hpp"
#include "paper_codes.hpp"

#include "certificate_authority.hpp"
#include "durable_file.hpp"
#include "jwk.hpp"
#include "record.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace hk::test {

namespace fs = std::filesystem;
using namespace hk::central::test;

constexpr const char* kKioskId = "test-hall-001-1"; // kiosk-test.toml's hall, kiosk 1

// The kiosk's own folder (state, receipts), enrolled with a central server of its own.
class EnrolledKiosk {
public:
    // `name`: its folder under the build tree's screenshots (requests/..., bookings/...). `central`:
    // one shared with other kiosks (a server of its own when null). `config`: the kiosk's config file
    // (kiosk-test.toml when empty), and `kiosk_id` the id that config gives it.
    explicit EnrolledKiosk(const std::string& name, std::shared_ptr<RunningCentral> central = {},
                           std::string config = {}, std::string kiosk_id = kKioskId)
        : EnrolledKiosk(Unenrolled{}, name, std::move(central), std::move(config), std::move(kiosk_id))
    {
        const fs::path csr = dir_ / "kiosk.csr";
        const Run wrote = kiosk("--write-csr '" + csr.string() + "'");
        INFO(wrote.output);
        REQUIRE(wrote.status == 0);
        const fs::path cert = dir_ / "kiosk-cert.pem";
        issue(csr, cert);
        const Run installed = kiosk("--install-certificate '" + cert.string() + "'");
        INFO(installed.output);
        REQUIRE(installed.status == 0);
    }
    // A kiosk installed and not enrolled yet: its state folder, empty. It makes its key on its first
    // start and has no certificate until issue() plays the district's part and it is installed.
    struct Unenrolled {};
    EnrolledKiosk(Unenrolled, const std::string& name, std::shared_ptr<RunningCentral> central = {},
                  std::string config = {}, std::string kiosk_id = kKioskId)
        : central_(central ? std::move(central) : std::make_shared<RunningCentral>(false)),
          dir_(fresh_dir(name.find('/') == std::string::npos ? "requests/" + name : name)),
          config_(config.empty() ? HK_SOURCE_DIR "/tests/data/kiosk-test.toml" : std::move(config)),
          kiosk_id_(std::move(kiosk_id))
    {
        fs::create_directories(state());
    }

    // The district's part of enrolment, as central-admin enrol does it: the certificate for the
    // request in `csr` written to `cert`, and the kiosk registered with the request's key.
    void issue(const fs::path& csr, const fs::path& cert) const
    {
        auto pem = uplink::read_small_file(csr);
        REQUIRE(pem);
        auto issued = central::issue_kiosk_certificate(central_->data_dir(), *pem, kiosk_id_, now_unix());
        REQUIRE_MESSAGE(issued, (issued ? "" : issued.error().message));
        auto jwk = uplink::public_jwk(issued->key.get());
        REQUIRE(jwk);
        REQUIRE(central_->store().register_kiosk(kiosk_id_, *jwk));
        std::ofstream(cert) << issued->pem;
    }

    fs::path state() const { return dir_ / "state"; }
    const fs::path& dir() const { return dir_; }
    const RunningCentral& central() const { return *central_; }
    const std::string& kiosk_id() const { return kiosk_id_; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(central_->port()); }

    // hallkiosk on this kiosk's config and state, pointed at `url` (the central server's when empty).
    Run kiosk(const std::string& args, const std::string& url_override = "") const
    {
        return run("--config '" + config_ + "' --state-dir '" + state().string() +
                   "' --central-url '" + (url_override.empty() ? url() : url_override) + "' --central-ca '" +
                   central_->ca_file() + "' " + args);
    }

    // Runs `script` (its lines) in demo mode; the screenshots go to dir/<name>, the receipts'
    // pictures under dir/<name>/tmp.
    Run script(const std::string& name, const std::string& script, const std::string& url_override = "") const
    {
        const fs::path shots = dir_ / name;
        fs::create_directories(shots / "tmp");
        const fs::path file = dir_ / (name + ".txt");
        std::ofstream(file) << script;
        ::setenv("TMPDIR", (shots / "tmp").c_str(), 1); // demo mode keeps its receipts' pictures under it
        Run r = kiosk("--demo " + demo_args_ + " --script '" + file.string() + "' --screenshot-dir '" +
                          shots.string() + "'",
                      url_override);
        ::unsetenv("TMPDIR");
        return r;
    }

    // More arguments for the demo mode runs of `script` (e.g. --demo-key).
    void set_demo_args(std::string args) { demo_args_ = std::move(args); }

    // The receipts printed in run `name`, in order.
    std::vector<fs::path> receipts(const std::string& name) const
    {
        std::vector<fs::path> out;
        const fs::path root = dir_ / name / "tmp" / "hallkiosk-receipts";
        if (!fs::exists(root))
            return out;
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.path().extension() == ".png")
                out.push_back(e.path());
        std::sort(out.begin(), out.end());
        return out;
    }

    // staff's central-admin on the central server's data.
    Run admin(const std::string& args) const
    {
        return run_command("'" HK_CENTRAL_ADMIN "' " + args + " 2>&1");
    }
    void advance(const std::string& tracking, const std::string& to, const std::string& unit,
                 const std::string& note = "") const
    {
        const Run r = admin("request advance '" + central_->data_dir().string() + "' " + tracking + " --to " + to +
                            " --unit '" + unit + "'" + (note.empty() ? "" : " --note '" + note + "'"));
        INFO(r.output);
        REQUIRE(r.status == 0);
    }

    // The kiosk's records as the central side holds them, each verified with the registered key
    // and chained to the one before: no gap, no fork, nothing refused.
    std::vector<uplink::VerifiedRecord> verified_chain() const
    {
        auto store = central_->store();
        auto key = store.kiosk(kiosk_id_);
        REQUIRE(key);
        REQUIRE(*key);
        auto records = store.records(std::string_view(kiosk_id_));
        REQUIRE(records);
        std::vector<uplink::VerifiedRecord> out;
        for (const central::StoredRecord& r : *records) {
            CAPTURE(r.seq);
            CHECK(r.flag == central::ChainFlag::ok);
            CHECK(r.refusal == "");
            auto v = uplink::verify_record(r.jws, (*key)->jwk);
            REQUIRE_MESSAGE(v, (v ? "" : v.error().message));
            CHECK(uplink::chain_check(out.empty() ? nullptr : &out.back(), *v) == uplink::ChainLink::linked);
            out.push_back(std::move(*v));
        }
        return out;
    }

private:
    std::shared_ptr<RunningCentral> central_; // every kiosk shows its certificate
    fs::path dir_;
    std::string config_;
    std::string demo_args_;
    std::string kiosk_id_;
};

sim::Picture load_gray(const fs::path& file)
{
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(file.c_str(), &w, &h, &n, 1);
    REQUIRE_MESSAGE(data, "cannot read " << file);
    sim::Picture p{w, h, std::vector<std::uint8_t>(data, data + static_cast<std::size_t>(w) * static_cast<std::size_t>(h))};
    stbi_image_free(data);
    return p;
}

// The QR code on the receipt `file`, as a resident's scan would read it.
std::optional<std::string> qr_on(const fs::path& file)
{
    return read_code(load_gray(file));
}

} // namespace hk::test
