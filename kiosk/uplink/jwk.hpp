// Public keys as JSON Web Keys (RFC 7517), their RFC 7638 thumbprints (the key ids), and back
// from a JWK to an OpenSSL key for the central side.
#pragma once

#include "error.hpp"
#include "openssl_owners.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace hk::uplink {

// The public half of `key` with only the members RFC 7638 section 3.2 requires:
//   P-256:   {"crv":"P-256","kty":"EC","x","y"}   (RFC 7518 section 6.2)
//   Ed25519: {"crv":"Ed25519","kty":"OKP","x"}    (RFC 8037 section 2)
//   SM2:     {"crv":"SM2","kty":"EC","x","y"}     (our convention: no registered JWK curve name)
// x and y are base64url of the 32-byte big-endian coordinates.
Result<nlohmann::json> public_jwk(EVP_PKEY* key);

// base64url(SHA-256(the required members, keys in order, no whitespace)), RFC 7638 section 3.
// Takes the JWK kinds above (other members are ignored); an error for anything else.
Result<std::string> jwk_thumbprint(const nlohmann::json& jwk);

// The key id: jwk_thumbprint(public_jwk(key)).
Result<std::string> key_thumbprint(EVP_PKEY* key);

// A public key from a JWK of the kinds above, strictly: coordinates exactly 32 bytes of strict
// base64url, the point on the curve. Extra members (kid, alg, use) are ignored.
Result<PkeyPtr> jwk_to_pkey(const nlohmann::json& jwk);

} // namespace hk::uplink
