// The bodies of request, request_feedback and rating records, refused member by member.
#include "request_records.hpp"

#include "central_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;

namespace {

const Catalogue& catalogue()
{
    static const Catalogue c = test::loaded_sample();
    return c;
}

// The reason `body` is refused as a request; "" when it is taken.
std::string refusal(const nlohmann::json& body)
{
    auto r = read_request_body(body, catalogue());
    return r ? std::string{} : r.error().message;
}

nlohmann::json good()
{
    return test::request_body(test::tracking_number(7));
}

nlohmann::json feedback(const std::string& action)
{
    return {{"tracking", test::tracking_number(7)},
            {"check", "482913"},
            {"action", action},
            {"at", "2026-03-05T10:00:00Z"}};
}

} // namespace

TEST_CASE("a request body as the kiosk files it is taken, with its category's response time")
{
    auto anonymous = read_request_body(good(), catalogue());
    REQUIRE_MESSAGE(anonymous, anonymous.error().message);
    CHECK(anonymous->tracking == test::tracking_number(7));
    CHECK(anonymous->check == "482913");
    CHECK(anonymous->category == "traffic.streetlight");
    CHECK(anonymous->response_hours == 24);
    CHECK(anonymous->filed_at == 1772353800); // 2026-03-01T08:30:00Z

    auto named = read_request_body(test::named_request_body(test::tracking_number(7)), catalogue());
    REQUIRE_MESSAGE(named, named.error().message);

    nlohmann::json minimal = good();
    minimal["place"] = {{"kind", "hall"}};
    minimal.erase("phrases");
    minimal["filed_at"] = "2026-03-01T16:30:00.250+08:00";
    auto hall = read_request_body(minimal, catalogue());
    REQUIRE_MESSAGE(hall, hall.error().message);
    CHECK(hall->filed_at == 1772353800);
}

TEST_CASE("a request's tracking number, check code and hall must be of their forms")
{
    nlohmann::json b = good();
    std::string number = test::tracking_number(7);
    number[13] = number[13] == '0' ? '1' : '0'; // another check digit
    b["tracking"] = number;
    CHECK(refusal(b).starts_with("tracking: not a tracking number"));
    b["tracking"] = "R2603010001";
    CHECK(refusal(b).starts_with("tracking: "));
    b = good();
    b.erase("tracking");
    CHECK(refusal(b) == "tracking: missing");
    for (const nlohmann::json& check :
         {nlohmann::json("48291"), nlohmann::json("4829130"), nlohmann::json("48291a"), nlohmann::json(482913)}) {
        CAPTURE(check);
        b = good();
        b["check"] = check;
        CHECK(refusal(b).starts_with("check: "));
    }
    b = good();
    b["hall"] = "hall 1";
    CHECK(refusal(b).starts_with("hall: "));
    b["hall"] = std::string(65, 'h');
    CHECK(refusal(b).starts_with("hall: "));
}

TEST_CASE("a request's category must be a child category of the catalogue")
{
    nlohmann::json b = good();
    b["category"] = "traffic"; // a top-level category
    CHECK(refusal(b) == "category: not a child category of the catalogue");
    b["category"] = "traffic.potholes";
    CHECK(refusal(b) == "category: not a child category of the catalogue");
    b["category"] = 7;
    CHECK(refusal(b) == "category: not a string");
}

TEST_CASE("a request's place is the hall, or a known community with a grid of its own")
{
    nlohmann::json b = good();
    b["place"]["community"] = "C-9999";
    CHECK(refusal(b) == "place.community: not a community of the catalogue");
    b = good();
    b["place"]["grid"] = "G-0415-01"; // a grid of another community
    CHECK(refusal(b) == "place.grid: not a grid of that community");
    b = good();
    b["place"].erase("grid");
    b["place"].erase("detail");
    CHECK(refusal(b).empty());
    b = good();
    b["place"]["detail"] = std::string(101, 'd');
    CHECK(refusal(b) == "place.detail: not 0 to 100 characters");
    b["place"]["detail"] = std::string(100, 'd');
    CHECK(refusal(b).empty());
    b = good();
    b["place"] = {{"kind", "hall"}, {"community", "C-0412"}};
    CHECK(refusal(b) == "place.community: not a member of this record");
    b["place"] = {{"kind", "street"}};
    CHECK(refusal(b) == "place.kind: not hall or community");
    b["place"] = "hall";
    CHECK(refusal(b) == "place: not an object");
    b.erase("place");
    CHECK(refusal(b) == "place: missing");
}

TEST_CASE("a request's description, phrases and language are bounded")
{
    nlohmann::json b = good();
    b["description"] = "";
    CHECK(refusal(b) == "description: not 1 to 1000 characters");
    std::string thousand;
    for (int i = 0; i < 1000; ++i)
        thousand += "灯";
    b["description"] = thousand; // characters, not bytes
    CHECK(refusal(b).empty());
    b["description"] = thousand + "灯";
    CHECK(refusal(b) == "description: not 1 to 1000 characters");
    b["description"] = "第一行\n第二行";
    CHECK(refusal(b).empty());
    b["description"] = "color \x1b[31mred";
    CHECK(refusal(b) == "description: a control character");

    b = good();
    b["phrases"] = {"streetlight.out", "streetlight.out"};
    CHECK(refusal(b) == "phrases: a phrase named twice");
    b["phrases"] = {"no spaces"};
    CHECK(refusal(b).starts_with("phrases: an item"));
    b["phrases"] = nlohmann::json::array();
    for (int i = 0; i < 21; ++i)
        b["phrases"].push_back("p" + std::to_string(i));
    CHECK(refusal(b).starts_with("phrases: not an array of at most 20"));

    b = good();
    b["lang"] = "zh-CN";
    CHECK(refusal(b) == "lang: not zh-Hans, zh-Hant or en");
}

TEST_CASE("a named reporter gives a name, a valid ID number, a mobile number and consent")
{
    const auto named = [] { return test::named_request_body(test::tracking_number(7)); };
    nlohmann::json b = named();
    b["reporter"]["id_number"] = "110105194912310021"; // the check character should be X
    CHECK(refusal(b).starts_with("reporter.id_number: not an 18-character ID number"));
    b["reporter"]["id_number"] = "11010519491231002";
    CHECK(refusal(b).starts_with("reporter.id_number: "));
    b = named();
    b["reporter"]["phone"] = "23812345678";
    CHECK(refusal(b) == "reporter.phone: not 11 digits starting with 1");
    b["reporter"]["phone"] = "1381234567";
    CHECK(refusal(b) == "reporter.phone: not 11 digits starting with 1");
    b = named();
    b["reporter"]["name"] = "";
    CHECK(refusal(b) == "reporter.name: not 1 to 100 characters");
    b = named();
    b["reporter"]["address"] = "深圳市";
    CHECK(refusal(b) == "reporter.address: not a member of this record");
    b = named();
    b.erase("consent");
    CHECK(refusal(b) == "consent: missing for a named reporter");
    b = named();
    b["consent"]["at"] = "yesterday";
    CHECK(refusal(b) == "consent.at: not an RFC 3339 time of 2000 to 2099");
    b = named();
    b["consent"].erase("version");
    CHECK(refusal(b) == "consent.version: missing");

    b = good();
    b["consent"] = named()["consent"];
    CHECK(refusal(b) == "consent: given for an anonymous reporter");
    b = good();
    b["reporter"] = {{"kind", "anonymous"}, {"name", "张小三"}};
    CHECK(refusal(b) == "reporter.name: not a member of this record");
    b["reporter"] = {{"kind", "someone"}};
    CHECK(refusal(b) == "reporter.kind: not anonymous or named");
}

TEST_CASE("a request's filing time is RFC 3339 and a member the protocol does not name is refused")
{
    nlohmann::json b = good();
    for (const char* at : {"2026-03-01 08:30:00Z", "2026-02-29T08:30:00Z", "2026-03-01T08:30:00",
                           "2026-03-01T08:30:00z", "2026-03-01T08:30:00+8:00", "2026-03-01T08:30:00+24:00",
                           "1999-12-31T23:59:59Z", "2100-01-01T00:00:00Z", "2000-01-01T07:59:59+08:00"}) {
        CAPTURE(at);
        b["filed_at"] = at;
        CHECK(refusal(b) == "filed_at: not an RFC 3339 time of 2000 to 2099");
    }
    b["filed_at"] = "2099-12-31T23:59:59Z";
    CHECK(refusal(b).empty());
    b = good();
    b["priority"] = "high";
    CHECK(refusal(b) == "priority: not a member of this record");
    CHECK(refusal(nlohmann::json::array()) == "body: not an object");
}

TEST_CASE("feedback confirms, or reopens with a reason, and nothing else")
{
    auto confirm = read_feedback_body(feedback("confirm"));
    REQUIRE_MESSAGE(confirm, confirm.error().message);
    CHECK(confirm->action == FeedbackAction::confirm);
    CHECK(confirm->reason.empty());
    nlohmann::json reopen = feedback("reopen");
    reopen["reason"] = "路灯还是不亮";
    auto taken = read_feedback_body(reopen);
    REQUIRE_MESSAGE(taken, taken.error().message);
    CHECK(taken->action == FeedbackAction::reopen);
    CHECK(taken->reason == "路灯还是不亮");
    CHECK(taken->at == 1772704800); // 2026-03-05T10:00:00Z

    const auto refused = [](const nlohmann::json& b) {
        auto r = read_feedback_body(b);
        return r ? std::string{} : r.error().message;
    };
    CHECK(refused(feedback("reopen")) == "reason: missing");
    reopen["reason"] = std::string(501, 'r');
    CHECK(refused(reopen) == "reason: not 1 to 500 characters");
    nlohmann::json b = feedback("confirm");
    b["reason"] = "fine";
    CHECK(refused(b) == "reason: only with reopen");
    CHECK(refused(feedback("close")) == "action: not confirm or reopen");
    b = feedback("confirm");
    b["check"] = "12345";
    CHECK(refused(b) == "check: not 6 digits");
    b = feedback("confirm");
    b.erase("at");
    CHECK(refused(b) == "at: missing");
    b = feedback("confirm");
    b["rating"] = 5;
    CHECK(refused(b) == "rating: not a member of this record");
}

