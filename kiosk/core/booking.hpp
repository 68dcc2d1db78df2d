// Booking a venue (ScreenKind::booking): what the resident has chosen step by step, and what the
// central side answered. The kiosk never confirms a booking itself: a slot is held by the central
// side, then confirmed there; every answer comes back as an intent. Wiped when the session ends.
// Pure.
#pragma once

#include "personal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hk {

enum class BookingStep {
    venues,   // the list, filtered by type and size
    slots,    // a venue's day: the slots and their state (asked of the central side)
    id_card,  // booking needs a real name
    group,    // how many people
    holding,  // the slot is being held
    confirm,  // held: the summary, the rules, "confirm" (the hold runs out)
    confirming,
    done,     // confirmed: the pass prints
    refused,  // a rule stood in the way: which, and what instead
    offline,  // the central side could not be reached: booking needs the network
};

// A day's slot as the screen shows it (from uplink::Slot).
struct BookingSlot {
    std::string start; // RFC 3339 with offset
    std::string end;
    enum class State { free, taken, past, closed } state = State::closed;
};

// Why the central side said no, as the screen words it (from uplink::BookingRule).
enum class BookingRefusal { taken, closed, too_soon, weekly_limit, group_size, too_late, gone, other };

struct BookingState {
    BookingStep step = BookingStep::venues;
    std::string type_filter;   // a venue type, "" for all
    int min_size = 0;          // venues for at least this many people, 0 for any
    std::string venue;         // the venue chosen
    std::string date;          // YYYY-MM-DD, local
    bool slots_asked = false;  // the day's slots are on their way
    std::vector<BookingSlot> slots;
    std::string slot_start;    // the slot chosen
    std::string slot_end;
    Personal name{Personal::Kind::name, ""};
    Personal id_number{Personal::Kind::id_number, ""};
    int group_size = 1;
    std::string hold;              // the hold's id while held
    std::int64_t hold_expires = 0; // unix seconds
    std::string booking;           // the confirmed booking's id
    std::string cancel_until;      // RFC 3339 UTC
    BookingRefusal refusal = BookingRefusal::other;
    std::optional<int> refusal_limit;

    void wipe();
};

} // namespace hk
