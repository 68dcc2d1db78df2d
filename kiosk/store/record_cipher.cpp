// The outbox's AES-256-GCM sealing and SHA-256 chain hashes, on OpenSSL 3's EVP interface.
#include "record_cipher.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace hk::store {

namespace {

struct CipherCtxFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;

const unsigned char* bytes_of(std::string_view s)
{
    return reinterpret_cast<const unsigned char*>(s.data());
}

} // namespace

std::optional<DataKey> DataKey::from(std::span<const std::uint8_t> bytes)
{
    if (bytes.size() != kSize)
        return std::nullopt;
    DataKey k;
    std::copy(bytes.begin(), bytes.end(), k.bytes_.begin());
    return k;
}

DataKey::~DataKey()
{
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

std::optional<std::vector<std::uint8_t>> seal(const DataKey& key, std::string_view plain, std::string_view aad)
{
    std::vector<std::uint8_t> out(kNonceSize + plain.size() + kTagSize);
    if (RAND_bytes(out.data(), static_cast<int>(kNonceSize)) != 1)
        return std::nullopt;
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int n = 0;
    int tail = 0;
    // GCM's default IV length is 12 bytes, the nonce size used here.
    const bool ok = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), out.data()) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), nullptr, &n, bytes_of(aad), static_cast<int>(aad.size())) == 1 &&
                    EVP_EncryptUpdate(ctx.get(), out.data() + kNonceSize, &n, bytes_of(plain),
                                      static_cast<int>(plain.size())) == 1 &&
                    EVP_EncryptFinal_ex(ctx.get(), out.data() + kNonceSize + n, &tail) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize),
                                        out.data() + kNonceSize + plain.size()) == 1;
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<std::string> unseal(const DataKey& key, std::span<const std::uint8_t> sealed, std::string_view aad)
{
    if (sealed.size() < kNonceSize + kTagSize)
        return std::nullopt;
    const std::size_t length = sealed.size() - kNonceSize - kTagSize;
    std::string plain(length, '\0');
    // OpenSSL takes the expected tag through a non-const pointer; it only reads it.
    std::array<unsigned char, kTagSize> tag{};
    std::copy(sealed.end() - kTagSize, sealed.end(), tag.begin());
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int n = 0;
    int tail = 0;
    auto* out = reinterpret_cast<unsigned char*>(plain.data());
    const bool ok = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.bytes().data(), sealed.data()) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), nullptr, &n, bytes_of(aad), static_cast<int>(aad.size())) == 1 &&
                    EVP_DecryptUpdate(ctx.get(), out, &n, sealed.data() + kNonceSize, static_cast<int>(length)) == 1 &&
                    EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagSize), tag.data()) == 1 &&
                    EVP_DecryptFinal_ex(ctx.get(), out + n, &tail) == 1;
    if (!ok) {
        OPENSSL_cleanse(plain.data(), plain.size());
        return std::nullopt;
    }
    return plain;
}

std::string sha256_hex(std::string_view bytes)
{
    std::array<unsigned char, 32> digest{};
    unsigned int size = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * size);
    for (unsigned int i = 0; i < size; ++i) {
        hex.push_back(kHex[digest[i] >> 4]);
        hex.push_back(kHex[digest[i] & 0x0F]);
    }
    return hex;
}

} // namespace hk::store
