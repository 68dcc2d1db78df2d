// JWKs of P-256, Ed25519 and SM2 public keys, with OpenSSL 3's parameter interface (no
// deprecated EC_KEY calls).
#include "jwk.hpp"

#include "base64url.hpp"
#include "key_alg.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/sha.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

namespace hk::uplink {

namespace {

constexpr std::size_t kCoordinateBytes = 32;

std::optional<std::vector<std::uint8_t>> coordinate(EVP_PKEY* key, const char* name)
{
    BIGNUM* bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        return std::nullopt;
    codes::BignumPtr owned(bn);
    std::vector<std::uint8_t> out(kCoordinateBytes);
    if (BN_bn2binpad(bn, out.data(), static_cast<int>(out.size())) != static_cast<int>(out.size()))
        return std::nullopt;
    return out;
}

const std::string* string_member(const nlohmann::json& jwk, const char* name)
{
    const auto it = jwk.find(name);
    return it != jwk.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

// The coordinate in member `name`: strict base64url of exactly 32 bytes.
std::optional<std::vector<std::uint8_t>> coordinate_member(const nlohmann::json& jwk, const char* name)
{
    const std::string* text = string_member(jwk, name);
    if (!text)
        return std::nullopt;
    auto bytes = codes::base64url_decode(*text);
    if (!bytes || bytes->size() != kCoordinateBytes)
        return std::nullopt;
    return bytes;
}

// Which kind of key a JWK describes, from kty and crv.
std::optional<KeyAlg> kind_of(const nlohmann::json& jwk)
{
    if (!jwk.is_object())
        return std::nullopt;
    const std::string* kty = string_member(jwk, "kty");
    const std::string* crv = string_member(jwk, "crv");
    if (!kty || !crv)
        return std::nullopt;
    if (*kty == "EC" && *crv == "P-256")
        return KeyAlg::es256;
    if (*kty == "EC" && *crv == "SM2")
        return KeyAlg::sm2;
    if (*kty == "OKP" && *crv == "Ed25519")
        return KeyAlg::eddsa;
    return std::nullopt;
}

Result<PkeyPtr> ec_public_key(KeyAlg alg, std::span<const std::uint8_t> x, std::span<const std::uint8_t> y)
{
    std::array<std::uint8_t, 1 + 2 * kCoordinateBytes> point{0x04}; // SEC 1 section 2.3.3: uncompressed
    std::copy(x.begin(), x.end(), point.begin() + 1);
    std::copy(y.begin(), y.end(), point.begin() + 1 + kCoordinateBytes);
    char group_p256[] = "prime256v1";
    char group_sm2[] = "SM2";
    std::array params{
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, alg == KeyAlg::sm2 ? group_sm2 : group_p256, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), point.size()),
        OSSL_PARAM_construct_end()};
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, alg == KeyAlg::sm2 ? "SM2" : "EC", nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
        EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.data()) != 1) {
        ERR_clear_error();
        return fail("the JWK's x and y are not a point on the curve");
    }
    PkeyPtr key(raw);
    PkeyCtxPtr check(EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || EVP_PKEY_public_check(check.get()) != 1) {
        ERR_clear_error();
        return fail("the JWK's x and y are not a point on the curve");
    }
    return key;
}

} // namespace

Result<nlohmann::json> public_jwk(EVP_PKEY* key)
{
    const auto alg = key_alg_of(key);
    if (!alg)
        return fail("the key is neither P-256, Ed25519 nor SM2");
    if (*alg == KeyAlg::eddsa) {
        std::array<std::uint8_t, kCoordinateBytes> x{};
        std::size_t len = x.size();
        if (EVP_PKEY_get_raw_public_key(key, x.data(), &len) != 1 || len != x.size()) {
            ERR_clear_error();
            return fail("the Ed25519 public key cannot be read");
        }
        return nlohmann::json{{"crv", "Ed25519"}, {"kty", "OKP"}, {"x", codes::base64url_encode(x)}};
    }
    const auto x = coordinate(key, OSSL_PKEY_PARAM_EC_PUB_X);
    const auto y = coordinate(key, OSSL_PKEY_PARAM_EC_PUB_Y);
    if (!x || !y) {
        ERR_clear_error();
        return fail("the EC public key cannot be read");
    }
    return nlohmann::json{{"crv", *alg == KeyAlg::sm2 ? "SM2" : "P-256"},
                          {"kty", "EC"},
                          {"x", codes::base64url_encode(*x)},
                          {"y", codes::base64url_encode(*y)}};
}

Result<std::string> jwk_thumbprint(const nlohmann::json& jwk)
{
    const auto alg = kind_of(jwk);
    if (!alg)
        return fail("the JWK is not a P-256, SM2 or Ed25519 key");
    // RFC 7638 section 3.3: member names in code point order, values as JSON strings. All values
    // here are ASCII (base64url and fixed names), so no escaping arises.
    nlohmann::json required;
    for (const char* name : {"crv", "kty", "x", "y"}) {
        if (*alg == KeyAlg::eddsa && std::string_view(name) == "y")
            continue;
        const std::string* value = string_member(jwk, name);
        if (!value)
            return fail(std::string("the JWK has no string member \"") + name + "\"");
        required[name] = *value;
    }
    const std::string canonical = required.dump(); // nlohmann::json keeps object keys sorted
    std::array<std::uint8_t, SHA256_DIGEST_LENGTH> digest{};
    if (EVP_Digest(canonical.data(), canonical.size(), digest.data(), nullptr, EVP_sha256(), nullptr) != 1)
        return fail("SHA-256 failed");
    return codes::base64url_encode(digest);
}

Result<std::string> key_thumbprint(EVP_PKEY* key)
{
    auto jwk = public_jwk(key);
    if (!jwk)
        return std::unexpected(jwk.error());
    return jwk_thumbprint(*jwk);
}

Result<PkeyPtr> jwk_to_pkey(const nlohmann::json& jwk)
{
    const auto alg = kind_of(jwk);
    if (!alg)
        return fail("the JWK is not a P-256, SM2 or Ed25519 key");
    const auto x = coordinate_member(jwk, "x");
    if (!x)
        return fail("the JWK's x is not 32 bytes of base64url");
    if (*alg == KeyAlg::eddsa) {
        PkeyPtr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, x->data(), x->size()));
        ERR_clear_error();
        if (!key)
            return fail("the JWK's x is not an Ed25519 public key");
        return key;
    }
    const auto y = coordinate_member(jwk, "y");
    if (!y)
        return fail("the JWK's y is not 32 bytes of base64url");
    return ec_public_key(*alg, *x, *y);
}

} // namespace hk::uplink
