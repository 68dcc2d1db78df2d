// Questionnaires published, withdrawn and served from the store; their answers checked, kept and
// counted.
#include "questionnaires.hpp"

#include "questionnaire_form.hpp"
#include "rating_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

Json sample_questionnaire()
{
    return Json::parse(std::ifstream(sample_catalogue() / "questionnaires.json")).at(0);
}

std::string problem(const std::function<void(Json&)>& change)
{
    Json q = sample_questionnaire();
    change(q);
    auto r = read_questionnaire(q);
    return r ? "" : r.error().message;
}

Json answer_body(const Json& answers, const std::string& at = "2027-03-02T14:05:00+08:00")
{
    return {{"questionnaire", "Q-2026-12"}, {"hall", kHall}, {"answers", answers}, {"at", at}, {"lang", "zh-Hans"}};
}

Json items_of(CentralStore& store)
{
    return Json::parse(questionnaire_catalogue(store).value().body)["items"];
}

} // namespace

TEST_CASE("the sample questionnaire reads with a question of each kind")
{
    auto q = read_questionnaire(sample_questionnaire());
    REQUIRE_MESSAGE(q, q.error().message);
    CHECK(q->id == "Q-2026-12");
    CHECK(q->subjects == (subject_bit(SubjectKind::visit) | subject_bit(SubjectKind::window)));
    REQUIRE(q->questions.size() == 4);
    CHECK(q->questions[0].kind == QuestionKind::single);
    CHECK(q->questions[1].kind == QuestionKind::multiple);
    CHECK(q->questions[1].max == 3);
    CHECK(q->questions[2].kind == QuestionKind::scale);
    CHECK(q->questions[3].kind == QuestionKind::text);
    CHECK(q->questions[3].max_chars == 100);
}

TEST_CASE("a questionnaire that breaks a rule is refused naming the questionnaire and the member")
{
    const std::string who = "questionnaire Q-2026-12: ";
    CHECK(problem([](Json& q) { q["owner"] = "x"; }) == who + "owner: not a member of this item");
    CHECK(problem([](Json& q) { q["subjects"] = {"hall"}; }).starts_with(who + "subjects: "));
    CHECK(problem([](Json& q) { q.erase("title"); }) == who + "title: missing");
    CHECK(problem([](Json& q) { q.erase("intro"); }).empty());
    CHECK(problem([](Json& q) { q["questions"] = Json::array(); }) == who + "questions: not 1 to 8 questions");
    CHECK(problem([](Json& q) { q["questions"][1]["max"] = 6; }) == who + "questions[1].max: not an integer of 1 to 5");
    CHECK(problem([](Json& q) {
              q["questions"][0]["options"].erase(1);
              q["questions"][0]["options"].erase(1);
          }) == who + "questions[0].options: not 2 to 8 options");
    CHECK(problem([](Json& q) { q["questions"][0]["options"][1]["id"] = "yes"; }) ==
          who + "questions[0].options[1].id: named twice in the question");
    CHECK(problem([](Json& q) { q["questions"][2]["options"] = Json::array(); }) ==
          who + "questions[2].options: not a member of this item");
    CHECK(problem([](Json& q) { q["questions"][2].erase("high"); }) == who + "questions[2].high: missing");
    CHECK(problem([](Json& q) { q["questions"][3]["max_chars"] = 301; }) ==
          who + "questions[3].max_chars: not an integer of 1 to 300");
    CHECK(problem([](Json& q) { q["questions"][3]["kind"] = "essay"; }) ==
          who + "questions[3].kind: not single, multiple, scale or text");
    CHECK(problem([](Json& q) { q["questions"][3]["id"] = "found"; }) ==
          who + "questions[3].id: named twice in the questionnaire");
}

TEST_CASE("a questionnaire is published once, withdrawn for good, and the catalogue's version follows")
{
    RatingRig rig;
    const Json q = sample_questionnaire();
    CHECK(items_of(rig.store).empty());
    const std::string empty_version = questionnaire_catalogue(rig.store)->version;
    CHECK(publish_questionnaire(rig.store, q, rig.now) == Published::published);
    CHECK(items_of(rig.store) == Json::array({q}));
    const CatalogueEntry served = questionnaire_catalogue(rig.store).value();
    CHECK(served.version != empty_version);
    CHECK(served.etag == "\"" + served.version + "\"");
    CHECK(Json::parse(served.body)["name"] == "questionnaires");
    // The same again is no change; another body under the same id is refused.
    CHECK(publish_questionnaire(rig.store, q, rig.now + 60) == Published::already);
    CHECK(questionnaire_catalogue(rig.store)->version == served.version);
    Json changed = q;
    changed["title"]["en"] = "Another title";
    CHECK(publish_questionnaire(rig.store, changed, rig.now)
              .error()
              .message.ends_with("with another body; publish the new one under a new id"));
    Json second = q;
    second["id"] = "Q-2027-01";
    REQUIRE(publish_questionnaire(rig.store, second, rig.now));
    CHECK(items_of(rig.store).size() == 2);

    REQUIRE(withdraw_questionnaire(rig.store, "Q-2026-12", rig.now + 3600));
    CHECK(items_of(rig.store) == Json::array({second}));
    CHECK(questionnaire_catalogue(rig.store)->version != served.version);
    CHECK(withdraw_questionnaire(rig.store, "Q-2026-12", rig.now).error().message ==
          "questionnaire Q-2026-12 was withdrawn at 2027-03-01T03:00:00Z");
    CHECK(withdraw_questionnaire(rig.store, "Q-1999-01", rig.now).error().message ==
          "no questionnaire Q-1999-01 was published");
    CHECK(publish_questionnaire(rig.store, q, rig.now)
              .error()
              .message.starts_with("questionnaire Q-2026-12 was withdrawn at 2027-03-01T03:00:00Z"));
    Json broken = q;
    broken["id"] = "Q-2027-02";
    broken["questions"][0]["kind"] = "essay";
    CHECK_FALSE(publish_questionnaire(rig.store, broken, rig.now));
    CHECK(items_of(rig.store).size() == 1);
}

TEST_CASE("the catalogue folder's questionnaires are published when the store does not know them")
{
    RatingRig rig;
    auto first = publish_from_folder(rig.store, sample_catalogue(), rig.now);
    REQUIRE(first);
    CHECK(*first == std::vector<std::string>{"Q-2026-12"});
    CHECK(publish_from_folder(rig.store, sample_catalogue(), rig.now)->empty());
    REQUIRE(withdraw_questionnaire(rig.store, "Q-2026-12", rig.now));
    // Withdrawn, it stays so when the server starts again with the same folder.
    CHECK(publish_from_folder(rig.store, sample_catalogue(), rig.now)->empty());
    CHECK(items_of(rig.store).empty());
    // No file: nothing to publish; a file that does not read: the server does not start.
    CHECK(publish_from_folder(rig.store, rig.dir.path(), rig.now)->empty());
    hk::uplink::test::write_file(rig.dir.path() / "questionnaires.json", R"([{"id": "Q-1"}])");
    auto bad = publish_from_folder(rig.store, rig.dir.path(), rig.now);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.ends_with("questionnaires.json: questionnaire Q-1: subjects: missing"));
}

TEST_CASE("answers to a published questionnaire are taken and counted, and refused where they do not fit")
{
    RatingRig rig;
    CHECK(rig.send(answer_body({{{"question", "found"}, {"choice", "yes"}}}), "questionnaire_answer") ==
          "questionnaire: unknown");
    REQUIRE(publish_questionnaire(rig.store, sample_questionnaire(), rig.now));
    const auto send = [&](const Json& answers) { return rig.send(answer_body(answers), "questionnaire_answer"); };
    CHECK(send({{{"question", "found"}, {"choice", "yes"}},
                {{"question", "used"}, {"choices", {"kiosk", "window"}}},
                {{"question", "ease"}, {"value", 4}},
                {{"question", "idea"}, {"text", "希望多开几个窗口"}}}) == "accepted");
    CHECK(send({{{"question", "found"}, {"choice", "partly"}}, {{"question", "ease"}, {"value", 4}}}) == "accepted");
    CHECK(send({{{"question", "used"}, {"choices", {"guide"}}}, {{"question", "idea"}, {"text", "很好"}}}) ==
          "accepted");

    CHECK(send({{{"question", "found"}, {"choice", "maybe"}}}) == "answers[0]: choice: not an option");
    CHECK(send({{{"question", "ease"}, {"value", 4}}, {{"question", "found"}, {"choice", "maybe"}}}) ==
          "answers[1]: choice: not an option");
    CHECK(send({{{"question", "used"}, {"choices", {"kiosk", "window", "guide", "phone"}}}}) ==
          "answers[0]: choices: not 1 to 3 options, none twice");
    CHECK(send({{{"question", "used"}, {"choices", {"kiosk", "kiosk"}}}}) ==
          "answers[0]: choices: not 1 to 3 options, none twice");
    CHECK(send({{{"question", "ease"}, {"value", 6}}}) == "answers[0]: value: not an integer from 1 to 5");
    CHECK(send({{{"question", "idea"}, {"text", std::string(101, 'x')}}}) ==
          "answers[0]: text: not 1 to 100 characters");
    CHECK(send({{{"question", "ease"}, {"choice", "yes"}}}) == "answers[0]: choice: not a member of this record");
    CHECK(send({{{"question", "mood"}, {"value", 3}}}) == "answers[0]: question: not a question of the questionnaire");
    CHECK(send({{{"question", "ease"}, {"value", 3}}, {{"question", "ease"}, {"value", 2}}}) ==
          "answers[1]: question: answered twice");
    CHECK(send(Json::array()) == "answers: not 1 to 8 answers");
    Json extra = answer_body({{{"question", "ease"}, {"value", 3}}});
    extra["visit"] = kVisit;
    CHECK(rig.send(extra, "questionnaire_answer") == "visit: not a member of this record");

    // Withdrawn: answers given before still count, answers after are refused.
    REQUIRE(withdraw_questionnaire(rig.store, "Q-2026-12", 1804089600)); // 2027-03-03T16:00:00Z
    CHECK(rig.send(answer_body({{{"question", "ease"}, {"value", 5}}}, "2027-03-03T23:59:00+08:00"),
                   "questionnaire_answer") == "accepted");
    CHECK(rig.send(answer_body({{{"question", "ease"}, {"value", 5}}}, "2027-03-04T00:01:00+08:00"),
                   "questionnaire_answer") == "questionnaire: withdrawn");

    auto results = questionnaire_results(rig.store, "Q-2026-12");
    REQUIRE(results);
    REQUIRE(results->size() == 4);
    const auto& found = results->at(0);
    CHECK(found.answered == 2);
    CHECK(found.counts == std::map<std::string, std::int64_t>{{"yes", 1}, {"partly", 1}, {"no", 0}});
    const auto& used = results->at(1);
    CHECK(used.counts.at("kiosk") == 1);
    CHECK(used.counts.at("guide") == 1);
    CHECK(used.counts.at("phone") == 0);
    const auto& ease = results->at(2);
    CHECK(ease.answered == 3);
    CHECK(ease.counts == std::map<std::string, std::int64_t>{{"1", 0}, {"2", 0}, {"3", 0}, {"4", 2}, {"5", 1}});
    CHECK(results->at(3).texts == std::vector<std::string>{"希望多开几个窗口", "很好"});
    CHECK(questionnaire_results(rig.store, "Q-0").error().message == "no questionnaire Q-0 was published");
}
