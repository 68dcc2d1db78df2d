// Tests of the token's text form: its parts, and the order syntax faults are reported in.
#include "token.hpp"

#include "base64url.hpp"

#include <doctest/doctest.h>

using namespace hk::codes;

namespace {

const std::string kSig = base64url_encode(std::vector<std::uint8_t>(64, 0x5A));
const std::string kGood = "HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig;

Reason reason_of(std::string_view text)
{
    const auto parsed = parse_token(text);
    REQUIRE(std::holds_alternative<Reason>(parsed));
    return std::get<Reason>(parsed);
}

} // namespace

TEST_CASE("a well-formed token parses into its parts and serialises to the same bytes")
{
    const auto parsed = parse_token(kGood);
    REQUIRE(std::holds_alternative<ParsedToken>(parsed));
    const auto& t = std::get<ParsedToken>(parsed);
    CHECK(t.type == TokenType::pass);
    CHECK(t.alg == Algorithm::es256);
    CHECK(t.kid == "k1");
    CHECK(t.claims.size() == 4);
    CHECK(t.signature == std::vector<std::uint8_t>(64, 0x5A));
    CHECK(t.signed_part == "HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5");
    CHECK(serialise_token(t) == kGood);
}

TEST_CASE("a token over 1024 bytes is oversized before anything else is looked at")
{
    CHECK(reason_of(std::string(1025, 'A')) == Reason::syntax_oversized);
    CHECK(reason_of(kGood + std::string(1025 - kGood.size(), 'A')) == Reason::syntax_oversized);
    CHECK(reason_of(std::string(1024, 'A')) != Reason::syntax_oversized);
}

TEST_CASE("spaces, control characters, NUL and non-ASCII bytes are refused")
{
    for (const char bad : {' ', '\0', '\n', '\t', '\x7F', '\x80', '\xE4'}) {
        std::string t = kGood;
        t[20] = bad;
        CHECK(reason_of(t) == Reason::syntax_bytes);
    }
}

TEST_CASE("a version other than HK1 is unknown, not malformed")
{
    CHECK(reason_of("HK2.P.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::unknown_version);
    CHECK(reason_of("HK2.anything.else") == Reason::unknown_version);
    CHECK(reason_of("HK10.x") == Reason::unknown_version);
    CHECK(reason_of("HKX.P") == Reason::syntax_parts);
    CHECK(reason_of("HK1") == Reason::syntax_parts);
}

TEST_CASE("missing, empty or extra parts and a bad kid are syntax_parts")
{
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5") == Reason::syntax_parts);
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5.") == Reason::syntax_parts);
    CHECK(reason_of("HK1.P.ES256..id=A~hall=H~ref=R~exp=5." + kSig) == Reason::syntax_parts);
    CHECK(reason_of(kGood + ".x") == Reason::syntax_parts);
    CHECK(reason_of("HK1.P.ES256.k*1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::syntax_parts);
    CHECK(reason_of("HK1.P.ES256." + std::string(33, 'k') + ".id=A~hall=H~ref=R~exp=5." + kSig) ==
          Reason::syntax_parts);
    CHECK(std::holds_alternative<ParsedToken>(
        parse_token("HK1.P.ES256." + std::string(32, 'k') + ".id=A~hall=H~ref=R~exp=5." + kSig)));
}

TEST_CASE("every prefix of a token is refused")
{
    for (std::size_t n = 0; n < kGood.size(); ++n)
        CHECK(std::holds_alternative<Reason>(parse_token(kGood.substr(0, n))));
}

TEST_CASE("a signature that is not strict base64url is syntax_base64")
{
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig + "==") == Reason::syntax_base64);
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5.Zh") == Reason::syntax_base64);
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5.ab+c") == Reason::syntax_base64);
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig.substr(0, 84)) == Reason::syntax_base64);
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig + "AAAA") == Reason::syntax_base64);
}

TEST_CASE("a ticket's type letter is T, and it writes back to the same bytes")
{
    const std::string text = "HK1.T.EdDSA.k1.id=T1~hall=H~win=W1~staff=S1~exp=5." + kSig;
    const auto parsed = parse_token(text);
    REQUIRE(std::holds_alternative<ParsedToken>(parsed));
    const auto& t = std::get<ParsedToken>(parsed);
    CHECK(t.type == TokenType::ticket);
    CHECK(t.alg == Algorithm::eddsa);
    CHECK(t.signed_part == "HK1.T.EdDSA.k1.id=T1~hall=H~win=W1~staff=S1~exp=5");
    CHECK(serialise_token(t) == text);
    CHECK(type_letter(TokenType::ticket) == 'T');
    CHECK(type_letter(TokenType::pass) == 'P');
    CHECK(type_letter(TokenType::badge) == 'B');
}

TEST_CASE("a type other than P, B or T is unknown")
{
    CHECK(reason_of("HK1.t.ES256.k1.id=T1~hall=H~win=W1~exp=5." + kSig) == Reason::unknown_type);
    CHECK(reason_of("HK1.TP.ES256.k1.id=T1~hall=H~win=W1~exp=5." + kSig) == Reason::unknown_type);
    CHECK(reason_of("HK1.X.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::unknown_type);
    CHECK(reason_of("HK1.p.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::unknown_type);
    CHECK(reason_of("HK1.PB.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::unknown_type);
}

TEST_CASE("claims that do not fit the type are syntax_claims")
{
    CHECK(reason_of("HK1.B.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::syntax_claims);
    CHECK(reason_of("HK1.P.ES256.k1.id=A~hall=H~ref=R~exp=5~new=1." + kSig) == Reason::syntax_claims);
    CHECK(reason_of("HK1.T.ES256.k1.id=A~hall=H~ref=R~exp=5." + kSig) == Reason::syntax_claims);
    CHECK(reason_of("HK1.P.ES256.k1.id=T1~hall=H~win=W1~exp=5." + kSig) == Reason::syntax_claims);
}

TEST_CASE("only ES256 and EdDSA, spelt exactly so, are algorithms")
{
    for (const char* alg : {"none", "HS256", "RS256", "es256", "EDDSA", "ES384", "Ed25519"})
        CHECK(reason_of(std::string("HK1.P.") + alg + ".k1.id=A~hall=H~ref=R~exp=5." + kSig) ==
              Reason::wrong_algorithm);
    CHECK(algorithm_from_name("EdDSA") == Algorithm::eddsa);
    CHECK(algorithm_name(Algorithm::es256) == "ES256");
}
