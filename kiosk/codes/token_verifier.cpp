// Offline token verification, checks in the documented order (docs/codes.md): what the token
// says about itself is believed only after its signature verifies.
#include "token_verifier.hpp"

#include "ecdsa_raw.hpp"
#include "token.hpp"

#include <openssl/err.h>

namespace hk::codes {

namespace {

constexpr std::string_view kAllHalls = "ALL";

bool digest_verify(EVP_PKEY* key, const EVP_MD* md, std::string_view data, const unsigned char* sig,
                   std::size_t sig_len)
{
    MdCtxPtr ctx(EVP_MD_CTX_new());
    return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key) == 1 &&
           EVP_DigestVerify(ctx.get(), sig, sig_len, reinterpret_cast<const unsigned char*>(data.data()),
                            data.size()) == 1;
}

// `grace` moves only the end: exp must still be after nbf as written.
std::optional<Reason> check_time(std::int64_t nbf, std::int64_t exp, std::int64_t now, std::int64_t grace = 0)
{
    if (nbf > now + kLeewaySeconds)
        return Reason::not_yet_valid;
    if (exp + grace < now - kLeewaySeconds || exp <= nbf)
        return Reason::expired;
    return std::nullopt;
}

} // namespace

bool signature_valid(Algorithm alg, EVP_PKEY* key, std::string_view data, std::span<const std::uint8_t> signature)
{
    if (signature.size() != kSignatureBytes)
        return false;
    bool ok = false;
    if (alg == Algorithm::eddsa) {
        ok = digest_verify(key, nullptr, data, signature.data(), signature.size());
    } else {
        const std::vector<std::uint8_t> der = ecdsa_der_of_raw(signature);
        ok = !der.empty() && digest_verify(key, EVP_sha256(), data, der.data(), der.size());
    }
    ERR_clear_error(); // a failed verification leaves errors behind; they are not ours to keep
    return ok;
}

std::variant<BookingPass, StaffBadge, QueueTicket, Reason> verify_token(std::string_view text, const VerifyContext& ctx)
{
    auto parsed = parse_token(text);
    if (const auto* r = std::get_if<Reason>(&parsed))
        return *r;
    const ParsedToken& t = std::get<ParsedToken>(parsed);

    const TrustedKey* key = ctx.keys.find(t.kid);
    if (!key)
        return Reason::unknown_key;
    if (key->alg != t.alg)
        return Reason::wrong_algorithm;
    if (key->not_after && ctx.now > *key->not_after)
        return Reason::key_expired;
    if (!signature_valid(t.alg, key->key.get(), t.signed_part, t.signature))
        return Reason::bad_signature;

    auto code = read_claims(t.type, t.claims, t.kid);
    if (auto* pass = std::get_if<BookingPass>(&code)) {
        if (const auto r = check_time(pass->nbf, pass->exp, ctx.now, ctx.pass_grace_seconds))
            return *r;
        if (pass->hall != ctx.hall || pass->hall == kAllHalls)
            return Reason::wrong_hall;
        if (pass->once && ctx.replay_guard && ctx.replay_guard->seen(pass->pass_id))
            return Reason::already_used;
        return code;
    }
    if (auto* badge = std::get_if<StaffBadge>(&code)) {
        if (const auto r = check_time(badge->nbf, badge->exp, ctx.now))
            return *r;
        if (badge->hall != ctx.hall && badge->hall != kAllHalls)
            return Reason::wrong_hall;
        return code;
    }
    // A ticket is not consumed here: the central side keeps its one rating.
    if (auto* ticket = std::get_if<QueueTicket>(&code)) {
        if (const auto r = check_time(ticket->nbf, ticket->exp, ctx.now))
            return *r;
        if (ticket->hall != ctx.hall || ticket->hall == kAllHalls)
            return Reason::wrong_hall;
        return code;
    }
    return code; // parse_token has read the claims already; this is its Reason
}

} // namespace hk::codes
