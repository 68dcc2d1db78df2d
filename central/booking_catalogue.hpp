// The venues and activities of the catalogue as the booking engine uses them, each item read
// strictly by the rules of docs/protocol.md ("The venues catalogue", "The activities catalogue"):
// every member of its form and range, a member the protocol does not name refused. A refusal
// names the item and the member ("venue V-meeting-1: rules.group_max: ..."). Pure.
#pragma once

#include "error.hpp"
#include "venue_calendar.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hk::central {

struct VenueRules {
    int book_ahead_days = 0;
    int min_notice_hours = 0;
    int max_per_week = 0;
    int group_min = 0;
    int group_max = 0;
    int cancel_before_hours = 0;
    std::vector<std::int64_t> blackout; // local days, sorted
};

struct Venue {
    std::string id;
    std::string community;
    int capacity = 0;
    std::vector<Opening> opening;
    int slot_minutes = 0;
    VenueRules rules;
};

struct Activity {
    std::string id;
    std::string venue;
    std::int64_t start = 0; // Unix seconds
    std::int64_t end = 0;
    int places = 0;
    int waitlist = 0;
    std::int64_t signup_closes = 0;
    std::optional<int> age_min;
    std::optional<int> age_max;
};

using Venues = std::map<std::string, Venue, std::less<>>;
using Activities = std::map<std::string, Activity, std::less<>>;

// The venues of `items`; `has_community` says whether a community id is in the catalogue.
[[nodiscard]] Result<Venues> read_venues(const nlohmann::json& items,
                                         const std::function<bool(std::string_view)>& has_community);
[[nodiscard]] Result<Activities> read_activities(const nlohmann::json& items, const Venues& venues,
                                                 const std::function<bool(std::string_view)>& has_community);

} // namespace hk::central
