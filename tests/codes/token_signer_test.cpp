// Tests of the signing side: exactly the token format, raw 64-byte signatures.
#include "token_signer.hpp"

#include "base64url.hpp"
#include "test_keys.hpp"
#include "token_verifier.hpp"

#include <doctest/doctest.h>

using namespace hk::codes;
using namespace hk::codes::test;

TEST_CASE("an ES256 token is the format with an r||s signature of 64 bytes")
{
    const PkeyPtr key = es256_key();
    const std::string token = sign_token(TokenType::pass, pass_claims(), "k1", key.get());
    const std::string claims = join_claims(pass_claims());
    REQUIRE(token.starts_with("HK1.P.ES256.k1." + claims + "."));
    const std::string sig = token.substr(token.rfind('.') + 1);
    CHECK(sig.size() == 86);
    const auto raw = base64url_decode(sig);
    REQUIRE(raw);
    CHECK(raw->size() == 64);
    CHECK(signature_valid(Algorithm::es256, key.get(), token.substr(0, token.rfind('.')), *raw));
    CHECK(token.size() < 300);
}

TEST_CASE("an EdDSA token signs with Ed25519 and verifies the same way")
{
    const PkeyPtr key = ed25519_key();
    const std::string token = sign_token(TokenType::badge, badge_claims(), "ed-2026", key.get());
    REQUIRE(token.starts_with("HK1.B.EdDSA.ed-2026."));
    const auto raw = base64url_decode(token.substr(token.rfind('.') + 1));
    REQUIRE(raw);
    CHECK(signature_valid(Algorithm::eddsa, key.get(), token.substr(0, token.rfind('.')), *raw));
    // Ed25519 is deterministic: the same token signs to the same bytes.
    CHECK(sign_token(TokenType::badge, badge_claims(), "ed-2026", key.get()) == token);
}

TEST_CASE("a ticket signs as type T, with its staff or without")
{
    const PkeyPtr key = es256_key();
    const std::string token = sign_token(TokenType::ticket, ticket_claims(), "k1", key.get());
    REQUIRE(token.starts_with("HK1.T.ES256.k1." + join_claims(ticket_claims()) + "."));
    const auto raw = base64url_decode(token.substr(token.rfind('.') + 1));
    REQUIRE(raw);
    CHECK(signature_valid(Algorithm::es256, key.get(), token.substr(0, token.rfind('.')), *raw));
    auto no_staff = ticket_claims();
    no_staff.erase(no_staff.begin() + 3);
    CHECK(sign_token(TokenType::ticket, no_staff, "k1", key.get()).starts_with("HK1.T.ES256.k1.id=20260528-A017~"));
    // Not as another type, nor without its window.
    CHECK(sign_token(TokenType::pass, ticket_claims(), "k1", key.get()).empty());
    auto no_window = ticket_claims();
    no_window.erase(no_window.begin() + 2);
    CHECK(sign_token(TokenType::ticket, no_window, "k1", key.get()).empty());
}

TEST_CASE("ES256 signatures are of fixed width even when r or s is short")
{
    // One in 256 signatures has an r or s with a leading zero byte, which DER drops; over 600
    // signatures such a one comes with near certainty.
    const PkeyPtr key = es256_key();
    for (int i = 0; i < 600; ++i) {
        const std::string data = "HK1.P.ES256.k1.id=" + std::to_string(i);
        const std::string sig = sign_signed_part(data, key.get());
        REQUIRE(sig.size() == 86);
        REQUIRE(signature_valid(Algorithm::es256, key.get(), data, *base64url_decode(sig)));
    }
}

TEST_CASE("claims or a kid the verifier would refuse are not signed")
{
    const PkeyPtr key = ed25519_key();
    CHECK(sign_token(TokenType::pass, {{{"id", "A"}}}, "k1", key.get()).empty());
    CHECK(sign_token(TokenType::badge, pass_claims(), "k1", key.get()).empty());
    CHECK(sign_token(TokenType::pass, pass_claims(), "k.1", key.get()).empty());
    auto bad_value = pass_claims();
    bad_value[2].value = "BK 1";
    CHECK(sign_token(TokenType::pass, bad_value, "k1", key.get()).empty());
}

TEST_CASE("a key that is neither P-256 nor Ed25519 signs nothing")
{
    const PkeyPtr p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
    CHECK(sign_token(TokenType::pass, pass_claims(), "k1", p384.get()).empty());
    CHECK(sign_signed_part("data", p384.get()).empty());
}
