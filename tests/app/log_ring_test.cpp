// The in-memory log: the latest lines in order with their levels, bounded lines, many writers,
// and the Logs page's search.
#include "log_ring.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace hk::app;

namespace {

std::vector<std::string> texts(const std::vector<LogLine>& lines)
{
    std::vector<std::string> out;
    for (const LogLine& l : lines)
        out.push_back(l.text);
    return out;
}

std::vector<LogLine> sample()
{
    return {
        {1000, LogLevel::info, "uplink: kiosk demo-hall-001-1 signs with key abc"},
        {2000, LogLevel::warn, "printer: USB device gone"},
        {3000, LogLevel::debug, "printer: status byte 0x12"},
        {4000, LogLevel::error, "sync: central unreachable (usb tether down)"},
        {5000, LogLevel::info, "打印机：缺纸"},
    };
}

} // namespace

TEST_CASE("the ring keeps the latest lines in the order they came, with their times and levels")
{
    LogRing ring(3);
    for (const LogLine& line : sample())
        ring.push(line);
    const auto kept = ring.latest(10);
    REQUIRE(kept.size() == 3);
    CHECK(texts(kept) == std::vector<std::string>{"printer: status byte 0x12",
                                                  "sync: central unreachable (usb tether down)", "打印机：缺纸"});
    CHECK(kept[0].level == LogLevel::debug);
    CHECK(kept[1].level == LogLevel::error);
    CHECK(kept[2].level == LogLevel::info);
    CHECK(kept[0].at_ms == 3000);
    CHECK(kept[2].at_ms == 5000);
    CHECK(ring.pushed() == 5);

    const auto last_two = ring.latest(2);
    CHECK(texts(last_two) == std::vector<std::string>{"sync: central unreachable (usb tether down)", "打印机：缺纸"});
    CHECK(ring.latest(0).empty());
}

TEST_CASE("a ring not yet full gives what it has, oldest first")
{
    LogRing ring(5);
    ring.push({1, LogLevel::info, "a"});
    ring.push({2, LogLevel::warn, "b"});
    CHECK(texts(ring.latest(5)) == std::vector<std::string>{"a", "b"});
    CHECK(texts(ring.latest(1)) == std::vector<std::string>{"b"});
}

TEST_CASE("a long line is cut at a character boundary and marked")
{
    LogRing ring(2);
    std::string long_text;
    for (int i = 0; i < 600; ++i)
        long_text += "纸"; // 3 bytes each
    ring.push({1, LogLevel::info, long_text});
    const std::string kept = ring.latest(1).at(0).text;
    CHECK(kept.size() <= LogRing::kMaxTextBytes);
    CHECK(kept.size() > LogRing::kMaxTextBytes - 6);
    REQUIRE(kept.ends_with("…"));
    // Whole characters only: what is left before the mark is a run of complete "纸".
    const std::string body = kept.substr(0, kept.size() - std::string("…").size());
    CHECK(body.size() % 3 == 0);
    CHECK(long_text.starts_with(body));
}

TEST_CASE("lines pushed from several threads are all counted and each is kept whole")
{
    LogRing ring(100);
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t)
        writers.emplace_back([&ring, t] {
            for (int i = 0; i < 1000; ++i)
                ring.push({i, LogLevel::info, "writer " + std::to_string(t) + " line " + std::to_string(i)});
        });
    std::vector<LogLine> seen;
    for (int i = 0; i < 50; ++i)
        seen = ring.latest(100); // read while they write
    for (auto& w : writers)
        w.join();
    CHECK(seen.size() <= 100);
    CHECK(ring.pushed() == 4000);
    const auto kept = ring.latest(1000);
    CHECK(kept.size() == 100);
    for (const LogLine& l : kept)
        CHECK(l.text.starts_with("writer "));
}

TEST_CASE("search finds text in either case and leaves out lines below the level")
{
    const auto lines = sample();
    CHECK(texts(filter_log(lines, {LogLevel::trace, "USB"})) ==
          std::vector<std::string>{"printer: USB device gone", "sync: central unreachable (usb tether down)"});
    CHECK(texts(filter_log(lines, {LogLevel::warn, "usb"})) ==
          std::vector<std::string>{"printer: USB device gone", "sync: central unreachable (usb tether down)"});
    CHECK(texts(filter_log(lines, {LogLevel::error, "usb"})) ==
          std::vector<std::string>{"sync: central unreachable (usb tether down)"});
    CHECK(texts(filter_log(lines, {LogLevel::trace, "PRINTER:"})) ==
          std::vector<std::string>{"printer: USB device gone", "printer: status byte 0x12"});
    CHECK(texts(filter_log(lines, {LogLevel::trace, "缺纸"})) == std::vector<std::string>{"打印机：缺纸"});
    CHECK(filter_log(lines, {LogLevel::trace, "scanner"}).empty());
}

TEST_CASE("an empty search keeps every line at or above the level")
{
    const auto lines = sample();
    CHECK(filter_log(lines, {}).size() == 5);
    CHECK(texts(filter_log(lines, {LogLevel::info, ""})).size() == 4); // the debug line left out
    CHECK(filter_log(lines, {LogLevel::critical, ""}).empty());
}

TEST_CASE("level names read back as the levels they name")
{
    for (LogLevel l :
         {LogLevel::trace, LogLevel::debug, LogLevel::info, LogLevel::warn, LogLevel::error, LogLevel::critical})
        CHECK(log_level_from_name(log_level_name(l)) == l);
    CHECK(log_level_name(LogLevel::warn) == "warn");
    CHECK_FALSE(log_level_from_name("warning"));
}
