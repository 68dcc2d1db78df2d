// Booking a venue (ScreenKind::booking): what the resident has chosen step by step, and what the
// central side answered. The kiosk never confirms a booking itself: a slot is held by the central
// side, then confirmed there; every answer comes back as an intent. Wiped when the session ends.
// Pure.
#pragma once

#include "personal.hpp"

#include <cstdint>
#include <map>
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
// Sign-ups add theirs: full (and no waiting list left), already signed up, not eligible.
enum class BookingRefusal {
    taken,
    closed,
    too_soon,
    weekly_limit,
    group_size,
    too_late,
    gone,
    full,
    already,
    not_eligible,
    other,
};

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

// Signing up to an activity (ScreenKind::activities).
enum class ActivityStep {
    list,    // the activities still to come
    detail,  // one activity: when, where, who may join, seats left (asked of the central side)
    id_card, // signing up needs a real name
    signing, // asked
    done,    // signed up, or on the waiting list: the slip prints
    refused, // closed, full, already signed up, not eligible
    offline,
};

struct ActivitySeats {
    int places = 0, taken = 0, waiting = 0;
};

struct ActivityState {
    ActivityStep step = ActivityStep::list;
    // The list's seats, as answered one activity at a time (nothing: could not be asked); once the
    // central side cannot be reached the list asks no more.
    std::map<std::string, std::optional<ActivitySeats>> list_seats;
    bool list_unreachable = false;
    std::string activity;               // the one chosen
    std::optional<ActivitySeats> seats; // as last answered for it
    bool seats_unknown = false;         // the central side could not be asked: seats not known
    Personal name{Personal::Kind::name, ""};
    Personal id_number{Personal::Kind::id_number, ""};
    std::string signup;          // the sign-up's id once made
    bool waiting = false;        // on the waiting list
    std::optional<int> position; // its place there
    BookingRefusal refusal = BookingRefusal::other;
    std::optional<int> refusal_limit;

    void wipe();
};

// A resident's own bookings and sign-ups (ScreenKind::mine), read from the central side with the
// ID card, each cancellable within its rules.
enum class MineStep {
    id_card,
    looking,   // asked
    list,      // what is coming up
    cancel,    // "cancel this?"
    cancelling,
    cancelled, // done: the list is asked again from here
    refused,   // past the cancellation deadline, or already gone
    offline,
};

struct MineItem {
    enum class Kind { booking, signup } kind = Kind::booking;
    std::string id;
    std::string subject;      // the venue's or the activity's id
    std::string start, end;   // bookings: RFC 3339 with offset; sign-ups: "" (the catalogue has the times)
    int group_size = 0;
    std::string cancel_until; // bookings: RFC 3339 UTC
    bool waiting = false;     // sign-ups: on the waiting list
    std::optional<int> position;
    bool operator==(const MineItem&) const = default;
};

struct MineState {
    MineStep step = MineStep::id_card;
    Personal name{Personal::Kind::name, ""};
    Personal id_number{Personal::Kind::id_number, ""};
    std::vector<MineItem> items;
    std::string chosen; // the item's id being cancelled
    BookingRefusal refusal = BookingRefusal::other;

    const MineItem* chosen_item() const;
    void wipe();
};

} // namespace hk
