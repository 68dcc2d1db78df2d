// Tests of the rating and questionnaire records' bodies (docs/protocol.md, "Ratings",
// "Questionnaires"): each subject's members, what only low ratings carry, who rates, the answers
// that fit their questions, and what the kiosk remembers a rated subject by.
#include "rating_records.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::app;

namespace {

RatingContext context()
{
    return RatingContext{"demo-hall-001", std::string(32, 'a'), Lang::zh_Hant, "2026-12-02T06:00:00Z"};
}

LocalText words(const char* zh)
{
    LocalText t;
    t.text[0] = zh;
    return t;
}

uplink::Questionnaire questionnaire()
{
    uplink::Questionnaire q;
    q.id = "Q-1";
    q.subjects = {"visit"};
    q.title = words("调查");
    uplink::Question single{"found", uplink::QuestionKind::single, words("找到了吗"), {{"yes", words("是")}, {"no", words("否")}}, 1, {}, {}, 0};
    uplink::Question multiple{"used", uplink::QuestionKind::multiple, words("用了哪些"), {{"a", words("甲")}, {"b", words("乙")}, {"c", words("丙")}}, 2, {}, {}, 0};
    uplink::Question scale{"ease", uplink::QuestionKind::scale, words("方便吗"), {}, 1, words("不"), words("很"), 0};
    uplink::Question text{"idea", uplink::QuestionKind::text, words("建议"), {}, 1, {}, {}, 100};
    q.questions = {single, multiple, scale, text};
    return q;
}

} // namespace

TEST_CASE("a good rating of the visit: subject, level, hall, visit and language, nothing of a low one")
{
    RateState r;
    r.subject = RateSubject::of(RateKind::visit);
    r.level = 5;
    r.reasons = {"wait_long"}; // left over from going back: not sent with a good level
    r.text = "很好";
    const auto body = rating_body(r, context());
    CHECK(body["subject"] == nlohmann::json{{"kind", "visit"}, {"visit", std::string(32, 'a')}});
    CHECK(body["level"] == 5);
    CHECK(body["hall"] == "demo-hall-001");
    CHECK(body["visit"] == std::string(32, 'a'));
    CHECK(body["lang"] == "zh-Hant");
    CHECK(body["at"] == "2026-12-02T06:00:00Z");
    CHECK_FALSE(body.contains("reasons"));
    CHECK_FALSE(body.contains("text"));
    CHECK_FALSE(body.contains("callback"));
    CHECK_FALSE(body.contains("rater"));
}

TEST_CASE("a low rating carries its reasons, words and the call-back it was agreed to")
{
    RateState r;
    r.subject = RateSubject::window_ticket("W-001-03", "HK1.T.ticket", "S0042");
    r.level = 1;
    r.reasons = {"rude", "wait_long"};
    r.text = "态度不好";
    r.callback = true;
    r.phone = Personal(Personal::Kind::phone, "13812345678");
    SUBCASE("without the consent, no call-back")
    {
        const auto body = rating_body(r, context());
        CHECK_FALSE(body.contains("callback"));
        CHECK(body["reasons"] == nlohmann::json{"rude", "wait_long"});
    }
    r.consent = true;
    const auto body = rating_body(r, context());
    CHECK(body["subject"] == nlohmann::json{{"kind", "window"}, {"window", "W-001-03"}, {"ticket", "HK1.T.ticket"}});
    CHECK_FALSE(body.contains("visit")); // the ticket says who may rate
    CHECK(body["text"] == "态度不好");
    CHECK(body["callback"]["phone"] == "13812345678");
    CHECK(body["callback"]["consent"]["version"] == kCallbackConsentVersion);
    CHECK(body["callback"]["consent"]["at"] == "2026-12-02T06:00:00Z");
}

TEST_CASE("a window by number: the visit when it is rated anonymously, the ID card when not")
{
    RateState r;
    r.level = 4;
    r.subject = RateSubject::window_by_number("W-001-01", true);
    auto body = rating_body(r, context());
    CHECK(body["subject"] == nlohmann::json{{"kind", "window"}, {"window", "W-001-01"}});
    CHECK(body["visit"] == std::string(32, 'a'));
    CHECK(rating_check_body(r, context()) ==
          nlohmann::json{{"hall", "demo-hall-001"}, {"subject", body["subject"]}, {"visit", std::string(32, 'a')}});

    r.subject = RateSubject::window_by_number("W-001-05", false);
    r.name = Personal(Personal::Kind::name, "王建国");
    r.id_number = Personal(Personal::Kind::id_number, "110105199007071236");
    body = rating_body(r, context());
    CHECK_FALSE(body.contains("visit"));
    CHECK(body["rater"] == nlohmann::json{{"name", "王建国"}, {"id_number", "110105199007071236"}});
    CHECK(rating_check_body(r, context())["rater"] == body["rater"]);
}

TEST_CASE("a request and a booking are rated by their check code and their pass")
{
    RateState r;
    r.level = 3;
    r.subject = RateSubject::request("26030100000429", "482913");
    CHECK(rating_body(r, context())["subject"] ==
          nlohmann::json{{"kind", "request"}, {"tracking", "26030100000429"}, {"check", "482913"}});
    r.subject = RateSubject::booking_pass("HK1.P.pass", "B-1");
    const auto body = rating_body(r, context());
    CHECK(body["subject"] == nlohmann::json{{"kind", "booking"}, {"pass", "HK1.P.pass"}});
    CHECK_FALSE(body.contains("visit"));
}

TEST_CASE("the answers that fit their questions are sent, in the questionnaire's order")
{
    RateState r;
    const auto q = questionnaire();
    CHECK_FALSE(answers_body(r, q, context())); // nothing answered: nothing to keep
    r.answers = {QuestionAnswer{"idea", {}, {}, 0, "多开窗口"}, QuestionAnswer{"ease", {}, {}, 4, {}},
                 QuestionAnswer{"found", "maybe", {}, 0, {}},          // not an option: left out
                 QuestionAnswer{"used", {}, {"a", "b", "c"}, 0, {}}}; // more than max: left out
    auto body = answers_body(r, q, context());
    REQUIRE(body);
    CHECK((*body)["questionnaire"] == "Q-1");
    CHECK((*body)["hall"] == "demo-hall-001");
    CHECK((*body)["answers"] == nlohmann::json::array({{{"question", "ease"}, {"value", 4}},
                                                        {{"question", "idea"}, {"text", "多开窗口"}}}));
    CHECK_FALSE(body->contains("visit")); // anonymous
    r.answers = {QuestionAnswer{"found", "yes", {}, 0, {}}, QuestionAnswer{"used", {}, {"c", "a"}, 0, {}}};
    body = answers_body(r, q, context());
    REQUIRE(body);
    CHECK((*body)["answers"] == nlohmann::json::array({{{"question", "found"}, {"choice", "yes"}},
                                                        {{"question", "used"}, {"choices", {"c", "a"}}}}));
}

TEST_CASE("a rated subject is remembered by a digest that names its kind, never by its text")
{
    const auto ticket = rated_key(RateSubject::window_ticket("W-1", "HK1.T.ES256.k.id=20261202-A017~hall=H.sig", ""));
    REQUIRE(ticket);
    CHECK(ticket->size() == 50);
    CHECK(ticket->starts_with("t-"));
    CHECK(ticket->find("A017") == std::string::npos);
    CHECK(ticket == rated_key(RateSubject::window_ticket("W-2", "HK1.T.ES256.k.id=20261202-A017~hall=H.sig", "x")));
    CHECK(rated_key(RateSubject::request("26030100000429", "1"))->starts_with("r-"));
    CHECK(rated_key(RateSubject::booking_pass("p", "B-1"))->starts_with("b-"));
    CHECK(rated_key(RateSubject::booking_pass("p", "B-1")) != rated_key(RateSubject::booking_pass("p", "B-2")));
    CHECK_FALSE(rated_key(RateSubject::of(RateKind::visit)));
    CHECK_FALSE(rated_key(RateSubject::window_by_number("W-1", true)));
    CHECK(new_visit_id().size() == 32);
    CHECK(new_visit_id() != new_visit_id());
}
