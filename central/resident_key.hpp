// How the central side names a resident without keeping the ID number as a key: HMAC-SHA256 of
// the ID number under a random secret made once in the data folder (OpenSSL 3 EVP_MAC). The same
// resident at any kiosk gets the same key; the table of keys says nothing without the secret.
#pragma once

#include "error.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace hk::central {

inline constexpr std::string_view kResidentSecretFile = "resident-secret"; // 32 random bytes, hex, 0600

class ResidentKeys {
public:
    // The secret of `data_dir`, made when it is not there yet.
    [[nodiscard]] static Result<ResidentKeys> open(const std::filesystem::path& data_dir);
    // Lower-case hex HMAC-SHA256 of `id_number`.
    std::string key_of(std::string_view id_number) const;

private:
    explicit ResidentKeys(std::string secret) : secret_(std::move(secret)) {}
    std::string secret_; // raw bytes
};

} // namespace hk::central
