// The document of GET /v1/requests/<tracking>?check=<code> (docs/protocol.md), checked for shape
// and size before the kiosk caches or shows it. Pure; fuzzed (tests/fuzz/request_status_fuzz.cpp).
#pragma once

#include "json_reader.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kMaxStages = 64;
inline constexpr std::size_t kMaxStageTextBytes = 2000; // a stage's unit or note

inline constexpr std::size_t kMaxCategoryBytes = 64;

// docs/protocol.md, "Request lifecycle". reopened: the resident found it not resolved; staff take
// it on again from there.
enum class RequestState { submitted, accepted, dispatched, resolved, confirmed, reopened, closed };

struct RequestStage {
    std::string stage;
    std::string at; // RFC 3339 UTC
    std::string unit;
    std::string note;
};

struct RequestStatusDocument {
    std::string tracking;
    RequestState status = RequestState::submitted;
    std::string category; // the child category id it was filed under
    std::string due;      // RFC 3339 UTC: by when a first response is expected
    std::vector<RequestStage> stages;
    bool rated = false; // the resident has rated it (a request is rated once)
};

std::optional<RequestState> request_state_from_name(std::string_view name);
std::string_view request_state_name(RequestState state);

// `text` as the status of `expected_tracking`: the same tracking number, a status the protocol
// names, a category (1 to kMaxCategoryBytes bytes), "due" in RFC 3339 UTC, "rated" a boolean, up
// to kMaxStages stages each with a stage name (1 to 64 bytes), "at" in RFC 3339 UTC, and unit and
// note strings (optional, at most kMaxStageTextBytes each). Members it does not know are left
// alone, so that the central side can add some.
Parsed<RequestStatusDocument> parse_request_status(std::string_view text, std::string_view expected_tracking);

} // namespace hk::uplink
