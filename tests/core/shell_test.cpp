// Tests of the shell flow: navigation, per-session choices and their wiping.
#include "shell.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace std::chrono_literals;

namespace {

const SteadyTime t0{};

ShellSettings settings()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.default_lang = Lang::zh_Hans;
    s.home = {ServiceId::file_request, ServiceId::book_venue};
    s.disabled = {ServiceId::book_venue};
    return s;
}

} // namespace

TEST_CASE("tapping the attract screen opens home and nothing else does")
{
    Shell shell(settings());
    CHECK_FALSE(shell.apply(intent::Open{ServiceId::file_request}, t0));
    CHECK_FALSE(shell.in_session());
    CHECK(shell.apply(intent::Start{}, t0));
    CHECK(shell.in_session());
    CHECK(shell.screen().kind == ScreenKind::home);
    CHECK(shell.depth() == 1);
}

TEST_CASE("a service that is switched off or not built leads to the not-offered screen")
{
    Shell shell(settings());
    shell.apply(intent::Start{}, t0);
    CHECK_FALSE(shell.offered(ServiceId::book_venue)); // switched off in config
    shell.apply(intent::Open{ServiceId::book_venue}, t0);
    CHECK(shell.screen() == Screen{ScreenKind::not_offered, ServiceId::book_venue});
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
    CHECK_FALSE(shell.apply(intent::Back{}, t0)); // home has nothing behind it
}

TEST_CASE("home returns to the home screen from any depth")
{
    Shell shell(settings());
    shell.apply(intent::Start{}, t0);
    shell.apply(intent::Open{ServiceId::file_request}, t0);
    shell.apply(intent::Open{ServiceId::book_venue}, t0);
    CHECK(shell.depth() == 3);
    CHECK(shell.apply(intent::Home{}, t0));
    CHECK(shell.depth() == 1);
}

TEST_CASE("language and large text last for one resident only")
{
    Shell shell(settings());
    shell.apply(intent::Start{}, t0);
    CHECK(shell.apply(intent::SetLang{Lang::zh_Hant}, t0));
    CHECK(shell.apply(intent::ToggleLargeText{}, t0));
    shell.apply(intent::Open{ServiceId::file_request}, t0);
    CHECK(shell.lang() == Lang::zh_Hant);
    CHECK(shell.large_text());

    SUBCASE("finish")
    {
        CHECK(shell.apply(intent::Finish{}, t0 + 1s));
        CHECK(shell.last_end() == SessionEnd::finished);
    }
    SUBCASE("idle timeout")
    {
        CHECK(shell.tick(t0 + 45s)); // the countdown dialog
        CHECK(shell.phase() == SessionPhase::warning);
        CHECK(shell.tick(t0 + 60s));
        CHECK(shell.last_end() == SessionEnd::idle_timeout);
    }
    SUBCASE("fault")
    {
        shell.fault();
        CHECK(shell.last_end() == SessionEnd::fault);
    }
    CHECK_FALSE(shell.in_session());
    CHECK(shell.lang() == Lang::zh_Hans);
    CHECK_FALSE(shell.large_text());
    CHECK(shell.depth() == 0);

    // The next resident starts afresh.
    shell.apply(intent::Start{}, t0 + 2min);
    CHECK(shell.depth() == 1);
    CHECK(shell.lang() == Lang::zh_Hans);
}

TEST_CASE("a language the hall does not offer cannot be chosen")
{
    ShellSettings s = settings();
    s.languages = {Lang::zh_Hans, Lang::en};
    Shell shell(s);
    shell.apply(intent::Start{}, t0);
    CHECK_FALSE(shell.apply(intent::SetLang{Lang::zh_Hant}, t0));
    CHECK(shell.lang() == Lang::zh_Hans);
}

TEST_CASE("any intent keeps the session alive, and 'still here' closes the countdown")
{
    Shell shell(settings());
    shell.apply(intent::Start{}, t0);
    shell.apply(intent::ToggleLargeText{}, t0 + 40s);
    CHECK_FALSE(shell.tick(t0 + 84s));
    CHECK(shell.tick(t0 + 85s));
    CHECK(shell.phase() == SessionPhase::warning);
    CHECK(shell.apply(intent::StillHere{}, t0 + 90s));
    CHECK(shell.phase() == SessionPhase::active);
    CHECK(shell.in_session());
}

TEST_CASE("maintenance mode's configuration: a new idle timeout and languages, the default kept")
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.default_lang = Lang::zh_Hans;
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    REQUIRE(shell.apply(intent::SetLang{Lang::en}, t0));
    shell.reconfigure(SessionTimings{Millis(120'000), Millis(15'000)}, {Lang::zh_Hant}, {ServiceId::traffic_safety});
    CHECK(shell.settings().home == std::vector<ServiceId>{ServiceId::traffic_safety});
    CHECK(shell.settings().languages == std::vector<Lang>{Lang::zh_Hans, Lang::zh_Hant}); // the default stays
    CHECK(shell.lang() == Lang::zh_Hans); // English is offered no more
    CHECK(shell.settings().timings.idle_timeout == Millis(120'000));
    // The new timeout holds: after 100 s without a touch the session is still active.
    CHECK_FALSE(shell.tick(t0 + Millis(100'000)));
    CHECK(shell.phase() == SessionPhase::active);
    shell.tick(t0 + Millis(110'000));
    CHECK(shell.phase() == SessionPhase::warning);
}
