// Record body members read with their forms and sizes.
#include "record_members.hpp"

#include "rfc3339_seconds.hpp"
#include "tracking_code.hpp"
#include "utf8.hpp"

#include <algorithm>

namespace hk::central {

using Json = nlohmann::json;

std::string member_path(std::string_view where, std::string_view name)
{
    return where.empty() ? std::string(name) : std::string(where) + "." + std::string(name);
}

const Json* find_member(const Json& o, std::string_view name)
{
    const auto it = o.find(name);
    return it == o.end() ? nullptr : &*it;
}

Result<void> object_of(const Json* o, std::string_view where, std::initializer_list<std::string_view> names)
{
    if (!o)
        return fail(std::string(where) + ": missing");
    if (!o->is_object())
        return fail(std::string(where.empty() ? "body" : where) + ": not an object");
    for (auto it = o->begin(); it != o->end(); ++it)
        if (std::find(names.begin(), names.end(), it.key()) == names.end())
            return fail(member_path(where, it.key()) + ": not a member of this record");
    return {};
}

Result<const std::string*> string_member(const Json& o, std::string_view where, std::string_view name)
{
    const Json* m = find_member(o, name);
    if (!m)
        return fail(member_path(where, name) + ": missing");
    if (!m->is_string())
        return fail(member_path(where, name) + ": not a string");
    return &m->get_ref<const std::string&>();
}

Result<Kinded> kinded_member(const Json& o, std::string_view name)
{
    const Json* m = find_member(o, name);
    if (!m)
        return fail(std::string(name) + ": missing");
    if (!m->is_object())
        return fail(std::string(name) + ": not an object");
    auto kind = string_member(*m, name, "kind");
    if (!kind)
        return std::unexpected(kind.error());
    return Kinded{m, **kind};
}

Result<std::string> text_member(const Json& o, std::string_view where, std::string_view name, std::size_t min,
                                std::size_t max, Lines lines)
{
    auto s = string_member(o, where, name);
    if (!s)
        return std::unexpected(s.error());
    std::size_t chars = 0;
    for (std::size_t at = 0; at < (*s)->size(); ++chars) {
        const char32_t c = utf8::next(**s, at);
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        if (control && !(lines == Lines::many && c == '\n'))
            return fail(member_path(where, name) + ": a control character");
    }
    if (chars < min || chars > max)
        return fail(member_path(where, name) + ": not " + std::to_string(min) + " to " + std::to_string(max) +
                    " characters");
    return **s;
}

Result<std::string> coded_member(const Json& o, std::string_view where, std::string_view name,
                                 bool (*ok)(std::string_view), std::string_view form)
{
    auto s = string_member(o, where, name);
    if (!s)
        return std::unexpected(s.error());
    if (!ok(**s))
        return fail(member_path(where, name) + ": not " + std::string(form));
    return **s;
}

Result<std::int64_t> time_member(const Json& o, std::string_view where, std::string_view name)
{
    auto s = string_member(o, where, name);
    if (!s)
        return std::unexpected(s.error());
    // Within the years of tracking numbers, so that every time derived from it (a stage, the due
    // time) is written with four-digit years, as the kiosk reads them.
    constexpr std::int64_t kFrom = 946684800; // 2000-01-01T00:00:00Z
    constexpr std::int64_t kTo = 4102444800;  // 2100-01-01T00:00:00Z
    const auto seconds = rfc3339_seconds(**s);
    if (!seconds || *seconds < kFrom || *seconds >= kTo)
        return fail(member_path(where, name) + ": not an RFC 3339 time of 2000 to 2099");
    return *seconds;
}

Result<std::string> lang_member(const Json& o, std::string_view name)
{
    auto lang = string_member(o, "", name);
    if (!lang)
        return std::unexpected(lang.error());
    if (**lang != "zh-Hans" && **lang != "zh-Hant" && **lang != "en")
        return fail(std::string(name) + ": not zh-Hans, zh-Hant or en");
    return **lang;
}

bool digits_only(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool check_code(std::string_view s)
{
    return s.size() == codes::kCheckCodeDigits && digits_only(s);
}

bool tracking_number(std::string_view s)
{
    return codes::valid_tracking_number(s);
}

bool mobile_phone(std::string_view s)
{
    return s.size() == 11 && s[0] == '1' && digits_only(s);
}

} // namespace hk::central
