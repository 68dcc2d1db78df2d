// Tests of the session's idle state machine.
#include "session.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace std::chrono_literals;

namespace {
const SteadyTime t0{};
const SessionTimings timings{Millis(90'000), Millis(20'000)};
} // namespace

TEST_CASE("a session starts on the attract screen's tap and not on any other touch")
{
    Session s(timings);
    s.input(t0);
    CHECK(s.phase() == SessionPhase::attract);
    s.start(t0);
    CHECK(s.phase() == SessionPhase::active);
}

TEST_CASE("without input the countdown dialog comes, then the session ends")
{
    Session s(timings);
    s.start(t0);
    CHECK_FALSE(s.tick(t0 + 69'999ms));
    CHECK(s.phase() == SessionPhase::active);
    CHECK(s.tick(t0 + 70s));
    CHECK(s.phase() == SessionPhase::warning);
    CHECK(s.countdown_s(t0 + 70s) == 20);
    CHECK(s.countdown_s(t0 + 70'001ms) == 20);
    CHECK(s.countdown_s(t0 + 89'001ms) == 1);
    CHECK(s.tick(t0 + 90s));
    CHECK(s.phase() == SessionPhase::attract);
    CHECK(s.last_end() == SessionEnd::idle_timeout);
}

TEST_CASE("a touch resets the idle timer")
{
    Session s(timings);
    s.start(t0);
    s.input(t0 + 60s);
    CHECK_FALSE(s.tick(t0 + 100s));
    CHECK(s.phase() == SessionPhase::active);
    REQUIRE(s.next_deadline());
    CHECK(*s.next_deadline() == t0 + 130s);
}

TEST_CASE("while the dialog is up only an answer counts")
{
    Session s(timings);
    s.start(t0);
    s.tick(t0 + 75s);
    REQUIRE(s.phase() == SessionPhase::warning);
    s.input(t0 + 80s); // a tap that may be on "finish"
    CHECK(s.phase() == SessionPhase::warning);
    s.still_here(t0 + 80s);
    CHECK(s.phase() == SessionPhase::active);
    CHECK_FALSE(s.tick(t0 + 149s));
    CHECK(s.tick(t0 + 150s));
    CHECK(s.phase() == SessionPhase::warning);
}

TEST_CASE("finish and fault end the session and say why")
{
    Session s(timings);
    s.start(t0);
    s.finish();
    CHECK(s.phase() == SessionPhase::attract);
    CHECK(s.last_end() == SessionEnd::finished);
    s.start(t0);
    s.fault();
    CHECK(s.last_end() == SessionEnd::fault);
    CHECK_FALSE(s.next_deadline());
}
