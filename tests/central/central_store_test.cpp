#include "central_store.hpp"

#include "central_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::ScratchDir;

TEST_CASE("the database is in WAL mode and keeps what it holds across openings")
{
    ScratchDir dir;
    test::TestKiosk kiosk(dir, "kiosk-1");
    {
        auto store = CentralStore::open(dir.path() / "data");
        REQUIRE(store);
        CHECK(store->database().query_int("SELECT count(*) FROM kiosks") == 0);
        auto key = store->register_kiosk(kiosk.id(), kiosk.identity().public_jwk());
        REQUIRE(key);
        CHECK(key->kid == kiosk.identity().kid());
        REQUIRE(store->add_request({"R1", "123456", "submitted", nlohmann::json::array()}));
    }
    auto store = CentralStore::open(dir.path() / "data");
    REQUIRE(store);
    auto mode = store->database().prepare("PRAGMA journal_mode");
    REQUIRE(mode);
    REQUIRE(mode->step() == true);
    CHECK(mode->text(0) == "wal");
    auto found = store->kiosk(kiosk.id());
    REQUIRE(found);
    REQUIRE(*found);
    CHECK((*found)->kid == kiosk.identity().kid());
    CHECK((*found)->jwk == kiosk.identity().public_jwk());
    auto request = store->request("R1");
    REQUIRE(request);
    REQUIRE(*request);
    CHECK((*request)->check == "123456");
    auto none = store->kiosk("kiosk-2");
    REQUIRE(none);
    CHECK_FALSE(*none);
}

TEST_CASE("a kiosk key that kiosk/uplink cannot verify with is not registered")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    CHECK_FALSE(store->register_kiosk("kiosk-1", {{"kty", "RSA"}, {"n", "AQAB"}, {"e", "AQAB"}}));
    CHECK_FALSE(store->register_kiosk("kiosk-1", {{"kty", "EC"}, {"crv", "P-256"}, {"x", "AAAA"}, {"y", "AAAA"}}));
    test::TestKiosk kiosk(dir, "kiosk-1");
    CHECK_FALSE(store->register_kiosk("", kiosk.identity().public_jwk()));
    CHECK(store->database().query_int("SELECT count(*) FROM kiosks") == 0);
}

TEST_CASE("a request seen again keeps its first status")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    REQUIRE(store->add_request({"R1", "111111", "submitted", nlohmann::json::array()}));
    REQUIRE(store->add_request({"R1", "222222", "closed", nlohmann::json::array()}));
    auto r = store->request("R1");
    REQUIRE(r);
    REQUIRE(*r);
    CHECK((*r)->check == "111111");
    CHECK((*r)->status == "submitted");
}
