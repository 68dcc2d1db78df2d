// Reading request categories and communities from their catalogue documents.
#include "catalogue_items.hpp"

#include "catalogue_fields.hpp"
#include "rfc3339.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace hk::uplink {

using nlohmann::json;

namespace fields {

bool good_id(const json& v)
{
    if (!v.is_string())
        return false;
    const auto& s = v.get_ref<const std::string&>();
    return !s.empty() && s.size() <= 64 && std::ranges::all_of(s, [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' || c == '_' ||
               c == '-';
    });
}

// {"zh-Hans": "…", "zh-Hant": "…", "en": "…"}: zh-Hans required, each a string of at most the
// limit; other members are ignored (a later language).
std::optional<LocalText> local_text(const json& v, std::size_t max_bytes)
{
    if (!v.is_object())
        return std::nullopt;
    LocalText t;
    for (Lang lang : kAllLangs) {
        const auto it = v.find(std::string(lang_tag(lang)));
        if (it == v.end())
            continue;
        if (!it->is_string() || it->get_ref<const std::string&>().size() > max_bytes)
            return std::nullopt;
        t.text[static_cast<std::size_t>(lang)] = it->get<std::string>();
    }
    if (t.text[static_cast<std::size_t>(Lang::zh_Hans)].empty())
        return std::nullopt;
    return t;
}

std::optional<int> hours(const json& v)
{
    if (!v.is_number_integer())
        return std::nullopt;
    const auto h = v.get<std::int64_t>();
    if (h < 1 || h > 8760)
        return std::nullopt;
    return static_cast<int>(h);
}

Parsed<json> items_of(std::string_view document)
{
    auto doc = read_strict_object(document);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    json& root = std::get<json>(doc);
    if (!root.contains("items") || !root["items"].is_array())
        return ParseError{"the document has no items"};
    return std::move(root["items"]);
}

// An object with a good id not seen before in the document, and a text in the member `text`
// ("name", or a phrase's "text").
bool named_item(const json& item, std::set<std::string>& seen, std::string& id, LocalText& name, const char* text)
{
    if (!item.is_object() || !item.contains("id") || !good_id(item["id"]) || !item.contains(text))
        return false;
    auto n = local_text(item[text]);
    if (!n || seen.contains(item["id"].get<std::string>()))
        return false;
    id = item["id"].get<std::string>();
    seen.insert(id);
    name = std::move(*n);
    return true;
}

// An integer member from `lo` to `hi`.
std::optional<int> int_in(const json& obj, const char* name, int lo, int hi)
{
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_number_integer())
        return std::nullopt;
    const auto v = it->get<std::int64_t>();
    if (v < lo || v > hi)
        return std::nullopt;
    return static_cast<int>(v);
}

// A string member of 1 to `max` bytes.
std::optional<std::string> text_of(const json& obj, const char* name, std::size_t max)
{
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_string())
        return std::nullopt;
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > max)
        return std::nullopt;
    return s;
}

// A time member: RFC 3339 with Z or an offset (`utc`: with Z only).
std::optional<std::string> time_of(const json& obj, const char* name, bool utc)
{
    auto t = text_of(obj, name, 40);
    if (!t || !(utc ? parse_rfc3339_utc(*t) : parse_rfc3339(*t)))
        return std::nullopt;
    return t;
}

} // namespace fields

using namespace fields;

namespace {

std::optional<Category> category(const json& item, std::set<std::string>& seen)
{
    Category c;
    if (!named_item(item, seen, c.id, c.name) || !item.contains("response_hours"))
        return std::nullopt;
    auto h = hours(item["response_hours"]);
    if (!h)
        return std::nullopt;
    c.response_hours = *h;
    if (item.contains("phrases")) {
        const json& phrases = item["phrases"];
        if (!phrases.is_array() || phrases.size() > kMaxPhrasesPerCategory)
            return std::nullopt;
        for (const json& p : phrases) {
            QuickPhrase q;
            if (!named_item(p, seen, q.id, q.text, "text"))
                return std::nullopt;
            c.phrases.push_back(std::move(q));
        }
    }
    return c;
}

} // namespace

Parsed<ReadItems<CategoryGroup>> read_categories(std::string_view document)
{
    auto items = items_of(document);
    if (auto* e = std::get_if<ParseError>(&items))
        return *e;
    ReadItems<CategoryGroup> out;
    std::set<std::string> seen;
    for (const json& item : std::get<json>(items)) {
        CategoryGroup g;
        std::optional<int> h;
        if (!named_item(item, seen, g.id, g.name) || !item.contains("response_hours") ||
            !(h = hours(item["response_hours"])) || !item.contains("children") || !item["children"].is_array()) {
            ++out.left_out;
            continue;
        }
        g.response_hours = *h;
        for (const json& child : item["children"]) {
            if (auto c = category(child, seen))
                g.children.push_back(std::move(*c));
            else
                ++out.left_out;
        }
        if (g.children.empty())
            ++out.left_out;
        else
            out.items.push_back(std::move(g));
    }
    return out;
}

Parsed<ReadItems<Community>> read_communities(std::string_view document)
{
    auto items = items_of(document);
    if (auto* e = std::get_if<ParseError>(&items))
        return *e;
    ReadItems<Community> out;
    std::set<std::string> seen;
    for (const json& item : std::get<json>(items)) {
        Community c;
        if (!named_item(item, seen, c.id, c.name) || (item.contains("grids") && !item["grids"].is_array())) {
            ++out.left_out;
            continue;
        }
        bool good = true;
        for (const json& grid : item.value("grids", json::array())) {
            Grid g;
            if (!named_item(grid, seen, g.id, g.name)) {
                good = false;
                break;
            }
            c.grids.push_back(std::move(g));
        }
        if (good)
            out.items.push_back(std::move(c));
        else
            ++out.left_out;
    }
    return out;
}

const Category* find_category(const std::vector<CategoryGroup>& groups, std::string_view id)
{
    for (const CategoryGroup& g : groups)
        for (const Category& c : g.children)
            if (c.id == id)
                return &c;
    return nullptr;
}

} // namespace hk::uplink
