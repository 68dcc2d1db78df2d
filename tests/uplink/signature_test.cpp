// Raw signatures for each algorithm, cross-checked both ways with the openssl command line.
#include "signature.hpp"

#include "uplink_support.hpp"

#include <doctest/doctest.h>

#include <thread>

using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

constexpr std::array kAlgs{KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2};

// The command line's verification of `raw` over the file `data` with the PEM public key `pub`.
// ES256 and SM2 signatures go to it as DER, as it wants them.
Run cli_verify(KeyAlg alg, const ScratchDir& dir, std::span<const std::uint8_t> raw, bool with_distid = true)
{
    const auto sig = dir / "sig.bin";
    if (alg == KeyAlg::eddsa) {
        write_file(sig, std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
        return run("openssl pkeyutl -verify -pubin -inkey " + (dir / "pub.pem").string() + " -rawin -in " +
                   (dir / "data").string() + " -sigfile " + sig.string());
    }
    const auto der = hk::codes::ecdsa_der_of_raw(raw);
    write_file(sig, std::string_view(reinterpret_cast<const char*>(der.data()), der.size()));
    if (alg == KeyAlg::es256)
        return run("openssl dgst -sha256 -verify " + (dir / "pub.pem").string() + " -signature " + sig.string() + " " +
                   (dir / "data").string());
    return run("openssl pkeyutl -verify -pubin -inkey " + (dir / "pub.pem").string() + " -rawin -digest sm3" +
               (with_distid ? " -pkeyopt " + sm2_distid_option() : std::string()) + " -in " + (dir / "data").string() +
               " -sigfile " + sig.string());
}

// The command line's signature over the file `data` with the identity's key file, as raw bytes.
std::vector<std::uint8_t> cli_sign(KeyAlg alg, const ScratchDir& dir, const DeviceIdentity& id)
{
    const auto sig = dir / "cli_sig.bin";
    std::string command;
    if (alg == KeyAlg::eddsa)
        command = "openssl pkeyutl -sign -inkey " + id.key_file().string() + " -rawin -in " + (dir / "data").string() +
                  " -out " + sig.string();
    else if (alg == KeyAlg::es256)
        command = "openssl dgst -sha256 -sign " + id.key_file().string() + " -out " + sig.string() + " " +
                  (dir / "data").string();
    else
        command = "openssl pkeyutl -sign -inkey " + id.key_file().string() + " -rawin -digest sm3 -pkeyopt " +
                  sm2_distid_option() + " -in " + (dir / "data").string() + " -out " + sig.string();
    const Run r = run(command);
    REQUIRE_MESSAGE(r.status == 0, r.output);
    const auto bytes = read_bytes(sig);
    return alg == KeyAlg::eddsa ? bytes : hk::codes::ecdsa_raw_of_der(bytes, 32);
}

} // namespace

TEST_CASE("each algorithm signs 64 raw bytes that verify with the same key")
{
    ScratchDir dir;
    const std::string data = "eyJhbGciOiJFUzI1NiJ9.eyJzZXEiOjF9";
    for (KeyAlg alg : kAlgs) {
        CAPTURE(jws_alg(alg));
        auto id = DeviceIdentity::load_or_create(dir.path() / std::string(key_alg_name(alg)), alg);
        REQUIRE(id);
        auto sig = sign_bytes(id->key(), alg, bytes_of(data));
        REQUIRE(sig);
        CHECK(sig->size() == kSignatureBytes);
        CHECK(verify_bytes(id->key(), alg, bytes_of(data), *sig));
        CHECK_FALSE(verify_bytes(id->key(), alg, bytes_of(data + "x"), *sig));
        auto flipped = *sig;
        flipped[10] ^= 0x01;
        CHECK_FALSE(verify_bytes(id->key(), alg, bytes_of(data), flipped));
        CHECK_FALSE(verify_bytes(id->key(), alg, bytes_of(data), std::span(*sig).first(63)));
    }
}

TEST_CASE("a key is used only with its own algorithm")
{
    ScratchDir dir;
    auto es = DeviceIdentity::load_or_create(dir.path() / "es", KeyAlg::es256);
    auto sm = DeviceIdentity::load_or_create(dir.path() / "sm", KeyAlg::sm2);
    REQUIRE(es);
    REQUIRE(sm);
    CHECK_FALSE(sign_bytes(es->key(), KeyAlg::sm2, bytes_of("x")));
    CHECK_FALSE(sign_bytes(sm->key(), KeyAlg::es256, bytes_of("x")));
    auto sig = sign_bytes(es->key(), KeyAlg::es256, bytes_of("x"));
    REQUIRE(sig);
    // The same curve arithmetic would not make this verify anyway; the point is it is refused
    // before: SM2's signature is over SM3 and Z_A, not SHA-256.
    CHECK_FALSE(verify_bytes(es->key(), KeyAlg::sm2, bytes_of("x"), *sig));
    CHECK_FALSE(verify_bytes(es->key(), KeyAlg::eddsa, bytes_of("x"), *sig));
}

TEST_CASE("the openssl command line verifies our signatures of each algorithm")
{
    ScratchDir dir;
    const std::string data = "a record's signing input, " + std::string(300, 'x');
    write_file(dir / "data", data);
    for (KeyAlg alg : kAlgs) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        write_file(dir / "pub.pem", public_pem(id.key()));
        auto sig = sign_bytes(id.key(), alg, bytes_of(data));
        REQUIRE(sig);
        const Run r = cli_verify(alg, dir, *sig);
        CHECK_MESSAGE(r.status == 0, r.output);
        // The same through a Signer, whose context copies must keep SM2's id.
        auto signer = Signer::open(id.key(), alg);
        REQUIRE(signer);
        auto copied = signer->sign(bytes_of(data));
        REQUIRE(copied);
        const Run rc = cli_verify(alg, dir, *copied);
        CHECK_MESSAGE(rc.status == 0, rc.output);
        std::filesystem::remove_all(dir.path() / "state");
    }
}

TEST_CASE("we verify signatures the openssl command line makes with the identity's key file")
{
    ScratchDir dir;
    const std::string data = "signed on the command line";
    write_file(dir / "data", data);
    for (KeyAlg alg : kAlgs) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        const auto sig = cli_sign(alg, dir, id);
        REQUIRE(sig.size() == kSignatureBytes);
        CHECK(verify_bytes(id.key(), alg, bytes_of(data), sig));
        CHECK_FALSE(verify_bytes(id.key(), alg, bytes_of(data + "."), sig));
        std::filesystem::remove_all(dir.path() / "state");
    }
}

TEST_CASE("SM2 signatures carry the distinguishing id 1234567812345678, not OpenSSL's empty default")
{
    ScratchDir dir;
    write_file(dir / "data", "sm2");
    const DeviceIdentity id = identity_in(dir, KeyAlg::sm2);
    write_file(dir / "pub.pem", public_pem(id.key()));
    auto sig = sign_bytes(id.key(), KeyAlg::sm2, bytes_of("sm2"));
    REQUIRE(sig);
    CHECK(cli_verify(KeyAlg::sm2, dir, *sig, true).status == 0);
    CHECK(cli_verify(KeyAlg::sm2, dir, *sig, false).status != 0);
}

TEST_CASE("one Signer signs from several threads at once and every signature verifies")
{
    ScratchDir dir;
    for (KeyAlg alg : kAlgs) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        auto signer = Signer::open(id.key(), alg);
        REQUIRE(signer);
        constexpr int kThreads = 4;
        constexpr int kEach = 50;
        std::vector<std::vector<std::vector<std::uint8_t>>> sigs(kThreads);
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kEach; ++i) {
                    const std::string data = std::to_string(t) + "/" + std::to_string(i);
                    auto sig = signer->sign(bytes_of(data));
                    sigs[t].push_back(sig ? *sig : std::vector<std::uint8_t>());
                }
            });
        for (auto& th : threads)
            th.join();
        int good = 0;
        for (int t = 0; t < kThreads; ++t)
            for (int i = 0; i < kEach; ++i)
                good += verify_bytes(id.key(), alg, bytes_of(std::to_string(t) + "/" + std::to_string(i)), sigs[t][i]);
        CHECK(good == kThreads * kEach);
        std::filesystem::remove_all(dir.path() / "state");
    }
}
