// The issuing side of signed tokens: for the tests, and for the central reference endpoint.
#pragma once

#include "claims.hpp"
#include "token.hpp"

#include <openssl/evp.h>

#include <span>
#include <string>
#include <string_view>

namespace hk::codes {

// HK1.<type>.<alg>.<kid>.<claims>.<sig> signed with `private_key` (P-256: ES256, Ed25519: EdDSA).
// Empty when the kid or the claims would not parse (grammar and the type's claim set) or the key
// is of another kind or cannot sign.
std::string sign_token(TokenType type, std::span<const Claim> claims, std::string_view kid, EVP_PKEY* private_key);

// The raw 64-byte signature of `data` (ES256: r||s), base64url; empty when the key cannot sign.
// For tokens sign_token will not make (tests of what the verifier refuses).
std::string sign_signed_part(std::string_view data, EVP_PKEY* private_key);

} // namespace hk::codes
