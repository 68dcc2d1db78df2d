// Tests of the request record: tracking numbers given once per kiosk and day, across a reopen
// of the store, check codes, and the body in the protocol's shape for an anonymous and a named
// request.
#include "request_records.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace hk;
using namespace hk::app;

namespace {

std::unique_ptr<store::Store> open_store(const std::filesystem::path& dir)
{
    store::StoreOptions o;
    o.dir = dir;
    auto s = store::Store::open(o, store::test::test_key());
    REQUIRE(s);
    return std::move(*s);
}

} // namespace

TEST_CASE("tracking numbers count up per day from the kiosk's number, and carry on after a reopen")
{
    const store::test::TempDir dir;
    const codes::TrackingDate day{2026, 12, 1};
    {
        auto s = open_store(dir.state());
        auto first = next_tracking_code(*s, 412, day);
        REQUIRE_MESSAGE(first, (first ? "" : first.error().message));
        CHECK(first->number.substr(0, 13) == "2612014120001"); // YYMMDD, 412, then 0001; the Damm digit

        CHECK(codes::valid_tracking_number(first->number));
        CHECK(first->check.size() == 6);
        auto second = next_tracking_code(*s, 412, day);
        REQUIRE(second);
        CHECK(second->number.substr(6, 7) == "4120002");
    }
    auto s = open_store(dir.state());
    auto third = next_tracking_code(*s, 412, day);
    REQUIRE(third);
    CHECK(third->number.substr(6, 7) == "4120003");
    auto next_day = next_tracking_code(*s, 412, codes::TrackingDate{2026, 12, 2});
    REQUIRE(next_day);
    CHECK(next_day->number.substr(6, 7) == "4120001");
    CHECK_FALSE(next_tracking_code(*s, 0, day));
    CHECK_FALSE(next_tracking_code(*s, 1000, day));
}

TEST_CASE("a day's numbers run out at 9999, and a count that cannot be read gives none rather than repeat one")
{
    const store::test::TempDir dir;
    auto s = open_store(dir.state());
    const codes::TrackingDate day{2026, 12, 1};
    REQUIRE(s->put_setting("tracking.last", "261201:9998"));
    auto last = next_tracking_code(*s, 7, day);
    REQUIRE(last);
    CHECK(last->number.substr(6, 7) == "0079999");
    CHECK_FALSE(next_tracking_code(*s, 7, day));
    REQUIRE(s->put_setting("tracking.last", "261201:x"));
    CHECK_FALSE(next_tracking_code(*s, 7, day));
    REQUIRE(s->put_setting("tracking.last", "261130:x")); // another day's: that day is over
    CHECK(next_tracking_code(*s, 7, day));
}

TEST_CASE("check codes are six digits and differ")
{
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string c = random_check_code();
        CHECK(c.size() == 6);
        CHECK(c.find_first_not_of("0123456789") == std::string::npos);
        seen.insert(c);
    }
    CHECK(seen.size() > 190); // 200 draws from a million collide rarely
}

TEST_CASE("the record body has the protocol's members, personal ones only for a named request")
{
    RequestDraft d;
    d.category = "traffic.streetlight";
    d.place = PlaceKind::community;
    d.community = "C-0412";
    d.grid = "G-0412-07";
    d.description = "彩田路路灯不亮";
    d.phrases = {"traffic.streetlight.out"};
    d.reporter = ReporterKind::anonymous;
    const codes::TrackingCode code{"26052800000425", "483920"};
    const RequestContext ctx{"hall-1", Lang::zh_Hant, "2026-05-28T01:00:00Z"};

    const nlohmann::json anon = request_body(d, code, ctx);
    CHECK(anon["tracking"] == "26052800000425");
    CHECK(anon["check"] == "483920");
    CHECK(anon["hall"] == "hall-1");
    CHECK(anon["category"] == "traffic.streetlight");
    CHECK(anon["place"] == nlohmann::json{{"kind", "community"}, {"community", "C-0412"}, {"grid", "G-0412-07"}});
    CHECK(anon["lang"] == "zh-Hant");
    CHECK(anon["phrases"] == nlohmann::json::array({"traffic.streetlight.out"}));
    CHECK(anon["reporter"] == nlohmann::json{{"kind", "anonymous"}});
    CHECK_FALSE(anon.contains("consent"));

    d.place = PlaceKind::hall;
    d.reporter = ReporterKind::named;
    d.consent = true;
    d.name = Personal(Personal::Kind::name, "王小明");
    d.id_number = Personal(Personal::Kind::id_number, "440304199001011234");
    d.phone = Personal(Personal::Kind::phone, "13800138000");
    const nlohmann::json named = request_body(d, code, ctx);
    CHECK(named["place"] == nlohmann::json{{"kind", "hall"}});
    CHECK(named["reporter"]["name"] == "王小明");
    CHECK(named["reporter"]["id_number"] == "440304199001011234");
    CHECK(named["reporter"]["phone"] == "13800138000");
    CHECK(named["consent"]["version"] == kConsentVersion);
    CHECK(named["consent"]["at"] == "2026-05-28T01:00:00Z");
}
