// Tests of the staff PIN hashes: PBKDF2-HMAC-SHA256 against RFC 7914's vector, the text form
// read strictly, and the check.
#include "pin_hash.hpp"

#include <doctest/doctest.h>

#include <cstdio>

using namespace hk::codes;

namespace {

std::string hex(const std::vector<std::uint8_t>& bytes)
{
    std::string out;
    for (std::uint8_t b : bytes) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", b);
        out += two;
    }
    return out;
}

} // namespace

TEST_CASE("PBKDF2-HMAC-SHA256 gives RFC 7914's test vector")
{
    const std::string salt = "salt";
    const auto key = pbkdf2_sha256("passwd", {reinterpret_cast<const std::uint8_t*>(salt.data()), salt.size()}, 1, 64);
    CHECK(hex(key) == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                      "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783");
}

TEST_CASE("a PIN hash made is read back from its text and matches its PIN only")
{
    const auto made = hash_pin("246810", PinHash::kMinIterations);
    REQUIRE(made);
    const auto read = PinHash::parse(made->text());
    REQUIRE(read);
    CHECK(read->iterations == PinHash::kMinIterations);
    CHECK(pin_matches("246810", *read));
    CHECK_FALSE(pin_matches("246811", *read));
    CHECK_FALSE(pin_matches("24681", *read));
    CHECK_FALSE(pin_matches("2468100", *read));
    CHECK_FALSE(pin_matches("", *read));
    // Two hashes of one PIN differ by their salt.
    const auto again = hash_pin("246810", PinHash::kMinIterations);
    REQUIRE(again);
    CHECK(again->text() != made->text());
}

TEST_CASE("a PIN is 4 to 8 digits, and a PIN hash's text is refused when any part is off")
{
    CHECK(valid_pin("0000"));
    CHECK(valid_pin("12345678"));
    CHECK_FALSE(valid_pin("123"));
    CHECK_FALSE(valid_pin("123456789"));
    CHECK_FALSE(valid_pin("12a4"));
    CHECK_FALSE(valid_pin("１２３４")); // full-width digits
    CHECK_FALSE(hash_pin("12"));
    CHECK_FALSE(hash_pin("1234", 1000)); // too few iterations

    const auto good = hash_pin("1234", PinHash::kMinIterations);
    REQUIRE(good);
    const std::string text = good->text();
    const auto salt_at = text.find('$', text.find('$') + 1) + 1;
    const auto key_at = text.rfind('$') + 1;
    for (const std::string& bad : {
             std::string(),
             "pbkdf2-sha1" + text.substr(text.find('$')),                     // another scheme
             "pbkdf2-sha256$99999" + text.substr(salt_at - 1),                 // too few iterations
             "pbkdf2-sha256$0100000" + text.substr(salt_at - 1),               // a leading zero
             "pbkdf2-sha256$10000001" + text.substr(salt_at - 1),              // too many
             text.substr(0, salt_at) + "AAAA" + text.substr(key_at - 1),       // a salt of 3 bytes
             text.substr(0, key_at) + "AAAA",                                  // a key of 3 bytes
             text.substr(0, key_at) + text.substr(key_at, text.size() - key_at - 1) + "=", // padding
             text + "$",                                                       // a fifth part
         }) {
        CAPTURE(bad);
        CHECK_FALSE(PinHash::parse(bad));
    }
}
