// Turning a resident's rating and questionnaire answers into the records the central side
// receives (docs/protocol.md, "Ratings", "Questionnaires"), and into the question the kiosk asks
// before the resident chooses a level (POST /v1/ratings/check).
#pragma once

#include "lang.hpp"
#include "rating.hpp"
#include "rating_items.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace hk::app {

// The version of the call-back consent residents agree to (i18n keys rate.phone.*); a new text
// takes a new version.
inline constexpr std::string_view kCallbackConsentVersion = "2026-12-callback";

struct RatingContext {
    std::string hall;
    std::string visit; // the session's visit id: 32 lower-case hex digits
    Lang lang = Lang::zh_Hans;
    std::string at; // RFC 3339 UTC
};

// 32 lower-case hex digits from the operating system's generator: a resident's visit.
std::string new_visit_id();

// {"hall", "subject", "visit"?, "rater"?}: what the check asks about.
nlohmann::json rating_check_body(const RateState& r, const RatingContext& c);
// The "rating" record's body. Reasons, words and the call-back go in with levels 1 and 2 only.
nlohmann::json rating_body(const RateState& r, const RatingContext& c);
// The "questionnaire_answer" record's body: the answers that fit their questions, in the
// questionnaire's order; nothing when none does.
std::optional<nlohmann::json> answers_body(const RateState& r, const uplink::Questionnaire& q, const RatingContext& c);

// What this kiosk remembers a rated subject by, so that a second rating of the same ticket,
// booking or request is refused here even when the central side cannot be asked: a letter and
// 48 hex digits of a digest (no ticket, pass or tracking number stands in the file). Nothing for
// subjects the session or the central side keep (the visit, a window by its number).
std::optional<std::string> rated_key(const RateSubject& s);

} // namespace hk::app
