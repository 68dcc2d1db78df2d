// Tests of filing a request in the shell: the steps in order, back through them (out of a group
// or community first), home and the end of the session forgetting the draft, and taps that come
// late or out of step doing nothing.
#include "shell.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

const SteadyTime t0{};

Shell request_shell()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::file_request};
    s.unfinished = {ServiceId::file_request};
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    REQUIRE(shell.apply(intent::Open{ServiceId::file_request}, t0));
    REQUIRE(shell.screen().kind == ScreenKind::request);
    return shell;
}

} // namespace

TEST_CASE("a request goes from its category to its place to its description")
{
    Shell shell = request_shell();
    CHECK(shell.request_step() == RequestStep::category);
    CHECK_FALSE(shell.apply(intent::NextStep{}, t0)); // no category yet
    CHECK(shell.apply(intent::ChooseGroup{"traffic"}, t0));
    CHECK(shell.request().group == "traffic");
    CHECK(shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0));
    CHECK(shell.request().category == "traffic.streetlight");
    CHECK(shell.request_step() == RequestStep::place);

    CHECK_FALSE(shell.apply(intent::ChoosePlace{PlaceKind::community, "", ""}, t0)); // which community?
    CHECK(shell.apply(intent::ChooseCommunity{"C-0412"}, t0));
    CHECK(shell.place_community() == "C-0412");
    CHECK(shell.apply(intent::ChoosePlace{PlaceKind::community, "C-0412", "G-0412-07"}, t0));
    CHECK(shell.request().place == PlaceKind::community);
    CHECK(shell.request().grid == "G-0412-07");
    CHECK(shell.place_community().empty());
    CHECK(shell.request_step() == RequestStep::describe);
    CHECK_FALSE(shell.apply(intent::ChooseCategory{"gov.certificates"}, t0)); // not this step's
    CHECK(shell.request().category == "traffic.streetlight");
}

TEST_CASE("back goes a step back, out of a group or community first, and from the first step leaves")
{
    Shell shell = request_shell();
    REQUIRE(shell.apply(intent::ChooseGroup{"traffic"}, t0));
    REQUIRE(shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0));
    REQUIRE(shell.apply(intent::ChooseCommunity{"C-0412"}, t0));
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.place_community().empty());
    CHECK(shell.request_step() == RequestStep::place);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.request_step() == RequestStep::category);
    CHECK(shell.request().category == "traffic.streetlight"); // kept, to be changed or kept
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.request().group.empty());
    CHECK(shell.screen().kind == ScreenKind::request);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
    CHECK(shell.request().category.empty()); // the request left is forgotten
}

TEST_CASE("home and the end of the session forget the request, and a late tap does nothing")
{
    Shell shell = request_shell();
    REQUIRE(shell.apply(intent::ChooseGroup{"traffic"}, t0));
    REQUIRE(shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0));
    CHECK(shell.apply(intent::Home{}, t0));
    CHECK(shell.request().category.empty());
    CHECK_FALSE(shell.apply(intent::ChooseCategory{"traffic.parking"}, t0)); // from a screen that has gone
    CHECK(shell.request().category.empty());

    REQUIRE(shell.apply(intent::Open{ServiceId::file_request}, t0));
    CHECK(shell.request_step() == RequestStep::category);
    REQUIRE(shell.apply(intent::ChooseGroup{"traffic"}, t0));
    REQUIRE(shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0));
    CHECK(shell.apply(intent::Finish{}, t0));
    CHECK(shell.request().category.empty());
    CHECK(shell.request_step() == RequestStep::category);
}

TEST_CASE("the language switch keeps what was entered")
{
    Shell shell = request_shell();
    REQUIRE(shell.apply(intent::ChooseGroup{"traffic"}, t0));
    REQUIRE(shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0));
    CHECK(shell.apply(intent::SetLang{Lang::en}, t0));
    CHECK(shell.request().category == "traffic.streetlight");
    CHECK(shell.request_step() == RequestStep::place);
}
