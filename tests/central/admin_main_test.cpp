// central-admin run as people run it: init, register, enrol, records.
#include "central_support.hpp"

#include "jwk.hpp"
#include "record_intake.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::run;
using hk::uplink::test::ScratchDir;
using hk::uplink::test::write_file;

namespace {

hk::uplink::test::Run admin(const std::string& args)
{
    return run(std::string(HK_CENTRAL_ADMIN) + " " + args);
}

} // namespace

TEST_CASE("central-admin sets up a data folder, registers and enrols kiosks and lists their records")
{
    ScratchDir dir;
    const std::string data = (dir.path() / "data").string();
    auto init = admin("init '" + data + "'");
    REQUIRE_MESSAGE(init.status == 0, init.output);
    CHECK(std::filesystem::exists(dir.path() / "data" / kDatabaseFile));
    CHECK(admin("init '" + data + "'").status == 1);

    test::TestKiosk first(dir, "kiosk-1");
    write_file(dir.path() / "kiosk-1.jwk", first.identity().public_jwk().dump());
    auto reg = admin("register '" + data + "' --kiosk kiosk-1 --jwk '" + (dir.path() / "kiosk-1.jwk").string() + "'");
    REQUIRE_MESSAGE(reg.status == 0, reg.output);
    CHECK(reg.output == "registered kiosk kiosk-1, kid " + first.identity().kid() + "\n");

    test::TestKiosk second(dir, "kiosk-2", hk::uplink::KeyAlg::eddsa);
    write_file(dir.path() / "kiosk-2.csr", second.identity().make_csr("kiosk-2", "Futian").value());
    const auto cert = dir.path() / "kiosk-2.pem";
    auto enrol = admin("enrol '" + data + "' --kiosk kiosk-2 --csr '" + (dir.path() / "kiosk-2.csr").string() +
                       "' --out '" + cert.string() + "'");
    REQUIRE_MESSAGE(enrol.status == 0, enrol.output);
    CHECK(
        run("openssl verify -CAfile '" + data + "/" + std::string(kCaCertFile) + "' '" + cert.string() + "'").status ==
        0);

    {
        auto store = CentralStore::open(dir.path() / "data");
        REQUIRE(store);
        auto registered = store->kiosk("kiosk-2");
        REQUIRE(registered);
        REQUIRE(*registered);
        CHECK((*registered)->kid == second.identity().kid());
        const std::string r1 = first.next();
        const std::string r2 = first.next();
        const std::string r3 = first.next();
        REQUIRE(take_records(*store, Envelope{"kiosk-1", {r1, r3}}, "2026-03-01T08:31:00Z"));
        REQUIRE(
            take_records(*store, Envelope{"kiosk-2", {second.next({{"stars", 5}}, "rating")}}, "2026-03-01T08:32:00Z"));
    }
    auto all = admin("records '" + data + "'");
    REQUIRE(all.status == 0);
    CHECK(all.output.find("kiosk-1\t1\tok\trequest\t") != std::string::npos);
    CHECK(all.output.find("kiosk-1\t3\tgap\trequest\t") != std::string::npos);
    CHECK(all.output.find("kiosk-2\t1\tok\trating\t") != std::string::npos);
    auto one = admin("records '" + data + "' --kiosk kiosk-2");
    REQUIRE(one.status == 0);
    CHECK(one.output.find("kiosk-1") == std::string::npos);
    CHECK(one.output.find("kiosk-2\t1\tok\trating\t") != std::string::npos);
}

TEST_CASE("central-admin refuses unknown commands and keys it cannot verify with")
{
    ScratchDir dir;
    CHECK(admin("").status == 2);
    CHECK(admin("revoke '" + dir.path().string() + "'").status == 2);
    CHECK(admin("register '" + dir.path().string() + "' --kiosk k").status == 2);
    write_file(dir.path() / "bad.jwk", R"({"kty":"RSA","n":"AQAB","e":"AQAB"})");
    CHECK(admin("register '" + dir.path().string() + "' --kiosk k --jwk '" + (dir.path() / "bad.jwk").string() + "'")
              .status == 1);
}
