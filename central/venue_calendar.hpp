// A venue's days in the hall's local time (UTC+08:00, docs/protocol.md "The venues catalogue"):
// local dates and weekdays of Unix times, the slots its opening hours make on a day, and the ISO
// week a slot falls in. Pure: the time is always passed in.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::central {

inline constexpr std::int64_t kLocalOffsetSeconds = 8 * 3600; // the hall's time zone, UTC+08:00

// One period of opening: on `days` (bit d-1 set for day d, 1 Monday .. 7 Sunday), from `open`
// to `close`, in minutes after local midnight.
struct Opening {
    unsigned days = 0;
    int open_minute = 0;
    int close_minute = 0;
};

struct Slot {
    std::int64_t start = 0; // Unix seconds
    std::int64_t end = 0;
};

// Days since 1970-01-01 in local time.
std::int64_t local_day(std::int64_t unix_seconds);
// The Unix time of local midnight starting `day`.
std::int64_t day_start(std::int64_t day);
// 1 (Monday) to 7 (Sunday).
int weekday(std::int64_t day);
std::chrono::year_month_day civil(std::int64_t day);

// "YYYY-MM-DD" as a local day; nothing for another form or a date that does not exist.
std::optional<std::int64_t> parse_date(std::string_view text);
std::string format_date(std::int64_t day);
// "2026-03-02T14:00:00+08:00"
std::string format_local(std::int64_t unix_seconds);
// "HH:MM" as minutes after midnight (00:00 to 24:00); nothing otherwise.
std::optional<int> parse_clock(std::string_view text);

// The slots of `day`: each period open that weekday run from `open` in steps of `slot_minutes`,
// a slot that would end after `close` not offered; sorted by start, one per start.
std::vector<Slot> slots_of_day(const std::vector<Opening>& opening, int slot_minutes, std::int64_t day);

// Whether any period opens on the weekday of `day`.
bool open_on(const std::vector<Opening>& opening, std::int64_t day);

// [Monday 00:00, next Monday 00:00) local, in Unix seconds, of the ISO week holding `unix_seconds`.
Slot iso_week_of(std::int64_t unix_seconds);

} // namespace hk::central
