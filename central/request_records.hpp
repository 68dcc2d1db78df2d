// The bodies of the records that carry a resident's request (docs/protocol.md, "Request
// records"): `request` (filed at a kiosk) and `request_feedback` (confirmed or reopened); a
// `rating` is rating_records'. Each is read strictly: every member of its form and size, a member the protocol does
// not name refused. A refusal's message is the reason the record is answered with, naming the
// member first ("place.grid: not a grid of that community"). Pure: the catalogue is a value.
#pragma once

#include "catalogue.hpp"
#include "error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace hk::central {

inline constexpr std::size_t kMaxDescriptionChars = 1000;
inline constexpr std::size_t kMaxPlaceDetailChars = 100;
inline constexpr std::size_t kMaxReopenReasonChars = 500;
inline constexpr std::size_t kMaxNameChars = 100;
inline constexpr std::size_t kMaxPhrases = 20;

// What the central side keeps of a request record beyond the record itself.
struct RequestFiling {
    std::string tracking;
    std::string check;
    std::string category;
    std::string hall;
    int response_hours = 0;    // the category's, from the catalogue
    std::int64_t filed_at = 0; // Unix seconds
};

enum class FeedbackAction { confirm, reopen };

struct RequestFeedback {
    std::string tracking;
    std::string check;
    FeedbackAction action = FeedbackAction::confirm;
    std::string reason; // reopen only
    std::int64_t at = 0;
};

[[nodiscard]] Result<RequestFiling> read_request_body(const nlohmann::json& body, const Catalogue& catalogue);
[[nodiscard]] Result<RequestFeedback> read_feedback_body(const nlohmann::json& body);

} // namespace hk::central
