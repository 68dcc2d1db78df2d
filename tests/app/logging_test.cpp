// What the kiosk logs through spdlog reaches the in-memory log the Logs page reads.
#include "logging.hpp"

#include <doctest/doctest.h>

#include <spdlog/spdlog.h>

#include <chrono>

using namespace hk::app;

namespace {

std::int64_t now_ms()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

TEST_CASE("lines logged through spdlog reach the recent log with their time, level and text")
{
    init_logging("info");
    const auto before = recent_log_count();
    const auto t0 = now_ms();
    spdlog::warn("printer {}: out of paper", "receipt-1");
    spdlog::info("sync: {} records sent", 3);
    const auto t1 = now_ms();
    CHECK(recent_log_count() == before + 2);
    const auto lines = recent_log(2);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "printer receipt-1: out of paper");
    CHECK(lines[0].level == LogLevel::warn);
    CHECK(lines[1].text == "sync: 3 records sent");
    CHECK(lines[1].level == LogLevel::info);
    CHECK(lines[0].at_ms >= t0);
    CHECK(lines[1].at_ms <= t1);
}

TEST_CASE("the recent log keeps info lines while the journal is set to warnings")
{
    init_logging("warn");
    const auto before = recent_log_count();
    spdlog::info("camera: started");
    spdlog::debug("camera: frame 1");
    CHECK(recent_log_count() == before + 1);
    CHECK(recent_log(1).at(0).text == "camera: started");
}

TEST_CASE("the recent log holds the latest kRecentLogLines lines")
{
    init_logging("warn"); // info goes to memory only: the test's output stays short
    for (std::size_t i = 0; i < kRecentLogLines + 5; ++i)
        spdlog::info("line {}", i);
    const auto lines = recent_log();
    REQUIRE(lines.size() == kRecentLogLines);
    CHECK(lines.front().text == "line 5");
    CHECK(lines.back().text == "line " + std::to_string(kRecentLogLines + 4));
    CHECK(recent_log(3).front().text == "line " + std::to_string(kRecentLogLines + 2));
}
