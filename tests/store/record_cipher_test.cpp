// Tests of the outbox's sealing: AES-256-GCM round trip, and every way a sealed blob can be
// wrong failing to open; SHA-256 against a published value.
#include "record_cipher.hpp"

#include <doctest/doctest.h>

#include <array>

using namespace hk::store;

namespace {

DataKey key(std::uint8_t fill)
{
    std::array<std::uint8_t, 32> bytes{};
    bytes.fill(fill);
    return *DataKey::from(bytes);
}

} // namespace

TEST_CASE("a sealed text opens with the same key and associated data")
{
    const DataKey k = key(1);
    const std::string plain = "eyJ.payload with 440304199203040024.sig";
    auto sealed = seal(k, plain, "id|7");
    REQUIRE(sealed);
    CHECK(sealed->size() == kNonceSize + plain.size() + kTagSize);
    const std::string bytes(sealed->begin(), sealed->end());
    CHECK(bytes.find("440304199203040024") == std::string::npos);
    auto opened = unseal(k, *sealed, "id|7");
    REQUIRE(opened);
    CHECK(*opened == plain);
}

TEST_CASE("two seals of the same text differ: each has a fresh nonce")
{
    const DataKey k = key(1);
    auto a = seal(k, "same", "x");
    auto b = seal(k, "same", "x");
    REQUIRE((a && b));
    CHECK(*a != *b);
}

TEST_CASE("an empty text seals to nonce and tag alone and opens again")
{
    const DataKey k = key(3);
    auto sealed = seal(k, "", "a");
    REQUIRE(sealed);
    CHECK(sealed->size() == kNonceSize + kTagSize);
    auto opened = unseal(k, *sealed, "a");
    REQUIRE(opened);
    CHECK(opened->empty());
}

TEST_CASE("a sealed text does not open with another key, other associated data, or a changed byte")
{
    const DataKey k = key(1);
    auto sealed = seal(k, "the record", "id|1");
    REQUIRE(sealed);
    CHECK_FALSE(unseal(key(2), *sealed, "id|1"));
    CHECK_FALSE(unseal(k, *sealed, "id|2"));
    for (std::size_t i : {std::size_t{0}, kNonceSize, sealed->size() - 1}) {
        auto changed = *sealed;
        changed[i] ^= 0x01;
        CHECK_FALSE_MESSAGE(unseal(k, changed, "id|1"), "byte " << i);
    }
    CHECK_FALSE(unseal(k, std::span(*sealed).first(kNonceSize + kTagSize - 1), "id|1"));
}

TEST_CASE("a data key must have 32 bytes")
{
    std::array<std::uint8_t, 31> short_key{};
    std::array<std::uint8_t, 33> long_key{};
    CHECK_FALSE(DataKey::from(short_key));
    CHECK_FALSE(DataKey::from(long_key));
}

TEST_CASE("the chain hash is SHA-256 in lower-case hex")
{
    // FIPS 180-2, appendix B.1.
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
