// Staff PINs, kept only as salted slow hashes (the `staff` catalogue, docs/protocol.md): PBKDF2
// with HMAC-SHA256 (RFC 8018), written as one text
//
//     pbkdf2-sha256$<iterations>$<salt, base64url>$<derived key, base64url>
//
// with 100 000 to 10 000 000 iterations, a salt of 16 to 64 bytes and a key of 32 bytes. A PIN is
// 4 to 8 digits. The check compares in constant time. (No Result<> here: the fuzz build's clang
// 14 has no std::expected, and the staff catalogue's reader is fuzzed.)
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::codes {

struct PinHash {
    static constexpr std::string_view kScheme = "pbkdf2-sha256";
    static constexpr std::uint32_t kMinIterations = 100'000;
    static constexpr std::uint32_t kMaxIterations = 10'000'000;
    static constexpr std::size_t kKeyBytes = 32;

    std::uint32_t iterations = 0;
    std::vector<std::uint8_t> salt;
    std::vector<std::uint8_t> key;

    // The text form above; nothing when it is not, with `why` (when given) saying which part.
    static std::optional<PinHash> parse(std::string_view text, std::string* why = nullptr);
    std::string text() const;
};

// Whether `pin` is 4 to 8 ASCII digits.
bool valid_pin(std::string_view pin);

// PBKDF2-HMAC-SHA256 of `secret` with `salt`, `iterations` rounds, `bytes` long.
std::vector<std::uint8_t> pbkdf2_sha256(std::string_view secret, std::span<const std::uint8_t> salt,
                                        std::uint32_t iterations, std::size_t bytes);

// A new hash of `pin` with a random 16-byte salt (for the central side's tools and tests);
// nothing for a PIN that is not 4 to 8 digits or iterations out of bounds.
std::optional<PinHash> hash_pin(std::string_view pin, std::uint32_t iterations = 310'000);

// Whether `pin` is the PIN `hash` was made from. A PIN that is not 4 to 8 digits never is.
bool pin_matches(std::string_view pin, const PinHash& hash);

} // namespace hk::codes
