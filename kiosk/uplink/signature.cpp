// Signing and verifying through EVP_DigestSign/EVP_DigestVerify. OpenSSL makes and takes ECDSA and
// SM2 signatures as DER; JWS wants fixed-width r||s, so they are converted here.
#include "signature.hpp"

#include "ecdsa_raw.hpp"

#include <openssl/err.h>

namespace hk::uplink {

namespace {

const EVP_MD* digest_of(KeyAlg alg)
{
    switch (alg) {
    case KeyAlg::es256: return EVP_sha256();
    case KeyAlg::sm2: return EVP_sm3();
    case KeyAlg::eddsa: return nullptr; // Ed25519 hashes inside the signature (PureEdDSA)
    }
    return nullptr;
}

} // namespace

Result<DigestContext> DigestContext::open(EVP_PKEY* key, KeyAlg alg, Purpose purpose)
{
    if (key_alg_of(key) != alg)
        return fail("the key is not one for " + std::string(jws_alg(alg)));
    DigestContext c;
    c.alg_ = alg;
    c.md_.reset(EVP_MD_CTX_new());
    if (!c.md_)
        return fail("out of memory for a digest context");
    if (alg == KeyAlg::sm2) {
        // The id must be on the key context before the digest init, which hashes it into Z_A.
        c.pkey_ctx_.reset(EVP_PKEY_CTX_new(key, nullptr));
        if (!c.pkey_ctx_ ||
            EVP_PKEY_CTX_set1_id(c.pkey_ctx_.get(), kSm2DistId.data(), static_cast<int>(kSm2DistId.size())) != 1) {
            ERR_clear_error();
            return fail("cannot set the SM2 distinguishing id");
        }
        EVP_MD_CTX_set_pkey_ctx(c.md_.get(), c.pkey_ctx_.get());
    }
    const int ok = purpose == Purpose::sign ? EVP_DigestSignInit(c.md_.get(), nullptr, digest_of(alg), nullptr, key)
                                            : EVP_DigestVerifyInit(c.md_.get(), nullptr, digest_of(alg), nullptr, key);
    if (ok != 1) {
        ERR_clear_error();
        return fail("OpenSSL cannot " + std::string(purpose == Purpose::sign ? "sign" : "verify") + " with " +
                    std::string(jws_alg(alg)));
    }
    return c;
}

namespace {

// One signature with a context ready to sign (used once), as JWS wants it.
Result<std::vector<std::uint8_t>> sign_with(EVP_MD_CTX* ctx, KeyAlg alg, std::span<const std::uint8_t> data)
{
    // Room for the largest DER ECDSA-Sig-Value of a 256-bit curve (72 bytes) and for Ed25519's 64.
    std::vector<std::uint8_t> sig(80);
    std::size_t len = sig.size();
    if (EVP_DigestSign(ctx, sig.data(), &len, data.data(), data.size()) != 1) {
        ERR_clear_error();
        return fail("OpenSSL did not sign with " + std::string(jws_alg(alg)));
    }
    sig.resize(len);
    if (alg != KeyAlg::eddsa)
        sig = codes::ecdsa_raw_of_der(sig, static_cast<int>(kSignatureBytes / 2));
    if (sig.size() != kSignatureBytes)
        return fail("a " + std::string(jws_alg(alg)) + " signature of an unexpected size");
    return sig;
}

} // namespace

Result<std::vector<std::uint8_t>> sign_bytes(EVP_PKEY* private_key, KeyAlg alg, std::span<const std::uint8_t> data)
{
    auto ctx = DigestContext::open(private_key, alg, DigestContext::Purpose::sign);
    if (!ctx)
        return std::unexpected(ctx.error());
    return sign_with(ctx->get(), alg, data);
}

Result<Signer> Signer::open(EVP_PKEY* private_key, KeyAlg alg)
{
    auto ctx = DigestContext::open(private_key, alg, DigestContext::Purpose::sign);
    if (!ctx)
        return std::unexpected(ctx.error());
    Signer s;
    s.alg_ = alg;
    s.ready_ = std::move(*ctx);
    return s;
}

Result<std::vector<std::uint8_t>> Signer::sign(std::span<const std::uint8_t> data) const
{
    // The copy owns a copy of the key context too (SM2's, with the id), and frees it.
    MdCtxPtr ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_MD_CTX_copy_ex(ctx.get(), ready_.get()) != 1) {
        ERR_clear_error();
        return fail("OpenSSL cannot copy a signing context");
    }
    return sign_with(ctx.get(), alg_, data);
}

bool verify_bytes(EVP_PKEY* key, KeyAlg alg, std::span<const std::uint8_t> data,
                  std::span<const std::uint8_t> signature)
{
    if (signature.size() != kSignatureBytes)
        return false;
    auto ctx = DigestContext::open(key, alg, DigestContext::Purpose::verify);
    if (!ctx)
        return false;
    std::vector<std::uint8_t> der;
    if (alg != KeyAlg::eddsa) {
        der = codes::ecdsa_der_of_raw(signature);
        if (der.empty())
            return false;
        signature = der;
    }
    const bool ok = EVP_DigestVerify(ctx->get(), signature.data(), signature.size(), data.data(), data.size()) == 1;
    ERR_clear_error(); // a failed verification leaves errors behind; they are not ours to keep
    return ok;
}

} // namespace hk::uplink
