// The request draft's steps and rules.
#include "request_draft.hpp"

#include "utf8.hpp"

#include <algorithm>

namespace hk {
namespace {

void wipe_text(std::string& s)
{
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

bool blank(std::string_view text)
{
    return std::ranges::all_of(text, [](char c) { return c == ' ' || c == '\n' || c == '\t'; });
}

} // namespace

void RequestDraft::wipe()
{
    for (std::string* s : {&group, &category, &community, &grid, &place_detail, &description})
        wipe_text(*s);
    for (std::string& p : phrases)
        wipe_text(p);
    phrases.clear();
    place = PlaceKind::unset;
    reporter = ReporterKind::unset;
    consent = false;
    name.wipe();
    id_number.wipe();
    phone.wipe();
}

std::vector<RequestStep> request_steps(const RequestDraft& draft)
{
    std::vector<RequestStep> steps = {RequestStep::category, RequestStep::place, RequestStep::describe,
                                      RequestStep::reporter};
    if (draft.reporter == ReporterKind::named)
        steps.insert(steps.end(), {RequestStep::consent, RequestStep::id_card, RequestStep::phone});
    steps.push_back(RequestStep::review);
    return steps;
}

std::optional<DraftProblem> step_problem(const RequestDraft& d, RequestStep step)
{
    switch (step) {
    case RequestStep::category:
        if (d.category.empty())
            return DraftProblem::no_category;
        break;
    case RequestStep::place:
        if (d.place == PlaceKind::unset)
            return DraftProblem::no_place;
        if (d.place == PlaceKind::community && d.community.empty())
            return DraftProblem::no_community;
        if (char_count(d.place_detail) > kMaxPlaceDetailChars)
            return DraftProblem::place_detail_too_long;
        break;
    case RequestStep::describe:
        if (blank(d.description))
            return DraftProblem::no_description;
        if (char_count(d.description) > kMaxDescriptionChars)
            return DraftProblem::description_too_long;
        break;
    case RequestStep::reporter:
        if (d.reporter == ReporterKind::unset)
            return DraftProblem::no_reporter;
        break;
    case RequestStep::consent:
        if (d.reporter == ReporterKind::named && !d.consent)
            return DraftProblem::no_consent;
        break;
    case RequestStep::id_card:
        if (d.reporter == ReporterKind::named && (d.name.empty() || d.id_number.empty()))
            return DraftProblem::no_id_card;
        break;
    case RequestStep::phone:
        if (d.reporter == ReporterKind::named && !valid_mobile(d.phone.reveal()))
            return DraftProblem::bad_phone;
        break;
    case RequestStep::review: break;
    }
    return std::nullopt;
}

std::optional<DraftProblem> submit_problem(const RequestDraft& draft)
{
    for (RequestStep step : request_steps(draft))
        if (auto p = step_problem(draft, step))
            return p;
    return std::nullopt;
}

bool valid_mobile(std::string_view d)
{
    return d.size() == 11 && std::ranges::all_of(d, [](char c) { return c >= '0' && c <= '9'; }) && d[0] == '1' &&
           d[1] >= '3';
}

std::size_t char_count(std::string_view text)
{
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); ++n)
        utf8::next(text, pos);
    return n;
}

} // namespace hk
