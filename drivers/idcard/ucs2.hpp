// The card's text fields: UCS-2 little endian, space padded, read into UTF-8.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace hk::idcard {

// One field of the text block as UTF-8, without the padding: U+0020 and, for modules that pad
// with them, U+0000 are trimmed at both ends. The block is UCS-2, but a well-formed surrogate
// pair is read as the character it encodes; a lone surrogate, and any control character left
// inside the field, becomes U+FFFD, so that no field carries control bytes to a log or a receipt.
// An odd last byte is not a character and is ignored.
std::string ucs2_field(std::span<const std::uint8_t> bytes);

} // namespace hk::idcard
