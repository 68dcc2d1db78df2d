// Ratings and questionnaires over HTTPS on the running server with kiosks' client certificates,
// and staff's central-admin commands on the same data folder.
#include "booking_support.hpp"
#include "central_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

constexpr const char* kJsonType = "application/json";
constexpr const char* kVisit = "0123456789abcdef0123456789abcdef";

struct EnrolledKiosk {
    TestKiosk kiosk;
    std::unique_ptr<httplib::SSLClient> client;
    EnrolledKiosk(const RunningCentral& central, const std::string& id)
        : kiosk(central.scratch(), id),
          client(central.client(enrol(central, kiosk).string(), kiosk.identity().key_file().string()))
    {
    }
    Json records(const std::vector<std::string>& jws)
    {
        const Json envelope = {{"kiosk", kiosk.id()}, {"records", jws}};
        return results_of(client->Post("/v1/records", envelope.dump(), kJsonType));
    }
};

hk::uplink::test::Run admin(const std::string& args)
{
    return hk::uplink::test::run(std::string(HK_CENTRAL_ADMIN) + " " + args);
}

Json visit_rating(const std::string& visit, int level, const std::string& at)
{
    Json b = {{"subject", {{"kind", "visit"}, {"visit", visit}}},
              {"level", level},
              {"at", at},
              {"hall", "demo-hall-001"},
              {"visit", visit}};
    if (level <= 2) {
        b["reasons"] = {"wait_long"};
        b["text"] = "排队太久";
        b["callback"] = {{"phone", "13812345678"}, {"consent", {{"version", "2026-01"}, {"at", at}}}};
    }
    return b;
}

} // namespace

TEST_CASE("a kiosk asks the rating check and the hall's satisfaction with its client certificate")
{
    RunningCentral central(false, kMaxBodyBytes, [] { return kMonday10am; });
    EnrolledKiosk k(central, "kiosk-0412-03");
    const Json check = {
        {"hall", "demo-hall-001"}, {"subject", {{"kind", "visit"}, {"visit", kVisit}}}, {"visit", kVisit}};
    auto before = k.client->Post("/v1/ratings/check", check.dump(), kJsonType);
    REQUIRE(before);
    CHECK(before->status == 200);
    CHECK(Json::parse(before->body) == Json{{"rated", false}});

    const auto results = k.records(
        {k.kiosk.next(visit_rating(kVisit, 5, "2027-03-01T09:30:00+08:00"), "rating"),
         k.kiosk.next(visit_rating(kVisit, 1, "2027-03-01T09:31:00+08:00"), "rating"),
         k.kiosk.next(visit_rating("fedcba9876543210fedcba9876543210", 2, "2027-02-20T09:00:00+08:00"), "rating")});
    CHECK(results[0]["status"] == "accepted");
    CHECK(results[1]["status"] == "rejected");
    CHECK(results[1]["reason"] == "already rated");
    CHECK(results[2]["status"] == "accepted");

    auto after = k.client->Post("/v1/ratings/check", check.dump(), kJsonType);
    REQUIRE(after);
    CHECK(Json::parse(after->body) == Json{{"rated", true}});
    Json unknown = check;
    unknown["subject"] = {{"kind", "window"}, {"window", "W-009-01"}};
    auto refused = k.client->Post("/v1/ratings/check", unknown.dump(), kJsonType);
    REQUIRE(refused);
    CHECK(refused->status == 409);
    CHECK(Json::parse(refused->body)["rule"] == "unknown");
    auto malformed = k.client->Post("/v1/ratings/check", "{\"hall\": 1}", kJsonType);
    REQUIRE(malformed);
    CHECK(malformed->status == 400);

    auto summary = k.client->Get("/v1/halls/demo-hall-001/satisfaction");
    REQUIRE(summary);
    CHECK(summary->status == 200);
    CHECK(Json::parse(summary->body) == Json::parse(R"({"hall": "demo-hall-001", "months": [
        {"month": "2027-03", "count": 1, "levels": [0, 0, 0, 0, 1], "satisfied": 1, "share": 1.0},
        {"month": "2027-02", "count": 1, "levels": [0, 1, 0, 0, 0], "satisfied": 0, "share": 0.0}]})"));
    auto bad_hall = k.client->Get("/v1/halls/demo%20hall/satisfaction");
    REQUIRE(bad_hall);
    CHECK(bad_hall->status == 404);
    CHECK(Json::parse(bad_hall->body)["error"].is_string());

    // Without a certificate neither is answered.
    CHECK(central.client()->Post("/v1/ratings/check", check.dump(), kJsonType)->status == 401);
    CHECK(central.client()->Get("/v1/halls/demo-hall-001/satisfaction")->status == 401);

    // Staff follow up the low rating; the list shows what was rated and the call-back number,
    // and nothing of the resident beyond that.
    const auto low = admin("ratings list '" + central.data_dir().string() + "' --follow-up");
    REQUIRE_MESSAGE(low.status == 0, low.output);
    CHECK(low.output.starts_with("record\tat\thall\trated\tlevel\treasons\ttext\tcallback\tfollow_up\tnote\n"));
    const std::string low_id = results[2]["id"];
    CHECK(low.output.find(low_id + "\t2027-02-20T01:00:00Z\tdemo-hall-001\tvisit fedcba9876543210fedcba9876543210\t2\t"
                                   "wait_long\t排队太久\t13812345678\topen\t\n") != std::string::npos);
    CHECK(low.output.find(results[0]["id"].get<std::string>()) == std::string::npos);
    CHECK(
        admin("ratings list '" + central.data_dir().string() + "'").output.find(results[0]["id"].get<std::string>()) !=
        std::string::npos);
    const auto rectified =
        admin("ratings rectify '" + central.data_dir().string() + "' " + low_id + " --note '增开窗口，已电话回访'");
    REQUIRE_MESSAGE(rectified.status == 0, rectified.output);
    CHECK(admin("ratings list '" + central.data_dir().string() + "' --follow-up")
              .output.find("\trectified\t增开窗口，已电话回访\n") != std::string::npos);
    CHECK(admin("ratings rectify '" + central.data_dir().string() + "' " + low_id + " --note again").status == 1);
    CHECK(admin("ratings rectify '" + central.data_dir().string() + "' " + low_id).status == 2);
}

TEST_CASE("a window rated with the ID card is listed without the resident's number or its key")
{
    RunningCentral central(true, kMaxBodyBytes, [] { return kMonday10am; });
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    const Json rating = {{"subject", {{"kind", "window"}, {"window", "W-001-05"}}},
                         {"level", 4},
                         {"at", "2027-03-01T09:30:00+08:00"},
                         {"hall", "demo-hall-001"},
                         {"rater", resident(7)}};
    REQUIRE(results_of(central.upload(kiosk.id(), {kiosk.next(rating, "rating")}))[0]["status"] == "accepted");
    const auto list = admin("ratings list '" + central.data_dir().string() + "'");
    REQUIRE(list.status == 0);
    CHECK(list.output.find("\twindow W-001-05 by ID card\t4\t") != std::string::npos);
    CHECK(list.output.find(resident_id(7)) == std::string::npos);
    const std::string hmac = central.store().ratings(false)->at(0).rater;
    REQUIRE(hmac.size() == 64);
    CHECK(list.output.find(hmac) == std::string::npos);
}

TEST_CASE("questionnaires published and withdrawn by central-admin are served by the running server at once")
{
    RunningCentral central(false, kMaxBodyBytes, [] { return kMonday10am; });
    EnrolledKiosk k(central, "kiosk-0412-03");
    const std::string data = "'" + central.data_dir().string() + "'";
    // The sample folder's questionnaire was published when the server started.
    auto first = k.client->Get("/v1/catalogue/questionnaires");
    REQUIRE(first);
    REQUIRE(first->status == 200);
    const Json served = Json::parse(first->body);
    CHECK(served["name"] == "questionnaires");
    REQUIRE(served["items"].size() == 1);
    CHECK(served["items"][0]["id"] == "Q-2026-12");
    const std::string etag = first->get_header_value("ETag");
    CHECK(etag == "\"" + served["version"].get<std::string>() + "\"");
    CHECK(k.client->Get("/v1/catalogue/questionnaires", {{"If-None-Match", etag}})->status == 304);

    Json second = served["items"][0];
    second["id"] = "Q-2027-03";
    second["subjects"] = {"booking"};
    const auto file = central.scratch().path() / "q.json";
    hk::uplink::test::write_file(file, second.dump());
    const auto published = admin("questionnaires publish " + data + " '" + file.string() + "'");
    REQUIRE_MESSAGE(published.status == 0, published.output);
    CHECK(published.output == "published questionnaire Q-2027-03\n");
    CHECK(admin("questionnaires publish " + data + " '" + file.string() + "'").output ==
          "questionnaire Q-2027-03 was published already\n");
    auto two = k.client->Get("/v1/catalogue/questionnaires", {{"If-None-Match", etag}});
    REQUIRE(two);
    CHECK(two->status == 200);
    CHECK(Json::parse(two->body)["items"].size() == 2);

    const Json answer = {
        {"questionnaire", "Q-2026-12"},
        {"hall", "demo-hall-001"},
        {"answers", {{{"question", "found"}, {"choice", "no"}}, {{"question", "idea"}, {"text", "多些座椅"}}}},
        {"at", "2027-03-01T09:40:00+08:00"}};
    CHECK(k.records({k.kiosk.next(answer, "questionnaire_answer")})[0]["status"] == "accepted");

    const auto withdrawn = admin("questionnaires withdraw " + data + " Q-2026-12");
    REQUIRE_MESSAGE(withdrawn.status == 0, withdrawn.output);
    auto three = k.client->Get("/v1/catalogue/questionnaires");
    REQUIRE(three);
    const Json now_served = Json::parse(three->body);
    REQUIRE(now_served["items"].size() == 1);
    CHECK(now_served["items"][0]["id"] == "Q-2027-03");
    CHECK(now_served["version"] != served["version"]);
    CHECK(admin("questionnaires withdraw " + data + " Q-2026-12").status == 1);
    Json changed = served["items"][0];
    hk::uplink::test::write_file(file, changed.dump());
    CHECK(admin("questionnaires publish " + data + " '" + file.string() + "'").status == 1);

    const auto list = admin("questionnaires list " + data);
    REQUIRE(list.status == 0);
    CHECK(list.output.find("Q-2026-12\twithdrawn\t") != std::string::npos);
    CHECK(list.output.find("\t1\t服务体验小调查\n") != std::string::npos);
    CHECK(list.output.find("Q-2027-03\tpublished\t") != std::string::npos);
    const auto results = admin("questionnaires results " + data + " Q-2026-12");
    REQUIRE_MESSAGE(results.status == 0, results.output);
    CHECK(results.output.find("found\tsingle\tanswered 1\n  no\t1\n  partly\t0\n  yes\t0\n") != std::string::npos);
    CHECK(results.output.find("idea\ttext\tanswered 1\n  text:\t多些座椅\n") != std::string::npos);
    CHECK(results.output.find("ease\tscale\tanswered 0\n  1\t0\n") != std::string::npos);
    CHECK(admin("questionnaires results " + data + " Q-0").status == 1);
    CHECK(admin("questionnaires show " + data + " Q-0").status == 2);
}
