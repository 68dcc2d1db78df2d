// Logging: spdlog to stderr, which systemd hands to the journal, and the latest lines in memory
// for maintenance mode's Logs page and the diagnostic bundle. Personal data is never logged;
// types that hold it mask themselves when formatted.
#pragma once

#include "log_ring.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace hk::app {

inline constexpr std::size_t kRecentLogLines = 2000;

// Sets up the default logger at `level` (debug, info, warn, error). Under systemd (when
// JOURNAL_STREAM is set) each line starts with its syslog priority, "<6>" for info, so
// journalctl shows levels; on a terminal lines carry a time stamp instead.
// The in-memory log keeps info and above even when `level` sends less to the journal: staff on
// the Logs page need what happened, and memory costs the journal's disk nothing.
void init_logging(std::string_view level);

// The latest `max` lines logged since init_logging (at most kRecentLogLines), oldest first.
// Safe from any thread.
std::vector<LogLine> recent_log(std::size_t max = kRecentLogLines);
// How many lines have been logged into it so far: the Logs page copies recent_log() again only
// when this has changed.
std::uint64_t recent_log_count();

} // namespace hk::app
