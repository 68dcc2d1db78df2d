// Reading the directory's services, the volunteer teams and the traffic safety pages.
#include "directory_items.hpp"

#include "catalogue_fields.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace hk::uplink {

using nlohmann::json;
using namespace fields;

namespace {

constexpr std::array<std::pair<std::string_view, Sector>, 8> kSectorNames{{
    {"government", Sector::government},
    {"legal", Sector::legal},
    {"education", Sector::education},
    {"health", Sector::health},
    {"culture_sports", Sector::culture_sports},
    {"social", Sector::social},
    {"talent", Sector::talent},
    {"public_welfare", Sector::public_welfare},
}};

// A text member in the three languages (zh-Hans at least).
bool words(const json& item, const char* name, LocalText& out)
{
    if (!item.contains(name))
        return false;
    auto t = local_text(item[name]);
    if (!t)
        return false;
    out = std::move(*t);
    return true;
}

// 1 to 20 of 0-9, '-', '+' and spaces.
bool phone(const json& item, std::string& out)
{
    const auto it = item.find("phone");
    if (it == item.end() || !it->is_string())
        return false;
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > kMaxPhoneChars ||
        !std::ranges::all_of(s, [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' '; }))
        return false;
    out = s;
    return true;
}

std::optional<DirectoryService> service(const json& item, std::set<std::string>& seen)
{
    DirectoryService s;
    if (!named_item(item, seen, s.id, s.name))
        return std::nullopt;
    const auto sector = item.contains("sector") && item["sector"].is_string()
                            ? sector_from_name(item["sector"].get_ref<const std::string&>())
                            : std::nullopt;
    if (!sector || !words(item, "provider", s.provider) || !words(item, "where", s.where) ||
        !words(item, "hours", s.hours) || !phone(item, s.phone))
        return std::nullopt;
    s.sector = *sector;
    if (item.contains("how")) {
        LocalText how;
        if (!words(item, "how", how))
            return std::nullopt;
        s.how = std::move(how);
    }
    if (item.contains("communities")) {
        const json& list = item["communities"];
        if (!list.is_array() || list.empty())
            return std::nullopt;
        for (const json& c : list) {
            if (!good_id(c) || std::ranges::find(s.communities, c.get<std::string>()) != s.communities.end())
                return std::nullopt;
            s.communities.push_back(c.get<std::string>());
        }
    }
    return s;
}

std::optional<VolunteerTeam> team(const json& item, std::set<std::string>& seen)
{
    VolunteerTeam t;
    if (!named_item(item, seen, t.id, t.name))
        return std::nullopt;
    if (!item.contains("community") || !good_id(item["community"]) || !item.contains("grid") ||
        !good_id(item["grid"]) || !item.contains("leader") || !item["leader"].is_string() ||
        !item.contains("members") || !item["members"].is_number_integer())
        return std::nullopt;
    t.community = item["community"].get<std::string>();
    t.grid = item["grid"].get<std::string>();
    t.leader = item["leader"].get<std::string>();
    const auto members = item["members"].get<std::int64_t>();
    if (t.leader.empty() || t.leader.size() > kMaxLeaderBytes || members < 1 || members > 999 ||
        !phone(item, t.phone) || !words(item, "where", t.where) || !words(item, "hours", t.hours) ||
        !words(item, "offers", t.offers))
        return std::nullopt;
    t.members = static_cast<int>(members);
    return t;
}

std::optional<SafetyPage> page(const json& item, std::set<std::string>& seen)
{
    SafetyPage p;
    if (!named_item(item, seen, p.id, p.title, "title") || !words(item, "summary", p.summary) ||
        !item.contains("paragraphs"))
        return std::nullopt;
    const json& list = item["paragraphs"];
    if (!list.is_array() || list.empty() || list.size() > kMaxSafetyParagraphs)
        return std::nullopt;
    for (const json& one : list) {
        auto t = local_text(one, kMaxParagraphBytes);
        if (!t)
            return std::nullopt;
        p.paragraphs.push_back(std::move(*t));
    }
    return p;
}

} // namespace

std::optional<Sector> sector_from_name(std::string_view name)
{
    return value_named(kSectorNames, name);
}

std::string_view sector_name(Sector sector)
{
    return name_of(kSectorNames, sector);
}

Parsed<ReadItems<DirectoryService>> read_directory(std::string_view document)
{
    return read_each<DirectoryService>(document, service);
}

Parsed<ReadItems<VolunteerTeam>> read_teams(std::string_view document)
{
    auto read = read_each<VolunteerTeam>(document, team);
    auto* r = std::get_if<ReadItems<VolunteerTeam>>(&read);
    if (!r)
        return read;
    // One team per grid: a second one for the same grid is left out, the first kept.
    std::set<std::pair<std::string, std::string>> grids;
    // std::erase_if, not std::ranges::remove_if: clang 14 (the fuzz build) cannot instantiate
    // libstdc++ 12's ranges::subrange.
    r->left_out += std::erase_if(r->items, [&](const VolunteerTeam& t) { return !grids.emplace(t.community, t.grid).second; });
    return read;
}

Parsed<ReadItems<SafetyPage>> read_traffic_safety(std::string_view document)
{
    return read_each<SafetyPage>(document, page);
}

const VolunteerTeam* find_team(const std::vector<VolunteerTeam>& teams, std::string_view community,
                               std::string_view grid)
{
    const auto it =
        std::ranges::find_if(teams, [&](const VolunteerTeam& t) { return t.community == community && t.grid == grid; });
    return it == teams.end() ? nullptr : &*it;
}

} // namespace hk::uplink
