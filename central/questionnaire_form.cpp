// Questionnaires and answers read member by member, stopping at the first problem.
#include "questionnaire_form.hpp"

#include "catalogue_item.hpp"
#include "record_members.hpp"

#include <algorithm>
#include <set>

namespace hk::central {
namespace {

using Json = nlohmann::json;

constexpr std::array<std::string_view, 4> kQuestionKinds = {"single", "multiple", "scale", "text"};

// The ids of a single or multiple question's options: 2 to 8, each {id, text}, ids once.
Result<std::vector<std::string>> read_options(const CatalogueItem& question, const std::string& who,
                                              const std::string& at)
{
    auto list = question.need("options");
    if (!list)
        return std::unexpected(list.error());
    if (!(*list)->is_array() || (*list)->size() < kMinOptions || (*list)->size() > kMaxOptions)
        return question.bad("options", "not 2 to 8 options");
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        const Json& o = (**list)[i];
        const CatalogueItem option(o, who, at + "options[" + std::to_string(i) + "].");
        if (!o.is_object())
            return question.bad("options[" + std::to_string(i) + "]", "not an object");
        if (auto r = option.only({"id", "text"}); !r)
            return std::unexpected(r.error());
        auto id = option.id("id");
        if (!id)
            return std::unexpected(id.error());
        if (std::find(ids.begin(), ids.end(), *id) != ids.end())
            return option.bad("id", "named twice in the question");
        if (auto r = option.words("text"); !r)
            return std::unexpected(r.error());
        ids.push_back(std::move(*id));
    }
    return ids;
}

Result<Question> read_question(const Json& o, const std::string& who, std::size_t index)
{
    const std::string at = "questions[" + std::to_string(index) + "].";
    const CatalogueItem item(o, who, at);
    if (!o.is_object())
        return CatalogueItem(o, who).bad("questions[" + std::to_string(index) + "]", "not an object");
    Question q;
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    q.id = std::move(*id);
    auto kind = item.need("kind");
    if (!kind)
        return std::unexpected(kind.error());
    const auto it = (*kind)->is_string() ? std::find(kQuestionKinds.begin(), kQuestionKinds.end(),
                                                     (*kind)->get_ref<const std::string&>())
                                         : kQuestionKinds.end();
    if (it == kQuestionKinds.end())
        return item.bad("kind", "not single, multiple, scale or text");
    q.kind = static_cast<QuestionKind>(it - kQuestionKinds.begin());
    Result<void> members;
    switch (q.kind) {
    case QuestionKind::single: members = item.only({"id", "kind", "text", "options"}); break;
    case QuestionKind::multiple: members = item.only({"id", "kind", "text", "options", "max"}); break;
    case QuestionKind::scale: members = item.only({"id", "kind", "text", "low", "high"}); break;
    case QuestionKind::text: members = item.only({"id", "kind", "text", "max_chars"}); break;
    }
    if (!members)
        return std::unexpected(members.error());
    if (auto r = item.words("text"); !r)
        return std::unexpected(r.error());
    if (q.kind == QuestionKind::single || q.kind == QuestionKind::multiple) {
        auto options = read_options(item, who, at);
        if (!options)
            return std::unexpected(options.error());
        q.options = std::move(*options);
    }
    if (q.kind == QuestionKind::multiple) {
        auto max = item.integer("max", 1, static_cast<int>(q.options.size()));
        if (!max)
            return std::unexpected(max.error());
        q.max = *max;
    }
    if (q.kind == QuestionKind::scale) {
        if (auto r = item.words("low"); !r)
            return std::unexpected(r.error());
        if (auto r = item.words("high"); !r)
            return std::unexpected(r.error());
    }
    if (q.kind == QuestionKind::text) {
        auto max_chars = item.integer("max_chars", 1, kMaxAnswerChars);
        if (!max_chars)
            return std::unexpected(max_chars.error());
        q.max_chars = *max_chars;
    }
    return q;
}

// Whether `a` answers `q`; the reason names the member ("choice: not an option").
Result<void> check_answer(const Question& q, const Json& a)
{
    const auto one_member = [&](std::string_view name) -> Result<const Json*> {
        if (auto r = object_of(&a, "", {"question", name}); !r)
            return std::unexpected(r.error());
        const Json* m = find_member(a, name);
        if (!m)
            return fail(std::string(name) + ": missing");
        return m;
    };
    const auto option = [&](const Json& v) {
        return v.is_string() &&
               std::find(q.options.begin(), q.options.end(), v.get_ref<const std::string&>()) != q.options.end();
    };
    switch (q.kind) {
    case QuestionKind::single: {
        auto choice = one_member("choice");
        if (!choice)
            return std::unexpected(choice.error());
        if (!option(**choice))
            return fail("choice: not an option");
        return {};
    }
    case QuestionKind::multiple: {
        auto choices = one_member("choices");
        if (!choices)
            return std::unexpected(choices.error());
        const std::string form = "not 1 to " + std::to_string(q.max) + " options, none twice";
        if (!(*choices)->is_array() || (*choices)->empty() || (*choices)->size() > static_cast<std::size_t>(q.max))
            return fail("choices: " + form);
        std::set<std::string> seen;
        for (const auto& c : **choices) {
            if (!option(c))
                return fail("choices: not an option");
            if (!seen.insert(c.get<std::string>()).second)
                return fail("choices: " + form);
        }
        return {};
    }
    case QuestionKind::scale: {
        auto value = one_member("value");
        if (!value)
            return std::unexpected(value.error());
        if (!(*value)->is_number_integer() || (*value)->get<std::int64_t>() < 1 || (*value)->get<std::int64_t>() > 5)
            return fail("value: not an integer from 1 to 5");
        return {};
    }
    case QuestionKind::text: {
        auto text = one_member("text");
        if (!text)
            return std::unexpected(text.error());
        if (auto r = text_member(a, "", "text", 1, static_cast<std::size_t>(q.max_chars), Lines::many); !r)
            return std::unexpected(r.error());
        return {};
    }
    }
    return {};
}

} // namespace

std::string_view question_kind_name(QuestionKind kind)
{
    return kQuestionKinds.at(static_cast<std::size_t>(kind));
}

Result<Questionnaire> read_questionnaire(const Json& o)
{
    const CatalogueItem item(o, item_name(o, "questionnaire", 0));
    if (!o.is_object())
        return item.bad("item", "not an object");
    if (auto r = item.only({"id", "subjects", "title", "intro", "questions"}); !r)
        return std::unexpected(r.error());
    Questionnaire q;
    auto id = item.id("id");
    if (!id)
        return std::unexpected(id.error());
    q.id = std::move(*id);
    auto subjects = read_subject_kinds(item, "subjects");
    if (!subjects)
        return std::unexpected(subjects.error());
    q.subjects = *subjects;
    if (auto r = item.words("title"); !r)
        return std::unexpected(r.error());
    if (auto r = item.words("intro", false); !r)
        return std::unexpected(r.error());
    auto list = item.need("questions");
    if (!list)
        return std::unexpected(list.error());
    if (!(*list)->is_array() || (*list)->empty() || (*list)->size() > kMaxQuestions)
        return item.bad("questions", "not 1 to 8 questions");
    for (std::size_t i = 0; i < (*list)->size(); ++i) {
        auto question = read_question((**list)[i], item.who(), i);
        if (!question)
            return std::unexpected(question.error());
        const auto same = [&](const Question& other) { return other.id == question->id; };
        if (std::any_of(q.questions.begin(), q.questions.end(), same))
            return item.bad("questions[" + std::to_string(i) + "].id", "named twice in the questionnaire");
        q.questions.push_back(std::move(*question));
    }
    return q;
}

Result<void> check_answers(const Questionnaire& q, const Json& answers)
{
    if (!answers.is_array() || answers.empty() || answers.size() > kMaxQuestions)
        return fail("answers: not 1 to 8 answers");
    std::set<std::string> answered;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        const Json& a = answers[i];
        const std::string where = "answers[" + std::to_string(i) + "]: ";
        if (!a.is_object())
            return fail(where + "not an object");
        const Json* id = find_member(a, "question");
        if (!id)
            return fail(where + "question: missing");
        const auto question = std::find_if(q.questions.begin(), q.questions.end(), [&](const Question& one) {
            return id->is_string() && one.id == id->get_ref<const std::string&>();
        });
        if (question == q.questions.end())
            return fail(where + "question: not a question of the questionnaire");
        if (!answered.insert(question->id).second)
            return fail(where + "question: answered twice");
        if (auto r = check_answer(*question, a); !r)
            return fail(where + r.error().message);
    }
    return {};
}

} // namespace hk::central
