// Tests of reading the service directory, the volunteer teams and the traffic safety pages: the
// sample catalogue reads whole, each bound is held to, and an item that does not read is left
// out alone.
#include "directory_items.hpp"
#include "parsed_document.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace hk;
using namespace hk::uplink;
using nlohmann::json;
using hk::uplink::test::document;
using hk::uplink::test::ok;
using hk::uplink::test::sample_items;

namespace {

// How many items of `name`'s sample are left out with `change` made to the first.
template <typename Read> std::size_t left_out(const char* name, Read read, const std::function<void(json&)>& change)
{
    json items = sample_items(name);
    change(items[0]);
    const auto r = ok(read(document(items)));
    CHECK(r.items.size() + r.left_out == items.size());
    return r.left_out;
}

} // namespace

TEST_CASE("the sample directory reads whole, with sectors, phones and the communities served")
{
    const auto r = ok(read_directory(document(sample_items("directory"))));
    CHECK(r.left_out == 0);
    REQUIRE(r.items.size() == 20);
    const DirectoryService& legal = r.items[3];
    CHECK(legal.id == "D-legal-1");
    CHECK(legal.sector == Sector::legal);
    CHECK(legal.name.in(Lang::zh_Hant) == "社區法律顧問");
    CHECK(legal.provider.in(Lang::en) == "District Justice Bureau's community lawyers");
    CHECK(legal.phone == "0755-0000 1201");
    REQUIRE(legal.how);
    CHECK(legal.communities == std::vector<std::string>{"C-0412"});
    CHECK(r.items[2].how == std::nullopt);
    CHECK(r.items[0].communities.empty());
    for (Sector s : kSectors) {
        CAPTURE(sector_name(s));
        CHECK(sector_from_name(sector_name(s)) == s);
        CHECK(std::ranges::count(r.items, s, &DirectoryService::sector) >= 2);
    }
}

TEST_CASE("the sample teams read, one per grid, and a grid without a team has none")
{
    const auto r = ok(read_teams(document(sample_items("teams"))));
    CHECK(r.left_out == 0);
    REQUIRE(r.items.size() == 4);
    const VolunteerTeam* t = find_team(r.items, "C-0412", "G-0412-07");
    REQUIRE(t);
    CHECK(t->id == "T-0412-07");
    CHECK(t->leader == "陈志明");
    CHECK(t->members == 18);
    CHECK(t->offers.in(Lang::en) == "Evening patrols, e-bike safety advice, taking in parcels");
    CHECK(find_team(r.items, "C-0415", "G-0415-02") == nullptr);
    CHECK(find_team(r.items, "C-0415", "G-0412-07") == nullptr); // a grid is a community's
}

TEST_CASE("the sample traffic safety pages read in catalogue order with their paragraphs")
{
    const auto r = ok(read_traffic_safety(document(sample_items("traffic_safety"))));
    CHECK(r.left_out == 0);
    REQUIRE(r.items.size() == 5);
    CHECK(r.items[0].id == "TS-helmet");
    CHECK(r.items[4].id == "TS-visible");
    CHECK(r.items[0].paragraphs.size() == 3);
    CHECK(r.items[1].title.in(Lang::zh_Hans) == "过马路，走斑马线");
}

TEST_CASE("a directory service that breaks a rule is left out alone")
{
    const auto read = [](std::string_view d) { return read_directory(d); };
    CHECK(left_out("directory", read, [](json&) {}) == 0);
    CHECK(left_out("directory", read, [](json& s) { s["sector"] = "housing"; }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s.erase("hours"); }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["phone"] = "call 0755"; }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["phone"] = std::string(21, '1'); }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["phone"] = ""; }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["how"] = "ask"; }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["communities"] = json::array(); }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["communities"] = {"C-0412", "C-0412"}; }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["communities"] = {"C 0412"}; }) == 1);
    CHECK(left_out("directory", read, [](json& s) { s["id"] = "D-legal-1"; }) == 1);        // the second is left out
    CHECK(left_out("directory", read, [](json& s) { s["email"] = "x@example.org"; }) == 0); // a later member
}

TEST_CASE("a team that breaks a rule, or a second team for a grid, is left out alone")
{
    const auto read = [](std::string_view d) { return read_teams(d); };
    CHECK(left_out("teams", read, [](json& t) { t["members"] = 0; }) == 1);
    CHECK(left_out("teams", read, [](json& t) { t["members"] = 1000; }) == 1);
    CHECK(left_out("teams", read, [](json& t) { t["leader"] = ""; }) == 1);
    CHECK(left_out("teams", read, [](json& t) { t["leader"] = std::string(129, 'a'); }) == 1);
    CHECK(left_out("teams", read, [](json& t) { t.erase("offers"); }) == 1);
    CHECK(left_out("teams", read, [](json& t) { t["grid"] = 7; }) == 1);
    json items = sample_items("teams");
    items[1]["grid"] = items[0]["grid"];
    const auto r = ok(read_teams(document(items)));
    CHECK(r.left_out == 1);
    CHECK(find_team(r.items, "C-0412", "G-0412-01")->id == "T-0412-01"); // the first one kept
}

TEST_CASE("a traffic safety page with no paragraphs, too many or too long ones is left out alone")
{
    const auto read = [](std::string_view d) { return read_traffic_safety(d); };
    CHECK(left_out("traffic_safety", read, [](json& p) { p["paragraphs"] = json::array(); }) == 1);
    CHECK(left_out("traffic_safety", read, [](json& p) {
              while (p["paragraphs"].size() <= kMaxSafetyParagraphs)
                  p["paragraphs"].push_back(p["paragraphs"][0]);
          }) == 1);
    std::string long_text;
    for (int i = 0; i < 400; ++i)
        long_text += "盔"; // 400 characters, 1200 bytes: more than a name may have, as a paragraph may
    CHECK(left_out("traffic_safety", read, [&](json& p) { p["paragraphs"][0]["zh-Hans"] = long_text; }) == 0);
    CHECK(left_out("traffic_safety", read, [&](json& p) { p["paragraphs"][0]["zh-Hans"] = long_text + long_text; }) ==
          1);
    CHECK(left_out("traffic_safety", read, [](json& p) { p["summary"] = json::object(); }) == 1);
}

TEST_CASE("a document that is not a catalogue document is refused whole")
{
    CHECK(std::holds_alternative<ParseError>(read_directory("[]")));
    CHECK(std::holds_alternative<ParseError>(read_teams(R"({"name": "teams", "items": {}})")));
    CHECK(std::holds_alternative<ParseError>(read_traffic_safety("{")));
}
