// Rating and questionnaire records (see rating_records.hpp).
#include "rating_records.hpp"

#include "record_cipher.hpp"
#include "record_header.hpp"

#include <algorithm>
#include <chrono>

namespace hk::app {
namespace {

using nlohmann::json;

json subject_json(const RateSubject& s, const RatingContext& c)
{
    switch (s.kind) {
    case RateKind::visit: return {{"kind", "visit"}, {"visit", c.visit}};
    case RateKind::window:
        if (!s.ticket.empty())
            return {{"kind", "window"}, {"window", s.window}, {"ticket", s.ticket}};
        return {{"kind", "window"}, {"window", s.window}};
    case RateKind::request: return {{"kind", "request"}, {"tracking", s.tracking}, {"check", s.check}};
    case RateKind::booking: return {{"kind", "booking"}, {"pass", s.pass}};
    }
    return {};
}

// The members that say who rates: the visit, or the rater's card where the window asks for it.
void add_who(json& body, const RateState& r, const RatingContext& c)
{
    const RateSubject& s = r.subject;
    if (s.kind == RateKind::visit || (s.kind == RateKind::window && s.ticket.empty() && s.anonymous))
        body["visit"] = c.visit;
    if (s.kind == RateKind::window && s.ticket.empty() && !s.anonymous)
        body["rater"] = {{"name", std::string(r.name.reveal())}, {"id_number", std::string(r.id_number.reveal())}};
}

std::optional<json> answer_json(const uplink::Question& q, const QuestionAnswer& a)
{
    const auto option = [&](const std::string& id) { return std::ranges::find(q.options, id, &uplink::QuestionOption::id) != q.options.end(); };
    switch (q.kind) {
    case uplink::QuestionKind::single:
        if (!option(a.choice))
            return std::nullopt;
        return json{{"question", q.id}, {"choice", a.choice}};
    case uplink::QuestionKind::multiple:
        if (a.choices.empty() || a.choices.size() > static_cast<std::size_t>(q.max) || !std::ranges::all_of(a.choices, option))
            return std::nullopt;
        return json{{"question", q.id}, {"choices", a.choices}};
    case uplink::QuestionKind::scale:
        if (a.value < 1 || a.value > 5)
            return std::nullopt;
        return json{{"question", q.id}, {"value", a.value}};
    case uplink::QuestionKind::text:
        if (a.text.empty())
            return std::nullopt;
        return json{{"question", q.id}, {"text", a.text}};
    }
    return std::nullopt;
}

} // namespace

std::string new_visit_id()
{
    std::string id = uplink::new_record_id(); // a random UUID: 122 random bits
    std::erase(id, '-');
    if (id.size() != 32) {
        // The generator failed: a visit id must still be unlikely to repeat; the time is the best left.
        const auto t = std::chrono::steady_clock::now().time_since_epoch().count();
        id = store::sha256_hex(std::to_string(t) + std::to_string(std::chrono::system_clock::now().time_since_epoch().count()))
                 .substr(0, 32);
    }
    return id;
}

json rating_check_body(const RateState& r, const RatingContext& c)
{
    json body = {{"hall", c.hall}, {"subject", subject_json(r.subject, c)}};
    add_who(body, r, c);
    return body;
}

json rating_body(const RateState& r, const RatingContext& c)
{
    json body = {{"subject", subject_json(r.subject, c)}, {"level", r.level}, {"at", c.at}, {"hall", c.hall},
                 {"lang", std::string(lang_tag(c.lang))}};
    add_who(body, r, c);
    if (r.low()) {
        body["reasons"] = r.reasons;
        if (!r.text.empty())
            body["text"] = r.text;
        if (r.callback && r.consent && !r.phone.empty())
            body["callback"] = {{"phone", std::string(r.phone.reveal())},
                                {"consent", {{"version", kCallbackConsentVersion}, {"at", c.at}}}};
    }
    return body;
}

std::optional<json> answers_body(const RateState& r, const uplink::Questionnaire& q, const RatingContext& c)
{
    json answers = json::array();
    for (const uplink::Question& question : q.questions)
        if (const QuestionAnswer* a = r.answer(question.id))
            if (auto j = answer_json(question, *a))
                answers.push_back(std::move(*j));
    if (answers.empty())
        return std::nullopt;
    return json{{"questionnaire", q.id}, {"hall", c.hall}, {"answers", std::move(answers)}, {"at", c.at},
                {"lang", std::string(lang_tag(c.lang))}};
}

std::optional<std::string> rated_key(const RateSubject& s)
{
    std::string what;
    char letter = 0;
    switch (s.kind) {
    case RateKind::window:
        if (s.ticket.empty())
            return std::nullopt;
        letter = 't';
        what = s.ticket;
        break;
    case RateKind::booking:
        letter = 'b';
        what = s.booking;
        break;
    case RateKind::request:
        letter = 'r';
        what = s.tracking;
        break;
    case RateKind::visit: return std::nullopt;
    }
    return std::string(1, letter) + "-" + store::sha256_hex(what).substr(0, 48);
}

} // namespace hk::app
