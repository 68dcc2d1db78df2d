// What the rating and questionnaire tests share: a data folder whose catalogue trusts the central
// side's pass key (which signs the bookings' passes and, here, queue tickets), a kiosk sending
// records, bookings made through the booking engine, and rating bodies of each subject.
#pragma once

#include "booking_engine.hpp"
#include "booking_support.hpp"
#include "central_support.hpp"
#include "pass_key.hpp"
#include "record_intake.hpp"
#include "request_handling.hpp"
#include "token_signer.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

namespace hk::central::test {

inline constexpr const char* kVisit = "0123456789abcdef0123456789abcdef";
inline constexpr const char* kOtherVisit = "fedcba9876543210fedcba9876543210";
inline constexpr const char* kHall = "demo-hall-001";

inline nlohmann::json visit_subject(const std::string& visit = kVisit)
{
    return {{"kind", "visit"}, {"visit", visit}};
}

inline nlohmann::json window_subject(const std::string& window)
{
    return {{"kind", "window"}, {"window", window}};
}

inline nlohmann::json request_subject(const std::string& tracking, const std::string& check = "482913")
{
    return {{"kind", "request"}, {"tracking", tracking}, {"check", check}};
}

inline nlohmann::json booking_subject(const std::string& pass)
{
    return {{"kind", "booking"}, {"pass", pass}};
}

// A rating of `subject` at `level`, made at `at` at the demo hall; a visit subject's body carries
// its visit, and a low one a reason that applies to every subject kind it may be given for.
inline nlohmann::json rating_body(const nlohmann::json& subject, int level,
                                  const std::string& at = "2027-03-02T14:00:00+08:00")
{
    nlohmann::json b = {{"subject", subject}, {"level", level}, {"at", at}, {"hall", kHall}};
    if (subject["kind"] == "visit")
        b["visit"] = subject["visit"];
    if (level <= 2) {
        const std::string kind = subject["kind"];
        b["reasons"] = {kind == "request" ? "not_solved" : "staff_attitude"};
        if (kind == "window")
            b["reasons"] = {"wait_long"};
    }
    return b;
}

// A data folder with its pass key and resident secret, the sample catalogue trusting that key,
// a registered kiosk, and a booking desk whose clock is `now`.
struct RatingRig {
    ScratchDir dir;
    CentralStore store = CentralStore::open(dir.path()).value();
    codes::PkeyPtr pass_key = load_or_make_pass_key(dir.path()).value();
    Catalogue catalogue =
        Catalogue::load(sample_catalogue(), nlohmann::json::array({pass_key_item(pass_key.get()).value()})).value();
    ResidentKeys residents = ResidentKeys::open(dir.path()).value();
    TestKiosk kiosk{dir, "kiosk-1"};
    std::int64_t now = kMonday10am;
    BookingEngine bookings{store, catalogue, residents, load_or_make_pass_key(dir.path()).value(),
                           [this] { return now; }};

    RatingRig() { REQUIRE(store.register_kiosk(kiosk.id(), kiosk.identity().public_jwk())); }

    // The result of the kiosk's next record: "accepted", or the reason it was rejected.
    std::string send(const nlohmann::json& body, const std::string& type = "rating")
    {
        auto results = take_records(Intake{store, catalogue, residents}, Envelope{kiosk.id(), {kiosk.next(body, type)}},
                                    "2027-03-05T10:00:05Z");
        REQUIRE(results);
        const RecordResult& r = results->at(0);
        return r.outcome == Outcome::rejected ? r.reason : std::string(outcome_name(r.outcome));
    }

    // Books the slot for resident `who` as a kiosk of `hall` does: the booking's id and pass.
    std::pair<std::string, std::string> book(const std::string& venue, const std::string& start, int who,
                                             const std::string& hall = kHall)
    {
        const Reply held = bookings.hold(hold_body(venue, start, 4, who, hall), "kiosk-1").value();
        REQUIRE_MESSAGE(held.status == 201, held.body.dump());
        const Reply made = bookings.confirm(held.body["hold"].get<std::string>()).value();
        REQUIRE_MESSAGE(made.status == 201, made.body.dump());
        return {made.body["booking"]["id"], made.body["pass"]};
    }

    // A queue ticket for `window` drawn at `hall`, signed with the pass key (which the catalogue
    // trusts), rateable until `exp`.
    std::string ticket(const std::string& id, const std::string& window, const std::string& hall = kHall,
                       std::int64_t exp = kMonday10am + 7 * 86400) const
    {
        const std::vector<codes::Claim> claims{
            {"id", id}, {"hall", hall}, {"win", window}, {"staff", "S-0042"}, {"exp", std::to_string(exp)}};
        std::string token = codes::sign_token(codes::TokenType::ticket, claims, kPassKid, pass_key.get());
        REQUIRE_FALSE(token.empty());
        return token;
    }

    // Opens a request (filed at the demo hall) and has staff resolve it.
    void resolved_request(const std::string& tracking)
    {
        REQUIRE(send(request_body(tracking), "request") == "accepted");
        for (const auto to : {RequestState::accepted, RequestState::dispatched, RequestState::resolved}) {
            auto moved = advance_request(store, tracking, to, "莲花街道", "", now);
            REQUIRE_MESSAGE(moved, moved.error().message);
        }
    }
};

} // namespace hk::central::test
