// Venue and activity items read member by member, stopping at the first problem.
#include "booking_catalogue.hpp"

#include "catalogue_item.hpp"
#include "id_forms.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <set>
#include <tuple>
#include <utility>

namespace hk::central {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 5> kVenueTypes = {"meeting_room", "activity_room", "sports_court", "hall",
                                                       "reading_room"};
constexpr std::size_t kMaxFacilities = 16;
constexpr std::size_t kMaxOpenings = 14;
constexpr std::size_t kMaxBlackout = 366;

// HH:MM as minutes after midnight; -1 for anything else.
int minutes_of(const Json& v)
{
    return v.is_string() ? parse_clock(v.get_ref<const std::string&>()).value_or(-1) : -1;
}

Result<std::vector<Opening>> read_opening(const Item& item)
{
    auto list = item.need("opening");
    if (!list)
        return std::unexpected(list.error());
    if (!(*list)->is_array() || (*list)->empty() || (*list)->size() > kMaxOpenings)
        return item.bad("opening", "not 1 to 14 periods");
    std::vector<Opening> opening;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const Json& p = (**list)[i];
        const std::string where = "opening[" + std::to_string(i) + "]";
        if (!p.is_object() || p.size() != 3 || !p.contains("days") || !p.contains("open") || !p.contains("close"))
            return item.bad(where, "not an object of exactly days, open and close");
        Opening period;
        if (!p["days"].is_array() || p["days"].empty())
            return item.bad(where + ".days", "not a list of days 1 (Monday) to 7");
        for (const auto& d : p["days"]) {
            if (!d.is_number_integer() || d.get<std::int64_t>() < 1 || d.get<std::int64_t>() > 7)
                return item.bad(where + ".days", "not a list of days 1 (Monday) to 7");
            const unsigned bit = 1U << (d.get<int>() - 1);
            if (period.days & bit)
                return item.bad(where + ".days", "a day named twice");
            period.days |= bit;
        }
        period.open_minute = minutes_of(p["open"]);
        period.close_minute = minutes_of(p["close"]);
        if (period.open_minute < 0)
            return item.bad(where + ".open", "not HH:MM");
        if (period.close_minute < 0)
            return item.bad(where + ".close", "not HH:MM");
        if (period.open_minute >= period.close_minute)
            return item.bad(where + ".close", "not after open");
        opening.push_back(period);
    }
    return opening;
}

Result<VenueRules> read_rules(const Item& item, int capacity)
{
    if (auto r = item.object("rules"); !r)
        return std::unexpected(r.error());
    if (auto r = item.only({"book_ahead_days", "min_notice_hours", "max_per_week", "group_min", "group_max",
                            "cancel_before_hours", "blackout"},
                           "rules");
        !r)
        return std::unexpected(r.error());
    VenueRules rules;
    const std::initializer_list<std::tuple<const char*, int, int, int*>> numbers = {
        {"rules.book_ahead_days", 1, 90, &rules.book_ahead_days},
        {"rules.min_notice_hours", 0, 72, &rules.min_notice_hours},
        {"rules.max_per_week", 1, 14, &rules.max_per_week},
        {"rules.group_min", 1, capacity, &rules.group_min},
        {"rules.group_max", 1, capacity, &rules.group_max},
        {"rules.cancel_before_hours", 0, 168, &rules.cancel_before_hours}};
    for (const auto& [path, min, max, out] : numbers) {
        auto n = item.integer(path, min, max);
        if (!n)
            return std::unexpected(n.error());
        *out = *n;
    }
    if (rules.group_min > rules.group_max)
        return item.bad("rules.group_min", "more than group_max");
    auto blackout = item.need("rules.blackout");
    if (!blackout)
        return std::unexpected(blackout.error());
    if (!(*blackout)->is_array() || (*blackout)->size() > kMaxBlackout)
        return item.bad("rules.blackout", "not a list of up to 366 dates");
    for (const auto& d : **blackout) {
        const auto day = d.is_string() ? parse_date(d.get<std::string>()) : std::nullopt;
        if (!day)
            return item.bad("rules.blackout", "not a list of dates YYYY-MM-DD");
        rules.blackout.push_back(*day);
    }
    std::sort(rules.blackout.begin(), rules.blackout.end());
    return rules;
}

// The item's id and the community it belongs to, which must be in the catalogue.
Result<std::pair<std::string, std::string>> id_and_community(const Item& item,
                                                             const std::function<bool(std::string_view)>& has_community)
{
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    auto community = item.id("community");
    if (!community)
        return std::unexpected(community.error());
    if (!has_community(*community))
        return item.bad("community", "not a community of the catalogue");
    return std::pair(*id, *community);
}

Result<Venue> read_venue(const Item& item, const std::function<bool(std::string_view)>& has_community)
{
    if (auto r = item.only({"id", "community", "type", "name", "capacity", "facilities", "opening", "slot_minutes",
                            "rules", "notes"});
        !r)
        return std::unexpected(r.error());
    Venue venue;
    auto named = id_and_community(item, has_community);
    if (!named)
        return std::unexpected(named.error());
    std::tie(venue.id, venue.community) = *named;
    auto type = item.need("type");
    if (!type)
        return std::unexpected(type.error());
    if (!(*type)->is_string() ||
        std::find(kVenueTypes.begin(), kVenueTypes.end(), (*type)->get<std::string>()) == kVenueTypes.end())
        return item.bad("type", "not meeting_room, activity_room, sports_court, hall or reading_room");
    if (auto r = item.words("name"); !r)
        return std::unexpected(r.error());
    if (auto r = item.words("notes", false); !r)
        return std::unexpected(r.error());
    auto capacity = item.integer("capacity", 1, 1000);
    if (!capacity)
        return std::unexpected(capacity.error());
    venue.capacity = *capacity;
    auto facilities = item.need("facilities");
    if (!facilities)
        return std::unexpected(facilities.error());
    if (!(*facilities)->is_array() || (*facilities)->size() > kMaxFacilities)
        return item.bad("facilities", "not a list of up to 16 ids");
    std::set<std::string> seen;
    for (const auto& f : **facilities)
        if (!f.is_string() || !plain_id(f.get<std::string>()) || !seen.insert(f.get<std::string>()).second)
            return item.bad("facilities", "not a list of up to 16 ids, each once");
    auto opening = read_opening(item);
    if (!opening)
        return std::unexpected(opening.error());
    venue.opening = std::move(*opening);
    auto slot_minutes = item.integer("slot_minutes", 30, 480);
    if (!slot_minutes)
        return std::unexpected(slot_minutes.error());
    venue.slot_minutes = *slot_minutes;
    auto rules = read_rules(item, venue.capacity);
    if (!rules)
        return std::unexpected(rules.error());
    venue.rules = std::move(*rules);
    return venue;
}

Result<std::optional<int>> age_limit(const Item& item, std::string_view path)
{
    const Json* m = item.find(path);
    if (!m)
        return item.bad(path, "missing");
    if (m->is_null())
        return std::optional<int>{};
    auto n = item.integer(path, 0, 150);
    if (!n)
        return std::unexpected(n.error());
    return std::optional<int>(*n);
}

Result<Activity> read_activity(const Item& item, const Venues& venues,
                               const std::function<bool(std::string_view)>& has_community)
{
    if (auto r = item.only({"id", "community", "venue", "title", "description", "start", "end", "places", "waitlist",
                            "signup_closes", "who"});
        !r)
        return std::unexpected(r.error());
    Activity a;
    auto named = id_and_community(item, has_community);
    if (!named)
        return std::unexpected(named.error());
    a.id = named->first;
    auto venue = item.id("venue");
    if (!venue)
        return std::unexpected(venue.error());
    if (!venues.contains(*venue))
        return item.bad("venue", "not a venue of the catalogue");
    a.venue = *venue;
    if (auto r = item.words("title"); !r)
        return std::unexpected(r.error());
    if (auto r = item.words("description"); !r)
        return std::unexpected(r.error());
    const std::initializer_list<std::pair<const char*, std::int64_t*>> times = {
        {"start", &a.start}, {"end", &a.end}, {"signup_closes", &a.signup_closes}};
    for (const auto& [path, out] : times) {
        auto t = item.time(path);
        if (!t)
            return std::unexpected(t.error());
        *out = *t;
    }
    if (a.end <= a.start)
        return item.bad("end", "not after start");
    if (a.signup_closes > a.start)
        return item.bad("signup_closes", "after start");
    auto places = item.integer("places", 1, 1000);
    if (!places)
        return std::unexpected(places.error());
    a.places = *places;
    auto waitlist = item.integer("waitlist", 0, 1000);
    if (!waitlist)
        return std::unexpected(waitlist.error());
    a.waitlist = *waitlist;
    if (item.find("who")) {
        if (auto r = item.object("who"); !r)
            return std::unexpected(r.error());
        if (auto r = item.only({"age_min", "age_max", "community_only"}, "who"); !r)
            return std::unexpected(r.error());
        auto min = age_limit(item, "who.age_min");
        if (!min)
            return std::unexpected(min.error());
        auto max = age_limit(item, "who.age_max");
        if (!max)
            return std::unexpected(max.error());
        if (*min && *max && **min > **max)
            return item.bad("who.age_min", "more than age_max");
        const Json* only = item.find("who.community_only");
        if (!only || !only->is_boolean())
            return item.bad("who.community_only", "not true or false");
        a.age_min = *min;
        a.age_max = *max;
    }
    return a;
}

} // namespace

Result<Venues> read_venues(const nlohmann::json& items, const std::function<bool(std::string_view)>& has_community)
{
    return read_items<Venues>(items, "venue", [&](const Item& item) { return read_venue(item, has_community); });
}

Result<Activities> read_activities(const nlohmann::json& items, const Venues& venues,
                                   const std::function<bool(std::string_view)>& has_community)
{
    return read_items<Activities>(items, "activity",
                                  [&](const Item& item) { return read_activity(item, venues, has_community); });
}

} // namespace hk::central
