// Directory services, volunteer teams and traffic safety pages read member by member, stopping
// at the first problem.
#include "directory_catalogue.hpp"

#include "catalogue_item.hpp"

#include <algorithm>
#include <initializer_list>

namespace hk::central {
namespace {

using Json = nlohmann::json;

// 1 to 20 of 0-9, '-', '+' and spaces: a number as it is dialled or written on a card.
Result<std::string> phone(const CatalogueItem& item)
{
    auto m = item.need("phone");
    if (!m)
        return std::unexpected(m.error());
    const std::string* s = (*m)->is_string() ? &(*m)->get_ref<const std::string&>() : nullptr;
    if (!s || s->empty() || s->size() > kMaxPhoneChars ||
        !std::ranges::all_of(*s, [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == ' '; }))
        return item.bad("phone", "not 1 to 20 of 0-9, -, + and spaces");
    return *s;
}

// The members of the three languages every item of these catalogues has.
Result<void> all_words(const CatalogueItem& item, std::initializer_list<std::string_view> paths)
{
    for (std::string_view path : paths)
        if (auto r = item.words(path); !r)
            return r;
    return {};
}

Result<DirectoryService> read_service(const CatalogueItem& item, const std::function<bool(std::string_view)>& has_community)
{
    if (auto r = item.only({"id", "sector", "name", "provider", "where", "hours", "phone", "how", "communities"}); !r)
        return std::unexpected(r.error());
    DirectoryService s;
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    s.id = *id;
    auto sector = item.need("sector");
    if (!sector)
        return std::unexpected(sector.error());
    if (!(*sector)->is_string() ||
        std::ranges::find(kDirectorySectors, (*sector)->get_ref<const std::string&>()) == kDirectorySectors.end())
        return item.bad("sector", "not government, legal, education, health, culture_sports, social, talent or "
                                  "public_welfare");
    s.sector = (*sector)->get<std::string>();
    if (auto r = all_words(item, {"name", "provider", "where", "hours"}); !r)
        return std::unexpected(r.error());
    if (auto r = item.words("how", false); !r)
        return std::unexpected(r.error());
    if (auto r = phone(item); !r)
        return std::unexpected(r.error());
    if (const Json* list = item.find("communities")) {
        if (!list->is_array() || list->empty())
            return item.bad("communities", "not a list of communities of the catalogue");
        for (const Json& c : *list) {
            if (!c.is_string() || !has_community(c.get_ref<const std::string&>()))
                return item.bad("communities", "not a list of communities of the catalogue");
            if (std::ranges::find(s.communities, c.get<std::string>()) != s.communities.end())
                return item.bad("communities", c.get<std::string>() + " named twice");
            s.communities.push_back(c.get<std::string>());
        }
    }
    return s;
}

Result<Team> read_team(const CatalogueItem& item, const std::function<bool(std::string_view)>& has_community,
                       const std::function<bool(std::string_view, std::string_view)>& has_grid)
{
    if (auto r =
            item.only({"id", "community", "grid", "name", "leader", "phone", "members", "where", "hours", "offers"});
        !r)
        return std::unexpected(r.error());
    Team t;
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    t.id = *id;
    auto community = item.id("community");
    if (!community)
        return std::unexpected(community.error());
    if (!has_community(*community))
        return item.bad("community", "not a community of the catalogue");
    t.community = *community;
    auto grid = item.id("grid");
    if (!grid)
        return std::unexpected(grid.error());
    if (!has_grid(t.community, *grid))
        return item.bad("grid", "not a grid of " + t.community);
    t.grid = *grid;
    if (auto r = all_words(item, {"name", "where", "hours", "offers"}); !r)
        return std::unexpected(r.error());
    if (auto r = item.text("leader", 1, kMaxLeaderChars); !r)
        return std::unexpected(r.error());
    if (auto r = phone(item); !r)
        return std::unexpected(r.error());
    if (auto r = item.integer("members", 1, 999); !r)
        return std::unexpected(r.error());
    return t;
}

Result<SafetyPage> read_page(const CatalogueItem& item)
{
    if (auto r = item.only({"id", "title", "summary", "paragraphs"}); !r)
        return std::unexpected(r.error());
    SafetyPage page;
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    page.id = *id;
    if (auto r = all_words(item, {"title", "summary"}); !r)
        return std::unexpected(r.error());
    auto list = item.need("paragraphs");
    if (!list)
        return std::unexpected(list.error());
    if (!(*list)->is_array() || (*list)->empty() || (*list)->size() > kMaxSafetyParagraphs)
        return item.bad("paragraphs", "not 1 to 12 paragraphs");
    // Each paragraph read as the one member of an object of its own, so that the message says
    // which ("page TS-helmet: paragraphs[2].en: ...").
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const std::string name = "paragraphs[" + std::to_string(i) + "]";
        const Json one{{name, (**list)[i]}};
        if (auto r = CatalogueItem(one, item.who()).words(name, true, kMaxSafetyParagraphChars); !r)
            return std::unexpected(r.error());
    }
    page.paragraphs = (*list)->size();
    return page;
}

} // namespace

Result<DirectoryServices> read_directory(const nlohmann::json& items,
                                         const std::function<bool(std::string_view)>& has_community)
{
    return read_items<DirectoryServices>(items, "service",
                                         [&](const CatalogueItem& item) { return read_service(item, has_community); });
}

Result<Teams> read_teams(const nlohmann::json& items, const std::function<bool(std::string_view)>& has_community,
                         const std::function<bool(std::string_view, std::string_view)>& has_grid)
{
    std::map<std::string, std::string, std::less<>> team_of_grid; // community/grid → team
    return read_items<Teams>(items, "team", [&](const CatalogueItem& item) -> Result<Team> {
        auto team = read_team(item, has_community, has_grid);
        if (!team)
            return team;
        const auto [at, fresh] = team_of_grid.emplace(team->community + "/" + team->grid, team->id);
        if (!fresh)
            return item.bad("grid", team->grid + " already has team " + at->second);
        return team;
    });
}

Result<SafetyPages> read_traffic_safety(const nlohmann::json& items)
{
    return read_items<SafetyPages>(items, "page", read_page);
}

} // namespace hk::central
