// PEM in and out of OpenSSL for the identity's files.
#include "identity_pem.hpp"

#include "durable_file.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

namespace hk::uplink {

namespace {

// OpenSSL would otherwise ask on the terminal for the passphrase of an encrypted PEM.
int no_passphrase(char*, int, int, void*)
{
    return -1;
}

} // namespace

SecretText::~SecretText()
{
    OPENSSL_cleanse(text.data(), text.size());
}

bool private_pem(EVP_PKEY* key, SecretText& out)
{
    // Memory OpenSSL wipes when the BIO goes.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        ERR_clear_error();
        return false;
    }
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio.get(), &data);
    out.text.assign(data, static_cast<std::size_t>(len));
    return true;
}

Result<PkeyPtr> read_private_key(const std::filesystem::path& path)
{
    SecretText pem;
    {
        auto text = read_small_file(path);
        if (!text)
            return std::unexpected(text.error());
        pem.text = std::move(*text);
    }
    BioPtr bio(BIO_new_mem_buf(pem.text.data(), static_cast<int>(pem.text.size())));
    PkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!key)
        return fail(path.string() + " is not a readable private key (PEM, PKCS#8)");
    return key;
}

Result<X509Ptr> read_certificate(std::string_view pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509Ptr cert(bio ? PEM_read_bio_X509(bio.get(), nullptr, no_passphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!cert)
        return fail("not a PEM certificate");
    return cert;
}

bool certifies(X509* cert, EVP_PKEY* key)
{
    EVP_PKEY* cert_key = X509_get0_pubkey(cert);
    const bool same = cert_key && key && EVP_PKEY_eq(cert_key, key) == 1;
    ERR_clear_error();
    return same;
}

} // namespace hk::uplink
