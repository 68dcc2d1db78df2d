// The service directory, help near me and the traffic service point end to end, as residents use
// them: the real hallkiosk binary in demo mode driven by scripts under SDL's offscreen driver,
// enrolled with the reference central server, whose sample catalogue it reads (and keeps, for the
// day the central side cannot be reached). Every run keeps its screenshots (build tree:
// screenshots/directory/...) and the receipts the printer made.
#include "enrolled_kiosk.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace hk;
using namespace hk::test;
namespace fs = std::filesystem;

namespace {

// kiosk-test.toml as a traffic service point whose traffic request files under `groups` (a TOML
// list), or as a hall when `traffic` is false.
std::string site_config(const std::string& test, bool traffic, const std::string& groups = "[\"traffic\"]")
{
    std::ifstream in(HK_SOURCE_DIR "/tests/data/kiosk-test.toml");
    std::stringstream out;
    for (std::string line; std::getline(in, line);)
        out << (traffic && line == "site_profile = \"hall\"" ? "site_profile = \"traffic-point\"" : line) << '\n';
    out << "[services.traffic_request]\ngroups = " << groups << '\n';
    const fs::path dir = fs::path(HK_TEST_OUTPUT) / "directory" / ("configs-" + test);
    fs::create_directories(dir);
    const fs::path file = dir / "kiosk.toml";
    std::ofstream(file) << out.str();
    return file.string();
}

// The share of a receipt's dots that are printed (dark).
double ink(const Image& receipt)
{
    std::size_t dark = 0;
    for (std::size_t i = 0; i < receipt.rgba.size(); i += 4)
        dark += receipt.rgba[i] < 128 ? 1 : 0;
    return static_cast<double>(dark) / static_cast<double>(receipt.rgba.size() / 4);
}

bool has_line(const Run& r, const std::string& text)
{
    return r.output.find(text) != std::string::npos;
}

// The screenshots `names` of run `run`, each drawn, each unlike the one before it.
void expect_shots(const EnrolledKiosk& k, const std::string& run, const std::vector<std::string>& names)
{
    std::vector<Image> shots;
    for (const std::string& name : names) {
        shots.push_back(load(k.dir() / run / (name + ".png")));
        CHECK_MESSAGE(looks_drawn(shots.back()), name << " is blank");
        if (shots.size() > 1)
            CHECK_MESSAGE(difference(shots[shots.size() - 2], shots.back()) > 0.002, name << " did not change");
    }
}

const std::string kDirectory = R"(await catalogue
tap attract.start
shot home
tap home.tile.service_directory
shot sectors
tap directory.sector.legal
shot legal
tap directory.service.D-legal-1
shot legal-1
tap top.lang.en
shot legal-1-en
tap top.lang.zh-Hant
shot legal-1-hant
tap nav.back
tap nav.back
tap top.large_text
shot sectors-large
tap directory.sector.health
shot health-large
)";

} // namespace

TEST_CASE("the directory shows its sectors, a sector's services and one service's details from the catalogue")
{
    EnrolledKiosk k("directory/browse", {}, site_config("browse", false));
    const Run r = k.script("browse", kDirectory);
    INFO(r.output);
    REQUIRE(r.status == 0);
    expect_shots(
        k, "browse",
        {"home", "sectors", "legal", "legal-1", "legal-1-en", "legal-1-hant", "sectors-large", "health-large"});
    CHECK_FALSE(has_line(r, "left out"));
}

TEST_CASE("help near me leads to the grid's volunteer team, prints its contact card, and says when a grid has none")
{
    EnrolledKiosk k("directory/near-me", {}, site_config("near-me", false));
    const Run r = k.script("near-me", R"(await catalogue
tap attract.start
tap home.tile.service_directory
tap directory.near_me
shot communities
tap directory.community.C-0412
shot grids
tap directory.grid.G-0412-07
shot team
tap demo.open
tap demo.paper.out
tap demo.close
tap directory.print
shot paper-out
tap demo.open
tap demo.paper.ok
tap demo.close
await printed
shot printed
tap top.lang.en
shot printed-en
tap nav.back
tap nav.back
tap directory.community.C-0415
tap directory.grid.G-0415-02
shot no-team
tap top.large_text
shot no-team-large
)");
    INFO(r.output);
    REQUIRE(r.status == 0);
    expect_shots(k, "near-me",
                 {"communities", "grids", "team", "paper-out", "printed", "printed-en", "no-team", "no-team-large"});
    CHECK(has_line(r, "printing the contact card of team T-0412-07"));
    // Out of paper, the screen said so (paper-out differs from printed above); once paper was
    // loaded, one card came out of the printer: a receipt of its own, drawn.
    const auto receipts = k.receipts("near-me");
    REQUIRE(receipts.size() == 1);
    const Image card = load(receipts[0]);
    CHECK(card.h > 400); // a card's worth of lines: title, team, six fields, the hall and the date
    CHECK(ink(card) > 0.03);
    CHECK(ink(card) < 0.4);

    // A grid without a team has nothing to print: the script's tap finds no such button.
    const Run none = k.script("no-card", R"(await catalogue
tap attract.start
tap home.tile.service_directory
tap directory.near_me
tap directory.community.C-0415
tap directory.grid.G-0415-02
tap directory.print
)");
    CHECK(none.status != 0);
    CHECK(has_line(none, "directory.print"));
    CHECK(k.receipts("no-card").empty());
}

TEST_CASE("a traffic service point's home offers the traffic request in its own group and the safety pages")
{
    EnrolledKiosk k("directory/traffic", {}, site_config("traffic", true));
    const Run r = k.script("traffic", R"(await catalogue
tap attract.start
shot home
tap top.lang.en
shot home-en
tap top.lang.zh-Hans
tap home.tile.traffic_request
shot categories
tap req.category.traffic.signals
tap req.place.hall
tap req.phrase.traffic.signals.out
tap kb.key.done
tap req.reporter.anonymous
shot review
tap req.submit
await printed
await sent
shot done
tap nav.home
tap home.tile.traffic_safety
shot safety
tap safety.page.TS-helmet
shot helmet
tap top.large_text
shot helmet-large
tap top.large_text
tap nav.back
tap safety.page.TS-visible
shot visible
tap top.lang.zh-Hant
shot visible-hant
)");
    INFO(r.output);
    REQUIRE(r.status == 0);
    expect_shots(k, "traffic", {"home", "home-en"});
    expect_shots(k, "traffic",
                 {"categories", "review", "done", "safety", "helmet", "helmet-large", "visible", "visible-hant"});
    // The request went to the central side under the traffic group's category.
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1);
    CHECK(chain[0].body.at("category") == "traffic.signals");
    // Another group is no target here: the traffic request starts in its single group.
    const Run other = k.script("other-group", "await catalogue\ntap attract.start\ntap home.tile.traffic_request\n"
                                              "tap req.group.gov\n");
    CHECK(other.status != 0);
}

TEST_CASE("a traffic request whose groups the catalogue does not have is not offered, like a service switched off")
{
    EnrolledKiosk k("directory/traffic-none", {}, site_config("traffic-none", true, "[\"roads\"]"));
    const Run r = k.script("none", "await catalogue\ntap attract.start\nshot home\ntap home.tile.traffic_request\n"
                                   "shot not-offered\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    expect_shots(k, "none", {"home", "not-offered"});
    const Run tap = k.script("tap", "await catalogue\ntap attract.start\ntap home.tile.traffic_request\n"
                                    "tap req.category.traffic.signals\n");
    CHECK(tap.status != 0);
}

TEST_CASE("the directory works from the cached catalogue while the central side cannot be reached")
{
    EnrolledKiosk k("directory/offline", {}, site_config("offline", false));
    const Run first = k.script("catalogue", "await catalogue\n");
    INFO(first.output);
    REQUIRE(first.status == 0);
    // Nothing listens on port 9 of this machine: every attempt fails at once.
    const Run down = k.script("offline", R"(tap attract.start
tap home.tile.service_directory
shot sectors
tap directory.sector.health
tap directory.service.D-health-1
shot service
tap nav.home
tap home.tile.service_directory
tap directory.near_me
tap directory.community.C-0412
tap directory.grid.G-0412-01
shot team
tap directory.print
await printed
)",
                              "https://127.0.0.1:9");
    INFO(down.output);
    REQUIRE(down.status == 0);
    expect_shots(k, "offline", {"sectors", "service", "team"});
    CHECK(k.receipts("offline").size() == 1);
    // The same screens as with the network up.
    const Run up = k.script("online", "await catalogue\ntap attract.start\ntap home.tile.service_directory\n"
                                      "shot sectors\n");
    REQUIRE(up.status == 0);
    CHECK(difference(load(k.dir() / "offline" / "sectors.png"), load(k.dir() / "online" / "sectors.png")) < 0.01);
}
