#include "booking_catalogue.hpp"

#include "catalogue.hpp"
#include "central_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace hk::central;
using Json = nlohmann::json;

namespace {

Json sample(const char* name)
{
    return Json::parse(std::ifstream(test::sample_catalogue() / (std::string(name) + ".json")));
}

bool known_community(std::string_view id)
{
    return id == "C-0412" || id == "C-0415";
}

// The message read_venues gives for the sample with `change` made to its first venue.
std::string venue_problem(const std::function<void(Json&)>& change)
{
    Json items = sample("venues");
    change(items[0]);
    auto venues = read_venues(items, known_community);
    return venues ? "" : venues.error().message;
}

std::string activity_problem(const std::function<void(Json&)>& change)
{
    Json items = sample("activities");
    change(items[0]);
    auto venues = read_venues(sample("venues"), known_community).value();
    auto activities = read_activities(items, venues, known_community);
    return activities ? "" : activities.error().message;
}

} // namespace

TEST_CASE("the sample venues and activities are read with their hours, rules and limits")
{
    auto venues = read_venues(sample("venues"), known_community);
    REQUIRE(venues);
    CHECK(venues->size() == 5);
    const Venue& meeting = venues->at("V-meeting-1");
    CHECK(meeting.slot_minutes == 120);
    REQUIRE(meeting.opening.size() == 2);
    CHECK(meeting.opening[0].days == 0b0011111);
    CHECK(meeting.opening[1].close_minute == 17 * 60);
    CHECK(meeting.rules.max_per_week == 2);
    CHECK(meeting.rules.blackout.size() == 4);
    auto activities = read_activities(sample("activities"), *venues, known_community);
    REQUIRE(activities);
    CHECK(activities->at("A-2027-031").age_min == 60);
    CHECK_FALSE(activities->at("A-2027-031").age_max);
    CHECK_FALSE(activities->at("A-2027-033").age_min);
    CHECK(activities->at("A-2027-033").places == 3);
    CHECK(activities->at("A-2027-033").waitlist == 2);
}

TEST_CASE("a venue that breaks a rule of the catalogue is refused naming the venue and the member")
{
    CHECK(venue_problem([](Json& v) { v["colour"] = "red"; }) == "venue V-meeting-1: colour: not a member of this item");
    CHECK(venue_problem([](Json& v) { v.erase("slot_minutes"); }) == "venue V-meeting-1: slot_minutes: missing");
    CHECK(venue_problem([](Json& v) { v["slot_minutes"] = 20; }) ==
          "venue V-meeting-1: slot_minutes: not an integer of 30 to 480");
    CHECK(venue_problem([](Json& v) { v["type"] = "garage"; }).starts_with("venue V-meeting-1: type:"));
    CHECK(venue_problem([](Json& v) { v["community"] = "C-9999"; }) ==
          "venue V-meeting-1: community: not a community of the catalogue");
    CHECK(venue_problem([](Json& v) { v["name"].erase("en"); }).starts_with("venue V-meeting-1: name:"));
    CHECK(venue_problem([](Json& v) { v["opening"][1]["close"] = "08:00"; }) ==
          "venue V-meeting-1: opening[1].close: not after open");
    CHECK(venue_problem([](Json& v) { v["opening"][0]["days"] = {1, 8}; }) ==
          "venue V-meeting-1: opening[0].days: not a list of days 1 (Monday) to 7");
    CHECK(venue_problem([](Json& v) { v["opening"][0]["days"] = {1, 1}; }) ==
          "venue V-meeting-1: opening[0].days: a day named twice");
    CHECK(venue_problem([](Json& v) { v["opening"][0]["open"] = "9:00"; }) ==
          "venue V-meeting-1: opening[0].open: not HH:MM");
    CHECK(venue_problem([](Json& v) { v["opening"] = Json::array(); }) ==
          "venue V-meeting-1: opening: not 1 to 14 periods");
    CHECK(venue_problem([](Json& v) { v["rules"]["group_max"] = 31; }) ==
          "venue V-meeting-1: rules.group_max: not an integer of 1 to 30");
    CHECK(venue_problem([](Json& v) { v["rules"]["group_min"] = 10, v["rules"]["group_max"] = 5; }) ==
          "venue V-meeting-1: rules.group_min: more than group_max");
    CHECK(venue_problem([](Json& v) { v["rules"]["book_ahead_days"] = 91; }).starts_with(
        "venue V-meeting-1: rules.book_ahead_days:"));
    CHECK(venue_problem([](Json& v) { v["rules"]["blackout"] = {"2027-02-30"}; }) ==
          "venue V-meeting-1: rules.blackout: not a list of dates YYYY-MM-DD");
    CHECK(venue_problem([](Json& v) { v["rules"]["late_fee"] = 1; }) ==
          "venue V-meeting-1: rules.late_fee: not a member of this item");
    CHECK(venue_problem([](Json& v) { v["facilities"] = {"projector", "projector"}; }).starts_with(
        "venue V-meeting-1: facilities:"));
    CHECK(venue_problem([](Json& v) { v["id"] = "V-reading"; }) == "venue V-reading: id: named twice in the catalogue");
    CHECK(venue_problem([](Json& v) { v.erase("notes"); }).empty()); // notes are optional
}

TEST_CASE("an activity that breaks a rule of the catalogue is refused naming the activity and the member")
{
    CHECK(activity_problem([](Json& a) { a["age_min"] = 60; }) ==
          "activity A-2027-031: age_min: not a member of this item");
    CHECK(activity_problem([](Json& a) { a["venue"] = "V-none"; }) ==
          "activity A-2027-031: venue: not a venue of the catalogue");
    CHECK(activity_problem([](Json& a) { a["places"] = 0; }) ==
          "activity A-2027-031: places: not an integer of 1 to 1000");
    CHECK(activity_problem([](Json& a) { a["waitlist"] = -1; }).starts_with("activity A-2027-031: waitlist:"));
    CHECK(activity_problem([](Json& a) { a["end"] = a["start"]; }) == "activity A-2027-031: end: not after start");
    CHECK(activity_problem([](Json& a) { a["start"] = "2027-03-05 14:30"; }) ==
          "activity A-2027-031: start: not an RFC 3339 time with its offset");
    CHECK(activity_problem([](Json& a) { a["signup_closes"] = "2027-03-06T12:00:00+08:00"; }) ==
          "activity A-2027-031: signup_closes: after start");
    CHECK(activity_problem([](Json& a) { a["who"]["age_max"] = 50; }) ==
          "activity A-2027-031: who.age_min: more than age_max");
    CHECK(activity_problem([](Json& a) { a["who"].erase("community_only"); }) ==
          "activity A-2027-031: who.community_only: not true or false");
    CHECK(activity_problem([](Json& a) { a["who"]["residents_only"] = true; }) ==
          "activity A-2027-031: who.residents_only: not a member of this item");
    CHECK(activity_problem([](Json& a) { a.erase("who"); }).empty()); // who is optional
}

TEST_CASE("the central side will not start with a bad venue, and says which file, item and member")
{
    hk::uplink::test::ScratchDir dir;
    for (const auto name : kCatalogueNames)
        std::filesystem::copy_file(test::sample_catalogue() / (std::string(name) + ".json"),
                                   dir.path() / (std::string(name) + ".json"));
    Json venues = sample("venues");
    venues[2]["rules"].erase("max_per_week");
    hk::uplink::test::write_file(dir.path() / "venues.json", venues.dump());
    auto loaded = Catalogue::load(dir.path());
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().message ==
          "catalogue: " + (dir.path() / "venues.json").string() + ": venue V-court-1: rules.max_per_week: missing");
}
