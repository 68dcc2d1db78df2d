// The device identity on disk: made once, kept, never silently replaced; its certificate request,
// certificate and data key, checked with the openssl command line where it can.
#include "device_identity.hpp"

#include "identity_pem.hpp"
#include "jwk.hpp"
#include "key_change.hpp"
#include "uplink_support.hpp"

#include <openssl/x509v3.h>

#include <doctest/doctest.h>

#include <ctime>

using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

std::int64_t now_unix()
{
    return static_cast<std::int64_t>(std::time(nullptr));
}

std::string hex(std::span<const std::uint8_t> bytes)
{
    std::string out;
    char two[3];
    for (std::uint8_t b : bytes) {
        std::snprintf(two, sizeof two, "%02x", b);
        out += two;
    }
    return out;
}

} // namespace

TEST_CASE("the first start makes a key in a private folder and later starts load the same key")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    std::string kid;
    {
        auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
        REQUIRE(id);
        kid = id->kid();
        CHECK(id->alg() == KeyAlg::es256);
        CHECK(id->notices().empty());
        CHECK_FALSE(id->certificate());
    }
    CHECK(mode_of(state / "identity") == 0700);
    CHECK(mode_of(state / "identity" / "key.pem") == 0600);
    CHECK_FALSE(std::filesystem::exists(state / "identity" / "key.pem.tmp"));
    const Run r = run("openssl pkey -in " + (state / "identity" / "key.pem").string() + " -noout -text");
    CHECK_MESSAGE(r.status == 0, r.output);
    CHECK(read_bytes(state / "identity" / "key.pem").size() > 0);
    const std::string pem(reinterpret_cast<const char*>(read_bytes(state / "identity" / "key.pem").data()),
                          read_bytes(state / "identity" / "key.pem").size());
    CHECK(pem.starts_with("-----BEGIN PRIVATE KEY-----")); // PKCS#8, unencrypted

    auto again = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(again);
    CHECK(again->kid() == kid);
}

TEST_CASE("a key of another algorithm than config asks for is kept and reported")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    const std::string kid = DeviceIdentity::load_or_create(state, KeyAlg::eddsa)->kid();
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::sm2);
    REQUIRE(id);
    CHECK(id->alg() == KeyAlg::eddsa);
    CHECK(id->kid() == kid);
    REQUIRE(id->notices().size() == 1);
    CHECK(id->notices()[0].find("EdDSA") != std::string::npos);
    CHECK(id->notices()[0].find("SM2SM3") != std::string::npos);
}

TEST_CASE("a corrupt key file is an error and no new identity takes its place")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    REQUIRE(DeviceIdentity::load_or_create(state, KeyAlg::es256));
    const auto key_file = state / "identity" / "key.pem";
    auto bytes = read_bytes(key_file);
    bytes[bytes.size() / 2] ^= 0x20; // one base64 character changed
    write_file(key_file, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    const auto before = read_bytes(key_file);

    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE_FALSE(id);
    CHECK(id.error().message.find("key.pem") != std::string::npos);
    CHECK(id.error().message.find("new identity") != std::string::npos);
    CHECK(read_bytes(key_file) == before);

    write_file(key_file, "");
    CHECK_FALSE(DeviceIdentity::load_or_create(state, KeyAlg::es256));
    CHECK(read_bytes(key_file).empty());
}

TEST_CASE("a lost key beside an installed certificate is an error, not a new key")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    REQUIRE(id->install_certificate(certificate_pem(id->key(), id->key(), -60, 3600), now_unix()));
    std::filesystem::remove(state / "identity" / "key.pem");
    CHECK_FALSE(DeviceIdentity::load_or_create(state, KeyAlg::es256));
    CHECK_FALSE(std::filesystem::exists(state / "identity" / "key.pem"));
}

TEST_CASE("files opened to other users are restricted again and reported")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    REQUIRE(DeviceIdentity::load_or_create(state, KeyAlg::es256));
    std::filesystem::permissions(state / "identity", std::filesystem::perms::all);
    std::filesystem::permissions(state / "identity" / "key.pem", std::filesystem::perms::all);
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    CHECK(id->notices().size() == 2);
    CHECK(mode_of(state / "identity") == 0700);
    CHECK(mode_of(state / "identity" / "key.pem") == 0600);
}

TEST_CASE("the certificate request of each algorithm verifies on the command line with our subject")
{
    ScratchDir dir;
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        auto csr = id.make_csr("kiosk-7", "福田区");
        REQUIRE(csr);
        CHECK(csr->starts_with("-----BEGIN CERTIFICATE REQUEST-----"));
        write_file(dir / "req.pem", *csr);
        const std::string distid = alg == KeyAlg::sm2 ? " -vfyopt " + sm2_distid_option() : std::string();
        const Run r =
            run("openssl req -in " + (dir / "req.pem").string() + " -verify -noout -subject -nameopt utf8" + distid);
        CHECK_MESSAGE(r.status == 0, r.output);
        CHECK(r.output.find("subject=O=福田区, CN=kiosk-7") != std::string::npos);
        CHECK(r.output.find("verify OK") != std::string::npos);
        // Signed with the id 1234567812345678, not OpenSSL's empty default. (openssl req -verify
        // exits 0 either way; only its message tells.)
        if (alg == KeyAlg::sm2)
            CHECK(run("openssl req -in " + (dir / "req.pem").string() + " -verify -noout")
                      .output.find("verify failure") != std::string::npos);
        write_file(dir / "pub.pem", public_pem(id.key()));
        const Run pub = run("openssl req -in " + (dir / "req.pem").string() + " -noout -pubkey" + " | cmp - " +
                            (dir / "pub.pem").string());
        CHECK_MESSAGE(pub.status == 0, pub.output);
        std::filesystem::remove_all(dir.path() / "state");
    }
}

TEST_CASE("a certificate request needs a kiosk id and a district of sensible length")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::es256);
    CHECK_FALSE(id.make_csr("", "Futian"));
    CHECK_FALSE(id.make_csr("kiosk-7", ""));
    CHECK_FALSE(id.make_csr(std::string(65, 'k'), "Futian"));
}

TEST_CASE("a certificate for this key, valid now, is installed and found again on the next start")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    const auto now = now_unix();
    auto info = id->install_certificate(certificate_pem(id->key(), id->key(), -60, 86400), now);
    REQUIRE(info);
    CHECK(info->subject == "CN=kiosk-7,O=Futian");
    CHECK(info->not_after_unix >= now + 86400 - 5);
    CHECK(info->not_after_unix <= now + 86400 + 5);
    CHECK(info->not_after.size() == 20);
    REQUIRE(id->certificate());
    CHECK(id->certificate()->subject == info->subject);

    auto again = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(again);
    REQUIRE(again->certificate());
    CHECK(again->certificate()->not_after == info->not_after);
    CHECK(again->notices().empty());
}

TEST_CASE("a certificate for another key, expired or not yet valid is refused and nothing is stored")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    ScratchDir other_dir;
    const DeviceIdentity other = identity_in(other_dir, KeyAlg::es256);
    const auto now = now_unix();

    auto foreign = id->install_certificate(certificate_pem(other.key(), id->key(), -60, 86400), now);
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error().message.find("another key") != std::string::npos);
    auto expired = id->install_certificate(certificate_pem(id->key(), id->key(), -86400, -60), now);
    REQUIRE_FALSE(expired);
    CHECK(expired.error().message.find("expired") != std::string::npos);
    auto early = id->install_certificate(certificate_pem(id->key(), id->key(), 3600, 86400), now);
    REQUIRE_FALSE(early);
    CHECK(early.error().message.find("not valid yet") != std::string::npos);
    CHECK_FALSE(id->install_certificate("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", now));
    CHECK_FALSE(id->certificate());
    CHECK_FALSE(std::filesystem::exists(id->certificate_file()));
}

TEST_CASE("the data key is HKDF-SHA256 of the private key, the same on every start and per kiosk")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto key = DeviceIdentity::load_or_create(state, KeyAlg::es256)->data_key();
    REQUIRE(key);
    auto again = DeviceIdentity::load_or_create(state, KeyAlg::es256)->data_key();
    REQUIRE(again);
    CHECK(*key == *again);
    ScratchDir other_dir;
    CHECK(*identity_in(other_dir, KeyAlg::es256).data_key() != *key);

    // The command line's HKDF over the private scalar, which openssl ec prints as hex.
    const Run priv = run("openssl ec -in " + (state / "identity" / "key.pem").string() +
                         " -noout -text 2>/dev/null | sed -n '/^priv:/,/^pub:/p' | sed '1d;$d' | tr -d ' :\\n'");
    REQUIRE(priv.status == 0);
    std::string scalar = priv.output;
    while (scalar.size() > 64 && scalar.starts_with("00"))
        scalar.erase(0, 2);
    while (scalar.size() < 64)
        scalar.insert(0, "0");
    const Run kdf = run("openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexkey:" + scalar +
                        " -kdfopt 'info:hallkiosk store v1' HKDF");
    REQUIRE_MESSAGE(kdf.status == 0, kdf.output);
    std::string cli = kdf.output;
    std::erase_if(cli, [](char c) { return c == ':' || c == '\n'; });
    for (char& c : cli)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(cli == hex(*key));
}

TEST_CASE("an Ed25519 or SM2 identity has a data key too")
{
    ScratchDir dir;
    CHECK(identity_in(dir, KeyAlg::eddsa).data_key());
    ScratchDir sm_dir;
    CHECK(identity_in(sm_dir, KeyAlg::sm2).data_key());
}

TEST_CASE("a pending key is made once, private, and asking again gives a request for the same key")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    const std::string kid = id->kid();
    CHECK_FALSE(id->next_key());

    auto first = id->make_next_key_request("kiosk-7", "Futian");
    REQUIRE(first);
    CHECK(first->kid != kid);
    CHECK(first->kid.size() == 43);
    const auto next_file = state / "identity" / "next-key.pem";
    CHECK(mode_of(next_file) == 0600);
    CHECK_FALSE(std::filesystem::exists(state / "identity" / "next-key.pem.tmp"));
    const auto bytes = read_bytes(next_file);
    REQUIRE(id->next_key());
    CHECK(id->next_key()->kid == first->kid);
    CHECK_FALSE(id->next_key()->certificate);

    auto again = id->make_next_key_request("kiosk-7", "Futian");
    REQUIRE(again);
    CHECK(again->kid == first->kid);
    CHECK(read_bytes(next_file) == bytes);

    // The current key goes on signing, and the next start finds the same pending key.
    CHECK(id->kid() == kid);
    auto signature = id->sign("chain");
    REQUIRE(signature);
    CHECK(verify_bytes(id->key(), KeyAlg::es256, bytes_of("chain"), *signature));
    auto later = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(later);
    CHECK(later->kid() == kid);
    REQUIRE(later->next_key());
    CHECK(later->next_key()->kid == first->kid);
    auto from_later = later->make_next_key_request("kiosk-7", "Futian");
    REQUIRE(from_later);
    CHECK(from_later->kid == first->kid);
    CHECK(read_bytes(next_file) == bytes);

    // A subject no request can carry makes no key.
    ScratchDir other;
    auto fresh = DeviceIdentity::load_or_create(other.path() / "state", KeyAlg::es256);
    REQUIRE(fresh);
    CHECK_FALSE(fresh->make_next_key_request("", "Futian"));
    CHECK_FALSE(std::filesystem::exists(other.path() / "state" / "identity" / "next-key.pem"));
}

TEST_CASE("the pending key's request verifies on the command line and carries the pending key")
{
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(jws_alg(alg));
        ScratchDir dir;
        const auto state = dir.path() / "state";
        REQUIRE(DeviceIdentity::load_or_create(state, alg));
        // Config naming another algorithm now changes neither the key nor the pending one.
        auto id = DeviceIdentity::load_or_create(state, alg == KeyAlg::es256 ? KeyAlg::eddsa : KeyAlg::es256);
        REQUIRE(id);
        auto req = id->make_next_key_request("kiosk-7", "福田区");
        REQUIRE(req);
        write_file(dir / "req.pem", req->csr);
        const std::string distid = alg == KeyAlg::sm2 ? " -vfyopt " + sm2_distid_option() : std::string();
        const Run r =
            run("openssl req -in " + (dir / "req.pem").string() + " -verify -noout -subject -nameopt utf8" + distid);
        CHECK_MESSAGE(r.status == 0, r.output);
        CHECK(r.output.find("subject=O=福田区, CN=kiosk-7") != std::string::npos);
        CHECK(r.output.find("verify OK") != std::string::npos);

        const auto next_file = state / "identity" / "next-key.pem";
        auto next = read_private_key(next_file);
        REQUIRE(next);
        CHECK(key_alg_of(next->get()) == alg);
        CHECK(key_thumbprint(next->get()) == req->kid);
        write_file(dir / "next-pub.pem", public_pem(next->get()));
        const Run same = run("openssl req -in " + (dir / "req.pem").string() + " -noout -pubkey | cmp - " +
                             (dir / "next-pub.pem").string());
        CHECK_MESSAGE(same.status == 0, same.output);
        CHECK(EVP_PKEY_eq(next->get(), id->key()) != 1);
    }
}

TEST_CASE("a certificate for the pending key waits, and the key takes over at the next start, the old one kept")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    const auto folder = state / "identity";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    const auto now = now_unix();
    REQUIRE(id->install_certificate(certificate_pem(id->key(), id->key(), -60, 86400), now));
    const std::string old_kid = id->kid();
    const auto old_key = read_bytes(folder / "key.pem");
    const auto old_cert = read_bytes(folder / "cert.pem");
    const auto data_key = id->data_key().value();

    auto req = id->make_next_key_request("kiosk-7", "Futian");
    REQUIRE(req);
    auto next = read_private_key(folder / "next-key.pem");
    REQUIRE(next);
    auto installed = id->install_certificate(certificate_pem(next->get(), id->key(), -60, 2 * 86400), now);
    REQUIRE(installed);
    CHECK(installed->at_next_start);
    CHECK(installed->kid == req->kid);
    CHECK(installed->subject == "CN=kiosk-7,O=Futian");
    // Nothing changes in this process: the old key signs, its certificate is the one shown.
    CHECK(id->kid() == old_kid);
    REQUIRE(id->certificate());
    CHECK(id->certificate()->not_after_unix < installed->not_after_unix);
    REQUIRE(id->next_key());
    REQUIRE(id->next_key()->certificate);
    CHECK(id->next_key()->certificate->not_after == installed->not_after);
    CHECK(read_bytes(folder / "key.pem") == old_key);
    CHECK(read_bytes(folder / "cert.pem") == old_cert);
    CHECK(mode_of(folder / "next-cert.pem") == 0644);

    auto started = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(started);
    CHECK(started->kid() == req->kid);
    REQUIRE(started->certificate());
    CHECK(started->certificate()->not_after == installed->not_after);
    CHECK_FALSE(started->next_key());
    REQUIRE(started->notices().size() == 1);
    CHECK(started->notices()[0].find(req->kid) != std::string::npos);
    CHECK(read_bytes(folder / "retired" / (old_kid + ".pem")) == old_key);
    CHECK(mode_of(folder / "retired") == 0700);
    CHECK(mode_of(folder / "key.pem") == 0600);
    CHECK_FALSE(std::filesystem::exists(folder / "next-key.pem"));
    CHECK_FALSE(std::filesystem::exists(folder / "next-cert.pem"));
    // The store's rows were sealed under the first key's data key; they stay readable.
    CHECK(started->data_key().value() == data_key);
    auto signature = started->sign("chain");
    REQUIRE(signature);
    CHECK(verify_bytes(next->get(), KeyAlg::es256, bytes_of("chain"), *signature));

    auto again = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(again);
    CHECK(again->kid() == req->kid);
    CHECK(again->notices().empty());
}

TEST_CASE("the data key stays the first key's through two key changes, and each old key is kept")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    const auto folder = state / "identity";
    std::vector<std::string> kids;
    std::array<std::uint8_t, 32> data_key{};
    for (int change = 0; change < 2; ++change) {
        auto id = DeviceIdentity::load_or_create(state, KeyAlg::eddsa);
        REQUIRE(id);
        if (change == 0)
            data_key = id->data_key().value();
        CHECK(id->data_key() == data_key);
        kids.push_back(id->kid());
        auto req = id->make_next_key_request("kiosk-7", "Futian");
        REQUIRE(req);
        auto next = read_private_key(folder / "next-key.pem");
        REQUIRE(next);
        REQUIRE(id->install_certificate(certificate_pem(next->get(), id->key(), -60, 86400), now_unix()));
    }
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::eddsa);
    REQUIRE(id);
    CHECK(id->data_key() == data_key);
    CHECK(id->kid() != kids[0]);
    CHECK(id->kid() != kids[1]);
    for (const auto& kid : kids) {
        auto kept = read_private_key(folder / "retired" / (kid + ".pem"));
        REQUIRE(kept);
        CHECK(key_thumbprint(kept->get()) == kid);
    }
    CHECK(key_thumbprint(read_private_key(folder / "first-key.pem")->get()) == kids[0]);
}

TEST_CASE("a certificate for neither the key nor the pending one is refused and nothing is stored")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    REQUIRE(id->make_next_key_request("kiosk-7", "Futian"));
    auto next = read_private_key(state / "identity" / "next-key.pem");
    REQUIRE(next);
    ScratchDir other_dir;
    const DeviceIdentity other = identity_in(other_dir, KeyAlg::es256);
    const auto now = now_unix();

    auto foreign = id->install_certificate(certificate_pem(other.key(), id->key(), -60, 86400), now);
    REQUIRE_FALSE(foreign);
    CHECK(foreign.error().message.find("another key") != std::string::npos);
    auto expired = id->install_certificate(certificate_pem(next->get(), id->key(), -86400, -60), now);
    REQUIRE_FALSE(expired);
    CHECK(expired.error().message.find("expired") != std::string::npos);
    CHECK_FALSE(id->certificate());
    CHECK_FALSE(id->next_key()->certificate);
    CHECK_FALSE(std::filesystem::exists(state / "identity" / "cert.pem"));
    CHECK_FALSE(std::filesystem::exists(state / "identity" / "next-cert.pem"));

    const std::string kid = id->kid();
    auto later = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(later);
    CHECK(later->kid() == kid);
}

TEST_CASE("a renewal for the current key while a key is pending is installed at once and the key stays")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    auto req = id->make_next_key_request("kiosk-7", "Futian");
    REQUIRE(req);
    auto renewed = id->install_certificate(certificate_pem(id->key(), id->key(), -60, 86400), now_unix());
    REQUIRE(renewed);
    CHECK_FALSE(renewed->at_next_start);
    CHECK(renewed->kid == id->kid());
    REQUIRE(id->certificate());
    CHECK_FALSE(std::filesystem::exists(state / "identity" / "next-cert.pem"));

    const std::string kid = id->kid();
    auto later = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(later);
    CHECK(later->kid() == kid);
    CHECK(later->certificate());
    REQUIRE(later->next_key());
    CHECK(later->next_key()->kid == req->kid);
}

TEST_CASE("a pending key file that cannot be read is reported, never replaced, and the identity still loads")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    const std::string kid = id->kid();
    const auto next_file = state / "identity" / "next-key.pem";
    write_file(next_file, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    const auto before = read_bytes(next_file);

    auto later = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(later);
    CHECK(later->kid() == kid);
    CHECK_FALSE(later->next_key());
    REQUIRE(later->notices().size() == 1);
    CHECK(later->notices()[0].find("next-key.pem") != std::string::npos);
    auto req = later->make_next_key_request("kiosk-7", "Futian");
    REQUIRE_FALSE(req);
    CHECK(req.error().message.find("next-key.pem") != std::string::npos);
    CHECK(read_bytes(next_file) == before);
}
