// Trusted keys: each checked against its algorithm when added, so a verification never meets a
// key of the wrong kind.
#include "trusted_keys.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstring>

namespace hk::codes {

namespace {

// A new key holding only the public half of `key`, through its DER SubjectPublicKeyInfo.
PkeyPtr public_half(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int len = i2d_PUBKEY(key, &der);
    if (len <= 0)
        return nullptr;
    const unsigned char* p = der;
    PkeyPtr pub(d2i_PUBKEY(nullptr, &p, len));
    OPENSSL_free(der);
    return pub;
}

} // namespace

std::optional<Algorithm> algorithm_of(EVP_PKEY* key)
{
    if (!key)
        return std::nullopt;
    if (EVP_PKEY_is_a(key, "ED25519"))
        return Algorithm::eddsa;
    if (EVP_PKEY_is_a(key, "EC")) {
        char group[64] = {};
        std::size_t len = 0;
        if (EVP_PKEY_get_group_name(key, group, sizeof group, &len) == 1 &&
            (std::strcmp(group, "prime256v1") == 0 || std::strcmp(group, "P-256") == 0))
            return Algorithm::es256;
    }
    return std::nullopt;
}

bool same_public_key(EVP_PKEY* key, std::string_view pem)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    PkeyPtr other(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    return key && other && EVP_PKEY_eq(key, other.get()) == 1;
}

std::optional<std::string> TrustedKeys::add_pem(std::string_view kid, Algorithm alg, std::string_view pem,
                                                std::optional<std::int64_t> not_after)
{
    std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    PkeyPtr key(bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    ERR_clear_error();
    if (!key)
        return "key '" + std::string(kid) + "': not a PEM public key (SubjectPublicKeyInfo)";
    return add(kid, alg, key.get(), not_after);
}

std::optional<std::string> TrustedKeys::add(std::string_view kid, Algorithm alg, EVP_PKEY* key,
                                            std::optional<std::int64_t> not_after)
{
    if (!valid_kid(kid))
        return "key id '" + std::string(kid) + "' is not 1 to 32 of A-Z a-z 0-9 _ -";
    if (keys_.contains(kid))
        return "key '" + std::string(kid) + "' is there twice";
    if (algorithm_of(key) != alg)
        return "key '" + std::string(kid) + "' is not a " +
               (alg == Algorithm::es256 ? "P-256 EC key, as ES256 wants" : "Ed25519 key, as EdDSA wants");
    PkeyPtr pub = public_half(key);
    ERR_clear_error();
    if (!pub)
        return "key '" + std::string(kid) + "': its public half cannot be read";
    keys_.emplace(std::string(kid), TrustedKey{alg, std::move(pub), not_after});
    return std::nullopt;
}

const TrustedKey* TrustedKeys::find(std::string_view kid) const
{
    const auto it = keys_.find(kid);
    return it == keys_.end() ? nullptr : &it->second;
}

} // namespace hk::codes
