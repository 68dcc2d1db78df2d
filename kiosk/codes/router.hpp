// Every code the scanners read comes through here: a booking pass, a staff badge, a queue ticket,
// a tracking code, or a refusal with a log line that carries no part of what was scanned.
#pragma once

#include "claims.hpp"
#include "reason.hpp"
#include "replay_guard.hpp"
#include "tracking_code.hpp"
#include "trusted_keys.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace hk::codes {

// How long after its exp a booking pass can still be read to rate the venue use: 30 days, as long
// as the central side takes a booking's rating after its end (docs/protocol.md, "Ratings").
inline constexpr std::int64_t kRatingGraceSeconds = 30 * 24 * 3600;

struct RouterContext {
    const TrustedKeys& keys;
    std::string hall;                    // this kiosk's hall id
    std::int64_t now = 0;                // unix seconds
    ReplayGuard* replay_guard = nullptr; // none: single-use passes are not looked up
    // A code read to rate what it names (docs/codes.md, "Passes read for a rating"): a pass that
    // was used at check-in is still good, and is taken until kRatingGraceSeconds after its exp
    // (its nbf holds as always). Badges and tickets are read as ever.
    bool rating = false;
};

struct Rejected {
    Reason reason;
    // code rejected: reason=<name> kind=<unknown|token|pass|badge|ticket|tracking>[ kid=<kid>] bytes=<n>
    // Never the payload or a claim value: the kid only once the token's parts are well formed.
    std::string log_line;
};

using RoutedCode = std::variant<BookingPass, StaffBadge, QueueTicket, TrackingCode, Rejected>;

// Refuses before anything else data over kMaxCodeBytes (syntax_oversized), with a NUL or other
// control character (syntax_bytes) or that is not UTF-8 (invalid_utf8). Then by prefix: HK<n>.
// to the token verifier, HKT<n>. to the tracking code parser, anything else not_ours.
RoutedCode route(std::string_view data, const RouterContext& ctx);

} // namespace hk::codes
