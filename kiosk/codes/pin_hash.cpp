// Staff PIN hashes (see pin_hash.hpp).
#include "pin_hash.hpp"

#include "base64url.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>

namespace hk::codes {

std::optional<PinHash> PinHash::parse(std::string_view text, std::string* why)
{
    const auto fail = [why](const char* what) -> std::optional<PinHash> {
        if (why)
            *why = what;
        return std::nullopt;
    };
    std::vector<std::string_view> parts;
    for (std::size_t from = 0;;) {
        const std::size_t bar = text.find('$', from);
        parts.push_back(text.substr(from, bar == std::string_view::npos ? std::string_view::npos : bar - from));
        if (bar == std::string_view::npos)
            break;
        from = bar + 1;
    }
    if (parts.size() != 4 || parts[0] != kScheme)
        return fail("a PIN hash is pbkdf2-sha256$ITERATIONS$SALT$KEY");
    PinHash h;
    const auto [end, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), h.iterations);
    if (ec != std::errc() || end != parts[1].data() + parts[1].size() || parts[1].starts_with('0') ||
        h.iterations < kMinIterations || h.iterations > kMaxIterations)
        return fail("a PIN hash's iterations are a number from 100000 to 10000000");
    auto salt = base64url_decode(parts[2]);
    if (!salt || salt->size() < 16 || salt->size() > 64)
        return fail("a PIN hash's salt is 16 to 64 bytes in base64url");
    auto key = base64url_decode(parts[3]);
    if (!key || key->size() != kKeyBytes)
        return fail("a PIN hash's key is 32 bytes in base64url");
    h.salt = std::move(*salt);
    h.key = std::move(*key);
    return h;
}

std::string PinHash::text() const
{
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64url_encode(salt) + "$" +
           base64url_encode(key);
}

bool valid_pin(std::string_view pin)
{
    return pin.size() >= 4 && pin.size() <= 8 && std::ranges::all_of(pin, [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::uint8_t> pbkdf2_sha256(std::string_view secret, std::span<const std::uint8_t> salt,
                                        std::uint32_t iterations, std::size_t bytes)
{
    std::vector<std::uint8_t> out(bytes);
    if (PKCS5_PBKDF2_HMAC(secret.data(), static_cast<int>(secret.size()), salt.data(), static_cast<int>(salt.size()),
                          static_cast<int>(iterations), EVP_sha256(), static_cast<int>(bytes), out.data()) != 1)
        out.clear();
    return out;
}

std::optional<PinHash> hash_pin(std::string_view pin, std::uint32_t iterations)
{
    if (!valid_pin(pin) || iterations < PinHash::kMinIterations || iterations > PinHash::kMaxIterations)
        return std::nullopt;
    PinHash h;
    h.iterations = iterations;
    h.salt.resize(16);
    if (RAND_bytes(h.salt.data(), static_cast<int>(h.salt.size())) != 1)
        return std::nullopt;
    h.key = pbkdf2_sha256(pin, h.salt, iterations, PinHash::kKeyBytes);
    if (h.key.size() != PinHash::kKeyBytes)
        return std::nullopt;
    return h;
}

bool pin_matches(std::string_view pin, const PinHash& hash)
{
    if (!valid_pin(pin) || hash.key.size() != PinHash::kKeyBytes)
        return false;
    const auto key = pbkdf2_sha256(pin, hash.salt, hash.iterations, PinHash::kKeyBytes);
    return key.size() == PinHash::kKeyBytes && CRYPTO_memcmp(key.data(), hash.key.data(), key.size()) == 0;
}

} // namespace hk::codes
