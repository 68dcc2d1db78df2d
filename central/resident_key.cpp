// The resident secret made with RAND_bytes and used with EVP_MAC's HMAC.
#include "resident_key.hpp"

#include "durable_file.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <array>
#include <cstdio>
#include <optional>

namespace hk::central {
namespace {

constexpr std::size_t kSecretBytes = 32;

std::string hex(const unsigned char* bytes, std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        std::array<char, 3> two{};
        std::snprintf(two.data(), two.size(), "%02x", bytes[i]);
        out += two.data();
    }
    return out;
}

std::optional<std::string> unhex(std::string_view text)
{
    if (text.size() != 2 * kSecretBytes)
        return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        int byte = 0;
        for (const char c : text.substr(i, 2)) {
            const int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (v < 0)
                return std::nullopt;
            byte = byte * 16 + v;
        }
        out.push_back(static_cast<char>(byte));
    }
    return out;
}

} // namespace

Result<ResidentKeys> ResidentKeys::open(const std::filesystem::path& data_dir)
{
    const auto file = data_dir / kResidentSecretFile;
    if (!std::filesystem::exists(file)) {
        std::array<unsigned char, kSecretBytes> secret{};
        if (RAND_bytes(secret.data(), secret.size()) != 1)
            return fail("no random bytes for the resident secret");
        // Another process may make it at the same moment: keep theirs, read it below.
        (void)uplink::write_file_durably(file, hex(secret.data(), secret.size()) + "\n", 0600, uplink::Existing::keep);
    }
    auto text = uplink::read_small_file(file);
    if (!text)
        return std::unexpected(text.error());
    auto secret = unhex(std::string_view(*text).substr(0, 2 * kSecretBytes));
    if (!secret)
        return fail(file.string() + " is not 64 hex digits");
    return ResidentKeys(std::move(*secret));
}

std::string ResidentKeys::key_of(std::string_view id_number) const
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    std::size_t n = 0;
    EVP_MAC* hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    EVP_MAC_CTX* ctx = hmac ? EVP_MAC_CTX_new(hmac) : nullptr;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                                 OSSL_PARAM_construct_end()};
    const bool ok = ctx &&
                    EVP_MAC_init(ctx, reinterpret_cast<const unsigned char*>(secret_.data()), secret_.size(), params) ==
                        1 &&
                    EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(id_number.data()), id_number.size()) ==
                        1 &&
                    EVP_MAC_final(ctx, mac.data(), &n, mac.size()) == 1;
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(hmac);
    // HMAC-SHA256 with the default provider does not fail; an empty key would match no resident.
    return ok ? hex(mac.data(), n) : std::string{};
}

} // namespace hk::central
