// The public keys the kiosk trusts to sign codes, by key id, each with the one algorithm it may
// be used with and an optional end of validity. Loaded from the PEM text config carries.
#pragma once

#include "evp.hpp"
#include "token.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hk::codes {

struct TrustedKey {
    Algorithm alg = Algorithm::es256;
    PkeyPtr key;                           // public half only
    std::optional<std::int64_t> not_after; // unix seconds; tokens are refused after it
};

// The algorithm a key can sign for: ES256 for an EC key on P-256, EdDSA for Ed25519.
std::optional<Algorithm> algorithm_of(EVP_PKEY* key);

// Whether the SubjectPublicKeyInfo PEM `pem` is the public half of `key`.
bool same_public_key(EVP_PKEY* key, std::string_view pem);

class TrustedKeys {
public:
    // Adds the SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----") under `kid`. Returns why
    // not, if it was not added: a bad kid, a kid already there, text that is not one public key,
    // a key of another kind than `alg` wants.
    [[nodiscard]] std::optional<std::string> add_pem(std::string_view kid, Algorithm alg, std::string_view pem,
                                                     std::optional<std::int64_t> not_after = std::nullopt);
    // The same from a key in memory (a private key's public half is taken).
    [[nodiscard]] std::optional<std::string> add(std::string_view kid, Algorithm alg, EVP_PKEY* key,
                                                 std::optional<std::int64_t> not_after = std::nullopt);

    const TrustedKey* find(std::string_view kid) const;
    std::size_t size() const { return keys_.size(); }

private:
    std::map<std::string, TrustedKey, std::less<>> keys_;
};

} // namespace hk::codes
