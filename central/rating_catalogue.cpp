// Windows and rating reasons read item by item, stopping at the first problem.
#include "rating_catalogue.hpp"

#include "catalogue_item.hpp"
#include "claims.hpp"
#include "id_forms.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace hk::central {
namespace {

Result<Window> read_window(const CatalogueItem& item)
{
    if (auto r = item.only({"id", "hall", "number", "name", "anonymous"}); !r)
        return std::unexpected(r.error());
    Window w;
    // A queue ticket's win claim names the window, and a claim value holds no '.'.
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    if (!codes::valid_claim_value(*id))
        return item.bad("id", "not a window id (1 to 64 of A-Z a-z 0-9 _ -)");
    w.id = std::move(*id);
    auto hall = item.id("hall");
    if (!hall)
        return std::unexpected(hall.error());
    w.hall = std::move(*hall);
    auto number = item.integer("number", 1, 99);
    if (!number)
        return std::unexpected(number.error());
    w.number = *number;
    if (auto r = item.words("name"); !r)
        return std::unexpected(r.error());
    auto anonymous = item.boolean("anonymous");
    if (!anonymous)
        return std::unexpected(anonymous.error());
    w.anonymous = *anonymous;
    return w;
}

Result<RatingReason> read_reason(const CatalogueItem& item)
{
    if (auto r = item.only({"id", "subjects", "text"}); !r)
        return std::unexpected(r.error());
    RatingReason reason;
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    reason.id = std::move(*id);
    auto subjects = read_subject_kinds(item, "subjects");
    if (!subjects)
        return std::unexpected(subjects.error());
    reason.subjects = *subjects;
    if (auto r = item.words("text"); !r)
        return std::unexpected(r.error());
    return reason;
}

} // namespace

std::string_view subject_kind_name(SubjectKind kind)
{
    return kSubjectKindNames.at(static_cast<std::size_t>(kind));
}

std::optional<SubjectKind> subject_kind_from_name(std::string_view name)
{
    const auto it = std::find(kSubjectKindNames.begin(), kSubjectKindNames.end(), name);
    if (it == kSubjectKindNames.end())
        return std::nullopt;
    return static_cast<SubjectKind>(it - kSubjectKindNames.begin());
}

Result<SubjectKinds> read_subject_kinds(const CatalogueItem& item, std::string_view path)
{
    auto list = item.need(path);
    if (!list)
        return std::unexpected(list.error());
    constexpr const char* kForm = "not 1 to 4 of visit, window, request and booking, none twice";
    if (!(*list)->is_array() || (*list)->empty() || (*list)->size() > kSubjectKindNames.size())
        return item.bad(path, kForm);
    SubjectKinds kinds = 0;
    for (const auto& k : **list) {
        const auto kind = k.is_string() ? subject_kind_from_name(k.get_ref<const std::string&>()) : std::nullopt;
        if (!kind || (kinds & subject_bit(*kind)))
            return item.bad(path, kForm);
        kinds |= subject_bit(*kind);
    }
    return kinds;
}

Result<Windows> read_windows(const nlohmann::json& items)
{
    auto windows = read_items<Windows>(items, "window", read_window);
    if (!windows)
        return windows;
    // A resident rates a window by the number above it: one number, one window in a hall.
    std::set<std::pair<std::string, int>> numbers;
    for (const auto& [id, w] : *windows)
        if (!numbers.emplace(w.hall, w.number).second)
            return fail("window " + id + ": number: " + std::to_string(w.number) + " is another window's of hall " +
                        w.hall);
    return windows;
}

Result<RatingReasons> read_rating_reasons(const nlohmann::json& items)
{
    return read_items<RatingReasons>(items, "rating reason", read_reason);
}

} // namespace hk::central
