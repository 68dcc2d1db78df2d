// Tests of rating the service in the shell: each subject's way to the levels (the visit, a window
// by number with and without the ID card, a ticket scanned from any screen, a booking pass, a
// request from the follow-up flow), the central side's check (rated already, cannot be rated,
// no answer), the low rating's reasons, words and call-back, the questionnaire, back through the
// steps, and what the session remembers and forgets.
#include "shell.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

const SteadyTime t0{};

Shell rate_shell()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::rate_service, ServiceId::track_request, ServiceId::file_request};
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    REQUIRE(shell.apply(intent::Open{ServiceId::rate_service}, t0));
    REQUIRE(shell.screen().kind == ScreenKind::rate);
    REQUIRE(shell.rate().step == RateStep::subject);
    return shell;
}

intent::CardRead card()
{
    return {Personal(Personal::Kind::name, "王建国"), Personal(Personal::Kind::id_number, "110105199007071236")};
}

} // namespace

TEST_CASE("rating the visit: a good level is sent at once, and the visit is rated once a session")
{
    Shell shell = rate_shell();
    CHECK_FALSE(shell.apply(intent::RateWhat{RateKind::request}, t0)); // the follow-up flow rates requests
    REQUIRE(shell.apply(intent::RateWhat{RateKind::visit}, t0));
    CHECK(shell.rate().step == RateStep::level);
    CHECK_FALSE(shell.apply(intent::RateLevel{6}, t0));
    CHECK_FALSE(shell.apply(intent::RateLevel{0}, t0));
    REQUIRE(shell.apply(intent::RateLevel{4}, t0));
    CHECK(shell.rate().step == RateStep::level); // the app sends it, then answers RateDone
    CHECK(shell.rate().level == 4);
    CHECK(shell.apply(intent::RateDone{false, {}, 0}, t0));
    CHECK(shell.rate().send_failed);
    CHECK(shell.rate().step == RateStep::level);
    REQUIRE(shell.apply(intent::RateDone{true, "Q-1", 4}, t0));
    CHECK(shell.rate().step == RateStep::done);
    CHECK(shell.visit_rated());

    // "Rate something else": the visit again is refused politely.
    REQUIRE(shell.apply(intent::Open{ServiceId::rate_service}, t0));
    CHECK(shell.depth() == 2);
    REQUIRE(shell.apply(intent::RateWhat{RateKind::visit}, t0));
    CHECK(shell.rate().step == RateStep::already);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.rate().step == RateStep::subject);

    // A new session may rate its visit.
    REQUIRE(shell.apply(intent::Finish{}, t0));
    REQUIRE(shell.apply(intent::Start{}, t0));
    CHECK_FALSE(shell.visit_rated());
}

TEST_CASE("a low rating asks reasons, words and a call-back before it is sent")
{
    Shell shell = rate_shell();
    REQUIRE(shell.apply(intent::RateWhat{RateKind::visit}, t0));
    REQUIRE(shell.apply(intent::RateLevel{1}, t0));
    CHECK(shell.rate().step == RateStep::reasons);
    REQUIRE(shell.apply(intent::RateReason{"wait_long"}, t0));
    REQUIRE(shell.apply(intent::RateReason{"rude"}, t0));
    REQUIRE(shell.apply(intent::RateReason{"wait_long"}, t0)); // tapped again: not chosen any more
    CHECK(shell.rate().reasons == std::vector<std::string>{"rude"});
    CHECK_FALSE(shell.apply(intent::RateReason{""}, t0));
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    CHECK(shell.rate().step == RateStep::text);
    REQUIRE(shell.apply(intent::Describe{"等了一个小时", {}}, t0));
    CHECK(shell.rate().text == "等了一个小时");
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    CHECK(shell.rate().step == RateStep::callback);
    REQUIRE(shell.apply(intent::RateCallback{true}, t0));
    CHECK(shell.rate().step == RateStep::phone);
    CHECK_FALSE(shell.apply(intent::RateSubmit{}, t0)); // no number yet
    for (char c : std::string("2381234567"))
        REQUIRE(shell.apply(intent::PhoneKey{c}, t0));
    REQUIRE(shell.apply(intent::PhoneKey{'8'}, t0));
    CHECK_FALSE(shell.apply(intent::PhoneKey{'9'}, t0)); // eleven digits at most
    CHECK_FALSE(shell.apply(intent::RateSubmit{}, t0));  // a mobile number starts with 1
    REQUIRE(shell.apply(intent::PhoneKey{'\b'}, t0));
    for (int i = 0; i < 10; ++i)
        REQUIRE(shell.apply(intent::PhoneKey{'\b'}, t0));
    for (char c : std::string("13812345678"))
        REQUIRE(shell.apply(intent::PhoneKey{c}, t0));
    REQUIRE(shell.apply(intent::RateSubmit{}, t0));
    CHECK(shell.rate().consent);
    CHECK(shell.rate().phone.reveal() == "13812345678");

    // Back from the phone forgets the number; forward again.
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.rate().step == RateStep::callback);
    CHECK(shell.rate().phone.empty());
    REQUIRE(shell.apply(intent::RateCallback{false}, t0)); // the app sends it without a call-back
    CHECK_FALSE(shell.rate().callback);
    REQUIRE(shell.apply(intent::RateDone{true, {}, 0}, t0));
    CHECK(shell.rate().step == RateStep::done);
    CHECK(shell.rate().low());
}

TEST_CASE("a window by number: anonymous once a session, or with the ID card and the central side's check")
{
    Shell shell = rate_shell();
    REQUIRE(shell.apply(intent::RateWhat{RateKind::window}, t0));
    CHECK(shell.rate().step == RateStep::window);
    CHECK_FALSE(shell.apply(intent::RateWindow{"", true}, t0));
    REQUIRE(shell.apply(intent::RateWindow{"W-3", true}, t0));
    CHECK(shell.rate().step == RateStep::level);
    CHECK(shell.rate().subject.window == "W-3");
    REQUIRE(shell.apply(intent::RateLevel{5}, t0));
    REQUIRE(shell.apply(intent::RateDone{true, {}, 0}, t0));
    REQUIRE(shell.apply(intent::Open{ServiceId::rate_service}, t0));
    REQUIRE(shell.apply(intent::RateWhat{RateKind::window}, t0));
    REQUIRE(shell.apply(intent::RateWindow{"W-3", true}, t0));
    CHECK(shell.rate().step == RateStep::already);

    // A window that is rated with the card: the card, then the check.
    REQUIRE(shell.apply(intent::Back{}, t0));
    REQUIRE(shell.apply(intent::RateWhat{RateKind::window}, t0));
    REQUIRE(shell.apply(intent::RateWindow{"W-5", false}, t0));
    CHECK(shell.rate().step == RateStep::id_card);
    REQUIRE(shell.apply(card(), t0));
    CHECK(shell.rate().step == RateStep::checking);
    CHECK(shell.rate().name.reveal() == "王建国");
    // Back goes to the windows and forgets the card.
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.rate().step == RateStep::window);
    CHECK(shell.rate().id_number.empty());
    REQUIRE(shell.apply(intent::RateWindow{"W-5", false}, t0));
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::RateChecked{true, true}, t0));
    CHECK(shell.rate().step == RateStep::already);
    CHECK_FALSE(shell.apply(intent::RateChecked{true, false}, t0)); // a late answer: dropped
}

TEST_CASE("a ticket scanned on any screen opens its window's rating, checked first")
{
    Shell shell = rate_shell();
    REQUIRE(shell.apply(intent::Home{}, t0));
    REQUIRE(shell.apply(intent::Open{ServiceId::file_request}, t0));
    REQUIRE(shell.apply(intent::RateTicket{"W-3", "HK1.T.ES256.k.id=1~hall=H~win=W-3~exp=9.sig", "S0042"}, t0));
    CHECK(shell.screen().kind == ScreenKind::rate);
    CHECK(shell.depth() == 2); // home, rate: the request being filed was left
    CHECK(shell.rate().step == RateStep::checking);
    CHECK(shell.rate().subject.staff == "S0042");
    CHECK(shell.rate().subject_given);

    SUBCASE("answered: not rated yet")
    {
        REQUIRE(shell.apply(intent::RateChecked{true, false}, t0));
        CHECK(shell.rate().step == RateStep::level);
        CHECK_FALSE(shell.rate().unchecked);
    }
    SUBCASE("no answer: rated all the same")
    {
        REQUIRE(shell.apply(intent::RateChecked{false, false}, t0));
        CHECK(shell.rate().step == RateStep::level);
        CHECK(shell.rate().unchecked);
    }
    SUBCASE("cannot be rated")
    {
        REQUIRE(shell.apply(intent::RateRefused{RateRefusal::unknown}, t0));
        CHECK(shell.rate().step == RateStep::refused);
        REQUIRE(shell.apply(intent::Back{}, t0)); // came with its subject: back leaves
        CHECK(shell.screen().kind == ScreenKind::home);
    }
}

TEST_CASE("a booking pass on the pass step, and back through the steps")
{
    Shell shell = rate_shell();
    REQUIRE(shell.apply(intent::RateWhat{RateKind::booking}, t0));
    CHECK(shell.rate().step == RateStep::pass);
    CHECK_FALSE(shell.apply(intent::RatePass{"", "B-1"}, t0));
    REQUIRE(shell.apply(intent::RatePass{"HK1.P.x", "B-1"}, t0));
    CHECK(shell.rate().step == RateStep::checking);
    REQUIRE(shell.apply(intent::RateChecked{true, false}, t0));
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.rate().step == RateStep::pass);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.rate().step == RateStep::subject);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
}

TEST_CASE("a request rated low from the follow-up flow goes to the reasons, and back to the follow-up")
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::track_request, ServiceId::rate_service};
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    REQUIRE(shell.apply(intent::FollowCode{"26030100000429", "482913"}, t0));
    FollowAnswer a;
    a.kind = FollowAnswer::Kind::found;
    a.status = "confirmed";
    REQUIRE(shell.apply(intent::FollowAnswered{a}, t0));
    REQUIRE(shell.apply(intent::FollowToRate{}, t0));
    REQUIRE(shell.apply(intent::FollowRate{2}, t0));
    CHECK(shell.screen().kind == ScreenKind::rate);
    CHECK(shell.rate().step == RateStep::reasons);
    CHECK(shell.rate().level == 2);
    CHECK(shell.rate().subject.tracking == "26030100000429");
    REQUIRE(shell.apply(intent::RateReason{"slow"}, t0));
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    REQUIRE(shell.apply(intent::RateCallback{false}, t0));
    REQUIRE(shell.apply(intent::RateDone{true, {}, 0}, t0));
    CHECK(shell.follow().rated);
    CHECK(shell.follow().step == FollowStep::done);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::follow);
}

TEST_CASE("the questionnaire: a question at a time, answers changed and taken back, then sent")
{
    Shell shell = rate_shell();
    REQUIRE(shell.apply(intent::RateWhat{RateKind::visit}, t0));
    REQUIRE(shell.apply(intent::RateLevel{5}, t0));
    CHECK_FALSE(shell.apply(intent::StartQuestionnaire{}, t0)); // not done yet
    REQUIRE(shell.apply(intent::RateDone{true, "Q-1", 3}, t0));
    REQUIRE(shell.apply(intent::StartQuestionnaire{}, t0));
    CHECK(shell.rate().step == RateStep::question);
    CHECK(shell.rate().question == 0);
    REQUIRE(shell.apply(intent::AnswerQuestion{QuestionAnswer{"found", "yes", {}, 0, {}}}, t0));
    REQUIRE(shell.apply(intent::AnswerQuestion{QuestionAnswer{"found", "no", {}, 0, {}}}, t0));
    CHECK(shell.rate().answer("found")->choice == "no");
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    REQUIRE(shell.apply(intent::AnswerQuestion{QuestionAnswer{"used", {}, {"a", "b"}, 0, {}}}, t0));
    REQUIRE(shell.apply(intent::AnswerQuestion{QuestionAnswer{"used", {}, {}, 0, {}}}, t0)); // all taken back
    CHECK(shell.rate().answer("used") == nullptr);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.rate().question == 0);
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    CHECK(shell.rate().question == 2);
    CHECK_FALSE(shell.apply(intent::NextStep{}, t0)); // the last one sends instead
    REQUIRE(shell.apply(intent::AnswerQuestion{QuestionAnswer{"ease", {}, {}, 4, {}}}, t0));
    REQUIRE(shell.apply(intent::AnswersDone{false}, t0));
    CHECK(shell.rate().send_failed);
    CHECK(shell.rate().step == RateStep::question);
    REQUIRE(shell.apply(intent::AnswersDone{true}, t0));
    CHECK(shell.rate().step == RateStep::finished);

    // Leaving forgets every answer.
    REQUIRE(shell.apply(intent::Home{}, t0));
    CHECK(shell.rate().answers.empty());
    CHECK(shell.rate().questionnaire.empty());
}

TEST_CASE("a rating not offered at this hall is never opened by a ticket")
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::file_request, ServiceId::rate_service};
    s.disabled = {ServiceId::rate_service};
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    CHECK_FALSE(shell.apply(intent::RateTicket{"W-3", "t", ""}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
}
