// The kiosk's side of enrolment end to end: the certificate request written by the enrolment
// command, the certificate the district's CA issues for it installed, and the uplink service then
// sending its records to the reference central server, which asks every client for a certificate
// from the district's CA.
#include "durable_file.hpp"
#include "enrolment.hpp"
#include "jwk.hpp"
#include "uplink_service.hpp"

#include "central_support.hpp"
#include "store_fixture.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::app;
using namespace hk::central::test;
namespace fs = std::filesystem;

namespace {

KioskConfig config_for(const RunningCentral& central, const std::string& algorithm)
{
    KioskConfig c;
    c.hall_id = "hall-1";
    c.kiosk_id = "hall-1-k1";
    c.key_algorithm = algorithm;
    c.central_url = "https://127.0.0.1:" + std::to_string(central.port());
    c.central_ca = central.ca_file();
    return c;
}

// The district's side of enrolment: the certificate for the request `csr_pem`, and the kiosk
// registered with its key.
std::string issue(const RunningCentral& central, const KioskConfig& config, const std::string& csr_pem)
{
    auto issued = central::issue_kiosk_certificate(central.data_dir(), csr_pem, config.kiosk_id, now_unix());
    REQUIRE_MESSAGE(issued, (issued ? "" : issued.error().message));
    auto jwk = uplink::public_jwk(issued->key.get());
    REQUIRE(jwk);
    auto s = central.store();
    REQUIRE(s.register_kiosk(config.kiosk_id, *jwk));
    return issued->pem;
}

// The kiosk enrolled as an installer does it: request written, certificate issued and installed.
void enrol(const RunningCentral& central, const KioskConfig& config, const fs::path& state)
{
    const fs::path csr = state.parent_path() / "kiosk.csr";
    auto wrote = write_certificate_request(config, state, csr);
    REQUIRE_MESSAGE(wrote, (wrote ? "" : wrote.error().message));
    CHECK(wrote->find("key id") != std::string::npos);
    auto pem = uplink::read_small_file(csr);
    REQUIRE(pem);
    const fs::path cert = state.parent_path() / "kiosk-cert.pem";
    uplink::test::write_file(cert, issue(central, config, *pem));
    auto installed = install_kiosk_certificate(config, state, cert, now_unix());
    REQUIRE_MESSAGE(installed, (installed ? "" : installed.error().message));
    CHECK(installed->find("CN=hall-1-k1") != std::string::npos);
}

// An audit record's body as maintenance mode makes it.
nlohmann::json audit_body(const KioskConfig& config, const std::string& action, const std::string& detail)
{
    return {{"hall", config.hall_id}, {"staff", "S0042"}, {"role", "staff"},
            {"action", action},       {"result", "ok"},   {"detail", detail}};
}

std::int64_t stored_count(const RunningCentral& central, const std::string& kiosk)
{
    auto s = central.store();
    auto records = s.records(kiosk);
    REQUIRE(records);
    return static_cast<std::int64_t>(records->size());
}

} // namespace

TEST_CASE("an enrolled kiosk sends its records over mutual TLS with its own certificate")
{
    // Ed25519 certificates need TLS 1.3, which libcurl and the server both negotiate. An SM2
    // kiosk cannot show its certificate over OpenSSL's TLS: it connects without one, to a central
    // side that lets registered kiosks do so, and its records are SM2-signed all the same.
    std::string algorithm;
    bool allow_unenrolled = false; // no upload without a client certificate
    SUBCASE("ES256") { algorithm = "es256"; }
    SUBCASE("EdDSA") { algorithm = "eddsa"; }
    SUBCASE("SM2")
    {
        algorithm = "sm2";
        allow_unenrolled = true;
    }
    RunningCentral central(allow_unenrolled);
    const store::test::TempDir dir;
    const fs::path state = dir.state();
    const KioskConfig config = config_for(central, algorithm);
    enrol(central, config, state);

    auto u = UplinkService::open(config, state);
    REQUIRE(u->view().accepting);
    for (int i = 0; i < 3; ++i)
        REQUIRE(u->submit("audit", audit_body(config, "test_print", "print " + std::to_string(i))));
    u->start_sync(config);
    CHECK(hk::test::wait_until([&] { return u->view().waiting == 0; }, std::chrono::seconds(10)));
    CHECK(stored_count(central, config.kiosk_id) == 3);
    CHECK(u->view().rejected == 0); // each an audit record the central side reads
    CHECK_FALSE(u->view().offline);
}

TEST_CASE("a kiosk started without a certificate keeps its records, and sends them once it is enrolled and its uplink starts again")
{
    RunningCentral central(false); // no upload without a client certificate
    const store::test::TempDir dir;
    const KioskConfig config = config_for(central, "es256");
    auto u = UplinkService::open(config, dir.state());
    REQUIRE_FALSE(u->enrolled());
    for (int i = 0; i < 2; ++i)
        REQUIRE(u->submit("audit", audit_body(config, "page", "sync")));
    u->start_sync(config);
    // The central side refuses a kiosk without a certificate: the records wait.
    REQUIRE(hk::test::wait_until([&] { return u->sync_status() && u->sync_status()->failures > 0; },
                                 std::chrono::seconds(10)));
    CHECK(u->sync_status()->last_error.find("401") != std::string::npos);
    CHECK(u->view().waiting == 2);

    auto csr = u->identity()->make_csr(config.kiosk_id, config.hall_id);
    REQUIRE(csr);
    auto installed = u->identity_for_change()->install_certificate(issue(central, config, *csr), now_unix());
    REQUIRE_MESSAGE(installed, (installed ? "" : installed.error().message));
    REQUIRE(u->enrolled());
    u->restart_sync(config);
    // Without starting again the loop would go on without the certificate, refused.
    CHECK(hk::test::wait_until([&] { return u->view().waiting == 0; }, std::chrono::seconds(5)));
    CHECK(stored_count(central, config.kiosk_id) == 2);
    CHECK(u->view().rejected == 0);
    CHECK(u->desk() != nullptr);
    CHECK(u->fetcher() != nullptr);
}
