// Tests of the request draft: the steps an anonymous and a named request go through, what keeps
// each step from being left, the mobile number rule, and the wipe.
#include "request_draft.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

RequestDraft anonymous()
{
    RequestDraft d;
    d.group = "traffic";
    d.category = "traffic.streetlight";
    d.place = PlaceKind::community;
    d.community = "C-0412";
    d.grid = "G-0412-07";
    d.description = "彩田路路灯不亮";
    d.reporter = ReporterKind::anonymous;
    return d;
}

} // namespace

TEST_CASE("an anonymous request skips consent, ID card and phone, a named one goes through them")
{
    RequestDraft d = anonymous();
    CHECK(request_steps(d) == std::vector<RequestStep>{RequestStep::category, RequestStep::place, RequestStep::describe,
                                                       RequestStep::reporter, RequestStep::review});
    CHECK_FALSE(submit_problem(d));
    d.reporter = ReporterKind::named;
    CHECK(request_steps(d).size() == 8);
    CHECK(submit_problem(d) == DraftProblem::no_consent);
    d.consent = true;
    CHECK(submit_problem(d) == DraftProblem::no_id_card);
    d.name = Personal(Personal::Kind::name, "王小明");
    d.id_number = Personal(Personal::Kind::id_number, "440304199001011234");
    CHECK(submit_problem(d) == DraftProblem::bad_phone);
    d.phone = Personal(Personal::Kind::phone, "13800138000");
    CHECK_FALSE(submit_problem(d));
}

TEST_CASE("each step names what it still needs")
{
    RequestDraft d;
    CHECK(step_problem(d, RequestStep::category) == DraftProblem::no_category);
    CHECK(step_problem(d, RequestStep::place) == DraftProblem::no_place);
    d.place = PlaceKind::community;
    CHECK(step_problem(d, RequestStep::place) == DraftProblem::no_community);
    d.place = PlaceKind::hall;
    CHECK_FALSE(step_problem(d, RequestStep::place));
    d.place_detail = std::string(100, 'x');
    CHECK_FALSE(step_problem(d, RequestStep::place));
    d.place_detail = std::string(101, 'x');
    CHECK(step_problem(d, RequestStep::place) == DraftProblem::place_detail_too_long);
    CHECK(step_problem(d, RequestStep::describe) == DraftProblem::no_description);
    d.description = "  \n";
    CHECK(step_problem(d, RequestStep::describe) == DraftProblem::no_description);
    // The limit counts characters: 1000 Chinese characters are 3000 bytes and allowed.
    d.description.clear();
    for (int i = 0; i < 1000; ++i)
        d.description += "灯";
    CHECK_FALSE(step_problem(d, RequestStep::describe));
    d.description += "灯";
    CHECK(step_problem(d, RequestStep::describe) == DraftProblem::description_too_long);
    CHECK(step_problem(d, RequestStep::reporter) == DraftProblem::no_reporter);
    CHECK_FALSE(step_problem(d, RequestStep::review));
}

TEST_CASE("a mobile number is 11 digits starting 13 to 19")
{
    for (const char* good : {"13800138000", "19912345678", "15000000000"})
        CHECK_MESSAGE(valid_mobile(good), good);
    for (const char* bad : {"", "1380013800", "138001380000", "12800138000", "23800138000", "1380013800a",
                            "+8613800138000", "138 0013 8000"})
        CHECK_FALSE_MESSAGE(valid_mobile(bad), bad);
}

TEST_CASE("wipe forgets every field")
{
    RequestDraft d = anonymous();
    d.reporter = ReporterKind::named;
    d.consent = true;
    d.phrases = {"traffic.streetlight.out"};
    d.name = Personal(Personal::Kind::name, "王小明");
    d.phone = Personal(Personal::Kind::phone, "13800138000");
    d.wipe();
    CHECK(d.category.empty());
    CHECK(d.description.empty());
    CHECK(d.phrases.empty());
    CHECK(d.place == PlaceKind::unset);
    CHECK(d.reporter == ReporterKind::unset);
    CHECK_FALSE(d.consent);
    CHECK(d.name.empty());
    CHECK(d.phone.empty());
    CHECK(char_count("路灯 ok") == 5);
}
