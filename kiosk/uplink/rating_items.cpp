// Reading the rating catalogues and answers (see rating_items.hpp).
#include "rating_items.hpp"

#include "catalogue_fields.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>

namespace hk::uplink {

using nlohmann::json;
using namespace fields;

namespace {

constexpr std::array<std::string_view, 4> kSubjectKinds{"visit", "window", "request", "booking"};

// 1 to 4 subject kinds, none twice.
std::optional<SubjectKinds> subject_kinds(const json& item)
{
    const auto it = item.find("subjects");
    if (it == item.end() || !it->is_array() || it->empty() || it->size() > kSubjectKinds.size())
        return std::nullopt;
    SubjectKinds out;
    for (const json& k : *it) {
        if (!k.is_string() || std::ranges::find(kSubjectKinds, k.get<std::string>()) == kSubjectKinds.end() ||
            std::ranges::find(out, k.get<std::string>()) != out.end())
            return std::nullopt;
        out.push_back(k.get<std::string>());
    }
    return out;
}

std::optional<bool> bool_of(const json& obj, const char* name)
{
    const auto it = obj.find(name);
    if (it == obj.end() || !it->is_boolean())
        return std::nullopt;
    return it->get<bool>();
}

std::optional<ServiceWindow> window(const json& item, std::set<std::string>& seen)
{
    ServiceWindow w;
    if (!named_item(item, seen, w.id, w.name))
        return std::nullopt;
    const auto hall = text_of(item, "hall", 64);
    const auto number = int_in(item, "number", 1, 99);
    const auto anonymous = bool_of(item, "anonymous");
    if (!hall || !good_id(item["hall"]) || !number || !anonymous)
        return std::nullopt;
    w.hall = *hall;
    w.number = *number;
    w.anonymous = *anonymous;
    return w;
}

std::optional<RatingReason> reason(const json& item, std::set<std::string>& seen)
{
    RatingReason r;
    if (!named_item(item, seen, r.id, r.text, "text"))
        return std::nullopt;
    auto kinds = subject_kinds(item);
    if (!kinds)
        return std::nullopt;
    r.subjects = std::move(*kinds);
    return r;
}

std::optional<QuestionKind> question_kind(const json& item)
{
    const auto kind = text_of(item, "kind", 16);
    if (!kind)
        return std::nullopt;
    if (*kind == "single")
        return QuestionKind::single;
    if (*kind == "multiple")
        return QuestionKind::multiple;
    if (*kind == "scale")
        return QuestionKind::scale;
    if (*kind == "text")
        return QuestionKind::text;
    return std::nullopt;
}

std::optional<Question> question(const json& item, std::set<std::string>& ids)
{
    Question q;
    const auto kind = item.is_object() ? question_kind(item) : std::nullopt;
    if (!kind || !named_item(item, ids, q.id, q.text, "text"))
        return std::nullopt;
    q.kind = *kind;
    switch (q.kind) {
    case QuestionKind::single:
    case QuestionKind::multiple: {
        const auto it = item.find("options");
        if (it == item.end() || !it->is_array() || it->size() < 2 || it->size() > kMaxOptions)
            return std::nullopt;
        std::set<std::string> option_ids;
        for (const json& o : *it) {
            QuestionOption option;
            if (!named_item(o, option_ids, option.id, option.text, "text"))
                return std::nullopt;
            q.options.push_back(std::move(option));
        }
        if (q.kind == QuestionKind::multiple) {
            const auto max = int_in(item, "max", 1, static_cast<int>(q.options.size()));
            if (!max)
                return std::nullopt;
            q.max = *max;
        }
        break;
    }
    case QuestionKind::scale:
        if (!item.contains("low") || !item.contains("high"))
            return std::nullopt;
        q.low = local_text(item["low"]);
        q.high = local_text(item["high"]);
        if (!q.low || !q.high)
            return std::nullopt;
        break;
    case QuestionKind::text: {
        const auto max = int_in(item, "max_chars", 1, kMaxAnswerChars);
        if (!max)
            return std::nullopt;
        q.max_chars = *max;
        break;
    }
    }
    return q;
}

std::optional<Questionnaire> questionnaire(const json& item, std::set<std::string>& seen)
{
    Questionnaire q;
    if (!named_item(item, seen, q.id, q.title, "title"))
        return std::nullopt;
    auto kinds = subject_kinds(item);
    if (!kinds)
        return std::nullopt;
    q.subjects = std::move(*kinds);
    if (item.contains("intro")) {
        q.intro = local_text(item["intro"]);
        if (!q.intro)
            return std::nullopt;
    }
    const auto it = item.find("questions");
    if (it == item.end() || !it->is_array() || it->empty() || it->size() > kMaxQuestions)
        return std::nullopt;
    std::set<std::string> ids;
    for (const json& each : *it) {
        auto read = question(each, ids);
        if (!read)
            return std::nullopt;
        q.questions.push_back(std::move(*read));
    }
    return q;
}

std::optional<MonthSatisfaction> month(const json& m)
{
    if (!m.is_object())
        return std::nullopt;
    MonthSatisfaction out;
    const auto name = text_of(m, "month", 7);
    const auto count = int_in(m, "count", 0, 100000000);
    const auto satisfied = int_in(m, "satisfied", 0, 100000000);
    const auto levels = m.find("levels");
    if (!name || name->size() != 7 || (*name)[4] != '-' || !count || !satisfied || levels == m.end() ||
        !levels->is_array() || levels->size() != 5)
        return std::nullopt;
    for (std::size_t i = 0; i < 5; ++i) {
        const json& n = (*levels)[i];
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0 || n.get<std::int64_t>() > 100000000)
            return std::nullopt;
        out.levels[i] = static_cast<int>(n.get<std::int64_t>());
    }
    // The figures must be one another's: a summary that does not add up is not shown.
    if (std::accumulate(out.levels.begin(), out.levels.end(), 0) != *count ||
        out.levels[2] + out.levels[3] + out.levels[4] != *satisfied)
        return std::nullopt;
    const auto share = m.find("share");
    if (share == m.end())
        return std::nullopt;
    if (share->is_null()) {
        if (*count != 0)
            return std::nullopt;
    } else {
        if (!share->is_number() || *count == 0)
            return std::nullopt;
        const double s = share->get<double>();
        if (std::abs(s - static_cast<double>(*satisfied) / *count) > 0.0001)
            return std::nullopt;
        out.share = s;
    }
    out.month = *name;
    out.count = *count;
    out.satisfied = *satisfied;
    return out;
}

} // namespace

bool applies_to(const SubjectKinds& kinds, std::string_view kind)
{
    return std::ranges::find(kinds, kind) != kinds.end();
}

Parsed<ReadItems<ServiceWindow>> read_windows(std::string_view document)
{
    return read_each<ServiceWindow>(document, window);
}

Parsed<ReadItems<RatingReason>> read_rating_reasons(std::string_view document)
{
    return read_each<RatingReason>(document, reason);
}

Parsed<ReadItems<Questionnaire>> read_questionnaires(std::string_view document)
{
    return read_each<Questionnaire>(document, questionnaire);
}

Parsed<Satisfaction> read_satisfaction(std::string_view text, std::string_view hall)
{
    auto doc = read_strict_object(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const json& root = std::get<json>(doc);
    if (text_of(root, "hall", 64) != std::string(hall))
        return ParseError{"the summary is not of this hall"};
    const auto months = root.find("months");
    if (months == root.end() || !months->is_array() || months->empty() || months->size() > 12)
        return ParseError{"months: not a list of 1 to 12"};
    Satisfaction out{std::string(hall), {}};
    for (const json& m : *months) {
        auto read = month(m);
        if (!read)
            return ParseError{"months: a month whose figures do not read or do not add up"};
        out.months.push_back(std::move(*read));
    }
    return out;
}

Parsed<bool> read_rating_check(std::string_view text)
{
    auto doc = read_strict_object(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const auto rated = bool_of(std::get<json>(doc), "rated");
    if (!rated)
        return ParseError{"rated: not true or false"};
    return *rated;
}

} // namespace hk::uplink
