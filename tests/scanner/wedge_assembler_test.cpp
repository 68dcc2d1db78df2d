// Tests of keyboard-wedge keystrokes into codes, on exact boot keyboard reports: Shift (both
// sides), punctuation and the keypad, held keys, rollover, phantom states, the gap and Enter.
#include "wedge_assembler.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace hk::scanner;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Bytes = std::vector<std::uint8_t>;

namespace {

const Clock::time_point t0{};

Bytes keys(std::uint8_t mods, std::initializer_list<std::uint8_t> down)
{
    Bytes r(8, 0);
    r[0] = mods;
    std::size_t i = 2;
    for (std::uint8_t k : down)
        r[i++] = k;
    return r;
}
const Bytes kUp(8, 0);

// Feeds each report 1 ms after the one before; returns every output.
std::vector<WedgeOutput> type(WedgeAssembler& a, const std::vector<Bytes>& reports, Clock::time_point from = t0)
{
    std::vector<WedgeOutput> out;
    for (std::size_t i = 0; i < reports.size(); ++i)
        for (auto& o : a.feed(reports[i], from + std::chrono::milliseconds(i)))
            out.push_back(std::move(o));
    return out;
}

std::vector<std::string> codes(const std::vector<WedgeOutput>& out)
{
    std::vector<std::string> c;
    for (const auto& o : out)
        if (const auto* e = std::get_if<ScanEvent>(&o))
            c.push_back(e->data);
    return c;
}

std::size_t problems(const std::vector<WedgeOutput>& out)
{
    return static_cast<std::size_t>(std::count_if(out.begin(), out.end(), [](const WedgeOutput& o) {
        return std::holds_alternative<ScanProblem>(o);
    }));
}

constexpr std::uint8_t kEnter = 0x28;

} // namespace

TEST_CASE("letters and digits typed with left and right Shift, then Enter, are one code")
{
    WedgeAssembler a;
    // A (left Shift), b, 1, Z (right Shift), 0, Enter.
    const auto out = type(a, {keys(0x02, {0x04}), kUp, keys(0, {0x05}), kUp, keys(0, {0x1E}), kUp,
                              keys(0x20, {0x1D}), kUp, keys(0, {0x27}), kUp, keys(0, {kEnter}), kUp});
    REQUIRE(out.size() == 1);
    const auto& e = std::get<ScanEvent>(out[0]);
    CHECK(e.data == "Ab1Z0");
    CHECK(e.aim_id.empty());
    CHECK(e.source == ScanEvent::Source::wedge);
    CHECK(e.last_report_at == t0 + 10ms); // the Enter's report
}

TEST_CASE("the shifted digit row and every punctuation key read as the US layout")
{
    WedgeAssembler a;
    std::vector<Bytes> r;
    for (std::uint8_t u = 0x1E; u <= 0x27; ++u)
        r.push_back(keys(0x02, {u})), r.push_back(kUp);
    for (std::uint8_t u : {0x2D, 0x2E, 0x2F, 0x30, 0x31, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x2C}) {
        r.push_back(keys(0, {u})), r.push_back(kUp);
        r.push_back(keys(0x02, {u})), r.push_back(kUp);
    }
    r.push_back(keys(0, {kEnter}));
    const auto out = type(a, r);
    REQUIRE(codes(out).size() == 1);
    CHECK(codes(out)[0] == "!@#$%^&*()-_=+[{]}\\|;:'\"`~,<.>/?  ");
    CHECK(problems(out) == 0);
}

TEST_CASE("keypad digits and operators type their characters and keypad Enter ends the code")
{
    WedgeAssembler a;
    std::vector<Bytes> r;
    for (std::uint8_t u : {0x59, 0x62, 0x63, 0x54, 0x55, 0x56, 0x57, 0x61})
        r.push_back(keys(0, {u})), r.push_back(kUp);
    r.push_back(keys(0, {0x58}));
    const auto c = codes(type(a, r));
    REQUIRE(c.size() == 1);
    CHECK(c[0] == "10./*-+9");
}

TEST_CASE("a key held across reports counts once, and pressed again counts again")
{
    WedgeAssembler a;
    const auto out = type(a, {keys(0, {0x04}), keys(0, {0x04}), keys(0, {0x04}), kUp, keys(0, {0x04}), kUp,
                              keys(0, {kEnter})});
    CHECK(codes(out) == std::vector<std::string>{"aa"});
}

TEST_CASE("keys rolled over in one report count in their order, the held one not again")
{
    WedgeAssembler a;
    // a down; then a held with b and c new; then only c held; then d.
    const auto out = type(a, {keys(0, {0x04}), keys(0, {0x04, 0x05, 0x06}), keys(0, {0x06}), keys(0, {0x07}),
                              keys(0, {kEnter})});
    CHECK(codes(out) == std::vector<std::string>{"abcd"});
}

TEST_CASE("a phantom state report is ignored and keys still down after it are not counted again")
{
    WedgeAssembler a;
    const Bytes phantom = {0, 0, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01};
    const auto out = type(a, {keys(0, {0x04}), phantom, keys(0, {0x04}), keys(0, {0x04, 0x05}), keys(0, {kEnter})});
    CHECK(codes(out) == std::vector<std::string>{"ab"});
    CHECK(problems(out) == 0);
}

TEST_CASE("a pause of the gap ends a code without a suffix, and the next keys start a new one")
{
    WedgeAssembler a(50ms);
    (void)type(a, {keys(0, {0x1F}), kUp, keys(0, {0x20}), kUp}); // "23", last key at 2 ms
    CHECK(a.flush_due() == t0 + 52ms);
    CHECK_FALSE(a.flush_if_idle(t0 + 51ms));
    const auto flushed = a.flush_if_idle(t0 + 52ms);
    REQUIRE(flushed);
    CHECK(std::get<ScanEvent>(*flushed).data == "23");
    CHECK(std::get<ScanEvent>(*flushed).last_report_at == t0 + 2ms);
    CHECK_FALSE(a.flush_due());
    // Without a flush in between, the next report after a pause ends the code first.
    (void)type(a, {keys(0, {0x21}), kUp}, t0 + 1s);
    const auto out = a.feed(keys(0, {0x22}), t0 + 2s);
    CHECK(codes(out) == std::vector<std::string>{"4"});
    CHECK(codes(a.feed(keys(0, {kEnter}), t0 + 2s + 1ms)) == std::vector<std::string>{"5"});
}

TEST_CASE("Tab ends a code as Enter does, and Enter alone is no code")
{
    WedgeAssembler a;
    const auto out = type(a, {keys(0, {kEnter}), kUp, keys(0, {0x04}), kUp, keys(0, {0x2B}), kUp,
                              keys(0, {kEnter})});
    CHECK(codes(out) == std::vector<std::string>{"a"});
}

TEST_CASE("a scanner set to send its AIM id before the code has it split off")
{
    WedgeAssembler a;
    // "]C0" is ] (0x30), Shift+c, 0; then "12".
    const auto out = type(a, {keys(0, {0x30}), kUp, keys(0x02, {0x06}), kUp, keys(0, {0x27}), kUp, keys(0, {0x1E}),
                              kUp, keys(0, {0x1F}), kUp, keys(0, {kEnter})});
    REQUIRE(out.size() == 1);
    CHECK(std::get<ScanEvent>(out[0]).aim_id == "]C0");
    CHECK(std::get<ScanEvent>(out[0]).data == "12");
}

TEST_CASE("a key with no character is a problem and left out of the code")
{
    WedgeAssembler a;
    const auto out = type(a, {keys(0, {0x04}), kUp, keys(0, {0x3A}), kUp, keys(0, {0x05}), kUp, keys(0, {kEnter})});
    CHECK(codes(out) == std::vector<std::string>{"ab"});
    REQUIRE(problems(out) == 1);
    CHECK(std::get<ScanProblem>(out[0]).what.find("0x3A") != std::string::npos);
}

TEST_CASE("several reports in one feed read as when fed one by one")
{
    WedgeAssembler a;
    Bytes all;
    for (const Bytes& r : {keys(0, {0x04}), kUp, keys(0x02, {0x05}), kUp, keys(0, {kEnter})})
        all.insert(all.end(), r.begin(), r.end());
    CHECK(codes(a.feed(all, t0)) == std::vector<std::string>{"aB"});
}

TEST_CASE("a report that is not whole 8-byte reports is a problem")
{
    WedgeAssembler a;
    const auto out = a.feed(Bytes(7, 0), t0);
    REQUIRE(out.size() == 1);
    CHECK(std::get<ScanProblem>(out[0]).what.find("7 bytes") != std::string::npos);
}

TEST_CASE("a typed code longer than the limit is dropped with one problem")
{
    WedgeAssembler a;
    std::vector<WedgeOutput> out;
    for (std::size_t i = 0; i < kMaxCodeBytes + 10; ++i) {
        for (auto& o : a.feed(keys(0, {0x1E}), t0))
            out.push_back(std::move(o));
        for (auto& o : a.feed(kUp, t0))
            out.push_back(std::move(o));
    }
    for (auto& o : a.feed(keys(0, {kEnter}), t0))
        out.push_back(std::move(o));
    CHECK(codes(out).empty());
    CHECK(problems(out) == 1);
}
