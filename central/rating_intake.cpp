// Rating subjects found, verified and keyed; ratings stored once per subject.
#include "rating_intake.hpp"

#include "request_handling.hpp"
#include "request_lifecycle.hpp"
#include "rfc3339.hpp"
#include "router.hpp"
#include "venue_calendar.hpp"

#include <variant>

namespace hk::central {
namespace {

FoundSubject refused(std::string reason, std::string rule)
{
    FoundSubject f;
    f.refusal = std::move(reason);
    f.rule = std::move(rule);
    return f;
}

Result<FoundSubject> find_window(const Catalogue& catalogue, const ResidentKeys& residents, const RatingSubject& s,
                                 std::int64_t at)
{
    const Window* window = catalogue.window(s.window);
    if (!window || window->hall != s.hall)
        return refused("window: unknown", "unknown");
    FoundSubject f;
    f.kind = "window";
    f.hall = s.hall;
    f.window = window->id;
    if (!s.ticket.empty()) {
        const codes::RouterContext context{catalogue.trusted_keys(), s.hall, at};
        auto code = codes::route(s.ticket, context);
        if (const auto* rejected = std::get_if<codes::Rejected>(&code))
            return refused("ticket: " + std::string(codes::reason_name(rejected->reason)), "invalid");
        const auto* ticket = std::get_if<codes::QueueTicket>(&code);
        if (!ticket)
            return refused("ticket: not a queue ticket", "invalid");
        if (ticket->window != window->id)
            return refused("ticket: not a ticket of that window", "invalid");
        // One rating per ticket, which its hall's queue system numbers.
        f.key = "ticket:" + ticket->hall + ":" + ticket->ticket_id;
        f.staff = ticket->staff;
        return f;
    }
    // By the window's number: anonymously once per visit, or with the ID card once per resident
    // and day.
    if (window->anonymous) {
        if (s.rater)
            return refused("rater: not with an anonymous window", "");
        if (s.visit.empty())
            return refused("visit: missing", "");
        f.key = window->id + ":visit:" + s.visit;
        return f;
    }
    if (!s.visit.empty())
        return refused("visit: not with a window rated with the ID card", "");
    if (!s.rater)
        return refused("rater: missing", "");
    f.rater = residents.key_of(s.rater->id_number);
    f.key = window->id + ":" + f.rater + ":" + format_date(local_day(at));
    return f;
}

Result<FoundSubject> find_request(CentralStore& store, const RatingSubject& s)
{
    auto found = store.request(s.tracking);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || !check_matches(**found, s.check))
        return refused(std::string(kNoSuchRequest), "unknown");
    const auto state = request_state_from_name((*found)->status);
    if (!state || !may_rate(*state))
        return refused("the request is " + (*found)->status + "; only a resolved, confirmed or closed request is rated",
                       "not_rateable");
    FoundSubject f;
    f.kind = "request";
    f.key = s.tracking;
    f.hall = s.hall.empty() ? (*found)->hall : s.hall;
    return f;
}

Result<FoundSubject> find_booking(CentralStore& store, const Catalogue& catalogue, const RatingSubject& s,
                                  std::int64_t at)
{
    // Read for a rating: a pass used at check-in is still good, and its exp is taken 30 days more.
    const codes::RouterContext context{catalogue.trusted_keys(), s.hall, at, nullptr, true};
    auto code = codes::route(s.pass, context);
    if (const auto* rejected = std::get_if<codes::Rejected>(&code)) {
        // The signature checked out but the time did not: a booking not yet begun or long over.
        if (rejected->reason == codes::Reason::not_yet_valid || rejected->reason == codes::Reason::expired)
            return refused("pass: not rateable now", "not_rateable");
        return refused("pass: " + std::string(codes::reason_name(rejected->reason)), "invalid");
    }
    const auto* pass = std::get_if<codes::BookingPass>(&code);
    if (!pass)
        return refused("pass: not a booking pass", "invalid");
    struct Booked {
        std::int64_t start, end;
        std::string state;
    };
    auto booked = row_by_key(store.database(), "SELECT start, end, state FROM bookings WHERE id = ?1", pass->ref,
                             [](store::Statement& q) {
                                 return Booked{q.integer(0), q.integer(1), q.text(2)};
                             });
    if (!booked)
        return std::unexpected(booked.error());
    if (!*booked)
        return refused("pass: no such booking", "unknown");
    const auto& [start, end, state] = **booked;
    if (state != "confirmed")
        return refused("pass: the booking was cancelled", "not_rateable");
    if (at < start || at > end + codes::kRatingGraceSeconds)
        return refused("pass: not rateable now", "not_rateable");
    FoundSubject f;
    f.kind = "booking";
    f.key = pass->ref;
    f.hall = s.hall;
    return f;
}

} // namespace

Result<FoundSubject> find_subject(CentralStore& store, const Catalogue& catalogue, const ResidentKeys& residents,
                                  const RatingSubject& subject, std::int64_t at)
{
    switch (subject.kind) {
    case SubjectKind::visit: {
        FoundSubject f;
        f.kind = "visit";
        f.key = subject.visit;
        f.hall = subject.hall;
        return f;
    }
    case SubjectKind::window: return find_window(catalogue, residents, subject, at);
    case SubjectKind::request: return find_request(store, subject);
    case SubjectKind::booking: return find_booking(store, catalogue, subject, at);
    }
    return fail("a subject of no kind");
}

Result<std::string> take_rating(CentralStore& store, const Catalogue& catalogue, const ResidentKeys& residents,
                                const uplink::VerifiedRecord& record)
{
    auto body = read_rating_body(record.body, catalogue);
    if (!body)
        return body.error().message;
    auto found = find_subject(store, catalogue, residents, body->subject, body->at);
    if (!found)
        return std::unexpected(found.error());
    if (!found->refusal.empty())
        return found->refusal;
    Rating rating;
    rating.subject_kind = found->kind;
    rating.subject = found->key;
    rating.level = body->level;
    rating.at = uplink::format_rfc3339_utc(body->at);
    rating.record = record.header.id;
    rating.hall = found->hall;
    rating.window = found->window;
    rating.staff = found->staff;
    rating.reasons = body->reasons;
    rating.text = body->text;
    if (body->callback) {
        rating.callback_phone = body->callback->phone;
        rating.consent_version = body->callback->consent_version;
        rating.consent_at = uplink::format_rfc3339_utc(body->callback->consent_at);
    }
    rating.rater = found->rater;
    rating.visit = body->subject.visit;
    rating.lang = body->lang;
    auto stored = store.add_rating(rating);
    if (!stored)
        return std::unexpected(stored.error());
    return *stored ? std::string{} : std::string("already rated");
}

Result<Rating> rectify_rating(CentralStore& store, std::string_view record, std::string_view note, std::int64_t now)
{
    if (!staff_text(note, 1, kMaxNoteChars))
        return fail("the note is 1 to " + std::to_string(kMaxNoteChars) + " characters, none a control character");
    auto tx = store::Transaction::begin(store.database());
    if (!tx)
        return fail("database: " + tx.error().message);
    auto found = store.rating_by_record(record);
    if (!found)
        return std::unexpected(found.error());
    if (!*found)
        return fail("no rating of record " + std::string(record));
    if ((*found)->follow_up == "rectified")
        return fail("the rating of record " + std::string(record) + " was rectified at " + (*found)->follow_up_at);
    if ((*found)->follow_up != "open")
        return fail("the rating of record " + std::string(record) + " is of level " + std::to_string((*found)->level) +
                    "; only ratings of level 1 or 2 are followed up");
    if (auto r = store.set_rectified(record, note, uplink::format_rfc3339_utc(now)); !r)
        return std::unexpected(r.error());
    if (auto r = tx->commit(); !r)
        return fail("database: " + r.error().message);
    auto now_held = store.rating_by_record(record);
    if (!now_held)
        return std::unexpected(now_held.error());
    return std::move(**now_held);
}

} // namespace hk::central
