// The last lines the kiosk logged, kept in memory for maintenance mode's Logs page and the
// diagnostic bundle, and the filter that page searches them with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::app {

// spdlog's levels, in the same order, without spdlog in every file that reads the log.
enum class LogLevel { trace, debug, info, warn, error, critical };

// "trace", "debug", "info", "warn", "error", "critical".
std::string_view log_level_name(LogLevel level);
std::optional<LogLevel> log_level_from_name(std::string_view name);

struct LogLine {
    std::int64_t at_ms = 0; // unix milliseconds
    LogLevel level = LogLevel::info;
    std::string text; // the message as logged, without time or level
};

// The latest `capacity` lines, the oldest dropped first. The logger's threads push and the UI
// thread copies, so every member takes the one mutex; nothing is held across a call.
class LogRing {
public:
    // A longer line is cut (at a character boundary, marked with "…") so that the ring's memory
    // stays bounded whatever is logged: 2000 lines take at most about 2 MB.
    static constexpr std::size_t kMaxTextBytes = 1024;

    explicit LogRing(std::size_t capacity);
    LogRing(const LogRing&) = delete;
    LogRing& operator=(const LogRing&) = delete;

    void push(LogLine line);
    // The latest `max` lines (all when there are fewer), oldest first.
    std::vector<LogLine> latest(std::size_t max) const;
    // Lines pushed since the ring was made, the dropped ones included: a reader that keeps a copy
    // takes a new one only when this has changed.
    std::uint64_t pushed() const;
    std::size_t capacity() const { return capacity_; }

private:
    const std::size_t capacity_;
    mutable std::mutex mutex_;
    std::vector<LogLine> lines_; // grows to capacity_, then slot pushed_ % capacity_ is the oldest
    std::uint64_t pushed_ = 0;
};

struct LogFilter {
    LogLevel min_level = LogLevel::trace;
    // Found anywhere in the text, ASCII letters in either case; empty matches every line. Chinese
    // has no case, and other scripts' letters are compared as written.
    std::string text;
};

bool log_line_matches(const LogLine& line, const LogFilter& filter);
// The lines that match, in their order.
std::vector<LogLine> filter_log(std::span<const LogLine> lines, const LogFilter& filter);

} // namespace hk::app
