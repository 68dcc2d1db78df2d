// The identity's PEM files read and written through memory that is wiped: private keys (PKCS#8,
// never behind a passphrase) and certificates. Shared by the identity and its key change.
#pragma once

#include "error.hpp"
#include "openssl_owners.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace hk::uplink {

// Text that holds key material, wiped when it goes.
struct SecretText {
    std::string text;
    SecretText() = default;
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    ~SecretText();
};

// The PKCS#8 PEM of `key` in `out`; false when OpenSSL cannot write it.
[[nodiscard]] bool private_pem(EVP_PKEY* key, SecretText& out);

// The private key in the PEM file at `path`; an error naming the file when it cannot be read or
// holds no unencrypted private key.
[[nodiscard]] Result<PkeyPtr> read_private_key(const std::filesystem::path& path);

// The first certificate in `pem`.
[[nodiscard]] Result<X509Ptr> read_certificate(std::string_view pem);

// Whether `cert` is for `key` (the same public key).
[[nodiscard]] bool certifies(X509* cert, EVP_PKEY* key);

} // namespace hk::uplink
