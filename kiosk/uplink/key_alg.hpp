// The signature algorithms a kiosk's identity can use, by config name and by JWS "alg" name.
#pragma once

#include <openssl/evp.h>

#include <optional>
#include <string_view>

namespace hk::uplink {

enum class KeyAlg {
    es256, // ECDSA on P-256 with SHA-256 (RFC 7518 section 3.4), the default
    eddsa, // Ed25519 (RFC 8037)
    sm2,   // SM2 with SM3 (GB/T 32918.2, GM/T 0009), distinguishing id kSm2DistId
};

// The name config uses: "es256", "eddsa", "sm2".
std::string_view key_alg_name(KeyAlg alg);
std::optional<KeyAlg> key_alg_from_name(std::string_view name);

// The JWS "alg" header value: "ES256", "EdDSA" (both registered), "SM2SM3" (ours; not registered
// with IANA).
std::string_view jws_alg(KeyAlg alg);
std::optional<KeyAlg> key_alg_from_jws(std::string_view alg);

// What `key` can sign with: ES256 for an EC key on P-256, EdDSA for Ed25519, SM2 for a key on the
// SM2 curve. Nothing for any other key.
std::optional<KeyAlg> key_alg_of(EVP_PKEY* key);

} // namespace hk::uplink
