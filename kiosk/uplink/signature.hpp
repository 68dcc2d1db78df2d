// Raw signatures as JWS carries them, made and checked through OpenSSL's EVP interface: ES256 and
// SM2 as r||s (32 bytes each), Ed25519 as its 64 bytes.
#pragma once

#include "key_alg.hpp"
#include "openssl_owners.hpp"

#include "error.hpp"

#include <openssl/evp.h>

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kSignatureBytes = 64;

// The SM2 distinguishing id (ID_A in GB/T 32918.2 section 5.5, hashed into Z_A), set explicitly on
// both sides: the default GM/T 0009 gives, where OpenSSL 3 would otherwise use an empty id.
inline constexpr std::string_view kSm2DistId = "1234567812345678";

// The signature of `data` by `private_key` with `alg` (the key must be of that kind).
Result<std::vector<std::uint8_t>> sign_bytes(EVP_PKEY* private_key, KeyAlg alg, std::span<const std::uint8_t> data);

// Whether `signature` (kSignatureBytes, raw) is `key`'s over `data` with `alg`. False too when the
// key is not of that kind.
bool verify_bytes(EVP_PKEY* key, KeyAlg alg, std::span<const std::uint8_t> data,
                  std::span<const std::uint8_t> signature);

// A digest context set up to sign or verify with `alg`, for callers with an operation of their
// own (certificate requests): SM2 with its distinguishing id set, ES256 with SHA-256.
class DigestContext {
public:
    enum class Purpose { sign, verify };
    static Result<DigestContext> open(EVP_PKEY* key, KeyAlg alg, Purpose purpose);
    EVP_MD_CTX* get() const { return md_.get(); }
    KeyAlg alg() const { return alg_; }

private:
    PkeyCtxPtr pkey_ctx_; // SM2 only; declared first so that it outlives md_, which uses it
    MdCtxPtr md_;
    KeyAlg alg_ = KeyAlg::es256;
};

// Signs many times with one key: the digest context is set up once (OpenSSL 3 fetches the
// algorithms and, for SM2, sets the id on each init, which costs about as much as an ECDSA
// signature) and copied for each signature. Safe to use from several threads at once.
class Signer {
public:
    static Result<Signer> open(EVP_PKEY* private_key, KeyAlg alg);
    Result<std::vector<std::uint8_t>> sign(std::span<const std::uint8_t> data) const;

private:
    KeyAlg alg_ = KeyAlg::es256;
    DigestContext ready_; // initialised, never updated: only copied
};

} // namespace hk::uplink
