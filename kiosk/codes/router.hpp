// Every code the scanners read comes through here: a booking pass, a staff badge, a tracking
// code, or a refusal with a log line that carries no part of what was scanned.
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

struct RouterContext {
    const TrustedKeys& keys;
    std::string hall;                    // this kiosk's hall id
    std::int64_t now = 0;                // unix seconds
    ReplayGuard* replay_guard = nullptr; // none: single-use passes are not looked up
};

struct Rejected {
    Reason reason;
    // code rejected: reason=<name> kind=<unknown|token|pass|badge|tracking>[ kid=<kid>] bytes=<n>
    // Never the payload or a claim value: the kid only once the token's parts are well formed.
    std::string log_line;
};

using RoutedCode = std::variant<BookingPass, StaffBadge, TrackingCode, Rejected>;

// Refuses before anything else data over kMaxCodeBytes (syntax_oversized), with a NUL or other
// control character (syntax_bytes) or that is not UTF-8 (invalid_utf8). Then by prefix: HK<n>.
// to the token verifier, HKT<n>. to the tracking code parser, anything else not_ours.
RoutedCode route(std::string_view data, const RouterContext& ctx);

} // namespace hk::codes
