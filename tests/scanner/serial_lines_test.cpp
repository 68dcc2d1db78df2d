// Tests of a CDC-ACM scanner's bytes into codes: CR, LF and CR LF endings, lines split across
// reads, UTF-8, a missing suffix, and lines past the limit.
#include "serial_lines.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace hk::scanner;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

const Clock::time_point t0{};

std::vector<ScanOutcome> feed(SerialLineAssembler& a, std::string_view s, Clock::time_point at = t0)
{
    return a.feed(std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()), at);
}

std::vector<std::string> codes(const std::vector<ScanOutcome>& out)
{
    std::vector<std::string> c;
    for (const auto& o : out)
        if (const auto* e = std::get_if<ScanEvent>(&o))
            c.push_back(e->data);
    return c;
}

} // namespace

TEST_CASE("lines ended by CR, LF and CR LF are one code each")
{
    SerialLineAssembler a;
    const auto out = feed(a, "one\rtwo\nthree\r\nfour\r\n");
    CHECK(codes(out) == std::vector<std::string>{"one", "two", "three", "four"});
    REQUIRE(out.size() == 4);
    CHECK(std::get<ScanEvent>(out[0]).source == ScanEvent::Source::serial);
}

TEST_CASE("a CR LF split between two reads still ends one line")
{
    SerialLineAssembler a;
    CHECK(codes(feed(a, "HK-2024-0001\r")) == std::vector<std::string>{"HK-2024-0001"});
    CHECK(feed(a, "\nnext", t0 + 1ms).empty());
    CHECK(codes(feed(a, "\r\n", t0 + 2ms)) == std::vector<std::string>{"next"});
}

TEST_CASE("a line split across reads is joined and stamped with the read that ended it")
{
    SerialLineAssembler a;
    CHECK(feed(a, "https://exa").empty());
    CHECK(feed(a, "mple.cn/r/", t0 + 1ms).empty());
    const auto out = feed(a, "42\r\n", t0 + 2ms);
    REQUIRE(out.size() == 1);
    CHECK(std::get<ScanEvent>(out[0]).data == "https://example.cn/r/42");
    CHECK(std::get<ScanEvent>(out[0]).last_report_at == t0 + 2ms);
}

TEST_CASE("Chinese UTF-8 split inside a character comes out whole")
{
    SerialLineAssembler a;
    const std::string code = "党群服务中心";
    (void)feed(a, std::string_view(code).substr(0, 4));
    const auto out = feed(a, std::string(code.substr(4)) + "\r\n");
    CHECK(codes(out) == std::vector<std::string>{code});
}

TEST_CASE("a line without a suffix ends after the gap")
{
    SerialLineAssembler a(100ms);
    (void)feed(a, "12345", t0);
    CHECK(a.flush_due() == t0 + 100ms);
    CHECK_FALSE(a.flush_if_idle(t0 + 99ms));
    const auto e = a.flush_if_idle(t0 + 100ms);
    REQUIRE(e);
    CHECK(std::get<ScanEvent>(*e).data == "12345");
    CHECK_FALSE(a.flush_if_idle(t0 + 1s));
}

TEST_CASE("a scanner set to send its AIM id has it split off")
{
    SerialLineAssembler a;
    const auto out = feed(a, "]Q1HKPASS:0123\r\n");
    REQUIRE(out.size() == 1);
    CHECK(std::get<ScanEvent>(out[0]).aim_id == "]Q1");
    CHECK(std::get<ScanEvent>(out[0]).data == "HKPASS:0123");
}

TEST_CASE("a line past the limit is dropped with one problem up to its terminator")
{
    SerialLineAssembler a;
    const std::string huge(kMaxCodeBytes + 500, '8');
    std::vector<ScanOutcome> out;
    for (std::size_t at = 0; at < huge.size(); at += 64)
        for (auto& o : feed(a, std::string_view(huge).substr(at, 64)))
            out.push_back(std::move(o));
    for (auto& o : feed(a, "\r\nok\r\n"))
        out.push_back(std::move(o));
    REQUIRE(out.size() == 2);
    CHECK(std::get<ScanProblem>(out[0]).source == ScanEvent::Source::serial);
    CHECK(std::get<ScanEvent>(out[1]).data == "ok");
}
