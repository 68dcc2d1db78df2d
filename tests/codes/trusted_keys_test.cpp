// Tests of the trusted key set: loaded from PEM, each key bound to its algorithm.
#include "trusted_keys.hpp"

#include "test_keys.hpp"

#include <doctest/doctest.h>

using namespace hk::codes;
using namespace hk::codes::test;

TEST_CASE("public keys load from PEM under their kid with their algorithm")
{
    const PkeyPtr ec = es256_key();
    const PkeyPtr ed = ed25519_key();
    TrustedKeys keys;
    CHECK_FALSE(keys.add_pem("district-2026", Algorithm::es256, public_pem(ec.get())));
    CHECK_FALSE(keys.add_pem("ed1", Algorithm::eddsa, public_pem(ed.get()), kNow));
    CHECK(keys.size() == 2);
    REQUIRE(keys.find("district-2026"));
    CHECK(keys.find("district-2026")->alg == Algorithm::es256);
    CHECK_FALSE(keys.find("district-2026")->not_after);
    CHECK(keys.find("ed1")->not_after == kNow);
    CHECK_FALSE(keys.find("ed2"));
}

TEST_CASE("a key of another kind than its algorithm wants is not added")
{
    const PkeyPtr ec = es256_key();
    const PkeyPtr ed = ed25519_key();
    const PkeyPtr p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
    TrustedKeys keys;
    CHECK(keys.add_pem("a", Algorithm::eddsa, public_pem(ec.get())));
    CHECK(keys.add_pem("b", Algorithm::es256, public_pem(ed.get())));
    CHECK(keys.add_pem("c", Algorithm::es256, public_pem(p384.get())));
    CHECK(keys.size() == 0);
}

TEST_CASE("bad PEM, a bad kid and a kid given twice are refused with a reason")
{
    const PkeyPtr ec = es256_key();
    TrustedKeys keys;
    const auto garbage =
        keys.add_pem("k1", Algorithm::es256, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    REQUIRE(garbage);
    CHECK(garbage->find("k1") != std::string::npos);
    CHECK(keys.add_pem("k1", Algorithm::es256, ""));
    CHECK(keys.add_pem("k 1", Algorithm::es256, public_pem(ec.get())));
    CHECK(keys.add_pem(std::string(33, 'k'), Algorithm::es256, public_pem(ec.get())));
    CHECK_FALSE(keys.add_pem("k1", Algorithm::es256, public_pem(ec.get())));
    CHECK(keys.add_pem("k1", Algorithm::es256, public_pem(ec.get())));
    CHECK(keys.size() == 1);
}

TEST_CASE("a private key added in memory keeps only its public half")
{
    const PkeyPtr ed = ed25519_key();
    TrustedKeys keys;
    REQUIRE_FALSE(keys.add("k1", Algorithm::eddsa, ed.get()));
    EVP_PKEY* held = keys.find("k1")->key.get();
    CHECK(held != ed.get());
    CHECK(EVP_PKEY_eq(held, ed.get()) == 1);
    // A public-only Ed25519 key has no private bytes to give.
    std::size_t len = 0;
    CHECK(EVP_PKEY_get_raw_private_key(held, nullptr, &len) != 1);
    CHECK(EVP_PKEY_get_raw_private_key(ed.get(), nullptr, &len) == 1);
}

TEST_CASE("algorithm_of names P-256 and Ed25519 keys and nothing else")
{
    CHECK(algorithm_of(es256_key().get()) == Algorithm::es256);
    CHECK(algorithm_of(ed25519_key().get()) == Algorithm::eddsa);
    const PkeyPtr rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048}));
    CHECK_FALSE(algorithm_of(rsa.get()));
    CHECK_FALSE(algorithm_of(nullptr));
}
