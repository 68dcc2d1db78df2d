// Tests of the shell's last steps of filing a request (submitted, or not kept) and of following
// one: the pad, the answer, confirm or reopen, the rating, back through the steps, and everything
// forgotten when the resident leaves.
#include "shell.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

const SteadyTime t0{};

ShellSettings settings()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::file_request, ServiceId::track_request};
    return s;
}

// A shell on the review of an anonymous request.
Shell at_review()
{
    Shell shell(settings());
    shell.apply(intent::Start{}, t0);
    shell.apply(intent::Open{ServiceId::file_request}, t0);
    shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0);
    shell.apply(intent::ChoosePlace{PlaceKind::hall, "", ""}, t0);
    shell.apply(intent::Describe{"路灯不亮", {}}, t0);
    shell.apply(intent::NextStep{}, t0);
    shell.apply(intent::ChooseReporter{ReporterKind::anonymous}, t0);
    REQUIRE(shell.request_step() == RequestStep::review);
    return shell;
}

FiledRequest filed()
{
    return FiledRequest{"26112300101235", "482913", "traffic.streetlight", 24, 1'795'000'000, false};
}

Shell at_pad()
{
    Shell shell(settings());
    shell.apply(intent::Start{}, t0);
    shell.apply(intent::Open{ServiceId::track_request}, t0);
    REQUIRE(shell.screen().kind == ScreenKind::follow);
    return shell;
}

void type(Shell& shell, std::string_view digits)
{
    for (char c : digits)
        shell.apply(intent::FollowKey{c}, t0);
}

FollowAnswer answer(std::string status)
{
    FollowAnswer a;
    a.kind = FollowAnswer::Kind::found;
    a.status = std::move(status);
    a.stages = {{"submitted", "2026-11-23T01:05:00Z", "", ""}};
    return a;
}

// A shell showing the status of a request in `status`.
Shell at_status(std::string status)
{
    Shell shell = at_pad();
    type(shell, "26112300101235482913");
    REQUIRE(shell.apply(intent::LookUp{}, t0));
    REQUIRE(shell.apply(intent::FollowAnswered{answer(std::move(status))}, t0));
    REQUIRE(shell.follow().step == FollowStep::status);
    return shell;
}

} // namespace

TEST_CASE("a filed request shows its numbers and the draft is gone - back from there leaves the request")
{
    Shell shell = at_review();
    CHECK(shell.apply(intent::Filed{filed()}, t0));
    REQUIRE(shell.filed());
    CHECK(shell.filed()->tracking == "26112300101235");
    CHECK(shell.request().description.empty());
    CHECK(shell.request().category.empty());
    CHECK_FALSE(shell.apply(intent::Filed{filed()}, t0)); // filed once
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
    CHECK_FALSE(shell.filed());
}

TEST_CASE("a request that could not be kept stays on the review, and is said so until it is tried again")
{
    Shell shell = at_review();
    CHECK(shell.apply(intent::SubmitFailed{}, t0));
    CHECK(shell.submit_failed());
    CHECK(shell.request().description == "路灯不亮");
    CHECK(shell.apply(intent::Back{}, t0)); // to change something
    CHECK_FALSE(shell.submit_failed());
    CHECK(shell.request().description == "路灯不亮");
}

TEST_CASE("the session's end forgets the filed request's numbers")
{
    Shell shell = at_review();
    shell.apply(intent::Filed{filed()}, t0);
    shell.apply(intent::Finish{}, t0);
    CHECK_FALSE(shell.filed());
}

TEST_CASE("the pad types the tracking number, then the check code, and takes digits back")
{
    Shell shell = at_pad();
    type(shell, "2611230010123");
    CHECK_FALSE(shell.apply(intent::LookUp{}, t0)); // not complete
    type(shell, "5");
    CHECK(shell.follow().tracking == "26112300101235");
    type(shell, "48291");
    CHECK(shell.follow().check == "48291");
    CHECK(shell.apply(intent::FollowKey{'\b'}, t0));
    CHECK(shell.follow().check == "4829");
    type(shell, "1399"); // 6 digits at most
    CHECK(shell.follow().check == "482913");
    CHECK_FALSE(shell.apply(intent::FollowKey{'x'}, t0));
    for (int i = 0; i < 7; ++i)
        shell.apply(intent::FollowKey{'\b'}, t0); // the check code, then into the number
    CHECK(shell.follow().check.empty());
    CHECK(shell.follow().tracking == "2611230010123");
}

TEST_CASE("looking up waits for the answer - an answer after the resident went back is dropped")
{
    Shell shell = at_pad();
    type(shell, "26112300101235482913");
    CHECK(shell.apply(intent::LookUp{}, t0));
    CHECK(shell.follow().step == FollowStep::asking);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.follow().step == FollowStep::enter);
    CHECK(shell.follow().tracking == "26112300101235"); // kept, to be corrected
    CHECK_FALSE(shell.apply(intent::FollowAnswered{answer("accepted")}, t0));
    CHECK_FALSE(shell.follow().answer);
}

TEST_CASE("a scanned receipt opens its status from any screen, leaving a request being filed")
{
    Shell shell = at_review();
    CHECK(shell.apply(intent::FollowCode{"26112300101235", "482913"}, t0));
    CHECK(shell.screen().kind == ScreenKind::follow);
    CHECK(shell.depth() == 2);
    CHECK(shell.follow().step == FollowStep::asking);
    CHECK(shell.follow().scanned);
    CHECK(shell.request().description.empty());
}

TEST_CASE("a resolved request is confirmed, then rated - it cannot be confirmed twice")
{
    Shell shell = at_status("resolved");
    CHECK(shell.follow().can_confirm());
    CHECK(shell.follow().can_rate());
    CHECK(shell.apply(intent::FollowDone{FollowSent::confirmed, true}, t0));
    CHECK(shell.follow().step == FollowStep::rate);
    CHECK_FALSE(shell.follow().can_confirm());
    CHECK(shell.apply(intent::FollowRate{4}, t0));
    CHECK(shell.follow().level == 4);
    CHECK_FALSE(shell.apply(intent::FollowRate{6}, t0));
    CHECK(shell.apply(intent::FollowDone{FollowSent::rated, true}, t0));
    CHECK(shell.follow().step == FollowStep::done);
    CHECK_FALSE(shell.follow().can_rate());
    CHECK_FALSE(shell.apply(intent::FollowToRate{}, t0));
}

TEST_CASE("a resolved request is reopened with a reason, and then is not rated")
{
    Shell shell = at_status("resolved");
    CHECK(shell.apply(intent::FollowReopen{}, t0));
    CHECK(shell.follow().step == FollowStep::reopen_reason);
    CHECK(shell.apply(intent::FollowReason{"came_back"}, t0));
    CHECK(shell.apply(intent::FollowDone{FollowSent::reopened, true}, t0));
    CHECK(shell.follow().step == FollowStep::done);
    CHECK_FALSE(shell.follow().can_rate());
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.follow().step == FollowStep::status);
    CHECK_FALSE(shell.apply(intent::FollowReopen{}, t0)); // said once
}

TEST_CASE("what could not be kept is said, and the step stays for another try")
{
    Shell shell = at_status("closed");
    CHECK_FALSE(shell.follow().can_confirm());
    CHECK(shell.apply(intent::FollowToRate{}, t0));
    CHECK(shell.apply(intent::FollowDone{FollowSent::rated, false}, t0));
    CHECK(shell.follow().send_failed);
    CHECK(shell.follow().step == FollowStep::rate);
    CHECK(shell.apply(intent::FollowDone{FollowSent::rated, true}, t0));
    CHECK_FALSE(shell.follow().send_failed);
}

TEST_CASE("open, rated, cached and unanswered requests offer neither confirm nor rating")
{
    for (const char* open : {"submitted", "accepted", "dispatched", "reopened"}) {
        Shell shell = at_status(open);
        CHECK_FALSE(shell.follow().can_confirm());
        CHECK_FALSE(shell.follow().can_rate());
    }
    FollowAnswer rated = answer("confirmed");
    rated.rated = true;
    Shell shell = at_pad();
    type(shell, "26112300101235482913");
    shell.apply(intent::LookUp{}, t0);
    shell.apply(intent::FollowAnswered{rated}, t0);
    CHECK_FALSE(shell.follow().can_rate());
    FollowAnswer cached = answer("resolved");
    cached.kind = FollowAnswer::Kind::cached; // possibly out of date: nothing to act on
    Shell offline = at_pad();
    type(offline, "26112300101235482913");
    offline.apply(intent::LookUp{}, t0);
    offline.apply(intent::FollowAnswered{cached}, t0);
    CHECK_FALSE(offline.follow().can_confirm());
    CHECK_FALSE(offline.follow().can_rate());
    Shell unknown = at_pad();
    type(unknown, "26112300101235482913");
    unknown.apply(intent::LookUp{}, t0);
    FollowAnswer none;
    none.kind = FollowAnswer::Kind::unknown;
    unknown.apply(intent::FollowAnswered{none}, t0);
    CHECK_FALSE(unknown.follow().can_confirm());
    CHECK_FALSE(unknown.follow().can_rate());
}

TEST_CASE("home and the session's end forget the numbers and the answer")
{
    Shell shell = at_status("resolved");
    CHECK(shell.apply(intent::Home{}, t0));
    CHECK(shell.follow().tracking.empty());
    CHECK_FALSE(shell.follow().answer);
    Shell again = at_status("resolved");
    again.tick(t0 + Millis(80'000));
    CHECK(again.follow().check.empty());
    CHECK_FALSE(again.follow().answer);
}
