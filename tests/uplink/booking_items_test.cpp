// Tests of reading venues, activities and the central side's booking answers: the protocol's
// examples read, each bound and rule is held to, and an item that does not read is left out alone.
#include "booking_items.hpp"
#include "parsed_document.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace hk;
using namespace hk::uplink;
using nlohmann::json;
using hk::uplink::test::document;
using hk::uplink::test::ok;

namespace {

json sample_venue()
{
    return json::parse(R"({"id": "V-meeting-1", "community": "C-0412", "type": "meeting_room",
 "name": {"zh-Hans": "多功能会议室", "zh-Hant": "多功能會議室", "en": "Multi-purpose meeting room"},
 "capacity": 30, "facilities": ["projector", "whiteboard"],
 "opening": [{"days": [1, 2, 3, 4, 5], "open": "09:00", "close": "21:00"},
             {"days": [6, 7], "open": "09:00", "close": "17:00"}],
 "slot_minutes": 120,
 "rules": {"book_ahead_days": 14, "min_notice_hours": 2, "max_per_week": 2,
           "group_min": 1, "group_max": 30, "cancel_before_hours": 24,
           "blackout": ["2026-10-01", "2026-10-02"]},
 "notes": {"zh-Hans": "请保持整洁"}})");
}

json sample_activity()
{
    return json::parse(R"({"id": "A-2026-031", "community": "C-0412", "venue": "V-meeting-1",
 "title": {"zh-Hans": "长者智能手机课堂", "en": "Smartphone class"},
 "start": "2026-03-05T14:30:00+08:00", "end": "2026-03-05T16:00:00+08:00",
 "places": 25, "waitlist": 10, "signup_closes": "2026-03-05T12:00:00+08:00",
 "who": {"age_min": 60, "age_max": null, "community_only": false}})");
}

} // namespace

TEST_CASE("a venue reads with its opening hours, slot length, rules and facilities")
{
    const auto& read = ok(read_venues(document(json::array({sample_venue()}))));
    REQUIRE(read.items.size() == 1);
    const Venue& v = read.items[0];
    CHECK(v.type == VenueType::meeting_room);
    CHECK(v.capacity == 30);
    CHECK(v.slot_minutes == 120);
    REQUIRE(v.opening.size() == 2);
    CHECK(v.opening[0].days[1]);
    CHECK_FALSE(v.opening[0].days[6]);
    CHECK(v.opening[0].open_minute == 9 * 60);
    CHECK(v.opening[1].close_minute == 17 * 60);
    CHECK(v.rules.max_per_week == 2);
    CHECK(v.rules.cancel_before_hours == 24);
    CHECK(v.rules.blackout == std::vector<std::string>{"2026-10-01", "2026-10-02"});
    CHECK(v.facilities == std::vector<std::string>{"projector", "whiteboard"});
    REQUIRE(v.notes);
    CHECK(v.notes->in(Lang::zh_Hans) == "请保持整洁");
}

TEST_CASE("a venue out of bounds is left out alone, the others read")
{
    std::vector<json> bad;
    const auto with = [&](auto change) {
        json v = sample_venue();
        change(v);
        v["id"] = "V-bad-" + std::to_string(bad.size());
        bad.push_back(v);
    };
    with([](json& v) { v["type"] = "swimming_pool"; });
    with([](json& v) { v["capacity"] = 0; });
    with([](json& v) { v["slot_minutes"] = 20; });
    with([](json& v) { v["opening"][0]["open"] = "21:00"; });
    with([](json& v) { v["opening"][0]["days"] = json::array({0}); });
    with([](json& v) { v["opening"][0]["close"] = "25:00"; });
    with([](json& v) { v["opening"] = json::array(); });
    with([](json& v) { v["rules"]["group_max"] = 31; });
    with([](json& v) { v["rules"]["group_min"] = 5, v["rules"]["group_max"] = 4; });
    with([](json& v) { v["rules"]["blackout"] = json::array({"2026-02-30"}); });
    with([](json& v) { v["rules"]["book_ahead_days"] = 91; });
    with([](json& v) { v["rules"].erase("max_per_week"); });
    with([](json& v) { v["facilities"] = json::array({"bad id!"}); });
    json all = json::array({sample_venue()});
    for (const json& b : bad)
        all.push_back(b);
    const auto& read = ok(read_venues(document(all)));
    CHECK(read.items.size() == 1);
    CHECK(read.left_out == bad.size());
}

TEST_CASE("an activity reads with its places, waiting list, closing time and who may join")
{
    const auto& read = ok(read_activities(document(json::array({sample_activity()}))));
    REQUIRE(read.items.size() == 1);
    const Activity& a = read.items[0];
    CHECK(a.places == 25);
    CHECK(a.waitlist == 10);
    CHECK(a.signup_closes == "2026-03-05T12:00:00+08:00");
    CHECK(a.age_min == 60);
    CHECK_FALSE(a.age_max);
    CHECK_FALSE(a.community_only);
    json ends_first = sample_activity();
    ends_first["end"] = "2026-03-05T14:00:00+08:00";
    json no_title = sample_activity();
    no_title["id"] = "A-2";
    no_title.erase("title");
    CHECK(ok(read_activities(document(json::array({ends_first, no_title})))).left_out == 2);
}

TEST_CASE("a day's slots read in order, and only for the venue and day asked")
{
    const std::string text = R"({"venue": "V-1", "date": "2026-03-02", "slots": [
        {"start": "2026-03-02T09:00:00+08:00", "end": "2026-03-02T11:00:00+08:00", "state": "free"},
        {"start": "2026-03-02T11:00:00+08:00", "end": "2026-03-02T13:00:00+08:00", "state": "taken"},
        {"start": "2026-03-02T13:00:00+08:00", "end": "2026-03-02T15:00:00+08:00", "state": "past"}]})";
    const auto& slots = ok(read_day_slots(text, "V-1", "2026-03-02"));
    REQUIRE(slots.size() == 3);
    CHECK(slots[0].state == SlotState::free);
    CHECK(slots[1].state == SlotState::taken);
    CHECK(slots[2].state == SlotState::past);
    CHECK(std::holds_alternative<ParseError>(read_day_slots(text, "V-2", "2026-03-02")));
    CHECK(std::holds_alternative<ParseError>(read_day_slots(text, "V-1", "2026-03-03")));
    json overlapping = json::parse(text);
    overlapping["slots"][1]["start"] = "2026-03-02T10:00:00+08:00";
    CHECK(std::holds_alternative<ParseError>(read_day_slots(overlapping.dump(), "V-1", "2026-03-02")));
    json unknown = json::parse(text);
    unknown["slots"][0]["state"] = "maybe";
    CHECK(std::holds_alternative<ParseError>(read_day_slots(unknown.dump(), "V-1", "2026-03-02")));
}

TEST_CASE("a refusal names its rule and figure, and an unknown rule is not guessed at")
{
    const Refusal& r = ok(read_refusal(R"({"error": "at most 2 a week", "rule": "weekly_limit", "limit": 2})"));
    CHECK(r.rule == BookingRule::weekly_limit);
    CHECK(r.limit == 2);
    CHECK(ok(read_refusal(R"({"rule": "taken"})")).rule == BookingRule::taken);
    CHECK(std::holds_alternative<ParseError>(read_refusal(R"({"rule": "because"})")));
    CHECK(std::holds_alternative<ParseError>(read_refusal(R"({"error": "no"})")));
    CHECK(booking_rule_name(BookingRule::not_eligible) == "not_eligible");
}

TEST_CASE("a hold, a confirmation with its pass, a cancellation and a resident's items read")
{
    const Hold& h = ok(read_hold(R"({"hold": "H-1", "expires_at": "2026-03-01T06:03:00Z",
        "slot": {"start": "2026-03-02T14:00:00+08:00", "end": "2026-03-02T16:00:00+08:00"}})"));
    CHECK(h.id == "H-1");
    CHECK(std::holds_alternative<ParseError>(
        read_hold(R"({"hold": "H-1", "expires_at": "2026-03-01T14:03:00+08:00", "slot": {}})")));
    const std::string booking = R"({"id": "B-1", "venue": "V-1", "start": "2026-03-02T14:00:00+08:00",
        "end": "2026-03-02T16:00:00+08:00", "group_size": 8, "cancel_until": "2026-03-01T06:00:00Z"})";
    const Confirmed& c = ok(read_confirmed(R"({"booking": )" + booking + R"(, "pass": "HK1.e30.c2ln"})"));
    CHECK(c.booking.id == "B-1");
    CHECK(c.booking.state == "confirmed");
    CHECK(c.pass == "HK1.e30.c2ln");
    CHECK(std::holds_alternative<ParseError>(read_confirmed(R"({"booking": )" + booking + "}")));
    json cancelled = json::parse(booking);
    cancelled["state"] = "cancelled";
    CHECK(ok(read_cancelled(json{{"booking", cancelled}}.dump())).state == "cancelled");
    const ResidentItems& items = ok(read_resident_items(R"({"bookings": [)" + booking +
                                                        R"(], "signups": [{"id": "S-1", "activity": "A-1",
        "state": "waiting", "position": 3}]})"));
    CHECK(items.bookings.size() == 1);
    REQUIRE(items.signups.size() == 1);
    CHECK(items.signups[0].position == 3);
    CHECK(std::holds_alternative<ParseError>(read_resident_items(R"({"bookings": []})")));
}

TEST_CASE("a sign-up is confirmed or waiting with its place in the queue, and seats add up")
{
    CHECK(ok(read_signup(R"({"signup": {"id": "S-1", "activity": "A-1", "state": "confirmed"}})")).state ==
          "confirmed");
    CHECK(std::holds_alternative<ParseError>(
        read_signup(R"({"signup": {"id": "S-1", "activity": "A-1", "state": "waiting"}})")));
    const Seats& s = ok(read_seats(R"({"activity": "A-1", "places": 25, "taken": 19, "waiting": 0})", "A-1"));
    CHECK(s.taken == 19);
    CHECK(std::holds_alternative<ParseError>(
        read_seats(R"({"activity": "A-1", "places": 25, "taken": 26, "waiting": 0})", "A-1")));
    CHECK(std::holds_alternative<ParseError>(
        read_seats(R"({"activity": "A-2", "places": 25, "taken": 1, "waiting": 0})", "A-1")));
}
