// Rating bodies read member by member, stopping at the first problem.
#include "rating_records.hpp"

#include "id_forms.hpp"
#include "record_members.hpp"

#include <algorithm>
#include <set>

namespace hk::central {
namespace {

using Json = nlohmann::json;

constexpr std::string_view kHallForm = "a hall id (1 to 64 of A-Z a-z 0-9 . _ -)";

bool token_text(std::string_view s)
{
    return !s.empty() && s.size() <= 1024;
}

Result<Rater> read_rater(const Json& o)
{
    const Json* rater = find_member(o, "rater");
    if (auto only = object_of(rater, "rater", {"name", "id_number"}); !only)
        return std::unexpected(only.error());
    auto name = text_member(*rater, "rater", "name", 1, 100);
    if (!name)
        return std::unexpected(name.error());
    auto number =
        coded_member(*rater, "rater", "id_number", id_number, "an 18-character ID number with its check character");
    if (!number)
        return std::unexpected(number.error());
    return Rater{std::move(*name), std::move(*number)};
}

Result<std::vector<std::string>> read_reasons(const Json& body, SubjectKind kind, const Catalogue& catalogue)
{
    const Json* list = find_member(body, "reasons");
    if (!list)
        return fail("reasons: required with level 1 or 2");
    if (!list->is_array() || list->empty() || list->size() > kMaxRatingReasons)
        return fail("reasons: not 1 to " + std::to_string(kMaxRatingReasons) + " reason ids");
    std::vector<std::string> reasons;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& r = (*list)[i];
        const std::string where = "reasons[" + std::to_string(i) + "]";
        const RatingReason* reason = r.is_string() ? catalogue.rating_reason(r.get_ref<const std::string&>()) : nullptr;
        if (!reason)
            return fail(where + ": not a reason of the catalogue");
        if (!(reason->subjects & subject_bit(kind)))
            return fail(where + ": not a reason for a " + std::string(subject_kind_name(kind)) + " rating");
        if (std::find(reasons.begin(), reasons.end(), reason->id) != reasons.end())
            return fail(where + ": named twice");
        reasons.push_back(reason->id);
    }
    return reasons;
}

Result<RatingCallback> read_callback(const Json& body)
{
    const Json* callback = find_member(body, "callback");
    if (auto only = object_of(callback, "callback", {"phone", "consent"}); !only)
        return std::unexpected(only.error());
    RatingCallback out;
    auto phone = coded_member(*callback, "callback", "phone", mobile_phone, "11 digits starting with 1");
    if (!phone)
        return std::unexpected(phone.error());
    out.phone = std::move(*phone);
    const Json* consent = find_member(*callback, "consent");
    if (auto only = object_of(consent, "callback.consent", {"version", "at"}); !only)
        return std::unexpected(only.error());
    auto version = text_member(*consent, "callback.consent", "version", 1, 64);
    if (!version)
        return std::unexpected(version.error());
    out.consent_version = std::move(*version);
    auto at = time_member(*consent, "callback.consent", "at");
    if (!at)
        return std::unexpected(at.error());
    out.consent_at = *at;
    return out;
}

} // namespace

bool visit_id(std::string_view s)
{
    return s.size() == kVisitIdChars &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

Result<RatingSubject> read_rating_subject(const Json& o, bool hall_optional_for_request)
{
    auto kinded = kinded_member(o, "subject");
    if (!kinded)
        return std::unexpected(kinded.error());
    const auto kind = subject_kind_from_name(kinded->kind);
    if (!kind)
        return fail("subject.kind: not visit, window, request or booking");
    RatingSubject out;
    out.kind = *kind;
    const Json& subject = *kinded->object;
    switch (*kind) {
    case SubjectKind::visit: {
        if (auto r = object_of(&subject, "subject", {"kind", "visit"}); !r)
            return std::unexpected(r.error());
        auto visit = coded_member(subject, "subject", "visit", visit_id, "32 lower-case hex digits");
        if (!visit)
            return std::unexpected(visit.error());
        out.visit = std::move(*visit);
        break;
    }
    case SubjectKind::window: {
        if (auto r = object_of(&subject, "subject", {"kind", "window", "ticket"}); !r)
            return std::unexpected(r.error());
        auto window =
            coded_member(subject, "subject", "window", plain_id, "a window id (1 to 64 of A-Z a-z 0-9 . _ -)");
        if (!window)
            return std::unexpected(window.error());
        out.window = std::move(*window);
        if (find_member(subject, "ticket")) {
            auto ticket = coded_member(subject, "subject", "ticket", token_text, "a queue ticket's text");
            if (!ticket)
                return std::unexpected(ticket.error());
            out.ticket = std::move(*ticket);
        }
        break;
    }
    case SubjectKind::request:
        if (auto r = object_of(&subject, "subject", {"kind", "tracking", "check"}); !r)
            return std::unexpected(r.error());
        if (auto r = read_codes(subject, "subject", out); !r)
            return std::unexpected(r.error());
        break;
    case SubjectKind::booking: {
        if (auto r = object_of(&subject, "subject", {"kind", "pass"}); !r)
            return std::unexpected(r.error());
        auto pass = coded_member(subject, "subject", "pass", token_text, "a booking pass's text");
        if (!pass)
            return std::unexpected(pass.error());
        out.pass = std::move(*pass);
        break;
    }
    }

    if (find_member(o, "hall") || !(hall_optional_for_request && *kind == SubjectKind::request)) {
        auto hall = coded_member(o, "", "hall", plain_id, kHallForm);
        if (!hall)
            return std::unexpected(hall.error());
        out.hall = std::move(*hall);
    }

    // A window rated by number takes a visit or a rater, as the window says; every other
    // subject has its one form.
    const bool by_number = *kind == SubjectKind::window && out.ticket.empty();
    const std::string not_with = "not with a " + std::string(subject_kind_name(*kind)) + " subject" +
                                 (*kind == SubjectKind::window ? " rated by ticket" : "");
    if (find_member(o, "visit")) {
        if (*kind != SubjectKind::visit && !by_number)
            return fail("visit: " + not_with);
        auto visit = coded_member(o, "", "visit", visit_id, "32 lower-case hex digits");
        if (!visit)
            return std::unexpected(visit.error());
        if (*kind == SubjectKind::visit && *visit != out.visit)
            return fail("visit: not the subject's visit");
        out.visit = std::move(*visit);
    } else if (*kind == SubjectKind::visit) {
        return fail("visit: missing");
    }
    if (find_member(o, "rater")) {
        if (!by_number)
            return fail("rater: " + not_with);
        auto rater = read_rater(o);
        if (!rater)
            return std::unexpected(rater.error());
        out.rater = std::move(*rater);
    }
    return out;
}

Result<RatingBody> read_rating_body(const Json& body, const Catalogue& catalogue)
{
    if (auto r = object_of(&body, "",
                           {"subject", "level", "at", "hall", "visit", "rater", "reasons", "text", "callback", "lang"});
        !r)
        return std::unexpected(r.error());
    RatingBody out;
    auto subject = read_rating_subject(body, true);
    if (!subject)
        return std::unexpected(subject.error());
    out.subject = std::move(*subject);
    const Json* level = find_member(body, "level");
    if (!level || !level->is_number_integer() || level->get<std::int64_t>() < 1 || level->get<std::int64_t>() > 5)
        return fail("level: not an integer from 1 to 5");
    out.level = level->get<int>();
    auto at = time_member(body, "", "at");
    if (!at)
        return std::unexpected(at.error());
    out.at = *at;

    const bool low = out.level <= 2;
    if (low) {
        auto reasons = read_reasons(body, out.subject.kind, catalogue);
        if (!reasons)
            return std::unexpected(reasons.error());
        out.reasons = std::move(*reasons);
    }
    for (const char* name : {"reasons", "text", "callback"})
        if (!low && find_member(body, name))
            return fail(std::string(name) + ": only with level 1 or 2");
    if (find_member(body, "text")) {
        auto text = text_member(body, "", "text", 1, kMaxRatingTextChars, Lines::many);
        if (!text)
            return std::unexpected(text.error());
        out.text = std::move(*text);
    }
    if (find_member(body, "callback")) {
        auto callback = read_callback(body);
        if (!callback)
            return std::unexpected(callback.error());
        out.callback = std::move(*callback);
    }
    if (find_member(body, "lang")) {
        auto lang = lang_member(body, "lang");
        if (!lang)
            return std::unexpected(lang.error());
        out.lang = std::move(*lang);
    }
    return out;
}

} // namespace hk::central
