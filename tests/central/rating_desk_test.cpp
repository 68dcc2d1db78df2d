// POST /v1/ratings/check and GET /v1/halls/{hall}/satisfaction without HTTP.
#include "rating_desk.hpp"

#include "rating_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

constexpr std::int64_t kDecember15 = 1797300000; // 2026-12-15T10:00:00+08:00

Reply check(RatingRig& rig, const Json& body)
{
    RatingDesk desk(rig.store, rig.catalogue, rig.residents, [&] { return rig.now; });
    auto r = desk.check(body.dump());
    REQUIRE(r);
    return *r;
}

Json check_body(const Json& subject)
{
    Json b = {{"hall", kHall}, {"subject", subject}};
    if (subject["kind"] == "visit")
        b["visit"] = subject["visit"];
    return b;
}

void check_rule(const Reply& r, const std::string& rule)
{
    CHECK_MESSAGE(r.status == 409, r.body.dump());
    CHECK(r.body["rule"] == rule);
    CHECK(r.body["error"].is_string());
}

void add(CentralStore& store, const std::string& hall, const std::string& at, int level)
{
    static int n = 0;
    ++n;
    Rating r;
    r.subject_kind = "visit";
    r.subject = "v" + std::to_string(n);
    r.level = level;
    r.at = at;
    r.record = "record-" + std::to_string(n);
    r.hall = hall;
    REQUIRE(store.add_rating(r).value());
}

} // namespace

TEST_CASE("the rating check answers whether a subject is rated already")
{
    RatingRig rig;
    CHECK(check(rig, check_body(visit_subject())).body == Json{{"rated", false}});
    REQUIRE(rig.send(rating_body(visit_subject(), 5)) == "accepted");
    const Reply rated = check(rig, check_body(visit_subject()));
    CHECK(rated.status == 200);
    CHECK(rated.body == Json{{"rated", true}});

    Json window = check_body(window_subject("W-001-05"));
    window["rater"] = resident(1);
    CHECK(check(rig, window).body == Json{{"rated", false}});
    Json rating = rating_body(window_subject("W-001-05"), 4, "2027-03-01T09:00:00+08:00");
    rating["rater"] = resident(1);
    REQUIRE(rig.send(rating) == "accepted");
    // The check is asked on the same local day as the rating (the rig's clock: 1 March, 10:00).
    CHECK(check(rig, window).body == Json{{"rated", true}});
    window["rater"] = resident(2);
    CHECK(check(rig, window).body == Json{{"rated", false}});
}

TEST_CASE("the rating check names the rule that would refuse a rating")
{
    RatingRig rig;
    check_rule(check(rig, check_body(window_subject("W-001-42"))), "unknown");
    check_rule(check(rig, check_body(request_subject(tracking_number(3)))), "unknown");
    REQUIRE(rig.send(request_body(tracking_number(3)), "request") == "accepted");
    check_rule(check(rig, check_body(request_subject(tracking_number(3)))), "not_rateable");
    check_rule(check(rig, check_body(request_subject(tracking_number(3), "000000"))), "unknown");
    rig.resolved_request(tracking_number(4));
    CHECK(check(rig, check_body(request_subject(tracking_number(4)))).body == Json{{"rated", false}});

    const auto [booking, pass] = rig.book("V-meeting-1", "2027-03-02T13:00:00+08:00", 1);
    check_rule(check(rig, check_body(booking_subject(pass))), "not_rateable"); // not begun yet
    rig.now += 28 * 3600;                                                      // 2 March, 14:00
    CHECK(check(rig, check_body(booking_subject(pass))).body == Json{{"rated", false}});
    std::string forged = pass;
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    check_rule(check(rig, check_body(booking_subject(forged))), "invalid");
    Json elsewhere = check_body(booking_subject(pass));
    elsewhere["hall"] = "demo-hall-002";
    check_rule(check(rig, elsewhere), "invalid");
    // 30 days after its end still rateable, not 31.
    rig.now += 30 * 86400;
    CHECK(check(rig, check_body(booking_subject(pass))).body == Json{{"rated", false}});
    rig.now += 86400;
    check_rule(check(rig, check_body(booking_subject(pass))), "not_rateable");
}

TEST_CASE("the rating check verifies a queue ticket and keys it by its hall and id")
{
    RatingRig rig;
    Json subject = window_subject("W-001-03");
    subject["ticket"] = rig.ticket("20270301-A001", "W-001-03");
    CHECK(check(rig, check_body(subject)).body == Json{{"rated", false}});
    Json rating = rating_body(subject, 5, "2027-03-01T09:50:00+08:00");
    REQUIRE(rig.send(rating) == "accepted");
    CHECK(check(rig, check_body(subject)).body == Json{{"rated", true}});
    subject["ticket"] = rig.ticket("20270301-A002", "W-001-04");
    check_rule(check(rig, check_body(subject)), "invalid");
    subject["window"] = "W-001-77";
    check_rule(check(rig, check_body(subject)), "unknown");
}

TEST_CASE("a rating check that does not read is answered 400")
{
    RatingRig rig;
    RatingDesk desk(rig.store, rig.catalogue, rig.residents, [&] { return rig.now; });
    CHECK(desk.check("{")->status == 400);
    CHECK(desk.check(R"({"hall":"demo-hall-001","hall":"x","subject":{"kind":"visit","visit":"0"}})")->status == 400);
    Json b = check_body(visit_subject());
    b["level"] = 5;
    const Reply extra = check(rig, b);
    CHECK(extra.status == 400);
    CHECK(extra.body["error"] == "level: not a member of this record");
    b = check_body(visit_subject());
    b.erase("hall");
    CHECK(check(rig, b).status == 400);
    // An anonymous window needs the visit it would be rated in.
    CHECK(check(rig, check_body(window_subject("W-001-03"))).status == 400);
}

TEST_CASE("a hall's satisfaction counts this month and the one before in the hall's time")
{
    RatingRig rig;
    rig.now = kDecember15;
    const std::string a = kHall;
    const std::string b = "demo-hall-002";
    for (const int level : {5, 5, 4, 3, 2, 1})
        add(rig.store, a, "2026-12-10T02:00:00Z", level);
    add(rig.store, a, "2026-11-30T16:30:00Z", 5); // 1 December, 00:30 in the hall
    add(rig.store, a, "2026-11-30T15:59:59Z", 2); // 30 November, 23:59:59
    add(rig.store, a, "2026-10-31T16:00:00Z", 4); // 1 November, 00:00
    add(rig.store, a, "2026-10-31T15:59:59Z", 1); // 31 October: neither month
    for (const int level : {3, 1, 5})
        add(rig.store, b, "2026-12-01T08:00:00Z", level);

    RatingDesk desk(rig.store, rig.catalogue, rig.residents, [&] { return rig.now; });
    const Reply first = desk.satisfaction(a).value();
    CHECK(first.status == 200);
    CHECK(first.body == Json::parse(R"({"hall": "demo-hall-001", "months": [
        {"month": "2026-12", "count": 7, "levels": [1, 1, 1, 1, 3], "satisfied": 5, "share": 0.7143},
        {"month": "2026-11", "count": 2, "levels": [0, 1, 0, 1, 0], "satisfied": 1, "share": 0.5}]})"));
    const Reply second = desk.satisfaction(b).value();
    CHECK(second.body["months"][0]["share"] == 0.6667);
    CHECK(second.body["months"][1] ==
          Json::parse(R"({"month": "2026-11", "count": 0, "levels": [0, 0, 0, 0, 0], "satisfied": 0, "share": null})"));
    const Reply none = desk.satisfaction("demo-hall-009").value();
    CHECK(none.status == 200);
    CHECK(none.body["months"][0]["count"] == 0);
    CHECK(none.body["months"][0]["share"].is_null());
    const Reply bad = desk.satisfaction("hall one").value();
    CHECK(bad.status == 404);
    CHECK(bad.body["error"].is_string());

    // In January the months are January and December.
    rig.now = kDecember15 + 31 * 86400;
    const Reply january = desk.satisfaction(a).value();
    CHECK(january.body["months"][0]["month"] == "2027-01");
    CHECK(january.body["months"][1]["month"] == "2026-12");
    CHECK(january.body["months"][1]["count"] == 7);
}

TEST_CASE("a month's share is the satisfied part rounded to four places")
{
    CHECK(month_summary("2026-12", {2, 3, 9, 60, 140}) ==
          Json::parse(R"({"month": "2026-12", "count": 214, "levels": [2, 3, 9, 60, 140], "satisfied": 209,
                          "share": 0.9766})"));
    CHECK(month_summary("2026-12", {0, 0, 0, 0, 1})["share"] == 1.0);
    CHECK(month_summary("2026-12", {1, 0, 0, 0, 0})["share"] == 0.0);
    CHECK(month_summary("2026-12", {0, 0, 0, 0, 0})["share"].is_null());
}
