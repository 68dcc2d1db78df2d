// The booking screens' questions and answers (see booking_flow.hpp).
#include "booking_flow.hpp"

#include "rfc3339.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

namespace hk::app {
namespace {

BookingRefusal refusal_of(const std::optional<uplink::Refusal>& r)
{
    if (!r)
        return BookingRefusal::other;
    switch (r->rule) {
    case uplink::BookingRule::taken: return BookingRefusal::taken;
    case uplink::BookingRule::closed: return BookingRefusal::closed;
    case uplink::BookingRule::too_soon: return BookingRefusal::too_soon;
    case uplink::BookingRule::weekly_limit: return BookingRefusal::weekly_limit;
    case uplink::BookingRule::group_size: return BookingRefusal::group_size;
    case uplink::BookingRule::too_late: return BookingRefusal::too_late;
    case uplink::BookingRule::full: return BookingRefusal::full;
    case uplink::BookingRule::already: return BookingRefusal::already;
    case uplink::BookingRule::not_eligible: return BookingRefusal::not_eligible;
    case uplink::BookingRule::unknown:
    case uplink::BookingRule::not_rateable:
    case uplink::BookingRule::invalid: return BookingRefusal::other; // a rating's, never a booking's
    }
    return BookingRefusal::other;
}

// A refusal, a thing gone, or no answer, as the shell is told; the log says which.
template <typename T> Intent not_done(const uplink::DeskAnswer<T>& a, std::string_view what)
{
    using K = typename uplink::DeskAnswer<T>::Kind;
    switch (a.kind) {
    case K::refused:
        spdlog::info("booking: {} refused by rule {} ({})", what,
                     a.refusal ? uplink::booking_rule_name(a.refusal->rule) : "?", a.refusal ? a.refusal->error : "");
        return intent::BookingRefused{refusal_of(a.refusal), a.refusal ? a.refusal->limit : std::nullopt};
    case K::gone:
        spdlog::info("booking: {}: not there any more ({})", what, a.error);
        return intent::BookingRefused{BookingRefusal::gone, std::nullopt};
    case K::garbled: spdlog::error("booking: {}: the answer does not read: {}", what, a.error); break;
    case K::unreachable: spdlog::warn("booking: {}: no answer: {}", what, a.error); break;
    case K::done: break;
    }
    return intent::BookingUnreachable{};
}

BookingSlot::State slot_state(uplink::SlotState s)
{
    switch (s) {
    case uplink::SlotState::free: return BookingSlot::State::free;
    case uplink::SlotState::taken: return BookingSlot::State::taken;
    case uplink::SlotState::past: return BookingSlot::State::past;
    case uplink::SlotState::closed: return BookingSlot::State::closed;
    }
    return BookingSlot::State::closed;
}

// How long a hold is shown to last: what the central side said, counted on the kiosk's own clock
// from the answer's arrival (the two clocks may differ), and never longer than the protocol's 180 s.
constexpr std::int64_t kHoldSeconds = 180;

std::int64_t hold_expires(std::string_view expires_at, std::int64_t now)
{
    const auto at = uplink::parse_rfc3339_utc(expires_at);
    std::int64_t left = at ? *at - now : 0;
    if (left <= 0 || left > kHoldSeconds) {
        spdlog::warn("booking: the hold's expiry {} is {} s from the kiosk's clock; counting {} s from now",
                     expires_at, left, kHoldSeconds - 10);
        left = kHoldSeconds - 10;
    }
    return now + left;
}

} // namespace

BookingFlow::BookingFlow(std::function<void()> wake) : wake_(std::move(wake)) {}

BookingFlow::~BookingFlow()
{
    if (desk_ && !held_.empty())
        desk_->release(held_);
}

std::string BookingFlow::wanted(const Shell& shell, const std::vector<uplink::Activity>& activities)
{
    if (!shell.in_session())
        return {};
    switch (shell.screen().kind) {
    case ScreenKind::booking: {
        const BookingState& b = shell.booking();
        if (b.step == BookingStep::slots && !b.slots_asked)
            return "slots|" + b.venue + "|" + b.date;
        if (b.step == BookingStep::holding)
            return "hold|" + b.venue + "|" + b.slot_start + "|" + std::to_string(b.group_size);
        if (b.step == BookingStep::confirming)
            return "confirm|" + b.hold;
        return {};
    }
    case ScreenKind::activities: {
        const ActivityState& a = shell.activity();
        if (a.step == ActivityStep::list && !a.list_unreachable)
            for (const uplink::Activity& listed : activities)
                if (!a.list_seats.contains(listed.id))
                    return "seats|" + listed.id;
        if (a.step == ActivityStep::detail && !a.seats && !a.seats_unknown)
            return "seats|" + a.activity;
        if (a.step == ActivityStep::signing)
            return "signup|" + a.activity;
        return {};
    }
    case ScreenKind::rate: {
        const RateState& r = shell.rate();
        if (r.step != RateStep::checking)
            return {};
        const RateSubject& s = r.subject;
        return "rate|" + std::string(rate_kind_name(s.kind)) + "|" + s.window + "|" + s.ticket + "|" + s.booking + "|" +
               s.tracking;
    }
    case ScreenKind::mine: {
        const MineState& m = shell.mine();
        if (m.step == MineStep::looking)
            return "mine";
        if (m.step == MineStep::cancelling)
            return "cancel|" + m.chosen;
        return {};
    }
    default: return {};
    }
}

void BookingFlow::put(FlowAnswer answer)
{
    {
        std::lock_guard lock(box_->mutex);
        box_->answers.push_back(std::move(answer));
    }
    if (wake_)
        wake_();
}

std::vector<FlowAnswer> BookingFlow::take(std::int64_t now_unix)
{
    std::vector<FlowAnswer> out;
    {
        std::lock_guard lock(box_->mutex);
        out.swap(box_->answers);
    }
    for (FlowAnswer& a : out)
        if (auto* h = std::get_if<intent::Held>(&a.intent))
            h->expires = hold_expires(a.expires_at, now_unix);
    return out;
}

void BookingFlow::ask(const Shell& shell, const std::string& hall, const std::vector<uplink::Activity>& activities)
{
    const std::string want = wanted(shell, activities);
    if (want.empty() || want == asked_) {
        asked_ = want;
        return;
    }
    asked_ = want;
    // Answers come on the desk's thread: they go through the mailbox, never to `this` directly
    // (the flow may be gone by then).
    const std::weak_ptr<Mailbox> weak = box_;
    const auto send = [weak, wake = wake_](FlowAnswer a) {
        if (auto box = weak.lock()) {
            {
                std::lock_guard lock(box->mutex);
                box->answers.push_back(std::move(a));
            }
            if (wake)
                wake();
        }
    };
    if (!desk_) {
        spdlog::warn("booking: nothing can be asked: the kiosk has no booking desk");
        if (want.starts_with("slots|"))
            put({intent::SlotsAnswered{shell.booking().venue, shell.booking().date, std::nullopt}, {}});
        else if (want.starts_with("seats|"))
            put({intent::SeatsAnswered{want.substr(6), std::nullopt}, {}});
        else if (want == "mine")
            put({intent::MineAnswered{std::nullopt}, {}});
        else if (want.starts_with("rate|"))
            put({intent::RateChecked{false, false}, {}});
        else
            put({intent::BookingUnreachable{}, {}});
        return;
    }
    switch (shell.screen().kind) {
    case ScreenKind::booking: {
        const BookingState& b = shell.booking();
        if (b.step == BookingStep::slots) {
            spdlog::info("booking: asking the slots of {} on {}", b.venue, b.date);
            desk_->day_slots(b.venue, b.date,
                             [send, venue = b.venue, date = b.date](uplink::DeskAnswer<std::vector<uplink::Slot>> a) {
                                 intent::SlotsAnswered out{venue, date, std::nullopt};
                                 if (a.kind == uplink::DeskAnswer<std::vector<uplink::Slot>>::Kind::done) {
                                     out.slots.emplace();
                                     for (const uplink::Slot& s : *a.value)
                                         out.slots->push_back(BookingSlot{s.start, s.end, slot_state(s.state)});
                                 } else {
                                     spdlog::warn("booking: no slots for {} on {}: {}", venue, date, a.error);
                                 }
                                 send({std::move(out), {}});
                             });
        } else if (b.step == BookingStep::holding) {
            spdlog::info("booking: holding {} at {} for {}", b.venue, b.slot_start, b.group_size);
            desk_->hold(b.venue, b.slot_start, b.group_size,
                        uplink::Resident{std::string(b.name.reveal()), std::string(b.id_number.reveal())}, hall,
                        [this, send](uplink::DeskAnswer<uplink::Hold> a) {
                            if (a.kind != uplink::DeskAnswer<uplink::Hold>::Kind::done) {
                                send({not_done(a, "the hold"), {}});
                                return;
                            }
                            // Whether the hold is still wanted is decided on the loop's side, in
                            // `then` (which only the flow's owner calls, through take()).
                            const std::string id = a.value->id;
                            send({intent::Held{id, 0}, [this, id](bool taken) {
                                      if (taken) {
                                          held_ = id;
                                          return;
                                      }
                                      spdlog::info("booking: a hold came after its screen had gone: let go");
                                      if (desk_)
                                          desk_->release(id);
                                  },
                                  a.value->expires_at});
                        });
        } else if (b.step == BookingStep::confirming) {
            spdlog::info("booking: confirming the hold");
            desk_->confirm(b.hold, [this, send](uplink::DeskAnswer<uplink::Confirmed> a) {
                if (a.kind != uplink::DeskAnswer<uplink::Confirmed>::Kind::done) {
                    send({not_done(a, "the confirmation"), {}});
                    return;
                }
                const uplink::Booking& k = a.value->booking;
                ConfirmedBooking c{k.id, k.venue, k.start, k.end, k.group_size, k.cancel_until, a.value->pass};
                send({intent::Booked{k.id, k.cancel_until}, [this, c = std::move(c)](bool taken) {
                          held_.clear(); // confirmed: a booking now, not a hold to let go
                          spdlog::info("booking: {} confirmed{}", c.booking,
                                       taken ? "" : " after its screen had gone (it stands; \"my bookings\" has it)");
                          if (on_booked)
                              on_booked(c);
                      }});
            });
        }
        return;
    }
    case ScreenKind::activities: {
        const ActivityState& a = shell.activity();
        if (a.step == ActivityStep::list || a.step == ActivityStep::detail) {
            desk_->seats(want.substr(6), [send, activity = want.substr(6)](uplink::DeskAnswer<uplink::Seats> s) {
                intent::SeatsAnswered out{activity, std::nullopt};
                if (s.kind == uplink::DeskAnswer<uplink::Seats>::Kind::done)
                    out.seats = ActivitySeats{s.value->places, s.value->taken, s.value->waiting};
                else
                    spdlog::warn("activities: no seats for {}: {}", activity, s.error);
                send({std::move(out), {}});
            });
        } else {
            spdlog::info("activities: signing up to {}", a.activity);
            desk_->sign_up(a.activity, uplink::Resident{std::string(a.name.reveal()), std::string(a.id_number.reveal())},
                           [this, send, activity = a.activity](uplink::DeskAnswer<uplink::Signup> s) {
                               if (s.kind != uplink::DeskAnswer<uplink::Signup>::Kind::done) {
                                   send({not_done(s, "the sign-up"), {}});
                                   return;
                               }
                               intent::SignedUp done{s.value->id, s.value->state == "waiting", s.value->position};
                               send({done, [this, done, activity](bool taken) {
                                         spdlog::info("activities: signed up to {}{}", activity,
                                                      done.waiting ? " (waiting list)" : "");
                                         if (taken && on_signed_up)
                                             on_signed_up(done, activity);
                                     }});
                           });
        }
        return;
    }
    case ScreenKind::mine: {
        const MineState& m = shell.mine();
        if (m.step == MineStep::looking) {
            spdlog::info("mine: looking up a resident's bookings and sign-ups");
            desk_->lookup(std::string(m.id_number.reveal()), [send](uplink::DeskAnswer<uplink::ResidentItems> r) {
                if (r.kind != uplink::DeskAnswer<uplink::ResidentItems>::Kind::done) {
                    spdlog::warn("mine: no answer: {}", r.error);
                    send({intent::MineAnswered{std::nullopt}, {}});
                    return;
                }
                std::vector<MineItem> items;
                for (const uplink::Booking& k : r.value->bookings)
                    if (k.state == "confirmed")
                        items.push_back(MineItem{MineItem::Kind::booking, k.id, k.venue, k.start, k.end, k.group_size,
                                                 k.cancel_until, false, std::nullopt});
                for (const uplink::Signup& s : r.value->signups)
                    if (s.state == "confirmed" || s.state == "waiting")
                        items.push_back(MineItem{MineItem::Kind::signup, s.id, s.activity, "", "", 0, "",
                                                 s.state == "waiting", s.position});
                send({intent::MineAnswered{std::move(items)}, {}});
            });
        } else if (const MineItem* item = m.chosen_item()) {
            spdlog::info("mine: cancelling a {}", item->kind == MineItem::Kind::booking ? "booking" : "sign-up");
            if (item->kind == MineItem::Kind::booking)
                desk_->cancel_booking(item->id, std::string(m.id_number.reveal()),
                                      [send, id = item->id](uplink::DeskAnswer<uplink::Booking> a) {
                                          if (a.kind == uplink::DeskAnswer<uplink::Booking>::Kind::done)
                                              send({intent::Cancelled{id}, {}});
                                          else
                                              send({not_done(a, "the cancellation"), {}});
                                      });
            else
                desk_->cancel_signup(item->id, std::string(m.id_number.reveal()), [send, id = item->id](uplink::DeskAnswer<bool> a) {
                    if (a.kind == uplink::DeskAnswer<bool>::Kind::done)
                        send({intent::Cancelled{id}, {}});
                    else
                        send({not_done(a, "the cancellation"), {}});
                });
        }
        return;
    }
    case ScreenKind::rate: {
        spdlog::info("rating: asking whether the {} is rated already", rate_kind_name(shell.rate().subject.kind));
        desk_->check_rating(rating_check_body ? rating_check_body(shell) : std::string("{}"),
                            [send](uplink::DeskAnswer<bool> a) {
                                using K = uplink::DeskAnswer<bool>::Kind;
                                if (a.kind == K::done) {
                                    send({intent::RateChecked{true, *a.value}, {}});
                                    return;
                                }
                                if (a.kind == K::refused && a.refusal) {
                                    spdlog::info("rating: it cannot be rated: {} ({})",
                                                 uplink::booking_rule_name(a.refusal->rule), a.refusal->error);
                                    const RateRefusal why = a.refusal->rule == uplink::BookingRule::not_rateable
                                                                ? RateRefusal::not_rateable
                                                            : a.refusal->rule == uplink::BookingRule::invalid
                                                                ? RateRefusal::invalid
                                                                : RateRefusal::unknown;
                                    send({intent::RateRefused{why}, {}});
                                    return;
                                }
                                // No answer, or one that does not read: the resident rates all the
                                // same, and the central side keeps one rating per subject on upload.
                                spdlog::warn("rating: the check was not answered: {}", a.error);
                                send({intent::RateChecked{false, false}, {}});
                            });
        return;
    }
    default: return;
    }
}

void BookingFlow::drop_released(const Shell& shell)
{
    if (held_.empty())
        return;
    const BookingState& b = shell.booking();
    const bool kept = shell.in_session() && b.hold == held_ &&
                      (b.step == BookingStep::confirm || b.step == BookingStep::confirming);
    if (kept)
        return;
    spdlog::info("booking: the resident let the hold go");
    if (desk_)
        desk_->release(held_);
    held_.clear();
}

} // namespace hk::app
