// Tests of a code arriving a character at a time: ended by the suffix or a pause, bounded.
#include "code_buffer.hpp"

#include <doctest/doctest.h>

using namespace hk::scanner;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST_CASE("a code ends at its suffix, stamped with the suffix's time")
{
    CodeBuffer b(ScanEvent::Source::serial, 100ms);
    const Clock::time_point t0{};
    CHECK_FALSE(b.add('4', t0));
    CHECK_FALSE(b.add('2', t0 + 1ms));
    CHECK(b.flush_due() == t0 + 101ms);
    const auto e = b.end(t0 + 2ms);
    REQUIRE(e);
    CHECK(e->data == "42");
    CHECK(e->source == ScanEvent::Source::serial);
    CHECK(e->last_report_at == t0 + 2ms);
    CHECK_FALSE(b.flush_due());
    CHECK_FALSE(b.end(t0 + 3ms)); // a second suffix is no code
}

TEST_CASE("a pause as long as the gap ends a code, stamped with its last character's time")
{
    CodeBuffer b(ScanEvent::Source::wedge, 50ms);
    const Clock::time_point t0{};
    (void)b.add('x', t0);
    CHECK_FALSE(b.flush_if_idle(t0 + 49ms));
    const auto e = b.flush_if_idle(t0 + 50ms);
    REQUIRE(e);
    CHECK(e->data == "x");
    CHECK(e->last_report_at == t0);
}

TEST_CASE("a code past the limit gives one problem and nothing up to its end")
{
    CodeBuffer b(ScanEvent::Source::serial, 100ms);
    const Clock::time_point t0{};
    for (std::size_t i = 0; i < kMaxCodeBytes; ++i)
        REQUIRE_FALSE(b.add('9', t0));
    const auto p = b.add('9', t0);
    REQUIRE(p);
    CHECK(p->what.find("7089") != std::string::npos);
    CHECK_FALSE(b.add('9', t0)); // said once
    CHECK_FALSE(b.end(t0));
    (void)b.add('1', t0); // the next code is taken again
    const auto next = b.end(t0);
    REQUIRE(next);
    CHECK(next->data == "1");
}

TEST_CASE("an AIM prefix with nothing after it is no code")
{
    CodeBuffer b(ScanEvent::Source::serial, 100ms);
    const Clock::time_point t0{};
    for (char c : std::string("]Q1"))
        (void)b.add(c, t0);
    CHECK_FALSE(b.end(t0));
}
