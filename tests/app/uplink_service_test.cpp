// Tests of the kiosk's uplink service: the identity and store opened from the state folder, a
// submission signed and on disk before it returns, chained to the one before, a store that
// cannot be opened pausing submissions instead of losing them, and whether the kiosk is enrolled.
#include "uplink_service.hpp"

#include "certificate_authority.hpp"
#include "record.hpp"
#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <ctime>
#include <fstream>

using namespace hk;
using namespace hk::app;
namespace fs = std::filesystem;

namespace {

KioskConfig config()
{
    KioskConfig c;
    c.hall_id = "hall-1";
    c.kiosk_id = "hall-1-k1";
    return c;
}

} // namespace

TEST_CASE("a submission is signed, kept, chained, and still waiting after a restart")
{
    const store::test::TempDir dir;
    const fs::path state = dir.state();
    std::string kid;
    std::string first_hash;
    {
        auto u = UplinkService::open(config(), state);
        const UplinkView v = u->view();
        CHECK(v.accepting);
        CHECK(v.problem.empty());
        CHECK_FALSE(v.kid.empty());
        kid = v.kid;
        const auto first = u->submit("request", {{"category", "safety"}, {"text", "路灯坏了"}});
        REQUIRE_MESSAGE(first, (first ? "" : first.error().message));
        CHECK(first->seq == 1);
        first_hash = first->hash;
        const auto second = u->submit("rating", {{"level", 5}});
        REQUIRE(second);
        CHECK(second->seq == 2);
        CHECK(u->view().waiting == 2);
        // What waits is a record of this kiosk that verifies with its key and names the one before.
        auto waiting = u->store()->waiting(10);
        REQUIRE(waiting);
        REQUIRE(waiting->size() == 2);
        const auto rec = uplink::verify_record((*waiting)[1].jws, u->identity()->public_jwk());
        REQUIRE_MESSAGE(rec, (rec ? "" : rec.error().message));
        CHECK(rec->header.kiosk == "hall-1-k1");
        CHECK(rec->header.type == "rating");
        CHECK(rec->header.prev == first_hash);
        CHECK(rec->body["level"] == 5);
    }
    auto again = UplinkService::open(config(), state);
    CHECK(again->view().kid == kid); // the same identity
    CHECK(again->view().waiting == 2);
    const auto third = again->submit("audit", {{"what", "restart"}});
    REQUIRE(third);
    CHECK(third->seq == 3);
}

TEST_CASE("a store that cannot be opened pauses submissions and says why")
{
    const store::test::TempDir dir;
    const fs::path state = dir.state();
    fs::create_directories(state);
    {
        std::ofstream junk(state / "kiosk.db", std::ios::binary);
        junk << std::string(8192, 'x');
    }
    auto u = UplinkService::open(config(), state);
    const UplinkView v = u->view();
    CHECK_FALSE(v.accepting);
    CHECK_FALSE(v.problem.empty());
    CHECK_FALSE(v.kid.empty()); // the identity is fine
    const auto r = u->submit("request", {{"text", "x"}});
    CHECK_FALSE(r);
}

TEST_CASE("a kiosk is enrolled once the district's certificate for its own key is installed, and not before")
{
    const store::test::TempDir dir;
    const fs::path state = dir.state();
    const std::int64_t now = std::time(nullptr);
    auto u = UplinkService::open(config(), state);
    REQUIRE(u->identity());
    CHECK_FALSE(u->enrolled());
    // Records are kept meanwhile: they wait in the store.
    CHECK(u->view().accepting);
    REQUIRE(u->submit("audit", {{"what", "before enrolment"}}));
    CHECK(u->view().waiting == 1);

    // A new key's certificate is not this key's: the kiosk still awaits enrolment.
    const fs::path ca = dir.path / "ca";
    REQUIRE(central::init_authority(ca, now));
    auto next = u->identity_for_change()->make_next_key_request("hall-1-k1", "hall-1");
    REQUIRE(next);
    auto for_next = central::issue_kiosk_certificate(ca, next->csr, "hall-1-k1", now);
    REQUIRE(for_next);
    auto pending = u->identity_for_change()->install_certificate(for_next->pem, now);
    REQUIRE(pending);
    CHECK(pending->at_next_start);
    CHECK_FALSE(u->enrolled());

    auto csr = u->identity()->make_csr("hall-1-k1", "hall-1");
    REQUIRE(csr);
    auto issued = central::issue_kiosk_certificate(ca, *csr, "hall-1-k1", now);
    REQUIRE_MESSAGE(issued, (issued ? "" : issued.error().message));
    auto installed = u->identity_for_change()->install_certificate(issued->pem, now);
    REQUIRE_MESSAGE(installed, (installed ? "" : installed.error().message));
    CHECK_FALSE(installed->at_next_start);
    CHECK(u->enrolled());
}

TEST_CASE("a kiosk whose identity cannot be used is not enrolled")
{
    const store::test::TempDir dir;
    const fs::path state = dir.state();
    fs::create_directories(state / "identity");
    std::ofstream(state / "identity" / "key.pem") << "not a key";
    auto u = UplinkService::open(config(), state);
    CHECK_FALSE(u->identity());
    CHECK_FALSE(u->enrolled());
}
