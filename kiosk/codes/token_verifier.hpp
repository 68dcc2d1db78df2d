// Verifies a signed token offline: against the trusted keys, the time passed in, this kiosk's
// hall and the replay guard.
#pragma once

#include "claims.hpp"
#include "reason.hpp"
#include "replay_guard.hpp"
#include "trusted_keys.hpp"

#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

namespace hk::codes {

// How far the kiosk's clock and the issuer's may disagree, both ways.
inline constexpr std::int64_t kLeewaySeconds = 120;

struct VerifyContext {
    const TrustedKeys& keys;
    std::string_view hall;               // this kiosk's hall id
    std::int64_t now;                    // unix seconds
    ReplayGuard* replay_guard = nullptr; // none: single-use passes are not looked up
    std::int64_t pass_grace_seconds = 0; // how long after its exp a pass is still taken (rating)
};

// parse_token's checks, then: unknown_key, wrong_algorithm (the key is configured for the other
// one), key_expired, bad_signature, not_yet_valid (nbf > now + leeway), expired (exp < now -
// leeway, a pass's exp + pass_grace_seconds < now - leeway, or exp not after nbf), wrong_hall (a
// pass or a ticket must name this hall; a badge this hall or ALL), already_used (a single-use
// pass the guard has seen). A ticket is never looked up in the guard.
std::variant<BookingPass, StaffBadge, QueueTicket, Reason> verify_token(std::string_view text,
                                                                        const VerifyContext& ctx);

// Whether `signature` (kSignatureBytes, raw) is `key`'s over `data` with `alg`.
bool signature_valid(Algorithm alg, EVP_PKEY* key, std::string_view data, std::span<const std::uint8_t> signature);

} // namespace hk::codes
