// The statuses a resident's request goes through and who may move it from one to the next
// (docs/protocol.md, "Request lifecycle"). Pure: no store, no clock.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace hk::central {

enum class RequestState { submitted, accepted, dispatched, resolved, confirmed, reopened, closed };

inline constexpr std::array<std::string_view, 7> kRequestStateNames = {
    "submitted", "accepted", "dispatched", "resolved", "confirmed", "reopened", "closed"};

std::string_view request_state_name(RequestState state);
std::optional<RequestState> request_state_from_name(std::string_view name);

// Staff move a request through the hall's and the district's work (central-admin request
// advance); the resident who filed it confirms or reopens it from a kiosk (request_feedback).
enum class Actor { staff, resident };

// Whether `actor` may move a request at `from` to `to`:
//   staff:    submitted → accepted → dispatched → resolved; reopened → accepted or dispatched;
//             resolved or confirmed → closed (a resolved one the resident did not confirm in time)
//   resident: resolved → confirmed or reopened
bool may_move(RequestState from, RequestState to, Actor actor);

// A request can be rated once it is resolved and until it is reopened: resolved, confirmed or
// closed. A resident who confirms and rates at once sends both; either order works.
bool may_rate(RequestState state);

} // namespace hk::central
