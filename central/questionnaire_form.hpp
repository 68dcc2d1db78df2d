// A questionnaire as the `questionnaires` catalogue carries it (docs/protocol.md,
// "Questionnaires"), read strictly: exactly the documented members, 1 to 8 questions of the four
// kinds, each refusal naming the questionnaire and the member ("questionnaire Q-2026-12:
// questions[1].max: ..."). And a resident's answers checked against it, each refusal naming the
// answer and member ("answers[1]: choice: not an option"). Pure.
#pragma once

#include "error.hpp"
#include "rating_catalogue.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace hk::central {

inline constexpr std::size_t kMaxQuestions = 8;
inline constexpr std::size_t kMinOptions = 2;
inline constexpr std::size_t kMaxOptions = 8;
inline constexpr int kMaxAnswerChars = 300;

enum class QuestionKind { single, multiple, scale, text };
std::string_view question_kind_name(QuestionKind kind);

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::single;
    std::vector<std::string> options; // single and multiple: option ids in order
    int max = 0;                      // multiple: most options chosen
    int max_chars = 0;                // text
};

struct Questionnaire {
    std::string id;
    SubjectKinds subjects = 0;
    std::vector<Question> questions;
};

[[nodiscard]] Result<Questionnaire> read_questionnaire(const nlohmann::json& item);

// Whether `answers` (the answer record's member) answers `q`: 1 to 8 answers, each an object of
// "question" and the one member its kind answers with, each question at most once.
[[nodiscard]] Result<void> check_answers(const Questionnaire& q, const nlohmann::json& answers);

} // namespace hk::central
