// Catalogue item members read with their forms and ranges, each failure naming the item and the member.
#include "catalogue_item.hpp"

#include "id_forms.hpp"
#include "rfc3339_seconds.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <optional>

namespace hk::central {

using Json = nlohmann::json;

namespace {

// The characters of `s`, or nothing when it holds a control character (U+0000–U+001F,
// U+007F–U+009F).
std::optional<std::size_t> plain_characters(std::string_view s)
{
    std::size_t n = 0;
    for (std::size_t at = 0; at < s.size(); ++n) {
        const char32_t c = utf8::next(s, at);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            return std::nullopt;
    }
    return n;
}

} // namespace

std::unexpected<Error> CatalogueItem::bad(std::string_view member, std::string_view what) const
{
    return fail(who_ + ": " + prefix_ + std::string(member) + ": " + std::string(what));
}

Result<void> CatalogueItem::only(std::initializer_list<std::string_view> names, std::string_view where) const
{
    const Json& o = where.empty() ? o_ : o_.at(std::string(where));
    for (auto it = o.begin(); it != o.end(); ++it)
        if (std::find(names.begin(), names.end(), it.key()) == names.end())
            return bad(where.empty() ? it.key() : std::string(where) + "." + it.key(), "not a member of this item");
    return {};
}

const Json* CatalogueItem::find(std::string_view path) const
{
    const Json* at = &o_;
    std::size_t from = 0;
    while (true) {
        const auto dot = path.find('.', from);
        const std::string name(path.substr(from, dot == std::string_view::npos ? path.npos : dot - from));
        if (!at->is_object() || !at->contains(name))
            return nullptr;
        at = &(*at)[name];
        if (dot == std::string_view::npos)
            return at;
        from = dot + 1;
    }
}

Result<const Json*> CatalogueItem::need(std::string_view path) const
{
    const Json* m = find(path);
    if (!m)
        return bad(path, "missing");
    return m;
}

Result<int> CatalogueItem::integer(std::string_view path, int min, int max) const
{
    auto m = need(path);
    if (!m)
        return std::unexpected(m.error());
    if (!(*m)->is_number_integer() || (*m)->get<std::int64_t>() < min || (*m)->get<std::int64_t>() > max)
        return bad(path, "not an integer of " + std::to_string(min) + " to " + std::to_string(max));
    return (*m)->get<int>();
}

Result<std::string> CatalogueItem::id(std::string_view path) const
{
    auto m = need(path);
    if (!m)
        return std::unexpected(m.error());
    if (!(*m)->is_string() || !plain_id((*m)->get_ref<const std::string&>()))
        return bad(path, "not an id (1 to 64 of A-Z a-z 0-9 . _ -)");
    return (*m)->get<std::string>();
}

Result<std::int64_t> CatalogueItem::time(std::string_view path) const
{
    auto m = need(path);
    if (!m)
        return std::unexpected(m.error());
    const auto seconds = (*m)->is_string() ? rfc3339_seconds((*m)->get_ref<const std::string&>()) : std::nullopt;
    if (!seconds)
        return bad(path, "not an RFC 3339 time with its offset");
    return *seconds;
}

Result<bool> CatalogueItem::boolean(std::string_view path) const
{
    auto m = need(path);
    if (!m)
        return std::unexpected(m.error());
    if (!(*m)->is_boolean())
        return bad(path, "not true or false");
    return (*m)->get<bool>();
}

Result<void> CatalogueItem::words(std::string_view path, bool required, std::size_t max_chars) const
{
    const Json* m = find(path);
    if (!m)
        return required ? Result<void>(bad(path, "missing")) : Result<void>{};
    if (!m->is_object() || m->size() != 3)
        return bad(path, "not an object of zh-Hans, zh-Hant and en");
    for (const char* lang : {"zh-Hans", "zh-Hant", "en"}) {
        const auto it = m->find(lang);
        if (it == m->end() || !it->is_string() || it->get_ref<const std::string&>().empty())
            return bad(std::string(path) + "." + lang, "not a non-empty string");
        if (max_chars > 0 && plain_characters(it->get_ref<const std::string&>()).value_or(0) > max_chars)
            return bad(std::string(path) + "." + lang, "more than " + std::to_string(max_chars) + " characters");
    }
    return {};
}

Result<void> CatalogueItem::object(std::string_view path) const
{
    auto m = need(path);
    if (!m)
        return std::unexpected(m.error());
    if (!(*m)->is_object())
        return bad(path, "not an object");
    return {};
}

Result<std::string> CatalogueItem::text(std::string_view path, std::size_t min, std::size_t max) const
{
    auto m = need(path);
    if (!m)
        return std::unexpected(m.error());
    const auto n = (*m)->is_string() ? plain_characters((*m)->get_ref<const std::string&>()) : std::nullopt;
    if (!n || *n < min || *n > max)
        return bad(path, "not " + std::to_string(min) + " to " + std::to_string(max) +
                             " characters without control characters");
    return (*m)->get<std::string>();
}

std::string item_name(const Json& item, std::string_view kind, std::size_t index)
{
    const auto it = item.is_object() ? item.find("id") : item.end();
    if (it != item.end() && it->is_string())
        return std::string(kind) + " " + it->get<std::string>();
    return std::string(kind) + " #" + std::to_string(index + 1);
}

} // namespace hk::central
