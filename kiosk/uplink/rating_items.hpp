// The catalogues and answers of rating the service (docs/protocol.md, "Ratings", "Questionnaires"):
// the hall's service windows, the reasons a low rating gives, the questionnaires published now,
// the hall's satisfaction summary and the answer to a rating's check. Catalogue items that do not
// read are left out and counted; an answer that does not read is refused whole. Pure; fuzzed
// (tests/fuzz/booking_items_fuzz.cpp).
#pragma once

#include "catalogue_items.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kMaxQuestions = 8;
inline constexpr std::size_t kMaxOptions = 8;
inline constexpr int kMaxAnswerChars = 300;

struct ServiceWindow {
    std::string id;
    std::string hall;
    int number = 1; // 1 to 99
    LocalText name;
    bool anonymous = true; // rated by number without the ID card
};

// The subject kinds a reason or a questionnaire applies to: "visit", "window", "request", "booking".
using SubjectKinds = std::vector<std::string>;

struct RatingReason {
    std::string id;
    SubjectKinds subjects;
    LocalText text;
};

enum class QuestionKind { single, multiple, scale, text };

struct QuestionOption {
    std::string id;
    LocalText text;
};

struct Question {
    std::string id;
    QuestionKind kind = QuestionKind::single;
    LocalText text;
    std::vector<QuestionOption> options; // single, multiple
    int max = 1;                         // multiple: how many may be chosen
    std::optional<LocalText> low, high;  // scale: the words at 1 and 5
    int max_chars = 0;                   // text
};

struct Questionnaire {
    std::string id;
    SubjectKinds subjects;
    LocalText title;
    std::optional<LocalText> intro;
    std::vector<Question> questions; // 1 to kMaxQuestions
};

bool applies_to(const SubjectKinds& kinds, std::string_view kind);

// The "windows" document's items: those of every hall (the kiosk shows its own hall's).
Parsed<ReadItems<ServiceWindow>> read_windows(std::string_view document);
Parsed<ReadItems<RatingReason>> read_rating_reasons(std::string_view document);
// The "questionnaires" document's items: a questionnaire with a question that does not read is
// left out whole (a question missing would change what the others mean).
Parsed<ReadItems<Questionnaire>> read_questionnaires(std::string_view document);

struct MonthSatisfaction {
    std::string month; // YYYY-MM
    int count = 0;
    std::array<int, 5> levels{}; // levels 1 to 5
    int satisfied = 0;
    std::optional<double> share; // satisfied / count; none without ratings
};

struct Satisfaction {
    std::string hall;
    std::vector<MonthSatisfaction> months; // the current month first
};

// GET /v1/halls/{hall}/satisfaction, for `hall`: counts that add up, a share that is theirs.
Parsed<Satisfaction> read_satisfaction(std::string_view text, std::string_view hall);
// POST /v1/ratings/check's 200: whether the subject is rated already.
Parsed<bool> read_rating_check(std::string_view text);

} // namespace hk::uplink
