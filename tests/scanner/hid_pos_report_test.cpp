// Tests of HID POS scanned data reports into codes, on exact report bytes: codes in one report
// and in several, UTF-8 data, and reports that are broken in each way the layout allows.
#include "hid_pos_report.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace hk::scanner;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Bytes = std::vector<std::uint8_t>;

namespace {

// A 64-byte scanned data report: id 2, length, AIM id, data, symbology byte, "more" flag.
Bytes report(std::string_view data, std::string_view aim = "]Q1", bool more = false)
{
    Bytes r(64, 0);
    r[0] = 0x02;
    r[1] = static_cast<std::uint8_t>(data.size());
    for (std::size_t i = 0; i < aim.size(); ++i)
        r[2 + i] = static_cast<std::uint8_t>(aim[i]);
    for (std::size_t i = 0; i < data.size(); ++i)
        r[5 + i] = static_cast<std::uint8_t>(data[i]);
    r[61] = 0x31; // a vendor's symbology code: not ours to read
    r[63] = more ? 1 : 0;
    return r;
}

const Clock::time_point t0{};

} // namespace

TEST_CASE("a code in one report comes out with its AIM id and the report's time")
{
    HidPosAssembler a;
    const Bytes r = {0x02, 0x0B, ']', 'Q', '1', 'H', 'K', 'P', 'A', 'S', 'S', ':', '0', '1', '2', '3'};
    Bytes full(64, 0);
    std::copy(r.begin(), r.end(), full.begin());
    const auto fed = a.feed(full, t0 + 5ms);
    REQUIRE(fed.scan);
    CHECK_FALSE(fed.problem);
    CHECK(fed.scan->data == "HKPASS:0123");
    CHECK(fed.scan->aim_id == "]Q1");
    CHECK(fed.scan->source == ScanEvent::Source::hid_pos);
    CHECK(fed.scan->last_report_at == t0 + 5ms);
    CHECK_FALSE(a.partial());
}

TEST_CASE("a code in several reports is joined and stamped with the last one's time")
{
    HidPosAssembler a;
    const std::string first(56, 'a'), second(56, 'b'), third = "end";
    auto f1 = a.feed(report(first, "]C0", true), t0);
    CHECK_FALSE(f1.scan);
    CHECK_FALSE(f1.problem);
    CHECK(a.partial());
    CHECK(a.partial_bytes() == 56);
    CHECK_FALSE(a.feed(report(second, "]C0", true), t0 + 1ms).scan);
    const auto f3 = a.feed(report(third, "]C0"), t0 + 2ms);
    REQUIRE(f3.scan);
    CHECK(f3.scan->data == first + second + third);
    CHECK(f3.scan->aim_id == "]C0");
    CHECK(f3.scan->last_report_at == t0 + 2ms);
}

TEST_CASE("Chinese UTF-8 data split in the middle of a character is joined whole")
{
    HidPosAssembler a;
    // 19 characters of 3 bytes: 57 bytes, so the first report ends inside the 19th character.
    std::string text;
    for (int i = 0; i < 19; ++i)
        text += "群";
    const std::string code = "https://example.cn/?q=" + text;
    (void)a.feed(report(std::string_view(code).substr(0, 56), "]Q1", true), t0);
    const auto fed = a.feed(report(std::string_view(code).substr(56), "]Q1"), t0);
    REQUIRE(fed.scan);
    CHECK(fed.scan->data == code);
}

TEST_CASE("a scanner sending no AIM id gives an empty one")
{
    HidPosAssembler a;
    const auto fed = a.feed(report("12345", std::string_view("\0\0\0", 3)), t0);
    REQUIRE(fed.scan);
    CHECK(fed.scan->aim_id.empty());
    CHECK(fed.scan->data == "12345");
}

TEST_CASE("a report that is not a scanned data report is a problem")
{
    HidPosAssembler a;
    Bytes r = report("x");
    r[0] = 0x04;
    const auto fed = a.feed(r, t0);
    CHECK_FALSE(fed.scan);
    REQUIRE(fed.problem);
    CHECK(fed.problem->find("report id 4") != std::string::npos);
    CHECK(a.feed(Bytes{}, t0).problem);
}

TEST_CASE("a short report is a problem and never read past its end")
{
    HidPosAssembler a;
    Bytes r = report("abc");
    r.resize(10); // length and data are there, the "more" flag is not
    const auto fed = a.feed(r, t0);
    CHECK_FALSE(fed.scan);
    REQUIRE(fed.problem);
    CHECK(fed.problem->find("10 bytes") != std::string::npos);
}

TEST_CASE("a length past the report's room for data is a problem")
{
    HidPosAssembler a;
    Bytes r = report("abc");
    r[1] = 57;
    const auto fed = a.feed(r, t0);
    CHECK_FALSE(fed.scan);
    REQUIRE(fed.problem);
    CHECK(fed.problem->find("57") != std::string::npos);
    r[1] = 56; // the most a report holds is fine
    CHECK(a.feed(r, t0).scan->data.size() == 56);
}

TEST_CASE("a broken report in the middle of a code drops the code instead of gluing around it")
{
    HidPosAssembler a;
    (void)a.feed(report(std::string(56, 'a'), "]Q1", true), t0);
    Bytes broken = report("zz");
    broken[1] = 200;
    const auto fed = a.feed(broken, t0);
    REQUIRE(fed.problem);
    CHECK(fed.problem->find("56 bytes of the code") != std::string::npos);
    CHECK_FALSE(a.partial());
    const auto next = a.feed(report("fresh"), t0);
    REQUIRE(next.scan);
    CHECK(next.scan->data == "fresh");
}

TEST_CASE("reset drops a code whose last report never came")
{
    HidPosAssembler a;
    (void)a.feed(report("first half", "]Q1", true), t0);
    a.reset();
    CHECK_FALSE(a.partial());
    const auto fed = a.feed(report("second scan", "]C0"), t0 + 1s);
    REQUIRE(fed.scan);
    CHECK(fed.scan->data == "second scan");
    CHECK(fed.scan->aim_id == "]C0");
}

TEST_CASE("a code longer than the limit is dropped with one problem, and the next one is taken")
{
    HidPosAssembler a;
    const std::string chunk(56, '7');
    int problems = 0;
    std::size_t sent = 0;
    while (sent < kMaxCodeBytes + 200) {
        const auto fed = a.feed(report(chunk, "]Q1", true), t0);
        CHECK_FALSE(fed.scan);
        problems += fed.problem ? 1 : 0;
        sent += chunk.size();
    }
    CHECK(a.feed(report("tail"), t0).scan == std::nullopt);
    CHECK(problems == 1);
    const auto next = a.feed(report("ok"), t0);
    REQUIRE(next.scan);
    CHECK(next.scan->data == "ok");
}

TEST_CASE("a code of exactly the limit is taken")
{
    HidPosAssembler a;
    std::size_t sent = 0;
    std::optional<ScanEvent> scan;
    while (sent < kMaxCodeBytes) {
        const std::size_t n = std::min<std::size_t>(56, kMaxCodeBytes - sent);
        sent += n;
        const auto fed = a.feed(report(std::string(n, '1'), "]Q1", sent < kMaxCodeBytes), t0);
        CHECK_FALSE(fed.problem);
        scan = fed.scan;
    }
    REQUIRE(scan);
    CHECK(scan->data.size() == kMaxCodeBytes);
}

TEST_CASE("a HID POS scan with no data is a problem, not an empty code")
{
    HidPosAssembler a;
    const auto fed = a.feed(report(""), t0);
    CHECK_FALSE(fed.scan);
    REQUIRE(fed.problem);
    CHECK(fed.problem->find("no data") != std::string::npos);
}
