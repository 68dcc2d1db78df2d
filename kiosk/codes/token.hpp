// The signed token's text form, HK1.<type>.<alg>.<kid>.<claims>.<sig>: parsed into its parts and
// written back byte for byte. Syntax only; token_verifier.hpp checks keys, time and hall.
#pragma once

#include "claims.hpp"
#include "reason.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hk::codes {

// Longest code the kiosk reads at all; a pass is well under 300 bytes.
inline constexpr std::size_t kMaxCodeBytes = 1024;
inline constexpr std::string_view kTokenVersion = "HK1";
inline constexpr std::size_t kMaxKid = 32;
// Both algorithms sign with 64 bytes: ES256 as r||s (32 bytes each, big-endian), Ed25519 as is.
inline constexpr std::size_t kSignatureBytes = 64;

enum class Algorithm { es256, eddsa };

std::string_view algorithm_name(Algorithm alg); // "ES256", "EdDSA"
// Exactly "ES256" or "EdDSA"; anything else (none, HS256, RS256, es256) is nothing.
std::optional<Algorithm> algorithm_from_name(std::string_view name);

char type_letter(TokenType type); // 'P', 'B', 'T'

// [A-Za-z0-9_-]{1,32}
bool valid_kid(std::string_view kid);

// Printable ASCII other than space: what a keyboard-wedge scanner carries.
inline bool token_byte(char c)
{
    return c > ' ' && c < 0x7F;
}

struct ParsedToken {
    TokenType type = TokenType::pass;
    Algorithm alg = Algorithm::es256;
    std::string kid;
    std::vector<Claim> claims;
    std::vector<std::uint8_t> signature; // decoded, kSignatureBytes
    std::string signed_part;             // the text before the last '.', what the signature covers
    bool operator==(const ParsedToken&) const = default;
};

// Checks in this order, the first that fails is the reason: syntax_oversized, syntax_bytes,
// unknown_version (a first part other than HK1), syntax_parts (not six non-empty parts, a bad kid),
// syntax_base64, unknown_type, syntax_claims (grammar, then the type's claim set),
// wrong_algorithm (a name other than ES256 or EdDSA), syntax_base64 (a signature of other than
// kSignatureBytes).
std::variant<ParsedToken, Reason> parse_token(std::string_view text);

// The token's text again, from its parts: serialise_token(parse_token(t)) == t for every t that
// parses.
std::string serialise_token(const ParsedToken& token);

// HK1.<type>.<alg>.<kid>.<claims>
std::string signed_part_of(TokenType type, Algorithm alg, std::string_view kid, std::string_view claims);

} // namespace hk::codes
