// Venues and activities, and the central side's answers about them (docs/protocol.md, "Venues
// and bookings", "Activities"), read into the kiosk's own types. Catalogue items that do not read
// are left out and counted, as for the request catalogues; an answer that does not read is
// refused whole (the kiosk then says it could not be done and asks nothing of the resident it
// cannot keep). Unknown members are left alone, so that the central side can add some. Pure;
// fuzzed (tests/fuzz/booking_items_fuzz.cpp).
#pragma once

#include "catalogue_items.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kMaxFacilities = 16;
inline constexpr std::size_t kMaxOpeningPeriods = 14;
inline constexpr std::size_t kMaxBlackoutDays = 366;
inline constexpr std::size_t kMaxSlotsPerDay = 48;
inline constexpr std::size_t kMaxResidentItems = 200;

enum class VenueType { meeting_room, activity_room, sports_court, hall, reading_room };
std::optional<VenueType> venue_type_from_name(std::string_view name);
std::string_view venue_type_name(VenueType type);

struct OpeningPeriod {
    std::array<bool, 8> days{}; // [1] Monday .. [7] Sunday
    int open_minute = 0;        // minutes after local midnight
    int close_minute = 0;
};

struct VenueRules {
    int book_ahead_days = 14;
    int min_notice_hours = 0;
    int max_per_week = 1;
    int group_min = 1;
    int group_max = 1;
    int cancel_before_hours = 0;
    std::vector<std::string> blackout; // YYYY-MM-DD
};

struct Venue {
    std::string id;
    std::string community;
    VenueType type = VenueType::meeting_room;
    LocalText name;
    int capacity = 1;
    std::vector<std::string> facilities;
    std::vector<OpeningPeriod> opening;
    int slot_minutes = 60;
    VenueRules rules;
    std::optional<LocalText> notes;
};

struct Activity {
    std::string id;
    std::string community;
    std::string venue;
    LocalText title;
    std::optional<LocalText> description;
    std::string start; // RFC 3339 with offset
    std::string end;
    std::string signup_closes; // "" when it closes at the start
    int places = 1;
    int waitlist = 0;
    std::optional<int> age_min, age_max;
    bool community_only = false;
};

// The "venues" document's items: every member the protocol names, in its range (a venue with
// opening hours that do not read is left out, never guessed).
Parsed<ReadItems<Venue>> read_venues(std::string_view document);
// The "activities" document's items.
Parsed<ReadItems<Activity>> read_activities(std::string_view document);

enum class SlotState { free, taken, past, closed };

struct Slot {
    std::string start; // RFC 3339 with offset
    std::string end;
    SlotState state = SlotState::closed;
};

// GET /v1/venues/{id}/slots?date=: the day's slots of `venue` on `date`, in order.
Parsed<std::vector<Slot>> read_day_slots(std::string_view text, std::string_view venue, std::string_view date);

// Why the central side would not do it (a 409's body): the rule, and its figure where it has one.
enum class BookingRule {
    taken,
    closed,
    too_soon,
    weekly_limit,
    group_size,
    too_late,
    full,
    already,
    not_eligible,
    // A rating's check (docs/protocol.md, "POST /v1/ratings/check").
    unknown,
    not_rateable,
    invalid,
};
struct Refusal {
    BookingRule rule = BookingRule::taken;
    std::optional<int> limit;
    std::string error; // the central side's words, for the log
};
Parsed<Refusal> read_refusal(std::string_view text);
std::string_view booking_rule_name(BookingRule rule);

struct Hold {
    std::string id;
    std::string expires_at; // RFC 3339 UTC
    std::string start, end;
};
Parsed<Hold> read_hold(std::string_view text);

struct Booking {
    std::string id;
    std::string venue;
    std::string start, end;
    int group_size = 1;
    std::string cancel_until; // RFC 3339 UTC
    std::string state;        // "confirmed" or "cancelled" (or a state a later central side adds)
};

struct Confirmed {
    Booking booking;
    std::string pass; // the signed booking pass, printed as a QR code
};
Parsed<Confirmed> read_confirmed(std::string_view text);
// POST /v1/bookings/{id}/cancel: the booking as it now stands.
Parsed<Booking> read_cancelled(std::string_view text);

struct Signup {
    std::string id;
    std::string activity;
    std::string state;           // "confirmed" or "waiting"
    std::optional<int> position; // on the waiting list
};
// POST /v1/signups: {"signup": {...}}.
Parsed<Signup> read_signup(std::string_view text);

struct ResidentItems {
    std::vector<Booking> bookings;
    std::vector<Signup> signups;
};
// POST /v1/residents/lookup.
Parsed<ResidentItems> read_resident_items(std::string_view text);

struct Seats {
    int places = 0, taken = 0, waiting = 0;
};
// GET /v1/activities/{id}/seats for `activity`.
Parsed<Seats> read_seats(std::string_view text, std::string_view activity);

} // namespace hk::uplink
