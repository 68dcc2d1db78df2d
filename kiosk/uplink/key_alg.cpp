// Algorithm names, and which algorithm an OpenSSL key is for.
#include "key_alg.hpp"

#include <openssl/core_names.h>

#include <array>
#include <string>

namespace hk::uplink {

namespace {

struct Names {
    KeyAlg alg;
    std::string_view config;
    std::string_view jws;
};
constexpr std::array kNames{Names{KeyAlg::es256, "es256", "ES256"}, Names{KeyAlg::eddsa, "eddsa", "EdDSA"},
                            Names{KeyAlg::sm2, "sm2", "SM2SM3"}};

std::string group_of(EVP_PKEY* key)
{
    char group[64] = {};
    std::size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1)
        return {};
    return std::string(group, len);
}

} // namespace

std::string_view key_alg_name(KeyAlg alg)
{
    for (const Names& n : kNames)
        if (n.alg == alg)
            return n.config;
    return {};
}

std::optional<KeyAlg> key_alg_from_name(std::string_view name)
{
    for (const Names& n : kNames)
        if (n.config == name)
            return n.alg;
    return std::nullopt;
}

std::string_view jws_alg(KeyAlg alg)
{
    for (const Names& n : kNames)
        if (n.alg == alg)
            return n.jws;
    return {};
}

std::optional<KeyAlg> key_alg_from_jws(std::string_view alg)
{
    for (const Names& n : kNames)
        if (n.jws == alg)
            return n.alg;
    return std::nullopt;
}

std::optional<KeyAlg> key_alg_of(EVP_PKEY* key)
{
    if (!key)
        return std::nullopt;
    if (EVP_PKEY_is_a(key, "ED25519"))
        return KeyAlg::eddsa;
    // OpenSSL 3 loads a key on the SM2 curve as an "SM2" key; one made as "EC" on that curve would
    // sign as plain ECDSA, so it is not taken for SM2.
    if (EVP_PKEY_is_a(key, "SM2"))
        return group_of(key) == "SM2" ? std::optional(KeyAlg::sm2) : std::nullopt;
    if (EVP_PKEY_is_a(key, "EC")) {
        const std::string group = group_of(key);
        if (group == "prime256v1" || group == "P-256")
            return KeyAlg::es256;
    }
    return std::nullopt;
}

} // namespace hk::uplink
