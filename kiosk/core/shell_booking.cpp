// The shell's booking, activity and "my bookings" flows (see shell.hpp, booking.hpp): what each
// intent does at each step. An answer for a question no longer on screen is dropped.
#include "shell.hpp"

#include <algorithm>

namespace hk {

bool Shell::booking_back()
{
    BookingState& b = booking_;
    switch (b.step) {
    case BookingStep::venues:
        b.wipe();
        stack_.pop_back();
        return true;
    case BookingStep::slots:
        b.step = BookingStep::venues;
        b.venue.clear();
        b.slots.clear();
        return true;
    case BookingStep::id_card:
    case BookingStep::group:
    case BookingStep::refused:
    case BookingStep::offline:
        // Back to the day's slots, asked again: what was free may not be any more.
        b.step = BookingStep::slots;
        b.slots.clear();
        b.slots_asked = false;
        return true;
    case BookingStep::holding:
    case BookingStep::confirm:
    case BookingStep::confirming:
        // The hold is let go (the app tells the central side when it sees it gone).
        b.hold.clear();
        b.hold_expires = 0;
        b.step = BookingStep::group;
        return true;
    case BookingStep::done: // booked: nothing to go back to
        b.wipe();
        stack_.pop_back();
        return true;
    }
    return false;
}

bool Shell::booking_intent(const Intent& in)
{
    BookingState& b = booking_;
    const auto to_slots = [&](std::string date) {
        b.date = std::move(date);
        b.slots.clear();
        b.slots_asked = false;
        b.step = BookingStep::slots;
        return true;
    };
    if (const auto* f = std::get_if<intent::BookingFilter>(&in)) {
        if (b.step != BookingStep::venues)
            return false;
        b.type_filter = f->type;
        b.min_size = std::max(0, f->min_size);
        list_page_ = 0;
        return true;
    }
    if (const auto* v = std::get_if<intent::ChooseVenue>(&in)) {
        if (b.step != BookingStep::venues || v->id.empty() || v->date.size() != 10)
            return false;
        b.venue = v->id;
        return to_slots(v->date);
    }
    if (const auto* d = std::get_if<intent::ChooseDate>(&in)) {
        if ((b.step != BookingStep::slots && b.step != BookingStep::venues) || d->date.size() != 10 ||
            d->date == b.date)
            return false;
        if (b.step == BookingStep::venues) { // the day the list is of
            b.date = d->date;
            return true;
        }
        return to_slots(d->date);
    }
    if (const auto* a = std::get_if<intent::SlotsAnswered>(&in)) {
        if (b.step != BookingStep::slots || a->venue != b.venue || a->date != b.date)
            return false; // an answer for a day no longer on screen
        if (!a->slots) {
            b.step = BookingStep::offline;
            return true;
        }
        b.slots = *a->slots;
        b.slots_asked = true;
        return true;
    }
    if (const auto* c = std::get_if<intent::ChooseSlot>(&in)) {
        if (b.step != BookingStep::slots)
            return false;
        const auto it = std::ranges::find(b.slots, c->start, &BookingSlot::start);
        if (it == b.slots.end() || it->state != BookingSlot::State::free)
            return false;
        b.slot_start = it->start;
        b.slot_end = it->end;
        b.step = b.id_number.empty() ? BookingStep::id_card : BookingStep::group;
        return true;
    }
    if (const auto* c = std::get_if<intent::CardRead>(&in)) {
        if (b.step != BookingStep::id_card || c->name.empty() || c->id_number.empty())
            return false;
        b.name = c->name;
        b.id_number = c->id_number;
        b.step = BookingStep::group;
        return true;
    }
    if (const auto* g = std::get_if<intent::GroupSize>(&in)) {
        if (b.step != BookingStep::group || g->size < 1 || g->size > 1000 || g->size == b.group_size)
            return false;
        b.group_size = g->size;
        return true;
    }
    if (std::holds_alternative<intent::NextStep>(in)) {
        if (b.step != BookingStep::group)
            return false;
        b.step = BookingStep::holding;
        return true;
    }
    if (const auto* h = std::get_if<intent::Held>(&in)) {
        if (b.step != BookingStep::holding || h->hold.empty())
            return false;
        b.hold = h->hold;
        b.hold_expires = h->expires;
        b.step = BookingStep::confirm;
        return true;
    }
    if (std::holds_alternative<intent::ConfirmBooking>(in)) {
        if (b.step != BookingStep::confirm)
            return false;
        b.step = BookingStep::confirming;
        return true;
    }
    if (const auto* k = std::get_if<intent::Booked>(&in)) {
        if (b.step != BookingStep::confirming || k->booking.empty())
            return false;
        b.booking = k->booking;
        b.cancel_until = k->cancel_until;
        b.hold.clear();
        b.step = BookingStep::done;
        return true;
    }
    if (const auto* r = std::get_if<intent::BookingRefused>(&in)) {
        if (b.step != BookingStep::holding && b.step != BookingStep::confirm && b.step != BookingStep::confirming)
            return false;
        b.refusal = r->why;
        b.refusal_limit = r->limit;
        b.hold.clear();
        b.step = BookingStep::refused;
        return true;
    }
    if (std::holds_alternative<intent::BookingUnreachable>(in)) {
        if (b.step != BookingStep::slots && b.step != BookingStep::holding && b.step != BookingStep::confirming)
            return false;
        b.step = BookingStep::offline;
        return true;
    }
    return false;
}

bool Shell::activity_back()
{
    ActivityState& a = activity_;
    switch (a.step) {
    case ActivityStep::list:
        a.wipe();
        stack_.pop_back();
        return true;
    case ActivityStep::detail:
    case ActivityStep::refused:
    case ActivityStep::offline:
        a.step = ActivityStep::list;
        a.activity.clear();
        a.seats.reset();
        a.seats_unknown = false;
        return true;
    case ActivityStep::id_card:
    case ActivityStep::signing: // the answer, if it comes, is dropped: "my bookings" shows it
        a.step = ActivityStep::detail;
        a.seats.reset();
        a.seats_unknown = false;
        return true;
    case ActivityStep::done:
        a.wipe();
        stack_.pop_back();
        return true;
    }
    return false;
}

bool Shell::activity_intent(const Intent& in)
{
    ActivityState& a = activity_;
    if (const auto* c = std::get_if<intent::ChooseActivity>(&in)) {
        if (a.step != ActivityStep::list || c->id.empty())
            return false;
        a.activity = c->id;
        a.seats.reset();
        a.seats_unknown = false;
        a.step = ActivityStep::detail;
        return true;
    }
    if (const auto* s = std::get_if<intent::SeatsAnswered>(&in); s && a.step == ActivityStep::list) {
        if (s->activity.empty() || a.list_seats.contains(s->activity))
            return false;
        a.list_seats[s->activity] = s->seats;
        a.list_unreachable = a.list_unreachable || !s->seats;
        return true;
    }
    if (const auto* s = std::get_if<intent::SeatsAnswered>(&in)) {
        if (a.step != ActivityStep::detail || s->activity != a.activity || a.seats || a.seats_unknown)
            return false;
        a.seats = s->seats;
        a.seats_unknown = !s->seats;
        return true;
    }
    if (std::holds_alternative<intent::SignUp>(in)) {
        if (a.step != ActivityStep::detail || !a.seats)
            return false;
        a.step = a.id_number.empty() ? ActivityStep::id_card : ActivityStep::signing;
        return true;
    }
    if (const auto* c = std::get_if<intent::CardRead>(&in)) {
        if (a.step != ActivityStep::id_card || c->name.empty() || c->id_number.empty())
            return false;
        a.name = c->name;
        a.id_number = c->id_number;
        a.step = ActivityStep::signing;
        return true;
    }
    if (const auto* d = std::get_if<intent::SignedUp>(&in)) {
        if (a.step != ActivityStep::signing || d->signup.empty())
            return false;
        a.signup = d->signup;
        a.waiting = d->waiting;
        a.position = d->position;
        a.step = ActivityStep::done;
        return true;
    }
    if (const auto* r = std::get_if<intent::BookingRefused>(&in)) {
        if (a.step != ActivityStep::signing)
            return false;
        a.refusal = r->why;
        a.refusal_limit = r->limit;
        a.step = ActivityStep::refused;
        return true;
    }
    if (std::holds_alternative<intent::BookingUnreachable>(in)) {
        if (a.step != ActivityStep::signing)
            return false;
        a.step = ActivityStep::offline;
        return true;
    }
    return false;
}

bool Shell::open_mine()
{
    if (screen().kind != ScreenKind::booking && screen().kind != ScreenKind::activities)
        return false;
    mine_.wipe();
    list_page_ = 0;
    // The card read for booking or signing up is not asked for again.
    const Personal& name = screen().kind == ScreenKind::booking ? booking_.name : activity_.name;
    const Personal& id = screen().kind == ScreenKind::booking ? booking_.id_number : activity_.id_number;
    if (!id.empty()) {
        mine_.name = name;
        mine_.id_number = id;
        mine_.step = MineStep::looking;
    }
    stack_.push_back(Screen{ScreenKind::mine, screen().service});
    return true;
}

bool Shell::mine_back()
{
    MineState& m = mine_;
    switch (m.step) {
    case MineStep::cancel:
    case MineStep::refused:
        m.step = MineStep::list;
        m.chosen.clear();
        return true;
    case MineStep::id_card:
    case MineStep::looking:
    case MineStep::list:
    case MineStep::cancelling:
    case MineStep::cancelled:
    case MineStep::offline:
        m.wipe();
        stack_.pop_back();
        return true;
    }
    return false;
}

bool Shell::mine_intent(const Intent& in)
{
    MineState& m = mine_;
    if (const auto* c = std::get_if<intent::CardRead>(&in)) {
        if (m.step != MineStep::id_card || c->name.empty() || c->id_number.empty())
            return false;
        m.name = c->name;
        m.id_number = c->id_number;
        m.step = MineStep::looking;
        return true;
    }
    if (const auto* a = std::get_if<intent::MineAnswered>(&in)) {
        if (m.step != MineStep::looking)
            return false;
        if (!a->items) {
            m.step = MineStep::offline;
            return true;
        }
        m.items = *a->items;
        m.step = MineStep::list;
        return true;
    }
    if (const auto* c = std::get_if<intent::ChooseCancel>(&in)) {
        if (m.step != MineStep::list || std::ranges::find(m.items, c->id, &MineItem::id) == m.items.end())
            return false;
        m.chosen = c->id;
        m.step = MineStep::cancel;
        return true;
    }
    if (std::holds_alternative<intent::ConfirmCancel>(in)) {
        if (m.step != MineStep::cancel)
            return false;
        m.step = MineStep::cancelling;
        return true;
    }
    if (const auto* c = std::get_if<intent::Cancelled>(&in)) {
        if (m.step != MineStep::cancelling || c->id != m.chosen)
            return false;
        m.step = MineStep::cancelled;
        return true;
    }
    if (const auto* r = std::get_if<intent::BookingRefused>(&in)) {
        if (m.step != MineStep::cancelling)
            return false;
        m.refusal = r->why;
        m.step = MineStep::refused;
        return true;
    }
    if (std::holds_alternative<intent::BookingUnreachable>(in)) {
        if (m.step != MineStep::cancelling && m.step != MineStep::looking)
            return false;
        m.step = MineStep::offline;
        return true;
    }
    if (std::holds_alternative<intent::NextStep>(in)) { // "look again" after a cancel or offline
        if (m.step != MineStep::cancelled && m.step != MineStep::offline)
            return false;
        m.items.clear();
        m.chosen.clear();
        m.step = MineStep::looking;
        return true;
    }
    return false;
}

} // namespace hk
