#include "directory_catalogue.hpp"

#include "catalogue.hpp"
#include "central_support.hpp"

#include <doctest/doctest.h>


using namespace hk::central;
using hk::uplink::test::ScratchDir;
using hk::uplink::test::write_file;
using Json = nlohmann::json;

namespace {

bool known_community(std::string_view id)
{
    return id == "C-0412" || id == "C-0415";
}

bool known_grid(std::string_view community, std::string_view grid)
{
    return (community == "C-0412" && (grid == "G-0412-01" || grid == "G-0412-02" || grid == "G-0412-07")) ||
           (community == "C-0415" && grid == "G-0415-01");
}

// The message each reader gives for its sample with `change` made to the first item ("" when
// it reads).
std::string service_problem(const std::function<void(Json&)>& change)
{
    Json items = test::sample_items("directory");
    change(items[0]);
    auto read = read_directory(items, known_community);
    return read ? "" : read.error().message;
}

std::string team_problem(const std::function<void(Json&)>& change)
{
    Json items = test::sample_items("teams");
    change(items[0]);
    auto read = read_teams(items, known_community, known_grid);
    return read ? "" : read.error().message;
}

std::string page_problem(const std::function<void(Json&)>& change)
{
    Json items = test::sample_items("traffic_safety");
    change(items[0]);
    auto read = read_traffic_safety(items);
    return read ? "" : read.error().message;
}

} // namespace

TEST_CASE("the sample directory has services in every sector, in the three languages")
{
    auto services = read_directory(test::sample_items("directory"), known_community);
    REQUIRE(services);
    for (const std::string_view sector : kDirectorySectors) {
        CAPTURE(sector);
        const auto n = std::ranges::count_if(*services, [&](const auto& s) { return s.second.sector == sector; });
        CHECK(n >= 2);
        CHECK(n <= 4);
    }
    CHECK(services->at("D-legal-1").communities == std::vector<std::string>{"C-0412"});
    CHECK(services->at("D-gov-1").communities.empty());
}

TEST_CASE("the sample teams and traffic safety pages read, with a grid deliberately left without a team")
{
    const auto catalogue = test::loaded_sample();
    auto teams = read_teams(
        test::sample_items("teams"), [&](std::string_view c) { return catalogue.has_community(c); },
        [&](std::string_view c, std::string_view g) { return catalogue.has_grid(c, g); });
    REQUIRE(teams);
    CHECK(teams->size() == 4);
    CHECK(teams->at("T-0412-07").grid == "G-0412-07");
    CHECK(catalogue.has_grid("C-0415", "G-0415-02"));
    CHECK(std::ranges::none_of(*teams, [](const auto& t) { return t.second.grid == "G-0415-02"; }));
    auto pages = read_traffic_safety(test::sample_items("traffic_safety"));
    REQUIRE(pages);
    CHECK(pages->size() == 5);
    CHECK(pages->at("TS-helmet").paragraphs == 3);
}

TEST_CASE("a directory service that breaks a rule is refused, naming the service and the member")
{
    CHECK(service_problem([](Json&) {}) == "");
    CHECK(service_problem([](Json& s) { s.erase("hours"); }) == "service D-gov-1: hours: missing");
    CHECK(service_problem([](Json& s) { s["sector"] = "housing"; }) ==
          "service D-gov-1: sector: not government, legal, education, health, culture_sports, social, talent or "
          "public_welfare");
    CHECK(service_problem([](Json& s) { s["email"] = "x@example.org"; }) ==
          "service D-gov-1: email: not a member of this item");
    CHECK(service_problem([](Json& s) { s["phone"] = "0755-0000 1101 ext. 3"; }) ==
          "service D-gov-1: phone: not 1 to 20 of 0-9, -, + and spaces");
    CHECK(service_problem([](Json& s) { s["phone"] = "+86 755 0000 1101 123"; }) ==
          "service D-gov-1: phone: not 1 to 20 of 0-9, -, + and spaces");
    CHECK(service_problem([](Json& s) { s["phone"] = "+86 755 0000 1101"; }) == "");
    CHECK(service_problem([](Json& s) { s["name"].erase("zh-Hant"); }) ==
          "service D-gov-1: name: not an object of zh-Hans, zh-Hant and en");
    CHECK(service_problem([](Json& s) { s["how"]["en"] = ""; }) == "service D-gov-1: how.en: not a non-empty string");
    CHECK(service_problem([](Json& s) { s.erase("how"); }) == "");
    CHECK(service_problem([](Json& s) { s["communities"] = Json::array({"C-0499"}); }) ==
          "service D-gov-1: communities: not a list of communities of the catalogue");
    CHECK(service_problem([](Json& s) { s["communities"] = Json::array(); }) ==
          "service D-gov-1: communities: not a list of communities of the catalogue");
    CHECK(service_problem([](Json& s) {
              s["communities"] = Json::array({"C-0412", "C-0412"});
          }) == "service D-gov-1: communities: C-0412 named twice");
    CHECK(service_problem([](Json& s) { s["id"] = "D-legal-1"; }) ==
          "service D-legal-1: id: named twice in the catalogue");
    CHECK(service_problem([](Json& s) { s["id"] = "D gov 1"; }) ==
          "service D gov 1: id: not an id (1 to 64 of A-Z a-z 0-9 . _ -)");
}

TEST_CASE("a team that breaks a rule is refused, naming the team and the member")
{
    CHECK(team_problem([](Json&) {}) == "");
    CHECK(team_problem([](Json& t) { t["grid"] = "G-0415-01"; }) == "team T-0412-01: grid: not a grid of C-0412");
    CHECK(team_problem([](Json& t) { t["community"] = "C-0499"; }) ==
          "team T-0412-01: community: not a community of the catalogue");
    CHECK(team_problem([](Json& t) { t["grid"] = "G-0412-07"; }) ==
          "team T-0412-07: grid: G-0412-07 already has team T-0412-01");
    CHECK(team_problem([](Json& t) { t["members"] = 0; }) == "team T-0412-01: members: not an integer of 1 to 999");
    CHECK(team_problem([](Json& t) { t["members"] = 1000; }) == "team T-0412-01: members: not an integer of 1 to 999");
    CHECK(team_problem([](Json& t) { t["leader"] = ""; }) ==
          "team T-0412-01: leader: not 1 to 32 characters without control characters");
    CHECK(team_problem([](Json& t) { t["leader"] = std::string(33, 'a'); }) ==
          "team T-0412-01: leader: not 1 to 32 characters without control characters");
    CHECK(team_problem([](Json& t) { t["leader"] = "李\n红梅"; }) ==
          "team T-0412-01: leader: not 1 to 32 characters without control characters");
    // 32 characters of three bytes each are still 32 characters.
    std::string long_name;
    for (int i = 0; i < 32; ++i)
        long_name += "梅";
    CHECK(team_problem([&](Json& t) { t["leader"] = long_name; }) == "");
    CHECK(team_problem([](Json& t) { t.erase("offers"); }) == "team T-0412-01: offers: missing");
    CHECK(team_problem([](Json& t) { t["photo"] = "x.png"; }) == "team T-0412-01: photo: not a member of this item");
    CHECK(team_problem([](Json& t) { t["phone"] = 13800000412; }) ==
          "team T-0412-01: phone: not 1 to 20 of 0-9, -, + and spaces");
}

TEST_CASE("a traffic safety page that breaks a rule is refused, naming the page and the paragraph")
{
    CHECK(page_problem([](Json&) {}) == "");
    CHECK(page_problem([](Json& p) { p["paragraphs"] = Json::array(); }) ==
          "page TS-helmet: paragraphs: not 1 to 12 paragraphs");
    CHECK(page_problem([](Json& p) {
              while (p["paragraphs"].size() < 13)
                  p["paragraphs"].push_back(p["paragraphs"][0]);
          }) == "page TS-helmet: paragraphs: not 1 to 12 paragraphs");
    std::string chars_400;
    for (int i = 0; i < 400; ++i)
        chars_400 += "盔";
    CHECK(page_problem([&](Json& p) { p["paragraphs"][1]["zh-Hans"] = chars_400; }) == "");
    CHECK(page_problem([&](Json& p) { p["paragraphs"][1]["zh-Hans"] = chars_400 + "。"; }) ==
          "page TS-helmet: paragraphs[1].zh-Hans: more than 400 characters");
    CHECK(page_problem([](Json& p) { p["paragraphs"][2] = "戴头盔"; }) ==
          "page TS-helmet: paragraphs[2]: not an object of zh-Hans, zh-Hant and en");
    CHECK(page_problem([](Json& p) { p.erase("summary"); }) == "page TS-helmet: summary: missing");
    CHECK(page_problem([](Json& p) { p["picture"] = "helmet.png"; }) ==
          "page TS-helmet: picture: not a member of this item");
}

TEST_CASE("the central side does not start with a directory, team or page that breaks a rule")
{
    ScratchDir dir;
    for (const auto name : kCatalogueNames) {
        const std::string file = std::string(name) + ".json";
        std::filesystem::copy_file(test::sample_catalogue() / file, dir.path() / file);
    }
    REQUIRE(Catalogue::load(dir.path()));
    SUBCASE("a team for a grid of another community")
    {
        Json teams = test::sample_items("teams");
        teams[0]["grid"] = "G-0415-02";
        write_file(dir.path() / "teams.json", teams.dump());
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.find("teams.json: team T-0412-01: grid: not a grid of C-0412") != std::string::npos);
    }
    SUBCASE("a service in a sector the protocol does not name")
    {
        Json directory = test::sample_items("directory");
        directory[3]["sector"] = "shopping";
        write_file(dir.path() / "directory.json", directory.dump());
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.find("directory.json: service D-legal-1: sector:") != std::string::npos);
    }
    SUBCASE("no traffic safety file")
    {
        std::filesystem::remove(dir.path() / "traffic_safety.json");
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.find("traffic_safety.json") != std::string::npos);
    }
}
