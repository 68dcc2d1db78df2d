// Algorithm names and which algorithm a key is for.
#include "key_alg.hpp"

#include "uplink_support.hpp"

#include <doctest/doctest.h>

using namespace hk::uplink;
using namespace hk::uplink::test;

TEST_CASE("config and JWS names go both ways")
{
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CHECK(key_alg_from_name(key_alg_name(alg)) == alg);
        CHECK(key_alg_from_jws(jws_alg(alg)) == alg);
    }
    CHECK(jws_alg(KeyAlg::sm2) == "SM2SM3");
    CHECK_FALSE(key_alg_from_name("ES256"));
    CHECK_FALSE(key_alg_from_jws("es256"));
    CHECK_FALSE(key_alg_from_jws("none"));
}

TEST_CASE("keys are told apart by type and curve")
{
    ScratchDir dir;
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CHECK(key_alg_of(identity_in(dir, alg).key()) == alg);
        std::filesystem::remove_all(dir.path() / "state");
    }
    const PkeyPtr p384(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
    CHECK_FALSE(key_alg_of(p384.get()));
    const PkeyPtr x25519(EVP_PKEY_Q_keygen(nullptr, nullptr, "X25519"));
    CHECK_FALSE(key_alg_of(x25519.get()));
    CHECK_FALSE(key_alg_of(nullptr));
}
