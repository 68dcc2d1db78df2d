// base64url without padding (RFC 4648 section 5), strict: the signature part of a token.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::codes {

std::string base64url_encode(std::span<const std::uint8_t> bytes);

// Nothing when the text is not exactly what base64url_encode makes of some bytes: padding '=',
// a character outside A-Z a-z 0-9 - _, a length of 4n + 1, or set bits in the unused low bits of
// the last character (so each byte string has one encoding and a token one form).
std::optional<std::vector<std::uint8_t>> base64url_decode(std::string_view text);

} // namespace hk::codes
