// The body of a `rating` record (docs/protocol.md, "Ratings"), and of POST /v1/ratings/check,
// read strictly: every member of its form and size, a member the protocol does not name refused,
// the rules that tie members to the level (reasons required with 1 or 2, text and call-back only
// then) and to the subject (visit, rater). A refusal's message is the reason the record is
// answered with, naming the member first ("reasons: required with level 1 or 2"). What needs the
// store or the keys (is the window the hall's, does the ticket verify, is the request rateable)
// is rating_intake's. Pure: the catalogue is a value.
#pragma once

#include "catalogue.hpp"
#include "error.hpp"
#include "rating_catalogue.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hk::central {

inline constexpr std::size_t kMaxRatingReasons = 8;
inline constexpr std::size_t kMaxRatingTextChars = 300;
inline constexpr std::size_t kVisitIdChars = 32;

// The ID card's name and number of a resident rating a window that is not anonymous.
struct Rater {
    std::string name;
    std::string id_number;
};

// What is rated, and who rates it where.
struct RatingSubject {
    SubjectKind kind = SubjectKind::visit;
    std::string visit;    // a visit subject's; a window's without ticket when the body carries one
    std::string window;   // window
    std::string ticket;   // window: the queue ticket token's text, "" when rated by number
    std::string tracking; // request
    std::string check;
    std::string pass; // booking: the pass token's text
    std::string hall; // "" for a request rated without one
    std::optional<Rater> rater;
};

struct RatingCallback {
    std::string phone;
    std::string consent_version;
    std::int64_t consent_at = 0;
};

struct RatingBody {
    RatingSubject subject;
    int level = 0; // 5 very satisfied ... 1 very dissatisfied
    std::int64_t at = 0;
    std::vector<std::string> reasons;
    std::string text;
    std::optional<RatingCallback> callback;
    std::string lang;
};

// 32 lower-case hex digits.
bool visit_id(std::string_view s);

// The rating in `body`: the subject, hall, visit and rater as read_rating_subject reads them,
// then level, at, reasons (ids of the catalogue that apply to the subject's kind), text,
// callback and lang.
[[nodiscard]] Result<RatingBody> read_rating_body(const nlohmann::json& body, const Catalogue& catalogue);

// `subject`, `hall` (required but for a request subject when `hall_optional_for_request`),
// `visit` and `rater` of `o`, each of its form. A visit subject's body carries the same visit;
// a ticket, a pass or a request is rated without visit and rater. Whether a window rated by
// number needs a visit or a rater depends on the window, and is checked with it.
[[nodiscard]] Result<RatingSubject> read_rating_subject(const nlohmann::json& o, bool hall_optional_for_request);

} // namespace hk::central
