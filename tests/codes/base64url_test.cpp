// Tests of strict base64url: one encoding per byte string.
#include "base64url.hpp"

#include <doctest/doctest.h>

#include <string_view>

using namespace hk::codes;

namespace {

std::vector<std::uint8_t> bytes(std::string_view s)
{
    return {s.begin(), s.end()};
}

} // namespace

TEST_CASE("the RFC 4648 test vectors encode without padding and decode back")
{
    const std::pair<std::string_view, std::string_view> vectors[] = {
        {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
        {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        CHECK(base64url_encode(bytes(plain)) == encoded);
        CHECK(base64url_decode(encoded) == bytes(plain));
    }
}

TEST_CASE("the URL-safe alphabet has - and _ where base64 has + and /")
{
    const std::vector<std::uint8_t> b{0xFB, 0xFF, 0xBF};
    CHECK(base64url_encode(b) == "-_-_");
    CHECK(base64url_decode("-_-_") == b);
    CHECK_FALSE(base64url_decode("+/+/"));
}

TEST_CASE("padding, spaces and a length of 4n+1 are refused")
{
    CHECK_FALSE(base64url_decode("Zg=="));
    CHECK_FALSE(base64url_decode("Zm8="));
    CHECK_FALSE(base64url_decode("Zm 9v"));
    CHECK_FALSE(base64url_decode("Zm9vY"));
    CHECK_FALSE(base64url_decode("Z"));
}

TEST_CASE("set bits past the last byte are refused: one text per byte string")
{
    CHECK(base64url_decode("Zg"));
    CHECK_FALSE(base64url_decode("Zh")); // the same 'f' with a low bit set
    CHECK(base64url_decode("Zm8"));
    CHECK_FALSE(base64url_decode("Zm9"));
}

TEST_CASE("every 64-byte signature round-trips through 86 characters")
{
    std::vector<std::uint8_t> sig(64);
    for (std::size_t i = 0; i < sig.size(); ++i)
        sig[i] = static_cast<std::uint8_t>(i * 37 + 11);
    const std::string text = base64url_encode(sig);
    CHECK(text.size() == 86);
    CHECK(base64url_decode(text) == sig);
}
