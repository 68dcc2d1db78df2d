// Request, feedback and rating bodies read member by member, stopping at the first problem.
#include "request_records.hpp"

#include "id_forms.hpp"
#include "rfc3339_seconds.hpp"
#include "tracking_code.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>

namespace hk::central {
namespace {

using Json = nlohmann::json;

// Where a member is, as reasons name it: "reporter.phone"; `where` is "" at the top.
std::string path(std::string_view where, std::string_view name)
{
    return where.empty() ? std::string(name) : std::string(where) + "." + std::string(name);
}

const Json* member(const Json& o, std::string_view name)
{
    const auto it = o.find(name);
    return it == o.end() ? nullptr : &*it;
}

// `o` as the object at `where` with no member outside `names`.
Result<void> object_of(const Json* o, std::string_view where, std::initializer_list<std::string_view> names)
{
    if (!o)
        return fail(std::string(where) + ": missing");
    if (!o->is_object())
        return fail(std::string(where.empty() ? "body" : where) + ": not an object");
    for (auto it = o->begin(); it != o->end(); ++it)
        if (std::find(names.begin(), names.end(), it.key()) == names.end())
            return fail(path(where, it.key()) + ": not a member of this record");
    return {};
}

Result<const std::string*> string_member(const Json& o, std::string_view where, std::string_view name)
{
    const Json* m = member(o, name);
    if (!m)
        return fail(path(where, name) + ": missing");
    if (!m->is_string())
        return fail(path(where, name) + ": not a string");
    return &m->get_ref<const std::string&>();
}

// An object member whose "kind" says which other members it may hold (place, reporter, subject).
struct Kinded {
    const Json* object = nullptr;
    std::string kind;
};

Result<Kinded> kinded_member(const Json& o, std::string_view name)
{
    const Json* m = member(o, name);
    if (!m)
        return fail(std::string(name) + ": missing");
    if (!m->is_object())
        return fail(std::string(name) + ": not an object");
    auto kind = string_member(*m, name, "kind");
    if (!kind)
        return std::unexpected(kind.error());
    return Kinded{m, **kind};
}

enum class Lines { one, many };

// A text member: `min` to `max` characters (code points) and no control characters, but new
// lines where `lines` is many. The text is shown to staff in terminals and lists, where a
// control character could rewrite what is on the screen.
Result<std::string> text(const Json& o, std::string_view where, std::string_view name, std::size_t min, std::size_t max,
                         Lines lines = Lines::one)
{
    auto s = string_member(o, where, name);
    if (!s)
        return std::unexpected(s.error());
    std::size_t chars = 0;
    for (std::size_t at = 0; at < (*s)->size(); ++chars) {
        const char32_t c = utf8::next(**s, at);
        const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
        if (control && !(lines == Lines::many && c == '\n'))
            return fail(path(where, name) + ": a control character");
    }
    if (chars < min || chars > max)
        return fail(path(where, name) + ": not " + std::to_string(min) + " to " + std::to_string(max) + " characters");
    return **s;
}

// A member of a fixed form, which `ok` checks and `form` describes in the reason.
Result<std::string> coded(const Json& o, std::string_view where, std::string_view name, bool (*ok)(std::string_view),
                          std::string_view form)
{
    auto s = string_member(o, where, name);
    if (!s)
        return std::unexpected(s.error());
    if (!ok(**s))
        return fail(path(where, name) + ": not " + std::string(form));
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
        return fail(path(where, name) + ": not an RFC 3339 time of 2000 to 2099");
    return *seconds;
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

// The tracking number and check code by which every record of a request names it.
template <typename Out> Result<void> read_codes(const Json& o, std::string_view where, Out& out)
{
    auto tracking =
        coded(o, where, "tracking", tracking_number, "a tracking number (14 digits, the last a Damm check digit)");
    if (!tracking)
        return std::unexpected(tracking.error());
    auto check = coded(o, where, "check", check_code, "6 digits");
    if (!check)
        return std::unexpected(check.error());
    out.tracking = std::move(*tracking);
    out.check = std::move(*check);
    return {};
}

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
    auto community = text(*place, "place", "community", 1, 64);
    if (!community)
        return std::unexpected(community.error());
    if (!catalogue.has_community(*community))
        return fail("place.community: not a community of the catalogue");
    if (member(*place, "grid")) {
        auto grid = text(*place, "place", "grid", 1, 64);
        if (!grid)
            return std::unexpected(grid.error());
        if (!catalogue.has_grid(*community, *grid))
            return fail("place.grid: not a grid of that community");
    }
    if (member(*place, "detail"))
        if (auto detail = text(*place, "place", "detail", 0, kMaxPlaceDetailChars); !detail)
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
    const Json* consent = member(body, "consent");
    if (kind == "anonymous") {
        if (consent)
            return fail("consent: given for an anonymous reporter");
        return object_of(reporter, "reporter", {"kind"});
    }
    if (kind != "named")
        return fail("reporter.kind: not anonymous or named");
    if (auto only = object_of(reporter, "reporter", {"kind", "name", "id_number", "phone"}); !only)
        return only;
    if (auto name = text(*reporter, "reporter", "name", 1, kMaxNameChars); !name)
        return std::unexpected(name.error());
    if (auto id =
            coded(*reporter, "reporter", "id_number", id_number, "an 18-character ID number with its check character");
        !id)
        return std::unexpected(id.error());
    if (auto phone = coded(*reporter, "reporter", "phone", mobile_phone, "11 digits starting with 1"); !phone)
        return std::unexpected(phone.error());
    if (!consent)
        return fail("consent: missing for a named reporter");
    if (auto only = object_of(consent, "consent", {"version", "at"}); !only)
        return only;
    if (auto version = text(*consent, "consent", "version", 1, 64); !version)
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
    if (auto hall = coded(body, "", "hall", plain_id, "a hall id (1 to 64 of A-Z a-z 0-9 . _ -)"); !hall)
        return std::unexpected(hall.error());
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
    if (auto d = text(body, "", "description", 1, kMaxDescriptionChars, Lines::many); !d)
        return std::unexpected(d.error());
    if (auto r = read_phrases(member(body, "phrases")); !r)
        return std::unexpected(r.error());
    auto lang = string_member(body, "", "lang");
    if (!lang)
        return std::unexpected(lang.error());
    if (**lang != "zh-Hans" && **lang != "zh-Hant" && **lang != "en")
        return fail("lang: not zh-Hans, zh-Hant or en");
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
        auto reason = text(body, "", "reason", 1, kMaxReopenReasonChars, Lines::many);
        if (!reason)
            return std::unexpected(reason.error());
        out.reason = *reason;
    } else if (**action == "confirm") {
        if (member(body, "reason"))
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

Result<RequestRating> read_rating_body(const Json& body)
{
    if (auto r = object_of(&body, "", {"subject", "level", "at"}); !r)
        return std::unexpected(r.error());
    auto subject = kinded_member(body, "subject");
    if (!subject)
        return std::unexpected(subject.error());
    if (subject->kind != "request")
        return fail("subject.kind: not request");
    if (auto r = object_of(subject->object, "subject", {"kind", "tracking", "check"}); !r)
        return std::unexpected(r.error());
    RequestRating out;
    if (auto r = read_codes(*subject->object, "subject", out); !r)
        return std::unexpected(r.error());
    const Json* level = member(body, "level");
    if (!level || !level->is_number_integer() || level->get<std::int64_t>() < 1 || level->get<std::int64_t>() > 5)
        return fail("level: not an integer from 1 to 5");
    out.level = level->get<int>();
    auto at = time_member(body, "", "at");
    if (!at)
        return std::unexpected(at.error());
    out.at = *at;
    return out;
}

} // namespace hk::central
