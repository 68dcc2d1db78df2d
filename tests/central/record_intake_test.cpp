#include "record_intake.hpp"

#include "central_support.hpp"
#include "jwk.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::ScratchDir;

TEST_CASE("an envelope is exactly a kiosk id and 1 to 100 record strings")
{
    auto ok = parse_envelope(R"({"kiosk":"kiosk-1","records":["a.b.c","d.e.f"]})");
    REQUIRE(ok);
    CHECK(ok->kiosk == "kiosk-1");
    CHECK(ok->records == std::vector<std::string>{"a.b.c", "d.e.f"});
    CHECK_FALSE(parse_envelope(R"({"records":["a"],"kiosk":"k","kiosk":"k"})"));
    CHECK_FALSE(parse_envelope(R"({"kiosk":7,"records":["a"]})"));
    CHECK_FALSE(parse_envelope(R"({"kiosk":"k","records":"a"})"));
    CHECK_FALSE(parse_envelope(R"({"kiosk":"k","records":[]})"));
    CHECK_FALSE(parse_envelope("\xff"));
}

TEST_CASE("a batch that fails in the database leaves nothing of itself stored")
{
    ScratchDir dir;
    test::TestKiosk kiosk(dir, "kiosk-1");
    auto store = CentralStore::open(dir.path() / "data");
    REQUIRE(store);
    REQUIRE(store->register_kiosk(kiosk.id(), kiosk.identity().public_jwk()));
    // A request record whose status row cannot be written: the whole batch must roll back.
    REQUIRE(store->database().exec("CREATE TRIGGER no_requests BEFORE INSERT ON requests "
                                   "BEGIN SELECT RAISE(ABORT, 'refused'); END;"));
    const Catalogue catalogue = test::loaded_sample();
    Envelope envelope{kiosk.id(), {kiosk.next(), kiosk.next(test::request_body(test::tracking_number(1)), "request")}};
    const ResidentKeys residents = test::residents_of(dir.path() / "data");
    const Intake intake{*store, catalogue, residents};
    auto results = take_records(intake, envelope, "2026-03-01T08:31:00Z");
    CHECK_FALSE(results);
    CHECK(store->database().query_int("SELECT count(*) FROM records") == 0);

    REQUIRE(store->database().exec("DROP TRIGGER no_requests"));
    results = take_records(intake, envelope, "2026-03-01T08:32:00Z");
    REQUIRE(results);
    CHECK((*results)[0].outcome == Outcome::accepted);
    CHECK((*results)[1].outcome == Outcome::accepted);
    auto held = store->records(std::nullopt);
    REQUIRE(held);
    REQUIRE(held->size() == 2);
    CHECK((*held)[0].received_at == "2026-03-01T08:32:00Z");
}

TEST_CASE("results answer each record in order, with a reason only for the rejected")
{
    std::vector<RecordResult> results = {{"a", Outcome::accepted, "", ChainFlag::gap},
                                         {"b", Outcome::duplicate, "", ChainFlag::ok},
                                         {"", Outcome::rejected, "the signature does not verify", ChainFlag::ok}};
    CHECK(results_json(results) == nlohmann::json::parse(R"({"results":[
        {"id":"a","status":"accepted"},
        {"id":"b","status":"duplicate"},
        {"id":"","status":"rejected","reason":"the signature does not verify"}]})"));
}

namespace {

// A data folder with the district CA and the store, and the kiosks' records taken into it.
struct Intakes {
    ScratchDir dir;
    std::filesystem::path data = dir.path() / "data";
    CentralStore store = open(data);
    Catalogue catalogue = test::loaded_sample();
    ResidentKeys residents = test::residents_of(data);

    static CentralStore open(const std::filesystem::path& data)
    {
        if (auto r = init_authority(data, test::now_unix()); !r)
            throw std::runtime_error(r.error().message);
        auto s = CentralStore::open(data);
        if (!s)
            throw std::runtime_error(s.error().message);
        return std::move(*s);
    }
    std::vector<RecordResult> take(const std::string& kiosk, const std::vector<std::string>& records)
    {
        auto r = take_records(Intake{store, catalogue, residents}, Envelope{kiosk, records}, "2026-03-01T08:31:00Z");
        REQUIRE(r);
        return *r;
    }
};

} // namespace

TEST_CASE("a kiosk's chain is taken across its key change: the old key's records first, the new key's after")
{
    Intakes central;
    test::TestKiosk kiosk(central.dir, "kiosk-1");
    REQUIRE(central.store.register_kiosk(kiosk.id(), kiosk.identity().public_jwk()));
    const std::string old_kid = kiosk.identity().kid();
    const std::string r1 = kiosk.next(), r2 = kiosk.next(), r3 = kiosk.next();
    for (const auto& r : central.take(kiosk.id(), {r1, r2}))
        CHECK(r.outcome == Outcome::accepted);

    // Maintenance mode makes a new key and its request, the district enrols it, and the
    // certificate is installed; the kiosk signs with its old key until it starts again.
    const auto now = test::now_unix();
    auto maintenance = hk::uplink::DeviceIdentity::load_or_create(kiosk.state_dir(), hk::uplink::KeyAlg::es256);
    REQUIRE(maintenance);
    auto request = maintenance->make_next_key_request(kiosk.id(), "Futian");
    REQUIRE(request);
    auto issued = issue_kiosk_certificate(central.data, request->csr, kiosk.id(), now);
    REQUIRE(issued);
    auto registered = central.store.register_kiosk(kiosk.id(), hk::uplink::public_jwk(issued->key.get()).value());
    REQUIRE(registered);
    CHECK(registered->kid == request->kid);
    auto installed = maintenance->install_certificate(issued->pem, now);
    REQUIRE(installed);
    CHECK(installed->at_next_start);

    // r3 waited in the outbox: signed with the old key, it is still the kiosk's.
    CHECK(central.take(kiosk.id(), {r3})[0].outcome == Outcome::accepted);
    kiosk.restart();
    CHECK(kiosk.identity().kid() == request->kid);
    const std::string r4 = kiosk.next(), r5 = kiosk.next();
    for (const auto& r : central.take(kiosk.id(), {r4, r5})) {
        CHECK(r.outcome == Outcome::accepted);
        CHECK(r.flag == ChainFlag::ok);
    }
    auto held = central.store.records(kiosk.id());
    REQUIRE(held);
    REQUIRE(held->size() == 5);
    for (std::size_t i = 0; i < held->size(); ++i) {
        CHECK((*held)[i].seq == static_cast<std::int64_t>(i + 1));
        CHECK((*held)[i].flag == ChainFlag::ok);
    }
    CHECK((*held)[3].prev == (*held)[2].hash);
    // An old key's record sent again after the change is the duplicate it is.
    CHECK(central.take(kiosk.id(), {r2})[0].outcome == Outcome::duplicate);
    auto earlier = central.store.earlier_keys(kiosk.id());
    REQUIRE(earlier);
    REQUIRE(earlier->size() == 1);
    CHECK((*earlier)[0].kid == old_kid);
    CHECK((*earlier)[0].below_seq == 4);
}

TEST_CASE("an earlier key verifies only records below the first seq held signed by a later key")
{
    Intakes central;
    ScratchDir old_dir, new_dir;
    test::TestKiosk old_key(old_dir, "kiosk-1"), new_key(new_dir, "kiosk-1");
    REQUIRE(central.store.register_kiosk("kiosk-1", old_key.identity().public_jwk()));
    const std::string a1 = old_key.next(), a2 = old_key.next(), a3 = old_key.next(), a4 = old_key.next();
    CHECK(central.take("kiosk-1", {a1, a2})[1].outcome == Outcome::accepted);
    REQUIRE(central.store.register_kiosk("kiosk-1", new_key.identity().public_jwk()));

    // No record of the new key is held yet: the old one signs at any seq.
    CHECK(central.take("kiosk-1", {a3})[0].outcome == Outcome::accepted);

    // The new key's first record, at seq 5, arrives before a4 (a batch lost and sent again).
    const std::string b5 = new_key.record_at(5, old_key.hash_of(a4), test::audit_body());
    const auto five = central.take("kiosk-1", {b5});
    CHECK(five[0].outcome == Outcome::accepted);
    CHECK(five[0].flag == ChainFlag::gap);

    // Below 5 the old key is still the kiosk's; at 5 and after it is not, and nothing is stored.
    const auto four = central.take("kiosk-1", {a4});
    CHECK(four[0].outcome == Outcome::accepted);
    CHECK(four[0].flag == ChainFlag::ok);
    const std::string a5 = old_key.next(), a6 = old_key.next();
    for (const auto& r : central.take("kiosk-1", {a5, a6})) {
        CHECK(r.outcome == Outcome::rejected);
        CHECK(r.reason.find("earlier key") != std::string::npos);
        CHECK(r.reason.find("seq 5") != std::string::npos);
    }

    // A key the kiosk never had is refused whatever the seq.
    ScratchDir stranger_dir;
    test::TestKiosk stranger(stranger_dir, "kiosk-1");
    const auto unknown = central.take("kiosk-1", {stranger.record_at(2, old_key.hash_of(a1), test::audit_body())});
    CHECK(unknown[0].outcome == Outcome::rejected);
    CHECK(unknown[0].reason.find("kid") != std::string::npos);

    auto held = central.store.records(std::string_view("kiosk-1"));
    REQUIRE(held);
    CHECK(held->size() == 5);
}
