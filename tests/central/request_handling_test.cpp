// Requests opened by records, moved by staff, confirmed, reopened and rated by residents, in the
// central store without HTTP.
#include "request_handling.hpp"

#include "central_support.hpp"
#include "record_intake.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::ScratchDir;

namespace {

constexpr std::int64_t kNow = 1772442000; // 2026-03-02T09:00:00Z

// A store with a registered kiosk that sends records one at a time.
struct Desk {
    ScratchDir dir;
    test::TestKiosk kiosk{dir, "kiosk-1"};
    Catalogue catalogue = test::loaded_sample();
    CentralStore store = open_store(dir);
    ResidentKeys residents = test::residents_of(dir.path() / "data");

    static CentralStore open_store(const ScratchDir& d)
    {
        auto s = CentralStore::open(d.path() / "data");
        REQUIRE(s);
        return std::move(*s);
    }
    Desk() { REQUIRE(store.register_kiosk(kiosk.id(), kiosk.identity().public_jwk())); }

    // The result of the next record of the kiosk: "accepted", or the reason it was rejected.
    std::string send(const nlohmann::json& body, const std::string& type) { return send_jws(kiosk.next(body, type)); }
    std::string send_jws(const std::string& jws)
    {
        auto results =
            take_records(Intake{store, catalogue, residents}, Envelope{kiosk.id(), {jws}}, "2026-03-05T10:00:05Z");
        REQUIRE(results);
        const RecordResult& r = results->at(0);
        return r.outcome == Outcome::rejected ? r.reason : std::string(outcome_name(r.outcome));
    }
    RequestStatus request(const std::string& tracking)
    {
        auto r = store.request(tracking);
        REQUIRE(r);
        REQUIRE(*r);
        return **r;
    }
    // Staff's moves, each of which must be allowed.
    void advance(const std::string& tracking, std::initializer_list<RequestState> to)
    {
        for (const RequestState s : to) {
            auto r = advance_request(store, tracking, s, "莲花街道", "", kNow);
            REQUIRE_MESSAGE(r, r.error().message);
        }
    }
};

nlohmann::json feedback(const std::string& tracking, const std::string& action, const std::string& check = "482913")
{
    nlohmann::json b = {{"tracking", tracking}, {"check", check}, {"action", action}, {"at", "2026-03-05T10:00:00Z"}};
    if (action == "reopen")
        b["reason"] = "路灯还是不亮";
    return b;
}

nlohmann::json rating(const std::string& tracking, int level, const std::string& check = "482913")
{
    return {{"subject", {{"kind", "request"}, {"tracking", tracking}, {"check", check}}},
            {"level", level},
            {"at", "2026-03-05T10:01:00Z"}};
}

} // namespace

TEST_CASE("a request record opens its request at submitted, due after its category's response time")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    nlohmann::json body = test::request_body(number);
    body["filed_at"] = "2026-03-01T16:30:00+08:00";
    CHECK(desk.send(body, "request") == "accepted");
    const RequestStatus r = desk.request(number);
    CHECK(r.status == "submitted");
    CHECK(r.check == "482913");
    CHECK(r.category == "traffic.streetlight");
    CHECK(r.due == "2026-03-02T08:30:00Z");
    CHECK(r.stages ==
          nlohmann::json::parse(R"([{"stage":"submitted","at":"2026-03-01T08:30:00Z","unit":"kiosk-1","note":""}])"));
    auto held = desk.store.records(std::nullopt);
    REQUIRE(held);
    REQUIRE(held->size() == 1);
    CHECK(r.record == (*held)[0].id);
    CHECK((*held)[0].refusal.empty());
}

TEST_CASE("a refused record is answered rejected, held in the chain with its reason, and answered alike again")
{
    Desk desk;
    nlohmann::json body = test::request_body(test::tracking_number(1));
    body["category"] = "traffic";
    const std::string jws = desk.kiosk.next(body, "request");
    CHECK(desk.send_jws(jws) == "category: not a child category of the catalogue");
    CHECK(desk.send_jws(jws) == "category: not a child category of the catalogue");
    CHECK_FALSE(desk.store.request(test::tracking_number(1))->has_value());

    // The kiosk's next record links to the refused one: its chain is clean.
    CHECK(desk.send(test::request_body(test::tracking_number(2)), "request") == "accepted");
    auto held = desk.store.records(std::nullopt);
    REQUIRE(held);
    REQUIRE(held->size() == 2);
    CHECK((*held)[0].refusal == "category: not a child category of the catalogue");
    CHECK((*held)[1].flag == ChainFlag::ok);
    CHECK((*held)[1].refusal.empty());
}

TEST_CASE("a tracking number already used by another record is refused and the first request kept")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    CHECK(desk.send(test::request_body(number, "111111"), "request") == "accepted");
    CHECK(desk.send(test::request_body(number, "222222"), "request") == "tracking number already used");
    CHECK(desk.request(number).check == "111111");
}

TEST_CASE("a request goes through every stage and is confirmed by the resident")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    REQUIRE(desk.send(test::request_body(number), "request") == "accepted");
    desk.advance(number, {RequestState::accepted, RequestState::dispatched, RequestState::resolved});
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") == "accepted");
    desk.advance(number, {RequestState::closed});
    const RequestStatus r = desk.request(number);
    CHECK(r.status == "closed");
    std::vector<std::string> stages;
    for (const auto& s : r.stages)
        stages.push_back(s["stage"].get<std::string>());
    CHECK(stages == std::vector<std::string>{"submitted", "accepted", "dispatched", "resolved", "confirmed", "closed"});
    CHECK(r.stages[1] ==
          nlohmann::json{{"stage", "accepted"}, {"at", "2026-03-02T09:00:00Z"}, {"unit", "莲花街道"}, {"note", ""}});
    CHECK(r.stages[4] ==
          nlohmann::json{{"stage", "confirmed"}, {"at", "2026-03-05T10:00:00Z"}, {"unit", "kiosk-1"}, {"note", ""}});
}

TEST_CASE("a reopened request carries the resident's reason and is taken on again by staff")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    REQUIRE(desk.send(test::request_body(number), "request") == "accepted");
    desk.advance(number, {RequestState::accepted, RequestState::dispatched, RequestState::resolved});
    CHECK(desk.send(feedback(number, "reopen"), "request_feedback") == "accepted");
    RequestStatus r = desk.request(number);
    CHECK(r.status == "reopened");
    CHECK(r.stages.back()["note"] == "路灯还是不亮");
    // Neither confirmed nor reopened again while it is being worked on.
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") == "the request is reopened, not resolved");
    desk.advance(number, {RequestState::dispatched, RequestState::resolved});
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") == "accepted");
    CHECK(desk.request(number).status == "confirmed");
}

TEST_CASE("feedback on a request that is not resolved, or with the wrong check code, is refused")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    REQUIRE(desk.send(test::request_body(number), "request") == "accepted");
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") == "the request is submitted, not resolved");
    desk.advance(number, {RequestState::accepted, RequestState::dispatched, RequestState::resolved});
    CHECK(desk.send(feedback(number, "confirm", "482914"), "request_feedback") ==
          "no request with that tracking number and check code");
    CHECK(desk.send(feedback(test::tracking_number(2), "confirm"), "request_feedback") ==
          "no request with that tracking number and check code");
    CHECK(desk.request(number).status == "resolved");
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") == "accepted");
    CHECK(desk.send(feedback(number, "reopen"), "request_feedback") == "the request is confirmed, not resolved");
}

TEST_CASE("a request is rated once, from resolved on, with its check code")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    REQUIRE(desk.send(test::request_body(number), "request") == "accepted");
    CHECK(desk.send(rating(number, 5), "rating") ==
          "the request is submitted; only a resolved, confirmed or closed request is rated");
    desk.advance(number, {RequestState::accepted, RequestState::dispatched, RequestState::resolved});
    CHECK(desk.send(rating(number, 5, "000000"), "rating") == "no request with that tracking number and check code");
    CHECK_FALSE(desk.request(number).rated);

    // Confirmed and rated at once, as a resident does at the kiosk.
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") == "accepted");
    CHECK(desk.send(rating(number, 4), "rating") == "accepted");
    CHECK(desk.request(number).rated);
    CHECK(desk.send(rating(number, 3), "rating") == "already rated");
    CHECK(desk.store.database().query_int("SELECT level FROM ratings") == 4);
}

TEST_CASE("staff may not confirm or reopen, skip a stage or move an unknown request")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    REQUIRE(desk.send(test::request_body(number), "request") == "accepted");
    const auto refused = [&](RequestState to, std::string_view unit = "街道办", std::string_view note = "") {
        auto r = advance_request(desk.store, number, to, unit, note, kNow);
        return r ? std::string{} : r.error().message;
    };
    CHECK(refused(RequestState::dispatched) == "a request at submitted cannot move to dispatched");
    CHECK(refused(RequestState::resolved) == "a request at submitted cannot move to resolved");
    CHECK(refused(RequestState::closed) == "a request at submitted cannot move to closed");
    CHECK(refused(RequestState::submitted) == "a request at submitted cannot move to submitted");
    CHECK(refused(RequestState::confirmed) == "only the resident confirms or reopens a request, from a kiosk");
    CHECK(refused(RequestState::reopened) == "only the resident confirms or reopens a request, from a kiosk");
    CHECK(refused(RequestState::accepted, "").starts_with("the unit is 1 to 64"));
    CHECK(refused(RequestState::accepted, "街道办", std::string(501, 'n')).starts_with("the note is at most 500"));
    CHECK(refused(RequestState::accepted, "a\x1b[2Jb").starts_with("the unit"));
    auto unknown = advance_request(desk.store, test::tracking_number(9), RequestState::accepted, "x", "", kNow);
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message == "no request " + test::tracking_number(9));
    CHECK(desk.request(number).stages.size() == 1);
}

TEST_CASE("a request holds at most 64 stages, as many as the kiosk reads")
{
    Desk desk;
    const std::string number = test::tracking_number(1);
    REQUIRE(desk.send(test::request_body(number), "request") == "accepted");
    desk.advance(number, {RequestState::accepted, RequestState::dispatched, RequestState::resolved}); // 4 stages
    for (int round = 0; round < 19; ++round) { // reopened, dispatched, resolved: 3 more each
        CAPTURE(round);
        REQUIRE(desk.send(feedback(number, "reopen"), "request_feedback") == "accepted");
        desk.advance(number, {RequestState::dispatched, RequestState::resolved});
    }
    REQUIRE(desk.request(number).stages.size() == 61);
    REQUIRE(desk.send(feedback(number, "reopen"), "request_feedback") == "accepted");
    desk.advance(number, {RequestState::dispatched, RequestState::resolved});
    CHECK(desk.request(number).stages.size() == 64);
    CHECK(desk.send(feedback(number, "confirm"), "request_feedback") ==
          "the request has 64 stages, the most it can carry");
    auto closed = advance_request(desk.store, number, RequestState::closed, "街道办", "", kNow);
    REQUIRE_FALSE(closed);
    CHECK(closed.error().message == "the request has 64 stages, the most it can carry");
}

TEST_CASE("the status answer has exactly the members of the protocol")
{
    RequestStatus r{test::tracking_number(1), "482913", "resolved", nlohmann::json::array(), "traffic.streetlight",
                    "2026-03-02T08:30:00Z",   "id-1",   true};
    CHECK(status_json(r) == nlohmann::json{{"tracking", test::tracking_number(1)},
                                           {"status", "resolved"},
                                           {"category", "traffic.streetlight"},
                                           {"due", "2026-03-02T08:30:00Z"},
                                           {"stages", nlohmann::json::array()},
                                           {"rated", true}});
    CHECK(check_matches(r, "482913"));
    CHECK_FALSE(check_matches(r, "482914"));
    CHECK_FALSE(check_matches(r, "48291"));
    CHECK_FALSE(check_matches(r, ""));
}
