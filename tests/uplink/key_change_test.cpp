// The pending key's take-over at a start: cut short after each of its steps, as a power cut would
// leave it, the identity folder still holds a whole key, and the next start finishes the change.
#include "key_change.hpp"

#include "device_identity.hpp"
#include "identity_pem.hpp"
#include "jwk.hpp"
#include "uplink_support.hpp"

#include <doctest/doctest.h>

#include <ctime>

using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

constexpr int kSteps = 5; // retired/ made, key retired, first key kept, key replaced, certificate replaced

// An identity with a certificate, a pending key and the certificate for it installed: what a
// start finds after "create a new key" and "install a certificate" in maintenance mode.
struct PendingChange {
    std::filesystem::path state;
    std::filesystem::path folder;
    std::string old_kid;
    std::string new_kid;
    std::vector<std::uint8_t> old_key;
    std::vector<std::uint8_t> new_key;
    std::array<std::uint8_t, 32> data_key{};
};

PendingChange pending_change(const ScratchDir& dir)
{
    PendingChange c;
    c.state = dir.path() / "state";
    c.folder = c.state / "identity";
    auto id = DeviceIdentity::load_or_create(c.state, KeyAlg::es256);
    REQUIRE(id);
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    REQUIRE(id->install_certificate(certificate_pem(id->key(), id->key(), -60, 86400), now));
    auto req = id->make_next_key_request("kiosk-7", "Futian");
    REQUIRE(req);
    auto next = read_private_key(c.folder / kNextKeyFile);
    REQUIRE(next);
    auto installed = id->install_certificate(certificate_pem(next->get(), id->key(), -60, 86400), now);
    REQUIRE(installed);
    REQUIRE(installed->at_next_start);
    c.old_kid = id->kid();
    c.new_kid = req->kid;
    c.old_key = read_bytes(c.folder / "key.pem");
    c.new_key = read_bytes(c.folder / kNextKeyFile);
    c.data_key = id->data_key().value();
    return c;
}

// What key.pem holds: the old key or the new one, whole, never anything else.
void check_whole_key(const PendingChange& c)
{
    auto key = read_private_key(c.folder / "key.pem");
    REQUIRE(key);
    const std::string kid = key_thumbprint(key->get()).value();
    CHECK((kid == c.old_kid || kid == c.new_kid));
    CHECK(read_bytes(c.folder / "key.pem") == (kid == c.old_kid ? c.old_key : c.new_key));
}

// The start after: the new key signs with its certificate, the old one is kept, the data key is
// the one the store was sealed with.
void check_changed(const PendingChange& c)
{
    auto id = DeviceIdentity::load_or_create(c.state, KeyAlg::es256);
    REQUIRE(id);
    CHECK(id->kid() == c.new_kid);
    REQUIRE(id->certificate());
    CHECK_FALSE(id->next_key());
    CHECK(id->data_key().value() == c.data_key);
    CHECK(read_bytes(c.folder / kRetiredFolder / (c.old_kid + ".pem")) == c.old_key);
    CHECK(read_bytes(c.folder / kFirstKeyFile) == c.old_key);
    CHECK_FALSE(std::filesystem::exists(c.folder / kNextKeyFile));
    CHECK_FALSE(std::filesystem::exists(c.folder / kNextCertFile));
    for (const auto& n : id->notices()) {
        CHECK_MESSAGE(n.find("not finished") == std::string::npos, n);
        CHECK_MESSAGE(n.find("not used") == std::string::npos, n);
    }
}

} // namespace

TEST_CASE("a power cut after any step of a key change leaves a whole key, and the next start finishes it")
{
    for (int cut = 0; cut <= kSteps; ++cut) {
        CAPTURE(cut);
        ScratchDir dir;
        const PendingChange c = pending_change(dir);
        auto done = finish_key_change(c.folder, cut);
        REQUIRE(done);
        CHECK(done->has_value() == (cut == kSteps));
        check_whole_key(c);
        // The key is replaced in the fourth step and not before.
        CHECK(key_thumbprint(read_private_key(c.folder / "key.pem")->get()) == (cut < 4 ? c.old_kid : c.new_kid));
        // A second cut, one step into the start after, changes nothing of that.
        REQUIRE(finish_key_change(c.folder, 1));
        check_whole_key(c);
        check_changed(c);
    }
}

TEST_CASE("a start with no certificate for the pending key changes nothing")
{
    ScratchDir dir;
    const auto state = dir.path() / "state";
    auto id = DeviceIdentity::load_or_create(state, KeyAlg::es256);
    REQUIRE(id);
    REQUIRE(id->make_next_key_request("kiosk-7", "Futian"));
    const auto folder = state / "identity";
    const auto key = read_bytes(folder / "key.pem");
    auto done = finish_key_change(folder);
    REQUIRE(done);
    CHECK_FALSE(*done);
    CHECK(read_bytes(folder / "key.pem") == key);
    CHECK(std::filesystem::exists(folder / kNextKeyFile));
    CHECK_FALSE(std::filesystem::exists(folder / kRetiredFolder));
}

TEST_CASE("a waiting certificate that is not for the pending key is left where it is and the key stays")
{
    ScratchDir dir;
    const PendingChange c = pending_change(dir);
    ScratchDir other_dir;
    const DeviceIdentity other = identity_in(other_dir, KeyAlg::es256);
    write_file(c.folder / kNextCertFile, certificate_pem(other.key(), other.key(), -60, 86400));
    const auto cert = read_bytes(c.folder / kNextCertFile);

    auto done = finish_key_change(c.folder);
    REQUIRE(done);
    REQUIRE(*done);
    CHECK((*done)->find("not for the pending key") != std::string::npos);
    CHECK(read_bytes(c.folder / "key.pem") == c.old_key);
    CHECK(read_bytes(c.folder / kNextCertFile) == cert);
    auto id = DeviceIdentity::load_or_create(c.state, KeyAlg::es256);
    REQUIRE(id);
    CHECK(id->kid() == c.old_kid);
    REQUIRE(id->next_key());
    CHECK_FALSE(id->next_key()->certificate);
}

TEST_CASE("a retired key is never replaced: another key under its name stops the change, the old key signing")
{
    ScratchDir dir;
    const PendingChange c = pending_change(dir);
    std::filesystem::create_directory(c.folder / kRetiredFolder);
    write_file(c.folder / kRetiredFolder / (c.old_kid + ".pem"),
               std::string(reinterpret_cast<const char*>(c.new_key.data()), c.new_key.size()));

    auto done = finish_key_change(c.folder);
    REQUIRE_FALSE(done);
    CHECK(done.error().message.find("never replaced") != std::string::npos);
    CHECK(read_bytes(c.folder / "key.pem") == c.old_key);
    CHECK(read_bytes(c.folder / kRetiredFolder / (c.old_kid + ".pem")) == c.new_key);
    auto id = DeviceIdentity::load_or_create(c.state, KeyAlg::es256);
    REQUIRE(id);
    CHECK(id->kid() == c.old_kid);
    REQUIRE_FALSE(id->notices().empty());
    CHECK(id->notices()[0].find("not finished") != std::string::npos);
}
