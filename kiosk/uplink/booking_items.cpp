// Reading venues, activities and the central side's booking answers (see booking_items.hpp).
#include "booking_items.hpp"

#include "catalogue_fields.hpp"
#include "rfc3339.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace hk::uplink {

using nlohmann::json;
using namespace fields;

namespace {

constexpr std::array<std::pair<std::string_view, VenueType>, 5> kVenueTypes{{
    {"meeting_room", VenueType::meeting_room},
    {"activity_room", VenueType::activity_room},
    {"sports_court", VenueType::sports_court},
    {"hall", VenueType::hall},
    {"reading_room", VenueType::reading_room},
}};

constexpr std::array<std::pair<std::string_view, BookingRule>, 12> kRules{{
    {"taken", BookingRule::taken},
    {"closed", BookingRule::closed},
    {"too_soon", BookingRule::too_soon},
    {"weekly_limit", BookingRule::weekly_limit},
    {"group_size", BookingRule::group_size},
    {"too_late", BookingRule::too_late},
    {"full", BookingRule::full},
    {"already", BookingRule::already},
    {"not_eligible", BookingRule::not_eligible},
    {"unknown", BookingRule::unknown},
    {"not_rateable", BookingRule::not_rateable},
    {"invalid", BookingRule::invalid},
}};

bool good_date(std::string_view d)
{
    return d.size() == 10 && parse_rfc3339_utc(std::string(d) + "T00:00:00Z").has_value();
}

// "HH:MM" as minutes after midnight (24:00 allowed as a closing time).
std::optional<int> clock_minutes(const json& v)
{
    if (!v.is_string())
        return std::nullopt;
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() != 5 || s[2] != ':' || !std::isdigit(static_cast<unsigned char>(s[0])) ||
        !std::isdigit(static_cast<unsigned char>(s[1])) || !std::isdigit(static_cast<unsigned char>(s[3])) ||
        !std::isdigit(static_cast<unsigned char>(s[4])))
        return std::nullopt;
    const int h = (s[0] - '0') * 10 + (s[1] - '0');
    const int m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return std::nullopt;
    return h * 60 + m;
}

std::optional<OpeningPeriod> opening_period(const json& v)
{
    if (!v.is_object() || !v.contains("days") || !v["days"].is_array() || v["days"].empty() || v["days"].size() > 7)
        return std::nullopt;
    OpeningPeriod p;
    for (const json& d : v["days"]) {
        if (!d.is_number_integer() || d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 7)
            return std::nullopt;
        p.days[static_cast<std::size_t>(d.get<std::int64_t>())] = true;
    }
    if (!v.contains("open") || !v.contains("close"))
        return std::nullopt;
    const int open = clock_minutes(v["open"]).value_or(-1);
    const int close = clock_minutes(v["close"]).value_or(-1);
    if (open < 0 || close < 0 || open >= close)
        return std::nullopt;
    p.open_minute = open;
    p.close_minute = close;
    return p;
}

std::optional<VenueRules> venue_rules(const json& v, int capacity)
{
    if (!v.is_object())
        return std::nullopt;
    VenueRules r;
    const auto ahead = int_in(v, "book_ahead_days", 1, 90);
    const auto notice = int_in(v, "min_notice_hours", 0, 72);
    const auto week = int_in(v, "max_per_week", 1, 14);
    const auto gmin = int_in(v, "group_min", 1, capacity);
    const auto gmax = int_in(v, "group_max", 1, capacity);
    const auto cancel = int_in(v, "cancel_before_hours", 0, 168);
    if (!ahead || !notice || !week || !gmin || !gmax || *gmin > *gmax || !cancel)
        return std::nullopt;
    r.book_ahead_days = *ahead;
    r.min_notice_hours = *notice;
    r.max_per_week = *week;
    r.group_min = *gmin;
    r.group_max = *gmax;
    r.cancel_before_hours = *cancel;
    if (v.contains("blackout")) {
        const json& b = v["blackout"];
        if (!b.is_array() || b.size() > kMaxBlackoutDays)
            return std::nullopt;
        for (const json& d : b) {
            if (!d.is_string() || !good_date(d.get_ref<const std::string&>()))
                return std::nullopt;
            r.blackout.push_back(d.get<std::string>());
        }
    }
    return r;
}

std::optional<Venue> venue(const json& item, std::set<std::string>& seen)
{
    Venue v;
    if (!named_item(item, seen, v.id, v.name))
        return std::nullopt;
    const auto type = item.contains("type") && item["type"].is_string()
                          ? venue_type_from_name(item["type"].get_ref<const std::string&>())
                          : std::nullopt;
    const auto capacity = int_in(item, "capacity", 1, 1000);
    const auto slot = int_in(item, "slot_minutes", 30, 480);
    const auto community = text_of(item, "community", 64);
    if (!type || !capacity || !slot || !community || !item.contains("opening") || !item["opening"].is_array() ||
        item["opening"].empty() || item["opening"].size() > kMaxOpeningPeriods || !item.contains("rules"))
        return std::nullopt;
    v.type = *type;
    v.capacity = *capacity;
    v.slot_minutes = *slot;
    v.community = *community;
    for (const json& o : item["opening"]) {
        auto p = opening_period(o);
        if (!p)
            return std::nullopt;
        v.opening.push_back(*p);
    }
    auto rules = venue_rules(item["rules"], v.capacity);
    if (!rules)
        return std::nullopt;
    v.rules = std::move(*rules);
    if (item.contains("facilities")) {
        const json& f = item["facilities"];
        if (!f.is_array() || f.size() > kMaxFacilities)
            return std::nullopt;
        for (const json& id : f) {
            if (!good_id(id))
                return std::nullopt;
            v.facilities.push_back(id.get<std::string>());
        }
    }
    if (item.contains("notes")) {
        auto notes = local_text(item["notes"]);
        if (!notes)
            return std::nullopt;
        v.notes = std::move(*notes);
    }
    return v;
}

std::optional<Activity> activity(const json& item, std::set<std::string>& seen)
{
    Activity a;
    if (!named_item(item, seen, a.id, a.title, "title"))
        return std::nullopt;
    const auto community = text_of(item, "community", 64);
    const auto venue_id = text_of(item, "venue", 64);
    const auto start = time_of(item, "start");
    const auto end = time_of(item, "end");
    const auto places = int_in(item, "places", 1, 1000);
    const auto waitlist = item.contains("waitlist") ? int_in(item, "waitlist", 0, 1000) : std::optional<int>(0);
    if (!community || !venue_id || !start || !end || !places || !waitlist ||
        *parse_rfc3339(*start) >= *parse_rfc3339(*end))
        return std::nullopt;
    a.community = *community;
    a.venue = *venue_id;
    a.start = *start;
    a.end = *end;
    a.places = *places;
    a.waitlist = *waitlist;
    if (item.contains("signup_closes")) {
        auto closes = time_of(item, "signup_closes");
        if (!closes)
            return std::nullopt;
        a.signup_closes = *closes;
    }
    if (item.contains("description")) {
        auto d = local_text(item["description"]);
        if (!d)
            return std::nullopt;
        a.description = std::move(*d);
    }
    if (item.contains("who")) {
        const json& w = item["who"];
        if (!w.is_object())
            return std::nullopt;
        for (const char* name : {"age_min", "age_max"}) {
            if (!w.contains(name) || w[name].is_null())
                continue;
            const auto age = int_in(w, name, 0, 150);
            if (!age)
                return std::nullopt;
            (std::string_view(name) == "age_min" ? a.age_min : a.age_max) = *age;
        }
        if (a.age_min && a.age_max && *a.age_min > *a.age_max)
            return std::nullopt;
        if (w.contains("community_only")) {
            if (!w["community_only"].is_boolean())
                return std::nullopt;
            a.community_only = w["community_only"].get<bool>();
        }
    }
    return a;
}

// The JSON object of an answer, or why not.
Parsed<json> answer(std::string_view text)
{
    return read_strict_object(text);
}

std::optional<Booking> booking(const json& b)
{
    if (!b.is_object())
        return std::nullopt;
    Booking out;
    const auto id = text_of(b, "id", 64);
    const auto venue_id = text_of(b, "venue", 64);
    const auto start = time_of(b, "start");
    const auto end = time_of(b, "end");
    const auto group = int_in(b, "group_size", 1, 1000);
    const auto cancel = time_of(b, "cancel_until");
    if (!id || !venue_id || !start || !end || !group || !cancel)
        return std::nullopt;
    out.id = *id;
    out.venue = *venue_id;
    out.start = *start;
    out.end = *end;
    out.group_size = *group;
    out.cancel_until = *cancel;
    out.state = text_of(b, "state", 32).value_or("confirmed");
    return out;
}

std::optional<Signup> signup(const json& s)
{
    if (!s.is_object())
        return std::nullopt;
    const auto id = text_of(s, "id", 64);
    const auto act = text_of(s, "activity", 64);
    const auto state = text_of(s, "state", 32);
    if (!id || !act || !state || (*state != "confirmed" && *state != "waiting"))
        return std::nullopt;
    Signup out{*id, *act, *state, std::nullopt};
    if (*state == "waiting") {
        const auto pos = int_in(s, "position", 1, 1000);
        if (!pos)
            return std::nullopt;
        out.position = *pos;
    }
    return out;
}

} // namespace

std::optional<VenueType> venue_type_from_name(std::string_view name)
{
    return value_named(kVenueTypes, name);
}

std::string_view venue_type_name(VenueType type)
{
    return name_of(kVenueTypes, type, "meeting_room");
}

std::string_view booking_rule_name(BookingRule rule)
{
    return name_of(kRules, rule, "taken");
}

Parsed<ReadItems<Venue>> read_venues(std::string_view document)
{
    return read_each<Venue>(document, venue);
}

Parsed<ReadItems<Activity>> read_activities(std::string_view document)
{
    return read_each<Activity>(document, activity);
}

Parsed<std::vector<Slot>> read_day_slots(std::string_view text, std::string_view venue_id, std::string_view date)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    if (text_of(root, "venue", 64) != std::string(venue_id) || text_of(root, "date", 10) != std::string(date))
        return ParseError{"the slots are not of the venue and day asked for"};
    if (!root.contains("slots") || !root["slots"].is_array() || root["slots"].size() > kMaxSlotsPerDay)
        return ParseError{"slots: not a list of at most 48"};
    std::vector<Slot> out;
    std::int64_t last_end = 0;
    for (const json& s : root["slots"]) {
        if (!s.is_object())
            return ParseError{"slots: an entry is not an object"};
        const auto start = time_of(s, "start");
        const auto end = time_of(s, "end");
        const auto state = text_of(s, "state", 16);
        if (!start || !end || !state || !start->starts_with(date))
            return ParseError{"slots: an entry without a start on that day, an end or a state"};
        const std::int64_t from = *parse_rfc3339(*start), to = *parse_rfc3339(*end);
        if (from >= to || from < last_end)
            return ParseError{"slots: not in order, or one ends before it starts"};
        last_end = to;
        Slot slot{*start, *end, SlotState::closed};
        if (*state == "free")
            slot.state = SlotState::free;
        else if (*state == "taken")
            slot.state = SlotState::taken;
        else if (*state == "past")
            slot.state = SlotState::past;
        else if (*state != "closed")
            return ParseError{"slots: a state the protocol does not name"};
        out.push_back(std::move(slot));
    }
    return out;
}

Parsed<Refusal> read_refusal(std::string_view text)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    const auto rule = text_of(root, "rule", 32);
    if (!rule)
        return ParseError{"a refusal without its rule"};
    Refusal r;
    const auto known = std::ranges::find(kRules, *rule, &std::pair<std::string_view, BookingRule>::first);
    if (known == kRules.end())
        return ParseError{"a refusal by a rule the protocol does not name"};
    r.rule = known->second;
    if (root.contains("limit")) {
        r.limit = int_in(root, "limit", 0, 100000);
        if (!r.limit)
            return ParseError{"limit: not a number of the rule"};
    }
    r.error = text_of(root, "error", 400).value_or("");
    return r;
}

Parsed<Hold> read_hold(std::string_view text)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    const auto id = text_of(root, "hold", 64);
    const auto expires = time_of(root, "expires_at", true);
    if (!id || !expires || !root.contains("slot") || !root["slot"].is_object())
        return ParseError{"a hold without its id, expiry or slot"};
    const auto start = time_of(root["slot"], "start");
    const auto end = time_of(root["slot"], "end");
    if (!start || !end)
        return ParseError{"a hold's slot without its start and end"};
    return Hold{*id, *expires, *start, *end};
}

Parsed<Confirmed> read_confirmed(std::string_view text)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    auto b = root.contains("booking") ? booking(root["booking"]) : std::nullopt;
    const auto pass = text_of(root, "pass", 1024);
    if (!b || !pass)
        return ParseError{"a confirmation without its booking or pass"};
    return Confirmed{std::move(*b), *pass};
}

Parsed<Booking> read_cancelled(std::string_view text)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    auto b = root.contains("booking") ? booking(root["booking"]) : std::nullopt;
    if (!b)
        return ParseError{"a cancellation without its booking"};
    return std::move(*b);
}

Parsed<Signup> read_signup(std::string_view text)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    auto s = root.contains("signup") ? signup(root["signup"]) : std::nullopt;
    if (!s)
        return ParseError{"a sign-up answer without its sign-up"};
    return std::move(*s);
}

Parsed<ResidentItems> read_resident_items(std::string_view text)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    const auto list = [&](const char* name) -> const json* {
        const auto it = root.find(name);
        return it != root.end() && it->is_array() && it->size() <= kMaxResidentItems ? &*it : nullptr;
    };
    const json* bookings = list("bookings");
    const json* signups = list("signups");
    if (!bookings || !signups)
        return ParseError{"bookings and signups: not lists of at most 200"};
    ResidentItems out;
    for (const json& b : *bookings) {
        auto read = booking(b);
        if (!read)
            return ParseError{"bookings: an entry does not read"};
        out.bookings.push_back(std::move(*read));
    }
    for (const json& s : *signups) {
        auto read = signup(s);
        if (!read)
            return ParseError{"signups: an entry does not read"};
        out.signups.push_back(std::move(*read));
    }
    return out;
}

Parsed<Seats> read_seats(std::string_view text, std::string_view activity_id)
{
    auto doc = answer(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    if (text_of(root, "activity", 64) != std::string(activity_id))
        return ParseError{"the seats are not of the activity asked for"};
    const auto places = int_in(root, "places", 1, 1000);
    const auto taken = int_in(root, "taken", 0, 1000);
    const auto waiting = int_in(root, "waiting", 0, 1000);
    if (!places || !taken || !waiting || *taken > *places)
        return ParseError{"places, taken and waiting: not counts that fit together"};
    return Seats{*places, *taken, *waiting};
}

} // namespace hk::uplink
