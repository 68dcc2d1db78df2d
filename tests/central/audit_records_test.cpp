// Staff audit records taken through the record intake: each event kept with its record's kiosk,
// seq and time, each kind of malformed body refused with its reason and held in the chain, and a
// kiosk's audit chain linked and verified at the central side.
#include "audit_records.hpp"

#include "central_support.hpp"
#include "jwk.hpp"
#include "record_intake.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

// A data folder with kiosk-1 registered, its records taken by the intake (without HTTP).
struct AuditRig {
    ScratchDir dir;
    CentralStore store = CentralStore::open(dir.path()).value();
    Catalogue catalogue = loaded_sample();
    ResidentKeys residents = residents_of(dir.path());
    TestKiosk kiosk{dir, "kiosk-1"};

    AuditRig() { REQUIRE(store.register_kiosk(kiosk.id(), kiosk.identity().public_jwk())); }

    // The result of the kiosk's next audit record: "accepted", or the reason it was rejected.
    std::string send(const Json& body)
    {
        auto results = take_records(Intake{store, catalogue, residents}, Envelope{kiosk.id(), {kiosk.next(body)}},
                                    "2026-03-01T08:31:00Z");
        REQUIRE(results);
        const RecordResult& r = results->at(0);
        return r.outcome == Outcome::rejected ? r.reason : std::string(outcome_name(r.outcome));
    }

    std::vector<AuditEvent> events()
    {
        auto all = store.audit_events(std::nullopt, std::nullopt);
        REQUIRE(all);
        return *all;
    }
};

// `text` repeated `n` times.
std::string repeated(const std::string& text, std::size_t n)
{
    std::string s;
    for (std::size_t i = 0; i < n; ++i)
        s += text;
    return s;
}

} // namespace

TEST_CASE("a staff action is kept with its record's kiosk, seq and time")
{
    AuditRig rig;
    rig.kiosk.set_time("2026-03-01T08:30:05.250Z");
    CHECK(rig.send(audit_body("badge_refused", "expired", "", "", "refused")) == "accepted");
    rig.kiosk.set_time("2026-03-01T08:31:00Z");
    CHECK(rig.send(audit_body("config_change", "idle_timeout 120 -> 90", "A0001", "admin")) == "accepted");
    // Detail is counted in characters, not bytes: 200 Chinese characters are 600 bytes.
    CHECK(rig.send(audit_body("export_bundle", repeated("导", 200), "T0007", "tech", "failed")) == "accepted");
    CHECK(rig.send(audit_body("leave", "", "S0042", "staff")) == "accepted");

    const auto events = rig.events();
    REQUIRE(events.size() == 4);
    const AuditEvent& refused = events[0];
    CHECK(refused.kiosk == "kiosk-1");
    CHECK(refused.seq == 1);
    CHECK(refused.at == "2026-03-01T08:30:05Z"); // in UTC to the second, as every time is kept
    CHECK(refused.hall == "demo-hall-001");
    CHECK(refused.staff.empty());
    CHECK(refused.role.empty());
    CHECK(refused.action == "badge_refused");
    CHECK(refused.result == "refused");
    CHECK(refused.detail == "expired");
    CHECK(events[1].staff == "A0001");
    CHECK(events[1].role == "admin");
    CHECK(events[1].detail == "idle_timeout 120 -> 90");
    CHECK(events[2].result == "failed");
    CHECK(events[2].detail == repeated("导", 200));
    CHECK(events[3].seq == 4);
    CHECK(events[3].action == "leave");

    auto held = rig.store.records(std::nullopt);
    REQUIRE(held);
    REQUIRE(held->size() == 4);
    CHECK(events[0].record == held->at(0).id);
    CHECK(held->at(0).refusal.empty());
}

TEST_CASE("every action of maintenance mode is taken, and each result")
{
    AuditRig rig;
    for (const auto action : kAuditActions) {
        CAPTURE(action);
        CHECK(rig.send(audit_body(std::string(action))) == "accepted");
    }
    for (const char* result : {"ok", "refused", "failed"})
        CHECK(rig.send(audit_body("sync_now", "", "S0042", "staff", result)) == "accepted");
    CHECK(rig.events().size() == kAuditActions.size() + 3);
}

TEST_CASE("a malformed audit body is refused with its reason, held in the chain, and no event kept")
{
    struct Case {
        const char* what;
        Json body;
        std::string reason;
    };
    const Json good = audit_body("test_print", "receipt printer");
    const auto with = [&](const char* member, Json value) {
        Json b = good;
        b[member] = std::move(value);
        return b;
    };
    const auto without = [&](const char* member) {
        Json b = good;
        b.erase(member);
        return b;
    };
    const std::vector<Case> cases = {
        {"a member of no audit record", with("who", "S0042"), "who: not a member of this record"},
        {"the hall left out", without("hall"), "hall: missing"},
        {"a hall that is no string", with("hall", 7), "hall: not a string"},
        {"a hall that is no hall id", with("hall", "demo hall"), "hall: not a hall id (1 to 64 of A-Z a-z 0-9 . _ -)"},
        {"staff left out", without("staff"), "staff: missing"},
        {"staff as a number", with("staff", 42), "staff: not a string"},
        {"staff that is no badge id", with("staff", "S0042;drop"),
         "staff: not a badge id (1 to 64 of A-Z a-z 0-9 . _ -) or \"\""},
        {"role left out", without("role"), "role: missing"},
        {"a role no badge has", with("role", "boss"), "role: not staff, tech, admin or \"\""},
        {"no role with a badge", with("role", ""), "role: \"\" although staff is a badge id"},
        {"a role without a badge", with("staff", ""), "role: not \"\" although staff is \"\""},
        {"the action left out", without("action"), "action: missing"},
        {"an action maintenance mode has not", with("action", "open_cash_box"), "action: not an audit action"},
        {"an action in upper case", with("action", "LOGIN"), "action: not an audit action"},
        {"the result left out", without("result"), "result: missing"},
        {"a result as a boolean", with("result", true), "result: not a string"},
        {"a result of no kind", with("result", "maybe"), "result: not ok, refused or failed"},
        {"detail left out", without("detail"), "detail: missing"},
        {"detail as an object", with("detail", Json::object()), "detail: not a string"},
        {"detail of 201 characters", with("detail", std::string(201, 'x')), "detail: not 0 to 200 characters"},
        {"detail with a line feed", with("detail", "idle_timeout\n120"), "detail: a control character"},
        {"detail with a tab", with("detail", "idle_timeout\t120"), "detail: a control character"},
        {"detail with an escape", with("detail", "\x1b[2J"), "detail: a control character"},
        {"detail with a C1 control", with("detail", "next\xc2\x85line"), "detail: a control character"},
    };
    AuditRig rig;
    for (const auto& c : cases) {
        CAPTURE(c.what);
        CHECK(rig.send(c.body) == c.reason);
    }
    CHECK(rig.events().empty());
    // Held with the reason, each in its place: the next record still links cleanly.
    auto held = rig.store.records(std::nullopt);
    REQUIRE(held);
    REQUIRE(held->size() == cases.size());
    CHECK(held->back().refusal == cases.back().reason);
    CHECK(rig.send(good) == "accepted");
    held = rig.store.records(std::nullopt);
    REQUIRE(held);
    CHECK(held->back().flag == ChainFlag::ok);
    CHECK(rig.events().size() == 1);
}

TEST_CASE("a refused audit record sent again is answered with the same reason and kept once")
{
    AuditRig rig;
    const std::string jws = rig.kiosk.next(audit_body("dance"));
    for (int i = 0; i < 2; ++i) {
        auto results = take_records(Intake{rig.store, rig.catalogue, rig.residents}, Envelope{rig.kiosk.id(), {jws}},
                                    "2026-03-01T08:31:00Z");
        REQUIRE(results);
        CHECK(results->at(0).outcome == Outcome::rejected);
        CHECK(results->at(0).reason == "action: not an audit action");
    }
    CHECK(rig.store.database().query_int("SELECT count(*) FROM records") == 1);
    CHECK(rig.events().empty());
}

TEST_CASE("a kiosk's audit chain of a refused badge, a login, a test print and a leave links and verifies centrally")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    std::vector<std::string> chain;
    kiosk.set_time("2026-03-01T08:30:00Z");
    chain.push_back(kiosk.next(audit_body("badge_refused", "expired", "", "", "refused")));
    kiosk.set_time("2026-03-01T08:30:20Z");
    chain.push_back(kiosk.next(audit_body("login", "", "T0007", "tech")));
    kiosk.set_time("2026-03-01T08:31:00Z");
    chain.push_back(kiosk.next(audit_body("test_print", "receipt printer", "T0007", "tech")));
    kiosk.set_time("2026-03-01T08:32:10Z");
    chain.push_back(kiosk.next(audit_body("leave", "", "T0007", "tech")));

    const auto results = results_of(central.upload(kiosk.id(), chain));
    REQUIRE(results.size() == chain.size());
    for (const auto& r : results)
        CHECK(r["status"] == "accepted");

    // What the central side holds, checked again as a platform team would: each record verifies
    // with the kiosk's registered key and follows the one before it.
    auto store = central.store();
    auto registered = store.kiosk(kiosk.id());
    REQUIRE(registered);
    REQUIRE(*registered);
    auto key = hk::uplink::jwk_to_pkey((*registered)->jwk);
    REQUIRE(key);
    auto held = store.records(kiosk.id());
    REQUIRE(held);
    REQUIRE(held->size() == chain.size());
    std::optional<hk::uplink::VerifiedRecord> before;
    for (std::size_t i = 0; i < held->size(); ++i) {
        CAPTURE(i);
        const StoredRecord& r = held->at(i);
        CHECK(r.jws == chain[i]);
        CHECK(r.flag == ChainFlag::ok);
        CHECK(r.refusal.empty());
        auto verified = hk::uplink::verify_record(r.jws, key->get());
        REQUIRE(verified);
        CHECK(hk::uplink::chain_check(before ? &*before : nullptr, *verified) == hk::uplink::ChainLink::linked);
        before = std::move(*verified);
    }

    auto events = store.audit_events(std::nullopt, std::nullopt);
    REQUIRE(events);
    REQUIRE(events->size() == 4);
    CHECK(events->at(0).action == "badge_refused");
    CHECK(events->at(0).staff.empty());
    CHECK(events->at(1).action == "login");
    CHECK(events->at(2).action == "test_print");
    CHECK(events->at(3).action == "leave");
    CHECK(events->at(3).at == "2026-03-01T08:32:10Z");

    // A record taken out of the chain on the way shows at once: the leave no longer links.
    TestKiosk second(central.scratch(), "kiosk-2");
    central.register_kiosk(second);
    const std::string refused = second.next(audit_body("badge_refused", "forged", "", "", "refused"));
    second.next(audit_body("login", "", "S0042", "staff"));
    const std::string leave = second.next(audit_body("leave", "", "S0042", "staff"));
    CHECK(results_of(central.upload(second.id(), {refused, leave}))[1]["status"] == "accepted");
    held = store.records(second.id());
    REQUIRE(held);
    REQUIRE(held->size() == 2);
    CHECK(held->at(1).flag == ChainFlag::gap);
}
