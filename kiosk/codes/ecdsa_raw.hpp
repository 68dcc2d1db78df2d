// ECDSA signatures (ES256, SM2) between the DER ECDSA-Sig-Value OpenSSL makes and verifies and
// the fixed-width r||s that tokens and JWS (RFC 7518 section 3.4) carry.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace hk::codes {

// r||s, each left-padded to `half_bytes` (32 for P-256 and SM2); empty when `der` is not one
// ECDSA-Sig-Value or r or s does not fit.
std::vector<std::uint8_t> ecdsa_raw_of_der(std::span<const std::uint8_t> der, int half_bytes);

// The DER ECDSA-Sig-Value of r||s (two halves of equal width); empty on failure.
std::vector<std::uint8_t> ecdsa_der_of_raw(std::span<const std::uint8_t> raw);

} // namespace hk::codes
