// Request and feedback bodies read member by member, stopping at the first problem.
#include "request_records.hpp"

#include "id_forms.hpp"
#include "record_members.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>

namespace hk::central {
namespace {

using Json = nlohmann::json;

Result<void> read_place(const Json& body, const Catalogue& catalogue)
{
    auto p = kinded_member(body, "place");
    if (!p)
        return std::unexpected(p.error());
    const Json* place = p->object;
    if (p->kind == "hall")
        return object_of(place, "place", {"kind"});
    if (p->kind != "community")
        return fail("place.kind: not hall or community");
    if (auto r = object_of(place, "place", {"kind", "community", "grid", "detail"}); !r)
        return r;
    auto community = text_member(*place, "place", "community", 1, 64);
    if (!community)
        return std::unexpected(community.error());
    if (!catalogue.has_community(*community))
        return fail("place.community: not a community of the catalogue");
    if (find_member(*place, "grid")) {
        auto grid = text_member(*place, "place", "grid", 1, 64);
        if (!grid)
            return std::unexpected(grid.error());
        if (!catalogue.has_grid(*community, *grid))
            return fail("place.grid: not a grid of that community");
    }
    if (find_member(*place, "detail"))
        if (auto detail = text_member(*place, "place", "detail", 0, kMaxPlaceDetailChars); !detail)
            return std::unexpected(detail.error());
    return {};
}

Result<void> read_phrases(const Json* phrases)
{
    if (!phrases)
        return {};
    if (!phrases->is_array() || phrases->size() > kMaxPhrases)
        return fail("phrases: not an array of at most " + std::to_string(kMaxPhrases) + " phrase ids");
    std::set<std::string, std::less<>> seen;
    for (const auto& p : *phrases) {
        if (!p.is_string() || !plain_id(p.get_ref<const std::string&>()))
            return fail("phrases: an item that is not a phrase id (1 to 64 of A-Z a-z 0-9 . _ -)");
        if (!seen.insert(p.get<std::string>()).second)
            return fail("phrases: a phrase named twice");
    }
    return {};
}

// The reporter, and the consent a named reporter gave (and only a named one).
Result<void> read_reporter(const Json& body)
{
    auto r = kinded_member(body, "reporter");
    if (!r)
        return std::unexpected(r.error());
    const Json* reporter = r->object;
    const std::string& kind = r->kind;
    const Json* consent = find_member(body, "consent");
    if (kind == "anonymous") {
        if (consent)
            return fail("consent: given for an anonymous reporter");
        return object_of(reporter, "reporter", {"kind"});
    }
    if (kind != "named")
        return fail("reporter.kind: not anonymous or named");
    if (auto only = object_of(reporter, "reporter", {"kind", "name", "id_number", "phone"}); !only)
        return only;
    if (auto name = text_member(*reporter, "reporter", "name", 1, kMaxNameChars); !name)
        return std::unexpected(name.error());
    if (auto id = coded_member(*reporter, "reporter", "id_number", id_number,
                               "an 18-character ID number with its check character");
        !id)
        return std::unexpected(id.error());
    if (auto phone = coded_member(*reporter, "reporter", "phone", mobile_phone, "11 digits starting with 1"); !phone)
        return std::unexpected(phone.error());
    if (!consent)
        return fail("consent: missing for a named reporter");
    if (auto only = object_of(consent, "consent", {"version", "at"}); !only)
        return only;
    if (auto version = text_member(*consent, "consent", "version", 1, 64); !version)
        return std::unexpected(version.error());
    if (auto at = time_member(*consent, "consent", "at"); !at)
        return std::unexpected(at.error());
    return {};
}

} // namespace

Result<RequestFiling> read_request_body(const Json& body, const Catalogue& catalogue)
{
    if (auto r = object_of(&body, "",
                           {"tracking", "check", "hall", "category", "place", "description", "phrases", "lang",
                            "reporter", "consent", "filed_at"});
        !r)
        return std::unexpected(r.error());
    RequestFiling out;
    if (auto r = read_codes(body, "", out); !r)
        return std::unexpected(r.error());
    auto hall = coded_member(body, "", "hall", plain_id, "a hall id (1 to 64 of A-Z a-z 0-9 . _ -)");
    if (!hall)
        return std::unexpected(hall.error());
    out.hall = std::move(*hall);
    auto category = string_member(body, "", "category");
    if (!category)
        return std::unexpected(category.error());
    const auto hours = catalogue.response_hours(**category);
    if (!hours)
        return fail("category: not a child category of the catalogue");
    out.category = **category;
    out.response_hours = *hours;
    if (auto r = read_place(body, catalogue); !r)
        return std::unexpected(r.error());
    if (auto d = text_member(body, "", "description", 1, kMaxDescriptionChars, Lines::many); !d)
        return std::unexpected(d.error());
    if (auto r = read_phrases(find_member(body, "phrases")); !r)
        return std::unexpected(r.error());
    if (auto lang = lang_member(body, "lang"); !lang)
        return std::unexpected(lang.error());
    if (auto r = read_reporter(body); !r)
        return std::unexpected(r.error());
    auto filed_at = time_member(body, "", "filed_at");
    if (!filed_at)
        return std::unexpected(filed_at.error());
    out.filed_at = *filed_at;
    return out;
}

Result<RequestFeedback> read_feedback_body(const Json& body)
{
    if (auto r = object_of(&body, "", {"tracking", "check", "action", "reason", "at"}); !r)
        return std::unexpected(r.error());
    RequestFeedback out;
    if (auto r = read_codes(body, "", out); !r)
        return std::unexpected(r.error());
    auto action = string_member(body, "", "action");
    if (!action)
        return std::unexpected(action.error());
    if (**action == "reopen") {
        out.action = FeedbackAction::reopen;
        auto reason = text_member(body, "", "reason", 1, kMaxReopenReasonChars, Lines::many);
        if (!reason)
            return std::unexpected(reason.error());
        out.reason = *reason;
    } else if (**action == "confirm") {
        if (find_member(body, "reason"))
            return fail("reason: only with reopen");
    } else {
        return fail("action: not confirm or reopen");
    }
    auto at = time_member(body, "", "at");
    if (!at)
        return std::unexpected(at.error());
    out.at = *at;
    return out;
}

} // namespace hk::central
