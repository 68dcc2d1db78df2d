// Tests of offline token verification: round trips, and each reason a token is refused for.
#include "token_verifier.hpp"

#include "base64url.hpp"
#include "test_keys.hpp"
#include "token_signer.hpp"

#include <doctest/doctest.h>

using namespace hk::codes;
using namespace hk::codes::test;

namespace {

struct Keys {
    PkeyPtr ec = es256_key();
    PkeyPtr ed = ed25519_key();
    TrustedKeys trusted;
    MemoryReplayGuard guard;

    Keys()
    {
        REQUIRE_FALSE(trusted.add_pem("k1", Algorithm::es256, public_pem(ec.get())));
        REQUIRE_FALSE(trusted.add_pem("ed1", Algorithm::eddsa, public_pem(ed.get())));
    }

    std::variant<BookingPass, StaffBadge, QueueTicket, Reason> verify(std::string_view token, std::int64_t now = kNow,
                                                                      std::string_view hall = kHall)
    {
        return verify_token(token, VerifyContext{trusted, hall, now, &guard});
    }

    Reason reason(std::string_view token, std::int64_t now = kNow, std::string_view hall = kHall)
    {
        const auto v = verify(token, now, hall);
        REQUIRE(std::holds_alternative<Reason>(v));
        return std::get<Reason>(v);
    }

    std::string pass_signed_with(EVP_PKEY* key)
    {
        return sign_token(TokenType::pass, pass_claims(), key == ec.get() ? "k1" : "ed1", key);
    }
};

// How many of the one-bit changes to token[from, to) verify: none may.
int accepted_bit_flips(Keys& k, const std::string& token, std::size_t from, std::size_t to)
{
    int accepted = 0;
    for (std::size_t i = from; i < to; ++i)
        for (int bit = 0; bit < 8; ++bit) {
            std::string t = token;
            t[i] = static_cast<char>(t[i] ^ (1 << bit));
            accepted += std::holds_alternative<Reason>(k.verify(t)) ? 0 : 1;
        }
    return accepted;
}

// A token over any signed part, signed with `key`: what sign_token will not make.
std::string signed_as_is(std::string_view signed_part, EVP_PKEY* key)
{
    return std::string(signed_part) + "." + sign_signed_part(signed_part, key);
}

std::string with_claims(std::vector<Claim> claims, std::string_view name, std::string value)
{
    bool found = false;
    for (Claim& c : claims)
        if (c.name == name) {
            c.value = value;
            found = true;
        }
    if (!found)
        claims.push_back({std::string(name), std::move(value)});
    return join_claims(claims);
}

} // namespace

TEST_CASE("an ES256 pass and an EdDSA pass verify to their claims")
{
    Keys k;
    for (const auto& [kid, key] : {std::pair{"k1", k.ec.get()}, std::pair{"ed1", k.ed.get()}}) {
        const auto v = k.verify(sign_token(TokenType::pass, pass_claims(), kid, key));
        REQUIRE(std::holds_alternative<BookingPass>(v));
        const auto& p = std::get<BookingPass>(v);
        CHECK(p == BookingPass{"PQ7XK2", std::string(kHall), "BK20260528-0042", kNow - 3600, kNow + 3600, true, kid});
    }
}

TEST_CASE("an ES256 badge and an EdDSA badge verify to their claims")
{
    Keys k;
    for (const auto& [kid, key] : {std::pair{"k1", k.ec.get()}, std::pair{"ed1", k.ed.get()}}) {
        const auto v = k.verify(sign_token(TokenType::badge, badge_claims(), kid, key));
        REQUIRE(std::holds_alternative<StaffBadge>(v));
        CHECK(std::get<StaffBadge>(v) ==
              StaffBadge{"S0042", std::string(kHall), StaffRole::tech, 0, kNow + 86400, kid});
    }
}

TEST_CASE("an ES256 ticket and an EdDSA ticket verify to their claims")
{
    Keys k;
    for (const auto& [kid, key] : {std::pair{"k1", k.ec.get()}, std::pair{"ed1", k.ed.get()}}) {
        const auto v = k.verify(sign_token(TokenType::ticket, ticket_claims(), kid, key));
        REQUIRE(std::holds_alternative<QueueTicket>(v));
        CHECK(std::get<QueueTicket>(v) == QueueTicket{"20260528-A017", std::string(kHall), "W-0101-03", "S0042",
                                                      kNow - 3600, kNow - 3600 + 7 * 86400, kid});
    }
}

TEST_CASE("a flipped bit anywhere in the signed part is refused")
{
    Keys k;
    for (EVP_PKEY* key : {k.ec.get(), k.ed.get()}) {
        const std::string token = k.pass_signed_with(key);
        CHECK(accepted_bit_flips(k, token, 0, token.rfind('.')) == 0);
    }
}

TEST_CASE("a ticket with a flipped bit or signed by another key is refused")
{
    Keys k;
    const std::string token = sign_token(TokenType::ticket, ticket_claims(), "ed1", k.ed.get());
    REQUIRE(std::holds_alternative<QueueTicket>(k.verify(token)));
    CHECK(accepted_bit_flips(k, token, 0, token.size()) == 0);
    const std::string signed_part = token.substr(0, token.rfind('.'));
    std::vector<std::uint8_t> sig = *base64url_decode(token.substr(token.rfind('.') + 1));
    sig[10] ^= 0x01;
    CHECK(k.reason(signed_part + "." + base64url_encode(sig)) == Reason::bad_signature);
    const PkeyPtr forger = ed25519_key();
    CHECK(k.reason(sign_token(TokenType::ticket, ticket_claims(), "ed1", forger.get())) == Reason::bad_signature);
    // The same claims signed as a pass are not a ticket.
    CHECK(k.reason(signed_as_is("HK1.P.EdDSA.ed1." + join_claims(ticket_claims()), k.ed.get())) ==
          Reason::syntax_claims);
}

TEST_CASE("a flipped bit anywhere in the signature is a bad signature")
{
    Keys k;
    for (EVP_PKEY* key : {k.ec.get(), k.ed.get()}) {
        const std::string token = k.pass_signed_with(key);
        const std::string signed_part = token.substr(0, token.rfind('.'));
        const std::vector<std::uint8_t> sig = *base64url_decode(token.substr(token.rfind('.') + 1));
        for (std::size_t i = 0; i < sig.size(); ++i)
            for (int bit = 0; bit < 8; ++bit) {
                std::vector<std::uint8_t> flipped = sig;
                flipped[i] = static_cast<std::uint8_t>(flipped[i] ^ (1 << bit));
                CHECK(k.reason(signed_part + "." + base64url_encode(flipped)) == Reason::bad_signature);
            }
        // And in its text: a bad signature or bad base64, never accepted.
        CHECK(accepted_bit_flips(k, token, signed_part.size() + 1, token.size()) == 0);
    }
}

TEST_CASE("every prefix of a valid token is refused")
{
    Keys k;
    const std::string token = sign_token(TokenType::badge, badge_claims(), "ed1", k.ed.get());
    for (std::size_t n = 0; n < token.size(); ++n)
        CHECK(std::holds_alternative<Reason>(k.verify(token.substr(0, n))));
}

TEST_CASE("alg none, HS256 keyed with the public key, RS256 and lower case are the wrong algorithm")
{
    Keys k;
    const std::string claims = join_claims(pass_claims());
    CHECK(k.reason("HK1.P.none.k1." + claims + ".AA") == Reason::wrong_algorithm);

    // The classic confusion: an HMAC whose secret is the verifier's own public key text.
    const std::string signed_part = "HK1.P.HS256.k1." + claims;
    const std::string secret = public_pem(k.ec.get());
    unsigned char mac[32];
    std::size_t mac_len = 0;
    REQUIRE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, secret.data(), secret.size(),
                      reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size(), mac, sizeof mac,
                      &mac_len));
    CHECK(k.reason(signed_part + "." + base64url_encode({mac, mac_len})) == Reason::wrong_algorithm);
    // The same HMAC under the name ES256 is not even the size of an ES256 signature.
    const std::string relabelled = "HK1.P.ES256.k1." + claims;
    CHECK(k.reason(relabelled + "." + base64url_encode({mac, mac_len})) == Reason::syntax_base64);

    CHECK(k.reason(signed_as_is("HK1.P.RS256.k1." + claims, k.ec.get())) == Reason::wrong_algorithm);
    CHECK(k.reason(signed_as_is("HK1.P.es256.k1." + claims, k.ec.get())) == Reason::wrong_algorithm);
    CHECK(k.reason(signed_as_is("HK1.P.eddsa.ed1." + claims, k.ed.get())) == Reason::wrong_algorithm);
}

TEST_CASE("a token's algorithm must be its key's: ES256 checked against an Ed25519 key of that kid")
{
    Keys k;
    const std::string claims = join_claims(pass_claims());
    // "ed1" is an Ed25519 key; an ES256 token naming it is refused before any verification.
    const PkeyPtr other_ec = es256_key();
    CHECK(k.reason(signed_as_is("HK1.P.ES256.ed1." + claims, other_ec.get())) == Reason::wrong_algorithm);
    CHECK(k.reason(signed_as_is("HK1.P.EdDSA.k1." + claims, k.ed.get())) == Reason::wrong_algorithm);
}

TEST_CASE("a kid not in the trusted set is an unknown key")
{
    Keys k;
    CHECK(k.reason(sign_token(TokenType::pass, pass_claims(), "k2", k.ec.get())) == Reason::unknown_key);
}

TEST_CASE("a key past its not_after signs nothing the kiosk accepts")
{
    Keys k;
    const PkeyPtr old = ed25519_key();
    REQUIRE_FALSE(k.trusted.add("old", Algorithm::eddsa, old.get(), kNow - 1));
    REQUIRE_FALSE(k.trusted.add("ends-now", Algorithm::eddsa, old.get(), kNow));
    CHECK(k.reason(sign_token(TokenType::pass, pass_claims(), "old", old.get())) == Reason::key_expired);
    CHECK(std::holds_alternative<BookingPass>(
        k.verify(sign_token(TokenType::pass, pass_claims(), "ends-now", old.get()))));
}

TEST_CASE("a token signed by another key with a trusted kid is a bad signature")
{
    Keys k;
    const PkeyPtr forger = ed25519_key();
    CHECK(k.reason(sign_token(TokenType::pass, pass_claims(), "ed1", forger.get())) == Reason::bad_signature);
}

TEST_CASE("nbf and exp hold with 120 seconds of leeway, to the second")
{
    Keys k;
    const std::string token = sign_token(TokenType::pass, pass_claims(), "ed1", k.ed.get());
    const std::int64_t nbf = kNow - 3600;
    const std::int64_t exp = kNow + 3600;
    CHECK(std::holds_alternative<BookingPass>(k.verify(token, nbf - 120)));
    CHECK(k.reason(token, nbf - 121) == Reason::not_yet_valid);
    CHECK(std::holds_alternative<BookingPass>(k.verify(token, exp + 120)));
    CHECK(k.reason(token, exp + 121) == Reason::expired);
}

TEST_CASE("a future-dated token is not yet valid, an old one expired")
{
    Keys k;
    auto future = pass_claims();
    future[3].value = std::to_string(kNow + 600);
    future[4].value = std::to_string(kNow + 7200);
    CHECK(k.reason(sign_token(TokenType::pass, future, "k1", k.ec.get())) == Reason::not_yet_valid);
    auto old = badge_claims();
    old[3].value = std::to_string(kNow - 86400);
    CHECK(k.reason(sign_token(TokenType::badge, old, "k1", k.ec.get())) == Reason::expired);
}

TEST_CASE("a token whose exp is not after its nbf is expired whenever it is read")
{
    Keys k;
    auto claims = pass_claims();
    claims[3].value = std::to_string(kNow);
    claims[4].value = std::to_string(kNow);
    CHECK(k.reason(sign_token(TokenType::pass, claims, "k1", k.ec.get())) == Reason::expired);
}

TEST_CASE("a pass for another hall, or for ALL, is the wrong hall, but a badge for ALL is good everywhere")
{
    Keys k;
    CHECK(k.reason(sign_token(TokenType::pass, pass_claims(), "k1", k.ec.get()), kNow, "H0102") == Reason::wrong_hall);
    CHECK(k.reason(sign_token(TokenType::pass, pass_claims("PQ7XK2", "ALL"), "k1", k.ec.get())) == Reason::wrong_hall);
    CHECK(k.reason(sign_token(TokenType::badge, badge_claims(), "k1", k.ec.get()), kNow, "H0102") ==
          Reason::wrong_hall);
    const std::string district = sign_token(TokenType::badge, badge_claims("ALL", "admin"), "ed1", k.ed.get());
    CHECK(std::holds_alternative<StaffBadge>(k.verify(district, kNow, "H0102")));
    CHECK(std::holds_alternative<StaffBadge>(k.verify(district, kNow, "H9999")));
}

TEST_CASE("a ticket for another hall, or for ALL, is the wrong hall")
{
    Keys k;
    CHECK(k.reason(sign_token(TokenType::ticket, ticket_claims(), "k1", k.ec.get()), kNow, "H0102") ==
          Reason::wrong_hall);
    const std::string all = sign_token(TokenType::ticket, ticket_claims("ALL"), "k1", k.ec.get());
    CHECK(k.reason(all) == Reason::wrong_hall);
    CHECK(k.reason(all, kNow, "ALL") == Reason::wrong_hall); // not even at a kiosk that calls its hall ALL
}

TEST_CASE("a ticket holds nbf and exp with 120 seconds of leeway, and a pass's grace is not a ticket's")
{
    Keys k;
    const std::string token = sign_token(TokenType::ticket, ticket_claims(), "ed1", k.ed.get());
    const std::int64_t nbf = kNow - 3600;
    const std::int64_t exp = nbf + 7 * 86400;
    CHECK(std::holds_alternative<QueueTicket>(k.verify(token, nbf - 120)));
    CHECK(k.reason(token, nbf - 121) == Reason::not_yet_valid);
    CHECK(std::holds_alternative<QueueTicket>(k.verify(token, exp + 120)));
    CHECK(k.reason(token, exp + 121) == Reason::expired);
    const auto graced = verify_token(token, VerifyContext{k.trusted, kHall, exp + 121, nullptr, 30 * 86400});
    REQUIRE(std::holds_alternative<Reason>(graced));
    CHECK(std::get<Reason>(graced) == Reason::expired);
    auto backwards = ticket_claims();
    backwards[5].value = backwards[4].value; // exp not after nbf
    CHECK(k.reason(sign_token(TokenType::ticket, backwards, "k1", k.ec.get())) == Reason::expired);
}

TEST_CASE("a ticket is never looked up in the replay guard")
{
    Keys k;
    const std::string token = sign_token(TokenType::ticket, ticket_claims(), "k1", k.ec.get());
    REQUIRE(k.guard.consume("20260528-A017", kNow + 86400));
    CHECK(std::holds_alternative<QueueTicket>(k.verify(token)));
    CHECK(std::holds_alternative<QueueTicket>(k.verify(token)));
}

TEST_CASE("a pass's grace moves its exp only: its nbf holds, and an exp not after nbf stays expired")
{
    Keys k;
    const std::string token = sign_token(TokenType::pass, pass_claims(), "ed1", k.ed.get());
    const std::int64_t exp = kNow + 3600;
    const std::int64_t grace = 30 * 86400;
    const auto at = [&](const std::string& t, std::int64_t now) {
        return verify_token(t, VerifyContext{k.trusted, kHall, now, nullptr, grace});
    };
    CHECK(std::holds_alternative<BookingPass>(at(token, exp + grace + 120)));
    CHECK(std::get<Reason>(at(token, exp + grace + 121)) == Reason::expired);
    CHECK(std::get<Reason>(at(token, kNow - 3600 - 121)) == Reason::not_yet_valid);
    auto backwards = pass_claims();
    backwards[4].value = backwards[3].value;
    CHECK(std::get<Reason>(at(sign_token(TokenType::pass, backwards, "ed1", k.ed.get()), kNow)) == Reason::expired);
}

TEST_CASE("a single-use pass the guard has seen is already used, a reusable one is not")
{
    Keys k;
    const std::string once = sign_token(TokenType::pass, pass_claims(), "k1", k.ec.get());
    REQUIRE(std::holds_alternative<BookingPass>(k.verify(once)));
    CHECK(std::holds_alternative<BookingPass>(k.verify(once))); // verifying consumes nothing
    REQUIRE(k.guard.consume("PQ7XK2", kNow + 3600));
    CHECK(k.reason(once) == Reason::already_used);

    auto reusable = pass_claims();
    reusable[5].value = "0";
    CHECK(std::holds_alternative<BookingPass>(k.verify(sign_token(TokenType::pass, reusable, "k1", k.ec.get()))));
    // Without a guard, nothing is looked up.
    CHECK(std::holds_alternative<BookingPass>(verify_token(once, VerifyContext{k.trusted, kHall, kNow, nullptr})));
}

TEST_CASE("checks run in order: a signature is checked before time, time before the hall")
{
    Keys k;
    const PkeyPtr forger = ed25519_key();
    auto claims = pass_claims("X1", "H0999");
    claims[4].value = std::to_string(kNow - 86400);
    CHECK(k.reason(sign_token(TokenType::pass, claims, "ed1", forger.get())) == Reason::bad_signature);
    CHECK(k.reason(sign_token(TokenType::pass, claims, "ed1", k.ed.get())) == Reason::expired);
    CHECK(k.reason(signed_as_is("HK1.P.ES256.nokey." + with_claims(pass_claims(), "exp", "1"), k.ec.get())) ==
          Reason::unknown_key);
}
