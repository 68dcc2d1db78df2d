#include "certificate_authority.hpp"

#include "central_support.hpp"
#include "durable_file.hpp"
#include "jwk.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::KeyAlg;
using hk::uplink::test::mode_of;
using hk::uplink::test::run;
using hk::uplink::test::ScratchDir;
using hk::uplink::test::write_file;

TEST_CASE("init makes the CA and a server certificate for 127.0.0.1 and localhost, files 0600")
{
    ScratchDir dir;
    const auto data = dir.path() / "data";
    REQUIRE(init_authority(data, test::now_unix()));
    for (const auto name : {kCaKeyFile, kCaCertFile, kServerKeyFile, kServerCertFile})
        CHECK(mode_of(data / name) == 0600);
    const std::string ca = (data / kCaCertFile).string();
    const std::string server = (data / kServerCertFile).string();
    for (const char* host : {"-verify_ip 127.0.0.1", "-verify_hostname localhost"}) {
        const auto v =
            run("openssl verify -purpose sslserver " + std::string(host) + " -CAfile '" + ca + "' '" + server + "'");
        CHECK_MESSAGE(v.status == 0, v.output);
    }
    const auto wrong = run("openssl verify -verify_hostname example.org -CAfile '" + ca + "' '" + server + "'");
    CHECK(wrong.status != 0);
    const auto pair = run("openssl x509 -noout -pubkey -in '" + server + "' && openssl pkey -pubout -in '" +
                          (data / kServerKeyFile).string() + "'");
    REQUIRE(pair.status == 0);
    CHECK(pair.output.substr(0, pair.output.size() / 2) == pair.output.substr(pair.output.size() / 2));
}

TEST_CASE("init refuses to replace a CA that is there")
{
    ScratchDir dir;
    REQUIRE(init_authority(dir.path(), test::now_unix()));
    const auto before = hk::uplink::read_small_file(dir.path() / kCaKeyFile);
    REQUIRE(before);
    CHECK_FALSE(init_authority(dir.path(), test::now_unix()));
    CHECK(hk::uplink::read_small_file(dir.path() / kCaKeyFile).value() == *before);
}

TEST_CASE("a kiosk's request becomes a client certificate for its key, for each algorithm")
{
    ScratchDir dir;
    REQUIRE(init_authority(dir.path() / "data", test::now_unix()));
    for (const auto alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(hk::uplink::key_alg_name(alg));
        test::TestKiosk kiosk(dir, "kiosk-" + std::string(hk::uplink::key_alg_name(alg)), alg);
        auto csr = kiosk.identity().make_csr(kiosk.id(), "Futian");
        REQUIRE(csr);
        auto issued = issue_kiosk_certificate(dir.path() / "data", *csr, kiosk.id(), test::now_unix());
        REQUIRE(issued);
        CHECK(hk::uplink::key_thumbprint(issued->key.get()) == kiosk.identity().kid());
        const auto cert = dir.path() / "cert.pem";
        write_file(cert, issued->pem);
        const auto v = run("openssl verify -purpose sslclient -CAfile '" +
                           (dir.path() / "data" / kCaCertFile).string() + "' '" + cert.string() + "'");
        CHECK_MESSAGE(v.status == 0, v.output);
        const auto subject = run("openssl x509 -noout -subject -nameopt RFC2253 -in '" + cert.string() + "'");
        CHECK(subject.output == "subject=CN=" + kiosk.id() + "\n");
        // The kiosk takes it as its own.
        auto identity = hk::uplink::DeviceIdentity::load_or_create(dir.path() / ("kiosk-" + kiosk.id()), alg);
        REQUIRE(identity);
        CHECK(identity->install_certificate(issued->pem, test::now_unix()));
    }
}

TEST_CASE("a request for another kiosk id, or one tampered with, is refused")
{
    ScratchDir dir;
    REQUIRE(init_authority(dir.path() / "data", test::now_unix()));
    test::TestKiosk kiosk(dir, "kiosk-1");
    auto csr = kiosk.identity().make_csr(kiosk.id(), "Futian");
    REQUIRE(csr);
    CHECK_FALSE(issue_kiosk_certificate(dir.path() / "data", *csr, "kiosk-2", test::now_unix()));
    CHECK_FALSE(issue_kiosk_certificate(dir.path() / "data", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n", kiosk.id(),
                                        test::now_unix()));
    // Another kiosk's request with this kiosk's name: the signature no longer covers the subject.
    const auto der = run("openssl req -outform DER <<'EOF'\n" + *csr + "EOF\n");
    REQUIRE(der.status == 0);
    std::string tampered = der.output;
    const auto at = tampered.find("Futian");
    REQUIRE(at != std::string::npos);
    tampered[at] = 'G';
    write_file(dir.path() / "bad.der", tampered);
    const auto pem = run("openssl req -inform DER -in '" + (dir.path() / "bad.der").string() + "'");
    REQUIRE(pem.status == 0);
    auto refused = issue_kiosk_certificate(dir.path() / "data", pem.output, kiosk.id(), test::now_unix());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message == "the request's signature does not verify");
}
