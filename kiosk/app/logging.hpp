// Logging: spdlog to stderr, which systemd hands to the journal. Personal data is never
// logged; types that hold it mask themselves when formatted.
#pragma once

#include <string_view>

namespace hk::app {

// Sets up the default logger at `level` (debug, info, warn, error). Under systemd (when
// JOURNAL_STREAM is set) each line starts with its syslog priority, "<6>" for info, so
// journalctl shows levels; on a terminal lines carry a time stamp instead.
void init_logging(std::string_view level);

} // namespace hk::app
