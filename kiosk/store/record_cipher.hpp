// AES-256-GCM through OpenSSL 3's EVP for the outbox's sealed records: a random 12-byte nonce
// per row, the row's identity as associated data (so a sealed blob moved to another row fails),
// and a 16-byte tag. Blob layout: nonce | ciphertext | tag.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::store {

// The 32-byte data key, wiped when dropped.
class DataKey {
public:
    static constexpr std::size_t kSize = 32;
    // Empty unless `bytes` holds exactly kSize bytes.
    static std::optional<DataKey> from(std::span<const std::uint8_t> bytes);

    ~DataKey();
    DataKey(const DataKey&) = default;
    DataKey& operator=(const DataKey&) = default;

    const std::array<std::uint8_t, kSize>& bytes() const { return bytes_; }

private:
    DataKey() = default;
    std::array<std::uint8_t, kSize> bytes_{};
};

inline constexpr std::size_t kNonceSize = 12;
inline constexpr std::size_t kTagSize = 16;

// Empty only when OpenSSL fails (no randomness, no AES-GCM).
std::optional<std::vector<std::uint8_t>> seal(const DataKey& key, std::string_view plain, std::string_view aad);

// Empty when the blob is too short or its tag does not match (changed bytes, another row's blob,
// another key). Nothing of a failed decryption is returned.
std::optional<std::string> unseal(const DataKey& key, std::span<const std::uint8_t> sealed, std::string_view aad);

// Lower-case hex SHA-256 of `bytes`: the chain hash of a record.
std::string sha256_hex(std::string_view bytes);

} // namespace hk::store
