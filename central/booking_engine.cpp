// Holds, bookings and sign-ups decided and written inside one immediate transaction each.
#include "booking_engine.hpp"

#include "claims.hpp"
#include "id_forms.hpp"
#include "pass_key.hpp"
#include "rfc3339.hpp"
#include "strict_json.hpp"
#include "token_signer.hpp"
#include "utf8.hpp"
#include "venue_calendar.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <initializer_list>
#include <optional>

namespace hk::central {
namespace {

using Json = nlohmann::json;

Reply error_reply(int status, std::string message)
{
    return Reply{status, Json{{"error", std::move(message)}}};
}

// 409 with the rule that stands in the way and its figure.
Reply rule_reply(std::string message, std::string_view rule, std::optional<int> limit = std::nullopt)
{
    Json body{{"error", std::move(message)}, {"rule", rule}};
    if (limit)
        body["limit"] = *limit;
    return Reply{409, std::move(body)};
}

Error db_error(const store::SqlError& e)
{
    return Error{"database: " + e.message};
}

// An id no one guesses: `prefix` and 16 random bytes in hex (a hold's id is all a kiosk needs to
// confirm it).
std::string random_id(std::string_view prefix)
{
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), bytes.size()) != 1)
        return {};
    std::string id(prefix);
    for (const unsigned char b : bytes) {
        std::array<char, 3> two{};
        std::snprintf(two.data(), two.size(), "%02x", b);
        id += two.data();
    }
    return id;
}

// The body as one JSON object with exactly `names` (all required), or the 400 to answer.
std::expected<Json, Reply> read_body(std::string_view text, std::initializer_list<std::string_view> names)
{
    auto doc = uplink::parse_strict_object(text);
    if (!doc)
        return std::unexpected(error_reply(400, "the body is not one JSON object: " + doc.error().message));
    for (auto it = doc->begin(); it != doc->end(); ++it)
        if (std::find(names.begin(), names.end(), it.key()) == names.end())
            return std::unexpected(error_reply(400, it.key() + ": not a member of this request"));
    for (const auto name : names)
        if (!doc->contains(name))
            return std::unexpected(error_reply(400, std::string(name) + ": missing"));
    return std::move(*doc);
}

bool person_name(std::string_view s)
{
    std::size_t chars = 0;
    for (std::size_t at = 0; at < s.size(); ++chars) {
        const char32_t c = utf8::next(s, at);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == utf8::kReplacement)
            return false;
    }
    return chars >= 1 && chars <= kMaxResidentNameChars;
}

std::optional<std::string> id_number_of(const Json& v)
{
    if (!v.is_string() || !id_number(v.get_ref<const std::string&>()))
        return std::nullopt;
    return v.get<std::string>();
}

struct Resident {
    std::string name;
    std::string id_number;
};

// {"name", "id_number"}, or the 400 to answer.
std::expected<Resident, Reply> read_resident(const Json& v)
{
    if (!v.is_object() || v.size() != 2 || !v.contains("name") || !v.contains("id_number"))
        return std::unexpected(error_reply(400, "resident: not an object of exactly name and id_number"));
    if (!v["name"].is_string() || !person_name(v["name"].get_ref<const std::string&>()))
        return std::unexpected(error_reply(400, "resident.name: not 1 to 100 characters without control characters"));
    auto number = id_number_of(v["id_number"]);
    if (!number)
        return std::unexpected(
            error_reply(400, "resident.id_number: not an 18-character ID number with its check character"));
    return Resident{v["name"].get<std::string>(), *number};
}

// The resident named by a body of exactly {"id_number"}, as their key, or the 400 to answer.
std::expected<std::string, Reply> resident_of(std::string_view text, const ResidentKeys& residents)
{
    auto body = read_body(text, {"id_number"});
    if (!body)
        return std::unexpected(body.error());
    auto number = id_number_of((*body)["id_number"]);
    if (!number)
        return std::unexpected(
            error_reply(400, "id_number: not an 18-character ID number with its check character"));
    return residents.key_of(*number);
}

// Runs `sql` with ?1 bound to `id` (an update of one row by its id).
Result<void> run_on(store::Database& db, std::string_view sql, std::string_view id)
{
    auto s = db.prepare(sql);
    if (!s)
        return std::unexpected(db_error(s.error()));
    s->bind(1, id);
    if (auto r = s->run(); !r)
        return std::unexpected(db_error(r.error()));
    return {};
}

// The one integer a statement without rows of interest counts.
Result<std::int64_t> count(store::Statement& s)
{
    auto row = s.step();
    if (!row)
        return std::unexpected(db_error(row.error()));
    return *row ? s.integer(0) : 0;
}

struct BookingRow {
    std::string id, venue, resident, hall, pass, state;
    std::int64_t start = 0, end = 0, group_size = 0, cancel_until = 0;
};

constexpr std::string_view kBookingColumns =
    "id, venue, resident, hall, pass, state, start, end, group_size, cancel_until";

BookingRow read_booking(const store::Statement& s)
{
    return BookingRow{s.text(0),    s.text(1),    s.text(2),    s.text(3),    s.text(4),
                      s.text(5),    s.integer(6), s.integer(7), s.integer(8), s.integer(9)};
}

Json booking_json(const BookingRow& b, bool with_state)
{
    Json j{{"id", b.id},
           {"venue", b.venue},
           {"start", format_local(b.start)},
           {"end", format_local(b.end)},
           {"group_size", b.group_size},
           {"cancel_until", uplink::format_rfc3339_utc(b.cancel_until)}};
    if (with_state)
        j["state"] = b.state;
    return j;
}

Result<std::optional<BookingRow>> booking_by_id(store::Database& db, std::string_view id)
{
    return row_by_key(db, "SELECT " + std::string(kBookingColumns) + " FROM bookings WHERE id = ?1", id, read_booking);
}

// Whether the slot is booked or held by a hold that is still live at `now`.
Result<bool> slot_taken(store::Database& db, std::string_view venue, std::int64_t start, std::int64_t now)
{
    auto s = db.prepare("SELECT EXISTS (SELECT 1 FROM bookings WHERE venue = ?1 AND start = ?2 AND state = 'confirmed') "
                        "OR EXISTS (SELECT 1 FROM holds WHERE venue = ?1 AND start = ?2 AND state = 'held' "
                        "AND expires > ?3)");
    if (!s)
        return std::unexpected(db_error(s.error()));
    s->bind(1, venue).bind(2, start).bind(3, now);
    auto n = count(*s);
    if (!n)
        return std::unexpected(n.error());
    return *n != 0;
}

Result<void> commit(store::Transaction& tx)
{
    if (auto r = tx.commit(); !r)
        return std::unexpected(db_error(r.error()));
    return {};
}

// Why a slot of `venue` at `start` cannot be booked at `now` for reasons of the calendar alone
// (closed, too_soon), or nothing.
std::optional<Reply> calendar_refusal(const Venue& venue, std::int64_t start, std::int64_t now)
{
    const std::int64_t day = local_day(start);
    const auto& r = venue.rules;
    if (std::binary_search(r.blackout.begin(), r.blackout.end(), day))
        return rule_reply("the venue is closed on " + format_date(day), "closed");
    if (day - local_day(now) > r.book_ahead_days)
        return rule_reply("bookings open " + std::to_string(r.book_ahead_days) + " days ahead", "closed",
                          r.book_ahead_days);
    if (start - now < std::int64_t{r.min_notice_hours} * 3600)
        return rule_reply("a slot is booked at least " + std::to_string(r.min_notice_hours) + " hours ahead",
                          "too_soon", r.min_notice_hours);
    return std::nullopt;
}

struct SignupRow {
    std::string id, activity, resident, state;
    std::int64_t rowid = 0;
};

Result<std::optional<SignupRow>> signup_by_id(store::Database& db, std::string_view id)
{
    return row_by_key(db, "SELECT id, activity, resident, state, rowid FROM signups WHERE id = ?1", id,
                     [](store::Statement& st) {
                         return SignupRow{st.text(0), st.text(1), st.text(2), st.text(3), st.integer(4)};
                     });
}

// How many sign-ups of `activity` are in `state`; with `upto_rowid`, only those up to it (a
// waiting sign-up's position).
Result<std::int64_t> signups_in(store::Database& db, std::string_view activity, std::string_view state,
                                std::int64_t upto_rowid = INT64_MAX)
{
    auto s = db.prepare("SELECT count(*) FROM signups WHERE activity = ?1 AND state = ?2 AND rowid <= ?3");
    if (!s)
        return std::unexpected(db_error(s.error()));
    s->bind(1, activity).bind(2, state).bind(3, upto_rowid);
    return count(*s);
}

Json signup_json(const SignupRow& s, std::int64_t position)
{
    Json j{{"id", s.id}, {"activity", s.activity}, {"state", s.state}};
    if (s.state == "waiting")
        j["position"] = position;
    return j;
}

} // namespace

BookingEngine::BookingEngine(CentralStore& store, const Catalogue& catalogue, ResidentKeys residents,
                         codes::PkeyPtr pass_key, Clock clock)
    : store_(store), catalogue_(catalogue), residents_(std::move(residents)), pass_key_(std::move(pass_key)),
      clock_(std::move(clock))
{
}

Result<Reply> BookingEngine::slots(std::string_view venue_id, std::string_view date)
{
    const Venue* venue = catalogue_.venue(venue_id);
    if (!venue)
        return error_reply(404, "no such venue");
    const auto day = parse_date(date);
    if (!day)
        return error_reply(400, "date: not a date YYYY-MM-DD");
    const std::int64_t now = clock_();
    auto& db = store_.database();
    // One read transaction, so that the day is seen as it stood at one moment.
    auto tx = store::Transaction::begin(db, store::Transaction::Kind::deferred);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    Json list = Json::array();
    for (const Slot& slot : slots_of_day(venue->opening, venue->slot_minutes, *day)) {
        std::string state = "free";
        const auto refusal = calendar_refusal(*venue, slot.start, now);
        if (refusal)
            state = refusal->body["rule"] == "closed" ? "closed" : "past";
        else {
            auto taken = slot_taken(db, venue->id, slot.start, now);
            if (!taken)
                return std::unexpected(taken.error());
            if (*taken)
                state = "taken";
        }
        list.push_back({{"start", format_local(slot.start)}, {"end", format_local(slot.end)}, {"state", state}});
    }
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{200, Json{{"venue", venue->id}, {"date", format_date(*day)}, {"slots", std::move(list)}}};
}

Result<Reply> BookingEngine::hold(std::string_view text, std::string_view kiosk)
{
    auto body = read_body(text, {"venue", "start", "group_size", "resident", "hall"});
    if (!body)
        return body.error();
    auto resident = read_resident((*body)["resident"]);
    if (!resident)
        return resident.error();
    const Json& hall = (*body)["hall"];
    if (!hall.is_string() || !codes::valid_claim_value(hall.get_ref<const std::string&>()) ||
        hall.get_ref<const std::string&>().empty())
        return error_reply(400, "hall: not a hall id (1 to 64 of A-Z a-z 0-9 _ -)");
    const Json& group = (*body)["group_size"];
    if (!group.is_number_integer())
        return error_reply(400, "group_size: not an integer");
    const Json& start_text = (*body)["start"];
    if (!(*body)["venue"].is_string() || !start_text.is_string())
        return error_reply(400, "venue and start: not strings");
    const Venue* venue = catalogue_.venue((*body)["venue"].get_ref<const std::string&>());
    if (!venue)
        return error_reply(404, "no such venue");
    // The start must be one of the venue's slots, written as the slot list writes it.
    const std::string& start_str = start_text.get_ref<const std::string&>();
    const auto day = parse_date(std::string_view(start_str).substr(0, 10));
    if (!day)
        return error_reply(404, "start: not a slot of this venue");
    const auto day_slots = slots_of_day(venue->opening, venue->slot_minutes, *day);
    const auto slot = std::find_if(day_slots.begin(), day_slots.end(),
                                   [&](const Slot& s) { return format_local(s.start) == start_str; });
    const std::int64_t now = clock_();
    if (slot == day_slots.end()) {
        if (!open_on(venue->opening, *day))
            return rule_reply("the venue is not open on " + format_date(*day), "closed");
        return error_reply(404, "start: not a slot of this venue");
    }
    const auto& rules = venue->rules;
    const std::int64_t group_size = group.get<std::int64_t>();
    if (group_size < rules.group_min || group_size > rules.group_max)
        return rule_reply("a group is " + std::to_string(rules.group_min) + " to " + std::to_string(rules.group_max) +
                              " people",
                          "group_size", group_size < rules.group_min ? rules.group_min : rules.group_max);
    if (auto refusal = calendar_refusal(*venue, slot->start, now))
        return *refusal;

    const std::string who = residents_.key_of(resident->id_number);
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto taken = slot_taken(db, venue->id, slot->start, now);
    if (!taken)
        return std::unexpected(taken.error());
    if (*taken)
        return rule_reply("the slot is taken", "taken");
    const Slot week = iso_week_of(slot->start);
    auto weekly = db.prepare(
        "SELECT (SELECT count(*) FROM bookings WHERE resident = ?1 AND state = 'confirmed' AND start >= ?2 "
        "AND start < ?3) + (SELECT count(*) FROM holds WHERE resident = ?1 AND state = 'held' AND expires > ?4 "
        "AND start >= ?2 AND start < ?3)");
    if (!weekly)
        return std::unexpected(db_error(weekly.error()));
    weekly->bind(1, who).bind(2, week.start).bind(3, week.end).bind(4, now);
    auto booked = count(*weekly);
    if (!booked)
        return std::unexpected(booked.error());
    if (*booked >= rules.max_per_week)
        return rule_reply("at most " + std::to_string(rules.max_per_week) + " bookings a week", "weekly_limit",
                          rules.max_per_week);
    const std::string id = random_id("H-");
    const std::int64_t expires = now + kHoldSeconds;
    auto insert = db.prepare("INSERT INTO holds (id, venue, start, end, resident, name, group_size, hall, kiosk, "
                             "expires, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'held')");
    if (!insert)
        return std::unexpected(db_error(insert.error()));
    insert->bind(1, id).bind(2, venue->id).bind(3, slot->start).bind(4, slot->end).bind(5, who);
    insert->bind(6, resident->name).bind(7, group_size).bind(8, hall.get_ref<const std::string&>()).bind(9, kiosk);
    insert->bind(10, expires);
    if (auto r = insert->run(); !r)
        return std::unexpected(db_error(r.error()));
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{201, Json{{"hold", id},
                           {"expires_at", uplink::format_rfc3339_utc(expires)},
                           {"slot", {{"start", format_local(slot->start)}, {"end", format_local(slot->end)}}}}};
}

Result<Reply> BookingEngine::confirm(std::string_view hold_id)
{
    const std::int64_t now = clock_();
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto s = db.prepare("SELECT venue, start, end, resident, name, group_size, hall, kiosk, expires, state, booking "
                        "FROM holds WHERE id = ?1");
    if (!s)
        return std::unexpected(db_error(s.error()));
    s->bind(1, hold_id);
    auto row = s->step();
    if (!row)
        return std::unexpected(db_error(row.error()));
    if (!*row)
        return error_reply(404, "no such hold");
    BookingRow b{random_id("B-"), s->text(0), s->text(3),    s->text(6),    "",          "confirmed",
                 s->integer(1),   s->integer(2), s->integer(5), 0};
    const std::string name = s->text(4);
    const std::string kiosk = s->text(7);
    const std::int64_t expires = s->integer(8);
    const std::string state = s->text(9);
    const std::string made = s->text(10);
    s->reset();
    if (state == "confirmed") {
        // Confirmed before and the answer lost on the way: the same booking and pass again.
        auto earlier = booking_by_id(db, made);
        if (!earlier)
            return std::unexpected(earlier.error());
        if (!*earlier)
            return error_reply(410, "the hold was used");
        return Reply{201, Json{{"booking", booking_json(**earlier, false)}, {"pass", (*earlier)->pass}}};
    }
    if (state != "held" || expires <= now)
        return error_reply(410, "the hold has expired or was released");
    const Venue* venue = catalogue_.venue(b.venue);
    if (!venue)
        return error_reply(410, "the venue is no longer in the catalogue");
    b.cancel_until = b.start - std::int64_t{venue->rules.cancel_before_hours} * 3600;
    const std::string pass_id = random_id("P");
    const std::vector<codes::Claim> claims{{"id", pass_id},
                                           {"hall", b.hall},
                                           {"ref", b.id},
                                           {"nbf", std::to_string(b.start - kPassEarlySeconds)},
                                           {"exp", std::to_string(b.end)},
                                           {"once", "1"}};
    b.pass = codes::sign_token(codes::TokenType::pass, claims, kPassKid, pass_key_.get());
    if (b.pass.empty())
        return fail("the pass cannot be signed");
    auto insert = db.prepare("INSERT INTO bookings (id, venue, start, end, resident, name, group_size, hall, kiosk, "
                             "cancel_until, pass_id, pass, state, booked_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'confirmed', ?13)");
    if (!insert)
        return std::unexpected(db_error(insert.error()));
    insert->bind(1, b.id).bind(2, b.venue).bind(3, b.start).bind(4, b.end).bind(5, b.resident).bind(6, name);
    insert->bind(7, b.group_size).bind(8, b.hall).bind(9, kiosk).bind(10, b.cancel_until).bind(11, pass_id);
    insert->bind(12, b.pass).bind(13, now);
    if (auto r = insert->run(); !r)
        return std::unexpected(db_error(r.error()));
    auto mark = db.prepare("UPDATE holds SET state = 'confirmed', booking = ?2 WHERE id = ?1");
    if (!mark)
        return std::unexpected(db_error(mark.error()));
    mark->bind(1, hold_id).bind(2, b.id);
    if (auto r = mark->run(); !r)
        return std::unexpected(db_error(r.error()));
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{201, Json{{"booking", booking_json(b, false)}, {"pass", b.pass}}};
}

Result<Reply> BookingEngine::release(std::string_view hold_id)
{
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto s = db.prepare("SELECT state FROM holds WHERE id = ?1");
    if (!s)
        return std::unexpected(db_error(s.error()));
    s->bind(1, hold_id);
    auto row = s->step();
    if (!row)
        return std::unexpected(db_error(row.error()));
    if (!*row)
        return error_reply(404, "no such hold");
    const std::string state = s->text(0);
    s->reset();
    if (state == "confirmed")
        return error_reply(409, "the hold is a booking now: cancel the booking");
    if (auto r = run_on(db, "UPDATE holds SET state = 'released' WHERE id = ?1", hold_id); !r)
        return std::unexpected(r.error());
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{204, nullptr};
}

Result<Reply> BookingEngine::cancel_booking(std::string_view booking_id, std::string_view text)
{
    auto who = resident_of(text, residents_);
    if (!who)
        return who.error();
    const std::int64_t now = clock_();
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto found = booking_by_id(db, booking_id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || (*found)->resident != *who)
        return error_reply(404, "no booking of that id is the resident's");
    BookingRow b = **found;
    if (b.state == "confirmed") {
        const Venue* venue = catalogue_.venue(b.venue);
        if (now > b.cancel_until)
            return rule_reply("a booking is cancelled until its cancel_until", "too_late",
                              venue ? venue->rules.cancel_before_hours : 0);
        if (auto r = run_on(db, "UPDATE bookings SET state = 'cancelled' WHERE id = ?1", b.id); !r)
            return std::unexpected(r.error());
        b.state = "cancelled";
    }
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{200, Json{{"booking", booking_json(b, true)}}};
}

Result<Reply> BookingEngine::lookup(std::string_view text)
{
    auto who = resident_of(text, residents_);
    if (!who)
        return who.error();
    const std::int64_t now = clock_();
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db, store::Transaction::Kind::deferred);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto s = db.prepare("SELECT " + std::string(kBookingColumns) +
                        " FROM bookings WHERE resident = ?1 AND state = 'confirmed' AND end > ?2 ORDER BY start, id");
    if (!s)
        return std::unexpected(db_error(s.error()));
    s->bind(1, *who).bind(2, now);
    Json bookings = Json::array();
    for (;;) {
        auto row = s->step();
        if (!row)
            return std::unexpected(db_error(row.error()));
        if (!*row)
            break;
        bookings.push_back(booking_json(read_booking(*s), true));
    }
    auto q = db.prepare("SELECT id, activity, resident, state, rowid FROM signups WHERE resident = ?1 "
                        "AND state != 'cancelled'");
    if (!q)
        return std::unexpected(db_error(q.error()));
    q->bind(1, *who);
    std::vector<std::pair<std::int64_t, Json>> signups;
    for (;;) {
        auto row = q->step();
        if (!row)
            return std::unexpected(db_error(row.error()));
        if (!*row)
            break;
        const SignupRow one{q->text(0), q->text(1), q->text(2), q->text(3), q->integer(4)};
        const Activity* activity = catalogue_.activity(one.activity);
        if (!activity || activity->end <= now)
            continue;
        std::int64_t position = 0;
        if (one.state == "waiting") {
            auto ahead = signups_in(db, one.activity, "waiting", one.rowid);
            if (!ahead)
                return std::unexpected(ahead.error());
            position = *ahead;
        }
        signups.emplace_back(activity->start, signup_json(one, position));
    }
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    std::stable_sort(signups.begin(), signups.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    Json list = Json::array();
    for (auto& [start, j] : signups)
        list.push_back(std::move(j));
    return Reply{200, Json{{"bookings", std::move(bookings)}, {"signups", std::move(list)}}};
}

Result<Reply> BookingEngine::seats(std::string_view activity_id)
{
    const Activity* activity = catalogue_.activity(activity_id);
    if (!activity)
        return error_reply(404, "no such activity");
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db, store::Transaction::Kind::deferred);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto taken = signups_in(db, activity->id, "confirmed");
    if (!taken)
        return std::unexpected(taken.error());
    auto waiting = signups_in(db, activity->id, "waiting");
    if (!waiting)
        return std::unexpected(waiting.error());
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{200, Json{{"activity", activity->id}, {"places", activity->places}, {"taken", *taken},
                           {"waiting", *waiting}}};
}

Result<Reply> BookingEngine::signup(std::string_view text, std::string_view kiosk)
{
    auto body = read_body(text, {"activity", "resident"});
    if (!body)
        return body.error();
    auto resident = read_resident((*body)["resident"]);
    if (!resident)
        return resident.error();
    if (!(*body)["activity"].is_string())
        return error_reply(400, "activity: not a string");
    const Activity* activity = catalogue_.activity((*body)["activity"].get_ref<const std::string&>());
    if (!activity)
        return error_reply(404, "no such activity");
    const std::int64_t now = clock_();
    if (now > activity->signup_closes)
        return rule_reply("sign-up has closed", "closed");
    if (activity->age_min || activity->age_max) {
        const auto born = birth_date(resident->id_number);
        const int age = born ? age_on(*born, civil(local_day(activity->start))) : -1;
        if (age < 0 || (activity->age_min && age < *activity->age_min))
            return rule_reply("the activity is for ages from " + std::to_string(activity->age_min.value_or(0)),
                              "not_eligible", activity->age_min.value_or(0));
        if (activity->age_max && age > *activity->age_max)
            return rule_reply("the activity is for ages up to " + std::to_string(*activity->age_max), "not_eligible",
                              *activity->age_max);
    }
    const std::string who = residents_.key_of(resident->id_number);
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto mine = db.prepare("SELECT count(*) FROM signups WHERE activity = ?1 AND resident = ?2 AND state != 'cancelled'");
    if (!mine)
        return std::unexpected(db_error(mine.error()));
    mine->bind(1, activity->id).bind(2, who);
    auto already = count(*mine);
    if (!already)
        return std::unexpected(already.error());
    if (*already > 0)
        return rule_reply("the resident is signed up or waiting already", "already");
    auto taken = signups_in(db, activity->id, "confirmed");
    if (!taken)
        return std::unexpected(taken.error());
    auto waiting = signups_in(db, activity->id, "waiting");
    if (!waiting)
        return std::unexpected(waiting.error());
    SignupRow made{random_id("S-"), activity->id, who, "confirmed", 0};
    std::int64_t position = 0;
    if (*taken >= activity->places) {
        if (*waiting >= activity->waitlist)
            return rule_reply("the places and the waiting list are taken", "full", activity->places);
        made.state = "waiting";
        position = *waiting + 1;
    }
    auto insert = db.prepare("INSERT INTO signups (id, activity, resident, name, state, signed_at, kiosk) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!insert)
        return std::unexpected(db_error(insert.error()));
    insert->bind(1, made.id).bind(2, made.activity).bind(3, who).bind(4, resident->name).bind(5, made.state);
    insert->bind(6, now).bind(7, kiosk);
    if (auto r = insert->run(); !r)
        return std::unexpected(db_error(r.error()));
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{201, Json{{"signup", signup_json(made, position)}}};
}

Result<Reply> BookingEngine::cancel_signup(std::string_view signup_id, std::string_view text)
{
    auto who = resident_of(text, residents_);
    if (!who)
        return who.error();
    auto& db = store_.database();
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(db_error(tx.error()));
    auto found = signup_by_id(db, signup_id);
    if (!found)
        return std::unexpected(found.error());
    if (!*found || (*found)->resident != *who)
        return error_reply(404, "no sign-up of that id is the resident's");
    SignupRow s = **found;
    if (s.state != "cancelled") {
        if (auto r = run_on(db, "UPDATE signups SET state = 'cancelled' WHERE id = ?1", s.id); !r)
            return std::unexpected(r.error());
        // A place given up goes to the first on the waiting list, in this same transaction.
        if (s.state == "confirmed") {
            if (auto r = run_on(db,
                                "UPDATE signups SET state = 'confirmed' WHERE rowid = (SELECT rowid FROM signups "
                                "WHERE activity = ?1 AND state = 'waiting' ORDER BY rowid LIMIT 1)",
                                s.activity);
                !r)
                return std::unexpected(r.error());
        }
        s.state = "cancelled";
    }
    if (auto r = commit(*tx); !r)
        return std::unexpected(r.error());
    return Reply{200, Json{{"signup", signup_json(s, 0)}}};
}

} // namespace hk::central
