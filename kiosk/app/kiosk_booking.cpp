// The kiosk program's part in booking venues, signing up to activities and "my bookings" (see
// kiosk_app.hpp and booking_flow.hpp).
#include "kiosk_app.hpp"

#include "receipts.hpp"
#include "rfc3339.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

namespace hk::app {
namespace {

// "2026-03-02T14:00:00+08:00": the wall-clock date and time as written (the hall's local time).
struct WrittenTime {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0;
};

std::optional<WrittenTime> written_time(std::string_view rfc3339)
{
    if (rfc3339.size() < 16 || !uplink::parse_rfc3339(rfc3339))
        return std::nullopt;
    const auto num = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i)
            v = v * 10 + (rfc3339[i] - '0');
        return v;
    };
    return WrittenTime{num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2)};
}

std::string hh_mm(const WrittenTime& t)
{
    char out[24];
    std::snprintf(out, sizeof out, "%02d:%02d", t.hour, t.minute);
    return out;
}

} // namespace

bool KioskApp::card_step() const
{
    if (!shell_.in_session())
        return false;
    switch (shell_.screen().kind) {
    case ScreenKind::request: return shell_.request_step() == RequestStep::id_card;
    case ScreenKind::booking: return shell_.booking().step == BookingStep::id_card;
    case ScreenKind::activities: return shell_.activity().step == ActivityStep::id_card;
    case ScreenKind::mine: return shell_.mine().step == MineStep::id_card;
    case ScreenKind::rate: return shell_.rate().step == RateStep::id_card;
    default: return false;
    }
}

void KioskApp::follow_booking()
{
    // The activities list shows each one's seats: those of the catalogue, by its order.
    booking_flow_->ask(shell_, setup_.config.hall_id, booking_lists_.activities);
    for (FlowAnswer& a : booking_flow_->take(unix_now())) {
        const bool taken = apply(a.intent);
        if (a.then)
            a.then(taken);
    }
    // A hold that ran out on the confirm screen: the central side lets it go by itself.
    const BookingState& b = shell_.booking();
    if (shell_.in_session() && shell_.screen().kind == ScreenKind::booking && b.step == BookingStep::confirm &&
        unix_now() >= b.hold_expires) {
        spdlog::info("booking: the hold ran out before it was confirmed");
        apply(intent::BookingRefused{BookingRefusal::gone, std::nullopt});
    }
    booking_flow_->drop_released(shell_);
    booking_flow_->ask(shell_, setup_.config.hall_id, booking_lists_.activities);
}

void KioskApp::print_booking_pass(const ConfirmedBooking& c)
{
    const Lang lang = shell_.lang();
    const auto venue = std::ranges::find(booking_lists_.venues, c.venue, &uplink::Venue::id);
    const auto start = written_time(c.start);
    const auto end = written_time(c.end);
    BookingPass pass;
    pass.booking_number = c.booking;
    pass.venue = venue != booking_lists_.venues.end() ? venue->name.in(lang) : c.venue;
    pass.date = start ? format_date(setup_.translator, lang, start->year, start->month, start->day) : c.start;
    pass.slot = start && end ? hh_mm(*start) + "–" + hh_mm(*end) : "";
    pass.name = shell_.booking().name;
    pass.token = c.pass;
    pass.group_size = c.group_size;
    pass.hall = setup_.config.hall_name.in(lang);
    if (const auto until = uplink::parse_rfc3339_utc(c.cancel_until)) {
        // In the hall's own time, as the slot is written (whatever zone the kiosk's clock is in).
        const auto offset = uplink::rfc3339_offset_seconds(c.start);
        if (offset) {
            const auto tt = static_cast<std::time_t>(*until + *offset);
            std::tm tm{};
            gmtime_r(&tt, &tm);
            pass.cancel_until = ReceiptTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min};
        } else {
            pass.cancel_until = receipt_time(*until);
        }
    }
    const Translator& tr = setup_.translator; // outlives the printer's jobs
    peripherals_->printer().print("booking pass " + c.booking, [pass = std::move(pass), &tr, lang](bool reprint) {
        return booking_receipt(pass, tr, lang, reprint);
    });
}

void KioskApp::print_signup_slip(const intent::SignedUp& su, const std::string& activity)
{
    const Lang lang = shell_.lang();
    const auto a = std::ranges::find(booking_lists_.activities, activity, &uplink::Activity::id);
    SignupSlip slip;
    slip.signup = su.signup;
    slip.name = shell_.activity().name;
    slip.waiting = su.waiting;
    slip.position = su.position;
    slip.hall = setup_.config.hall_name.in(lang);
    if (a != booking_lists_.activities.end()) {
        slip.title = a->title.in(lang);
        const auto start = written_time(a->start);
        const auto end = written_time(a->end);
        slip.when = start ? format_date(setup_.translator, lang, start->year, start->month, start->day) + " " +
                                hh_mm(*start) + (end ? "–" + hh_mm(*end) : "")
                          : a->start;
        const auto venue = std::ranges::find(booking_lists_.venues, a->venue, &uplink::Venue::id);
        slip.where = venue != booking_lists_.venues.end() ? venue->name.in(lang) : a->venue;
    } else {
        slip.title = activity;
    }
    const Translator& tr = setup_.translator;
    peripherals_->printer().print("sign-up slip " + su.signup, [slip = std::move(slip), &tr, lang](bool reprint) {
        return signup_receipt(slip, tr, lang, reprint);
    });
}

} // namespace hk::app
