// Time stamps as records and the maintenance screen write them: RFC 3339, UTC, "Z".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hk::uplink {

// "2026-03-01T08:30:00Z" for `unix_seconds`.
std::string format_rfc3339_utc(std::int64_t unix_seconds);

// Whether `text` is YYYY-MM-DDTHH:MM:SS, optionally a fraction of 1 to 9 digits, then "Z", with
// every field in range (day within its month, second up to 60 for a leap second).
bool valid_rfc3339_utc(std::string_view text);
// The unix seconds of a valid_rfc3339_utc text (the fraction dropped; a leap second counts as the
// next second); nothing for any other text.
std::optional<std::int64_t> parse_rfc3339_utc(std::string_view text);
// The same for a time with a numeric offset as well ("2026-03-02T14:00:00+08:00"), as catalogues
// and bookings write local times; with `offsets` false, exactly parse_rfc3339_utc.
std::optional<std::int64_t> parse_rfc3339(std::string_view text, bool offsets = true);
// The offset from UTC a valid time is written with, in seconds ("Z": 0); nothing for any other text.
std::optional<int> rfc3339_offset_seconds(std::string_view text);

} // namespace hk::uplink
