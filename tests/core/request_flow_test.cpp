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

namespace {

// A shell at the reporter step of a request in a community.
Shell at_reporter()
{
    Shell shell = request_shell();
    REQUIRE(shell.apply(intent::ChooseGroup{"traffic"}, t0));
    REQUIRE(shell.apply(intent::ChooseCategory{"traffic.streetlight"}, t0));
    REQUIRE(shell.apply(intent::ChoosePlace{PlaceKind::hall, "", ""}, t0));
    REQUIRE(shell.request_step() == RequestStep::describe);
    CHECK_FALSE(shell.apply(intent::NextStep{}, t0)); // nothing said yet
    REQUIRE(shell.apply(intent::Describe{"路灯不亮", {"traffic.streetlight.out"}}, t0));
    CHECK(shell.request().phrases.size() == 1);
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    REQUIRE(shell.request_step() == RequestStep::reporter);
    return shell;
}

intent::CardRead card()
{
    return intent::CardRead{Personal(Personal::Kind::name, "王小明"),
                            Personal(Personal::Kind::id_number, "11010519491231002X")};
}

} // namespace

TEST_CASE("an anonymous request goes from the reporter step to the review")
{
    Shell shell = at_reporter();
    CHECK(shell.apply(intent::ChooseReporter{ReporterKind::anonymous}, t0));
    CHECK(shell.request_step() == RequestStep::review);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.request_step() == RequestStep::reporter);
}

TEST_CASE("a named request asks consent, reads the card and takes a mobile number")
{
    Shell shell = at_reporter();
    CHECK(shell.apply(intent::ChooseReporter{ReporterKind::named}, t0));
    CHECK(shell.request_step() == RequestStep::consent);
    CHECK_FALSE(shell.apply(card(), t0)); // not before consent
    CHECK(shell.apply(intent::Consent{true}, t0));
    CHECK(shell.request_step() == RequestStep::id_card);
    CHECK_FALSE(shell.apply(intent::NextStep{}, t0)); // no card yet
    CHECK(shell.apply(card(), t0));
    CHECK(shell.request_step() == RequestStep::phone);
    CHECK(shell.request().name.masked() == "王**");

    for (char c : std::string("1380013800"))
        CHECK(shell.apply(intent::PhoneKey{c}, t0));
    CHECK_FALSE(shell.apply(intent::NextStep{}, t0)); // ten digits
    CHECK(shell.apply(intent::PhoneKey{'9'}, t0));
    CHECK_FALSE(shell.apply(intent::PhoneKey{'9'}, t0)); // no twelfth digit
    CHECK_FALSE(shell.apply(intent::PhoneKey{'x'}, t0));
    CHECK(shell.apply(intent::PhoneKey{'\b'}, t0));
    CHECK(shell.request().phone.reveal() == "1380013800");
    CHECK(shell.apply(intent::PhoneKey{'0'}, t0));
    CHECK(shell.apply(intent::NextStep{}, t0));
    CHECK(shell.request_step() == RequestStep::review);
    CHECK_FALSE(submit_problem(shell.request()));
}

TEST_CASE("without consent the request goes on anonymously, and choosing anonymous later forgets the card")
{
    Shell shell = at_reporter();
    REQUIRE(shell.apply(intent::ChooseReporter{ReporterKind::named}, t0));
    CHECK(shell.apply(intent::Consent{false}, t0));
    CHECK(shell.request().reporter == ReporterKind::anonymous);
    CHECK(shell.request_step() == RequestStep::review);

    REQUIRE(shell.apply(intent::Back{}, t0));
    REQUIRE(shell.request_step() == RequestStep::reporter);
    REQUIRE(shell.apply(intent::ChooseReporter{ReporterKind::named}, t0));
    REQUIRE(shell.apply(intent::Consent{true}, t0));
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::Back{}, t0)); // phone -> card
    REQUIRE(shell.apply(intent::Back{}, t0)); // card -> consent
    REQUIRE(shell.apply(intent::Back{}, t0)); // consent -> reporter
    CHECK(shell.apply(intent::ChooseReporter{ReporterKind::anonymous}, t0));
    CHECK(shell.request().name.empty());
    CHECK(shell.request().id_number.empty());
    CHECK_FALSE(shell.request().consent);
}

TEST_CASE("a resident who walks away is asked, then the request and everything typed is wiped")
{
    Shell shell = at_reporter();
    REQUIRE(shell.apply(intent::ChooseReporter{ReporterKind::named}, t0));
    REQUIRE(shell.apply(intent::Consent{true}, t0));
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::PhoneKey{'1'}, t0));
    shell.tick(t0 + Millis(46'000));
    CHECK(shell.phase() == SessionPhase::warning); // asked first
    CHECK(shell.request().name.reveal() == "王小明");
    shell.tick(t0 + Millis(61'000));
    CHECK(shell.phase() == SessionPhase::attract);
    CHECK(shell.request().category.empty());
    CHECK(shell.request().description.empty());
    CHECK(shell.request().name.empty());
    CHECK(shell.request().id_number.empty());
    CHECK(shell.request().phone.empty());
    CHECK(shell.request_step() == RequestStep::category);
}
