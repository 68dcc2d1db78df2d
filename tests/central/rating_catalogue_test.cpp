// The windows and rating_reasons catalogues read strictly, each refusal naming item and member.
#include "rating_catalogue.hpp"

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

// The message read_windows gives for the sample with `change` made to its third window.
std::string window_problem(const std::function<void(Json&)>& change)
{
    Json items = sample("windows");
    change(items[2]);
    auto windows = read_windows(items);
    return windows ? "" : windows.error().message;
}

std::string reason_problem(const std::function<void(Json&)>& change)
{
    Json items = sample("rating_reasons");
    change(items[0]);
    auto reasons = read_rating_reasons(items);
    return reasons ? "" : reasons.error().message;
}

} // namespace

TEST_CASE("the sample windows and rating reasons are read with halls, numbers and subjects")
{
    const Catalogue catalogue = test::loaded_sample();
    const Window* w3 = catalogue.window("W-001-03");
    REQUIRE(w3);
    CHECK(w3->hall == "demo-hall-001");
    CHECK(w3->number == 3);
    CHECK(w3->anonymous);
    REQUIRE(catalogue.window("W-001-05"));
    CHECK_FALSE(catalogue.window("W-001-05")->anonymous);
    CHECK_FALSE(catalogue.window("W-001-07"));
    const RatingReason* wait = catalogue.rating_reason("wait_long");
    REQUIRE(wait);
    CHECK(wait->subjects == (subject_bit(SubjectKind::visit) | subject_bit(SubjectKind::window)));
    CHECK_FALSE(catalogue.rating_reason("too_cold"));
    CHECK(read_rating_reasons(sample("rating_reasons"))->size() >= 8);
}

TEST_CASE("a window that breaks a rule of the catalogue is refused naming the window and the member")
{
    CHECK(window_problem([](Json&) {}).empty());
    CHECK(window_problem([](Json& w) { w["floor"] = 2; }) == "window W-001-03: floor: not a member of this item");
    CHECK(window_problem([](Json& w) { w.erase("anonymous"); }) == "window W-001-03: anonymous: missing");
    CHECK(window_problem([](Json& w) { w["anonymous"] = "yes"; }) == "window W-001-03: anonymous: not true or false");
    CHECK(window_problem([](Json& w) { w["number"] = 0; }) == "window W-001-03: number: not an integer of 1 to 99");
    CHECK(window_problem([](Json& w) { w["number"] = 100; }) == "window W-001-03: number: not an integer of 1 to 99");
    CHECK(window_problem([](Json& w) { w["number"] = 5; }) ==
          "window W-001-05: number: 5 is another window's of hall demo-hall-001");
    // The same number in another hall is another window.
    CHECK(window_problem([](Json& w) {
              w["number"] = 5;
              w["hall"] = "demo-hall-002";
          }).empty());
    CHECK(window_problem([](Json& w) { w["hall"] = "hall 1"; }) ==
          "window W-001-03: hall: not an id (1 to 64 of A-Z a-z 0-9 . _ -)");
    CHECK(window_problem([](Json& w) { w["name"].erase("zh-Hant"); }) ==
          "window W-001-03: name: not an object of zh-Hans, zh-Hant and en");
    CHECK(window_problem([](Json& w) { w["id"] = "W-001-01"; }) == "window W-001-01: id: named twice in the catalogue");
    CHECK(window_problem([](Json& w) { w["id"] = "W.001.03"; }) ==
          "window W.001.03: id: not a window id (1 to 64 of A-Z a-z 0-9 _ -)");
    Json items = sample("windows");
    items[1] = "W-001-02";
    CHECK(read_windows(items).error().message == "window #2: item: not an object");
}

TEST_CASE("a rating reason that breaks a rule of the catalogue is refused naming the reason and the member")
{
    CHECK(reason_problem([](Json&) {}).empty());
    const std::string form = "not 1 to 4 of visit, window, request and booking, none twice";
    CHECK(reason_problem([](Json& r) { r["subjects"] = Json::array(); }) ==
          "rating reason wait_long: subjects: " + form);
    CHECK(reason_problem([](Json& r) {
              r["subjects"] = {"visit", "visit"};
          }) == "rating reason wait_long: subjects: " + form);
    CHECK(reason_problem([](Json& r) {
              r["subjects"] = {"visit", "hall"};
          }) == "rating reason wait_long: subjects: " + form);
    CHECK(reason_problem([](Json& r) { r.erase("text"); }) == "rating reason wait_long: text: missing");
    CHECK(reason_problem([](Json& r) { r["text"]["en"] = ""; }) ==
          "rating reason wait_long: text.en: not a non-empty string");
    CHECK(reason_problem([](Json& r) { r["order"] = 1; }) ==
          "rating reason wait_long: order: not a member of this item");
}

TEST_CASE("a catalogue folder whose windows or keys break a rule does not load, naming file, item and member")
{
    hk::uplink::test::ScratchDir dir;
    for (const auto name : kCatalogueNames) {
        const std::string file = std::string(name) + ".json";
        std::filesystem::copy_file(test::sample_catalogue() / file, dir.path() / file);
    }
    SUBCASE("windows")
    {
        Json items = sample("windows");
        items[0]["number"] = "1";
        hk::uplink::test::write_file(dir.path() / "windows.json", items.dump());
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.ends_with("windows.json: window W-001-01: number: not an integer of 1 to 99"));
    }
    SUBCASE("keys")
    {
        Json items = sample("keys");
        items[0]["alg"] = "HS256";
        hk::uplink::test::write_file(dir.path() / "keys.json", items.dump());
        auto c = Catalogue::load(dir.path());
        REQUIRE_FALSE(c);
        CHECK(c.error().message.ends_with("keys.json: key district-2026: alg: not ES256 or EdDSA"));
    }
    SUBCASE("the keys are loaded to verify codes with")
    {
        auto c = Catalogue::load(dir.path());
        REQUIRE(c);
        CHECK(c->trusted_keys().find("district-2026"));
        CHECK(c->trusted_keys().size() == 1);
    }
}
