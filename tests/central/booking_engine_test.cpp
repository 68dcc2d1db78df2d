#include "booking_engine.hpp"

#include "booking_support.hpp"
#include "central_support.hpp"
#include "pass_key.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

// The desk on a scratch data folder and the sample catalogue, its clock at `now`.
struct Desk {
    ScratchDir dir;
    CentralStore store = CentralStore::open(dir.path()).value();
    Catalogue catalogue = loaded_sample();
    std::int64_t now = kMonday10am;
    BookingEngine desk{store, catalogue, ResidentKeys::open(dir.path()).value(),
                     load_or_make_pass_key(dir.path()).value(), [this] { return now; }};

    Reply hold(const std::string& venue, const std::string& start, int group, int who)
    {
        return desk.hold(hold_body(venue, start, group, who), "kiosk-1").value();
    }
    // Holds and confirms; the booking's id.
    std::string book(const std::string& venue, const std::string& start, int group, int who)
    {
        const Reply held = hold(venue, start, group, who);
        REQUIRE_MESSAGE(held.status == 201, held.body.dump());
        const Reply made = desk.confirm(held.body["hold"].get<std::string>()).value();
        REQUIRE_MESSAGE(made.status == 201, made.body.dump());
        return made.body["booking"]["id"];
    }
    std::string state_of(const std::string& venue, const std::string& date, const std::string& start)
    {
        const Reply day = desk.slots(venue, date).value();
        for (const auto& s : day.body["slots"])
            if (s["start"] == start)
                return s["state"];
        return "none";
    }
    Reply signup(const std::string& activity, const Json& who)
    {
        return desk.signup(signup_body(activity, who), "kiosk-1").value();
    }
};

void check_rule(const Reply& r, const std::string& rule, std::optional<int> limit = std::nullopt)
{
    CHECK_MESSAGE(r.status == 409, r.body.dump());
    CHECK(r.body["rule"] == rule);
    CHECK(r.body.contains("error"));
    if (limit)
        CHECK(r.body["limit"] == *limit);
}

} // namespace

TEST_CASE("the day's slots come from the opening hours with their states")
{
    Desk d;
    const Reply day = d.desk.slots("V-meeting-1", "2027-03-01").value();
    REQUIRE(day.status == 200);
    CHECK(day.body["venue"] == "V-meeting-1");
    CHECK(day.body["date"] == "2027-03-01");
    REQUIRE(day.body["slots"].size() == 6);
    CHECK(day.body["slots"][0] == Json{{"start", "2027-03-01T09:00:00+08:00"}, {"end", "2027-03-01T11:00:00+08:00"},
                                       {"state", "past"}});
    CHECK(day.body["slots"][1]["state"] == "past"); // 11:00 is within the 2 hours' notice
    CHECK(day.body["slots"][2]["state"] == "free");
    CHECK(d.desk.slots("V-meeting-1", "2027-03-16").value().body["slots"][0]["state"] == "closed");
    CHECK(d.desk.slots("V-reading", "2027-03-01").value().body["slots"].empty()); // closed on Mondays
    CHECK(d.desk.slots("V-nowhere", "2027-03-01").value().status == 404);
    CHECK(d.desk.slots("V-meeting-1", "2027-02-30").value().status == 400);
}

TEST_CASE("a held slot is taken for everyone else, and a confirmed one too")
{
    Desk d;
    const std::string slot = "2027-03-02T13:00:00+08:00";
    const Reply held = d.hold("V-meeting-1", slot, 8, 1);
    REQUIRE_MESSAGE(held.status == 201, held.body.dump());
    CHECK(held.body["expires_at"] == "2027-03-01T02:03:00Z"); // now + 180 s, in UTC
    CHECK(held.body["slot"] == Json{{"start", slot}, {"end", "2027-03-02T15:00:00+08:00"}});
    CHECK(d.state_of("V-meeting-1", "2027-03-02", slot) == "taken");
    check_rule(d.hold("V-meeting-1", slot, 8, 2), "taken");

    const Reply made = d.desk.confirm(held.body["hold"].get<std::string>()).value();
    REQUIRE(made.status == 201);
    CHECK(made.body["booking"]["venue"] == "V-meeting-1");
    CHECK(made.body["booking"]["start"] == slot);
    CHECK(made.body["booking"]["group_size"] == 8);
    CHECK(made.body["booking"]["cancel_until"] == "2027-03-01T05:00:00Z"); // 24 hours before
    CHECK(made.body["pass"].get<std::string>().starts_with("HK1.P.ES256.central-pass-1."));
    d.now += 3600; // long after the hold would have expired: the booking stands
    CHECK(d.state_of("V-meeting-1", "2027-03-02", slot) == "taken");
    check_rule(d.hold("V-meeting-1", slot, 8, 2), "taken");
    // Confirming again (an answer lost on the way) gives the same booking and pass.
    const Reply again = d.desk.confirm(held.body["hold"].get<std::string>()).value();
    CHECK(again.status == 201);
    CHECK(again.body == made.body);
}

TEST_CASE("a start that is not one of the venue's slots is 404, a day it does not open is closed")
{
    Desk d;
    CHECK(d.hold("V-meeting-1", "2027-03-02T14:00:00+08:00", 8, 1).status == 404);
    CHECK(d.hold("V-meeting-1", "2027-03-02T13:00:00Z", 8, 1).status == 404);
    CHECK(d.hold("V-nowhere", "2027-03-02T13:00:00+08:00", 8, 1).status == 404);
    check_rule(d.hold("V-reading", "2027-03-08T09:00:00+08:00", 2, 1), "closed"); // a Monday
}

TEST_CASE("a slot on a blackout day or beyond book_ahead_days is closed")
{
    Desk d;
    check_rule(d.hold("V-meeting-1", "2027-03-16T09:00:00+08:00", 8, 1), "closed", 14);
    CHECK(d.hold("V-meeting-1", "2027-03-15T09:00:00+08:00", 8, 1).status == 201); // day 14 is the last
    d.now = kMonday10am + 211 * 86400; // Tuesday 28 September 2027
    check_rule(d.hold("V-meeting-1", "2027-10-01T09:00:00+08:00", 8, 2), "closed");
    CHECK(d.hold("V-meeting-1", "2027-09-30T09:00:00+08:00", 8, 2).status == 201);
    CHECK(d.state_of("V-meeting-1", "2027-10-01", "2027-10-01T09:00:00+08:00") == "closed");
}

TEST_CASE("a slot starting within the notice time cannot be booked")
{
    Desk d;
    check_rule(d.hold("V-meeting-1", "2027-03-01T11:00:00+08:00", 8, 1), "too_soon", 2);
    check_rule(d.hold("V-meeting-1", "2027-03-01T09:00:00+08:00", 8, 1), "too_soon", 2);
    CHECK(d.hold("V-meeting-1", "2027-03-01T13:00:00+08:00", 8, 1).status == 201);
}

TEST_CASE("a group outside group_min to group_max is refused with the limit it breaks")
{
    Desk d;
    check_rule(d.hold("V-court-1", "2027-03-02T18:00:00+08:00", 1, 1), "group_size", 2);
    check_rule(d.hold("V-court-1", "2027-03-02T18:00:00+08:00", 21, 1), "group_size", 20);
    CHECK(d.hold("V-court-1", "2027-03-02T18:00:00+08:00", 20, 1).status == 201);
}

TEST_CASE("the weekly limit counts confirmed bookings and live holds across venues in the slot's ISO week")
{
    Desk d;
    d.book("V-meeting-1", "2027-03-02T13:00:00+08:00", 8, 1);
    const Reply court = d.hold("V-court-1", "2027-03-03T18:00:00+08:00", 4, 1); // held, not confirmed
    REQUIRE(court.status == 201);
    check_rule(d.hold("V-meeting-1", "2027-03-04T13:00:00+08:00", 8, 1), "weekly_limit", 2);
    CHECK(d.hold("V-meeting-1", "2027-03-04T13:00:00+08:00", 8, 2).status == 201); // another resident
    CHECK(d.hold("V-meeting-1", "2027-03-08T13:00:00+08:00", 8, 1).status == 201); // next week
    // The court hold expires: it no longer counts.
    d.now += kHoldSeconds + 1;
    CHECK(d.hold("V-meeting-1", "2027-03-05T13:00:00+08:00", 8, 1).status == 201);
}

TEST_CASE("an expired hold frees the slot and cannot be confirmed, and a released one neither")
{
    Desk d;
    const std::string slot = "2027-03-02T13:00:00+08:00";
    const Reply held = d.hold("V-meeting-1", slot, 8, 1);
    REQUIRE(held.status == 201);
    d.now += kHoldSeconds - 1;
    check_rule(d.hold("V-meeting-1", slot, 8, 2), "taken");
    d.now += 1;
    CHECK(d.state_of("V-meeting-1", "2027-03-02", slot) == "free");
    CHECK(d.desk.confirm(held.body["hold"].get<std::string>()).value().status == 410);
    const Reply other = d.hold("V-meeting-1", slot, 8, 2);
    REQUIRE(other.status == 201);
    CHECK(d.desk.release(other.body["hold"].get<std::string>()).value().status == 204);
    CHECK(d.state_of("V-meeting-1", "2027-03-02", slot) == "free");
    CHECK(d.desk.confirm(other.body["hold"].get<std::string>()).value().status == 410);
    CHECK(d.desk.confirm("H-unknown").value().status == 404);
    CHECK(d.desk.release("H-unknown").value().status == 404);
}

TEST_CASE("a booking is cancelled until cancel_until, twice alike, and only by its resident")
{
    Desk d;
    const std::string slot = "2027-03-03T13:00:00+08:00";
    const std::string id = d.book("V-meeting-1", slot, 8, 1);
    CHECK(d.desk.cancel_booking(id, id_body(resident_id(2))).value().status == 404);
    d.now = kMonday10am + 27 * 3600; // Tuesday 13:00: exactly 24 hours before
    const Reply first = d.desk.cancel_booking(id, id_body(resident_id(1))).value();
    CHECK(first.status == 200);
    CHECK(first.body["booking"]["state"] == "cancelled");
    CHECK(d.desk.cancel_booking(id, id_body(resident_id(1))).value().status == 200);
    CHECK(d.state_of("V-meeting-1", "2027-03-03", slot) == "free");

    const std::string late = d.book("V-meeting-1", slot, 8, 2);
    d.now += 1;
    check_rule(d.desk.cancel_booking(late, id_body(resident_id(2))).value(), "too_late", 24);
    CHECK(d.desk.cancel_booking("B-unknown", id_body(resident_id(2))).value().status == 404);
}

TEST_CASE("request bodies are read strictly")
{
    Desk d;
    Json body = Json::parse(hold_body("V-meeting-1", "2027-03-02T13:00:00+08:00", 8, 1));
    body["note"] = "x";
    CHECK(d.desk.hold(body.dump(), "k").value().status == 400);
    body.erase("note");
    body["resident"]["id_number"] = "110105199007071230";
    CHECK(d.desk.hold(body.dump(), "k").value().body["error"].get<std::string>().starts_with("resident.id_number"));
    body.erase("resident");
    CHECK(d.desk.hold(body.dump(), "k").value().status == 400);
    CHECK(d.desk.hold("[1]", "k").value().status == 400);
    CHECK(d.desk.lookup(R"({"id_number": "x"})").value().status == 400);
    CHECK(d.desk.lookup(R"({"id_number": "110105199007071236", "id_number": "110105199007071236"})").value().status ==
          400);
    CHECK(d.desk.signup(R"({"activity": "A-2027-033"})", "k").value().status == 400);
}

TEST_CASE("an activity fills its places, then its waiting list, and then is full")
{
    Desk d;
    for (int who = 1; who <= 3; ++who) {
        const Reply r = d.signup("A-2027-033", resident(who));
        REQUIRE(r.status == 201);
        CHECK(r.body["signup"]["state"] == "confirmed");
        CHECK_FALSE(r.body["signup"].contains("position"));
    }
    const Reply fourth = d.signup("A-2027-033", resident(4));
    CHECK(fourth.body["signup"]["state"] == "waiting");
    CHECK(fourth.body["signup"]["position"] == 1);
    CHECK(d.signup("A-2027-033", resident(5)).body["signup"]["position"] == 2);
    check_rule(d.signup("A-2027-033", resident(6)), "full", 3);
    check_rule(d.signup("A-2027-033", resident(4)), "already");
    check_rule(d.signup("A-2027-033", resident(1)), "already");
    CHECK(d.desk.seats("A-2027-033").value().body ==
          Json{{"activity", "A-2027-033"}, {"places", 3}, {"taken", 3}, {"waiting", 2}});
    CHECK(d.desk.seats("A-none").value().status == 404);
}

TEST_CASE("a confirmed place given up goes to the first on the waiting list")
{
    Desk d;
    std::vector<std::string> ids;
    for (int who = 1; who <= 5; ++who)
        ids.push_back(d.signup("A-2027-033", resident(who)).body["signup"]["id"]);
    CHECK(d.desk.cancel_signup(ids[1], id_body(resident_id(3))).value().status == 404); // not theirs
    const Reply gone = d.desk.cancel_signup(ids[1], id_body(resident_id(2))).value();
    CHECK(gone.status == 200);
    CHECK(gone.body["signup"]["state"] == "cancelled");
    CHECK(d.desk.seats("A-2027-033").value().body["taken"] == 3);
    CHECK(d.desk.seats("A-2027-033").value().body["waiting"] == 1);
    const Reply promoted = d.desk.lookup(id_body(resident_id(4))).value();
    REQUIRE(promoted.body["signups"].size() == 1);
    CHECK(promoted.body["signups"][0]["state"] == "confirmed");
    const Reply next = d.desk.lookup(id_body(resident_id(5))).value();
    CHECK(next.body["signups"][0]["state"] == "waiting");
    CHECK(next.body["signups"][0]["position"] == 1);
    // A waiting sign-up given up promotes no one; the place freed by a second cancel goes to 5.
    CHECK(d.desk.cancel_signup(ids[0], id_body(resident_id(1))).value().status == 200);
    CHECK(d.desk.lookup(id_body(resident_id(5))).value().body["signups"][0]["state"] == "confirmed");
    CHECK(d.desk.seats("A-2027-033").value().body["waiting"] == 0);
    CHECK(d.desk.cancel_signup(ids[0], id_body(resident_id(1))).value().status == 200); // twice alike
    CHECK(d.desk.seats("A-2027-033").value().body["taken"] == 3);
}

TEST_CASE("age limits are checked from the ID number's birth date on the activity's day")
{
    Desk d; // A-2027-031 is for 60 and over, on 5 March 2027
    CHECK(d.signup("A-2027-031", {{"name", "李阿姨"}, {"id_number", id_number_born("19670305", 1)}}).status == 201);
    check_rule(d.signup("A-2027-031", {{"name", "李阿姨"}, {"id_number", id_number_born("19670306", 2)}}),
               "not_eligible", 60);
}

TEST_CASE("sign-up closes at signup_closes")
{
    Desk d;
    d.now = 1804651200; // 2027-03-10T12:00:00+08:00, the moment it closes: still open
    CHECK(d.signup("A-2027-033", resident(1)).status == 201);
    d.now += 1;
    check_rule(d.signup("A-2027-033", resident(2)), "closed");
}

TEST_CASE("a resident's lookup lists upcoming bookings and sign-ups, soonest first")
{
    Desk d;
    d.book("V-meeting-1", "2027-03-04T13:00:00+08:00", 8, 1);
    d.book("V-court-1", "2027-03-02T18:00:00+08:00", 4, 1);
    d.book("V-meeting-1", "2027-03-03T13:00:00+08:00", 8, 2); // someone else's
    d.signup("A-2027-033", resident(1));
    d.signup("A-2027-031", {{"name", "王建国"}, {"id_number", id_number_born("19500101", 1)}});
    const Reply r = d.desk.lookup(id_body(resident_id(1))).value();
    REQUIRE(r.status == 200);
    REQUIRE(r.body["bookings"].size() == 2);
    CHECK(r.body["bookings"][0]["venue"] == "V-court-1");
    CHECK(r.body["bookings"][0]["state"] == "confirmed");
    CHECK(r.body["bookings"][1]["start"] == "2027-03-04T13:00:00+08:00");
    REQUIRE(r.body["signups"].size() == 1);
    CHECK(r.body["signups"][0]["activity"] == "A-2027-033");
    // Past bookings are not upcoming.
    d.now += 2 * 86400;
    CHECK(d.desk.lookup(id_body(resident_id(1))).value().body["bookings"].size() == 1);
}
