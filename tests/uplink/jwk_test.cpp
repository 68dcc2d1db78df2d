// JWKs and RFC 7638 thumbprints, the thumbprints recomputed independently with the openssl
// command line and a shell pipeline from the key's DER.
#include "jwk.hpp"

#include "base64url.hpp"
#include "uplink_support.hpp"

#include <doctest/doctest.h>

using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

// The thumbprint from the SubjectPublicKeyInfo DER: its last 64 bytes are x||y of a P-256 or SM2
// point, its last 32 an Ed25519 key; base64url by openssl base64 and tr; the JSON by printf.
std::string cli_thumbprint(KeyAlg alg, const ScratchDir& dir, EVP_PKEY* key)
{
    write_file(dir / "pub.pem", public_pem(key));
    const std::string der = "openssl pkey -pubin -in " + (dir / "pub.pem").string() + " -outform DER";
    const std::string b64url = "openssl base64 -A | tr '+/' '-_' | tr -d '='";
    std::string script;
    if (alg == KeyAlg::eddsa)
        script = "x=$(" + der + " | tail -c 32 | " + b64url +
                 "); printf '{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"%s\"}' \"$x\"";
    else
        script = "x=$(" + der + " | tail -c 64 | head -c 32 | " + b64url + "); y=$(" + der + " | tail -c 32 | " +
                 b64url + "); printf '{\"crv\":\"" + (alg == KeyAlg::sm2 ? "SM2" : "P-256") +
                 "\",\"kty\":\"EC\",\"x\":\"%s\",\"y\":\"%s\"}' \"$x\" \"$y\"";
    write_file(dir / "thumbprint.sh", script + " | openssl dgst -sha256 -binary | " + b64url + "\n");
    const Run r = run("sh " + (dir / "thumbprint.sh").string());
    REQUIRE_MESSAGE(r.status == 0, r.output);
    return r.output;
}

} // namespace

TEST_CASE("the key id of each algorithm is the RFC 7638 thumbprint the command line computes too")
{
    ScratchDir dir;
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        auto kid = key_thumbprint(id.key());
        REQUIRE(kid);
        CHECK(kid->size() == 43); // 32 bytes of base64url
        CHECK(*kid == cli_thumbprint(alg, dir, id.key()));
        CHECK(*kid == id.kid());
        std::filesystem::remove_all(dir.path() / "state");
    }
}

TEST_CASE("a public JWK has the required members only and loads back as the same key")
{
    ScratchDir dir;
    const DeviceIdentity es = identity_in(dir, KeyAlg::es256);
    auto jwk = public_jwk(es.key());
    REQUIRE(jwk);
    CHECK((*jwk)["kty"] == "EC");
    CHECK((*jwk)["crv"] == "P-256");
    CHECK(jwk->size() == 4);
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(jws_alg(alg));
        std::filesystem::remove_all(dir.path() / "state");
        const DeviceIdentity id = identity_in(dir, alg);
        auto key = jwk_to_pkey(id.public_jwk());
        REQUIRE(key);
        CHECK(EVP_PKEY_eq(key->get(), id.key()) == 1);
        CHECK(key_alg_of(key->get()) == alg);
    }
    std::filesystem::remove_all(dir.path() / "state");
    const DeviceIdentity sm = identity_in(dir, KeyAlg::sm2);
    CHECK(sm.public_jwk()["crv"] == "SM2");
    CHECK(sm.public_jwk()["kty"] == "EC");
    CHECK(identity_in(ScratchDir(), KeyAlg::eddsa).public_jwk().size() == 3);
}

TEST_CASE("the thumbprint ignores other members and the order members come in")
{
    const nlohmann::json jwk{{"kty", "OKP"}, {"crv", "Ed25519"}, {"x", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}};
    nlohmann::json more = jwk;
    more["kid"] = "k1";
    more["use"] = "sig";
    auto a = jwk_thumbprint(jwk);
    auto b = jwk_thumbprint(more);
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    more["x"] = "21qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    CHECK(*jwk_thumbprint(more) != *a);
}

TEST_CASE("a JWK that is not exactly a key of ours is refused")
{
    ScratchDir dir;
    const DeviceIdentity es = identity_in(dir, KeyAlg::es256);
    const nlohmann::json good = es.public_jwk();
    REQUIRE(jwk_to_pkey(good));

    auto with = [&](const char* name, nlohmann::json value) {
        nlohmann::json j = good;
        j[name] = std::move(value);
        return j;
    };
    // y changed by one bit: almost surely not on the curve any more; the check must find it.
    auto y = *hk::codes::base64url_decode(good["y"].get<std::string>());
    y[31] ^= 0x01;
    CHECK_FALSE(jwk_to_pkey(with("y", hk::codes::base64url_encode(y))));
    auto short_x = *hk::codes::base64url_decode(good["x"].get<std::string>());
    short_x.pop_back();
    CHECK_FALSE(jwk_to_pkey(with("x", hk::codes::base64url_encode(short_x))));
    CHECK_FALSE(jwk_to_pkey(with("x", good["x"].get<std::string>() + "=")));
    CHECK_FALSE(jwk_to_pkey(with("crv", "P-384")));
    CHECK_FALSE(jwk_to_pkey(with("kty", "RSA")));
    CHECK_FALSE(jwk_to_pkey(with("x", 12)));
    nlohmann::json no_y = good;
    no_y.erase("y");
    CHECK_FALSE(jwk_to_pkey(no_y));
    CHECK_FALSE(jwk_thumbprint(no_y));
    CHECK_FALSE(jwk_to_pkey(nlohmann::json::array()));
    // A P-256 point read as SM2: x and y are most unlikely to be on the other curve.
    CHECK_FALSE(jwk_to_pkey(with("crv", "SM2")));
}
