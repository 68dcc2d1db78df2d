#include "record_intake.hpp"

#include "central_support.hpp"

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
