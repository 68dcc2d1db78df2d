// What happens to residents' requests in the central store: a `request` record opens one at
// submitted, staff move it on (central-admin request advance), the resident confirms or reopens
// it (`request_feedback`); every move appends a stage. Ratings are rating_intake's. The rules of the
// moves are request_lifecycle's, the bodies are read by request_records.
#pragma once

#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"
#include "record.hpp"
#include "request_lifecycle.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace hk::central {

// A request's stages are capped where the kiosk stops reading them (kiosk/uplink's kMaxStages);
// a move that would pass it is refused.
inline constexpr std::size_t kMaxRequestStages = 64;
inline constexpr std::size_t kMaxUnitChars = 64;
inline constexpr std::size_t kMaxNoteChars = 500;
// The refusal of a record that names a request by a tracking number and check code that do not
// match (an unknown number and a wrong code alike).
inline constexpr std::string_view kNoSuchRequest = "no request with that tracking number and check code";

// What the verified request or request_feedback `record` does to the requests in `store`, inside
// the caller's transaction: the reason its content is refused, or "" when it was taken. An error
// is the database's.
[[nodiscard]] Result<std::string> open_request(CentralStore& store, const Catalogue& catalogue,
                                               const uplink::VerifiedRecord& record);
[[nodiscard]] Result<std::string> take_feedback(CentralStore& store, const uplink::VerifiedRecord& record);

// Staff moving request `tracking` to `to` at `now` (Unix seconds), `unit` being who did it, in an
// immediate transaction of its own (the server may be writing at the same time): the request as
// it now is, or why not (an unknown number, a move staff may not make, unit or note out of form).
[[nodiscard]] Result<RequestStatus> advance_request(CentralStore& store, std::string_view tracking, RequestState to,
                                                    std::string_view unit, std::string_view note, std::int64_t now);

// Whether `s` is text as staff type it into a stage or a follow-up: `min` to `max` characters,
// none a control character.
bool staff_text(std::string_view s, std::size_t min, std::size_t max);

// Whether `check` is the request's check code, compared in constant time.
bool check_matches(const RequestStatus& request, std::string_view check);

// The answer of GET /v1/requests/{tracking}: tracking, status, category, due, stages, rated.
nlohmann::json status_json(const RequestStatus& request);

} // namespace hk::central
