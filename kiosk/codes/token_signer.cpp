// Signing tokens with OpenSSL's EVP interface; ES256 signatures are turned from the DER OpenSSL
// makes into the fixed 64-byte r||s the token carries.
#include "token_signer.hpp"

#include "base64url.hpp"
#include "ecdsa_raw.hpp"
#include "trusted_keys.hpp"

#include <openssl/err.h>

#include <array>
#include <vector>

namespace hk::codes {

namespace {

std::vector<unsigned char> digest_sign(EVP_PKEY* key, const EVP_MD* md, std::string_view data)
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    std::size_t len = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key) != 1 ||
        EVP_DigestSign(ctx.get(), nullptr, &len, bytes, data.size()) != 1)
        return {};
    std::vector<unsigned char> sig(len);
    if (EVP_DigestSign(ctx.get(), sig.data(), &len, bytes, data.size()) != 1)
        return {};
    sig.resize(len);
    return sig;
}

} // namespace

std::string sign_signed_part(std::string_view data, EVP_PKEY* private_key)
{
    const auto alg = algorithm_of(private_key);
    std::vector<std::uint8_t> raw;
    if (alg == Algorithm::eddsa)
        raw = digest_sign(private_key, nullptr, data);
    else if (alg == Algorithm::es256)
        raw = ecdsa_raw_of_der(digest_sign(private_key, EVP_sha256(), data), static_cast<int>(kSignatureBytes / 2));
    ERR_clear_error();
    if (raw.size() != kSignatureBytes)
        return {};
    return base64url_encode(raw);
}

std::string sign_token(TokenType type, std::span<const Claim> claims, std::string_view kid, EVP_PKEY* private_key)
{
    const auto alg = algorithm_of(private_key);
    if (!alg || !valid_kid(kid) || std::holds_alternative<Reason>(read_claims(type, claims, kid)))
        return {};
    for (const Claim& c : claims)
        if (!valid_claim_name(c.name) || !valid_claim_value(c.value))
            return {};
    std::string token = signed_part_of(type, *alg, kid, join_claims(claims));
    const std::string sig = sign_signed_part(token, private_key);
    if (sig.empty())
        return {};
    token += '.';
    token += sig;
    return token;
}

} // namespace hk::codes
