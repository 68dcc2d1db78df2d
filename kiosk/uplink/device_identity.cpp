// The device identity on disk: the private key PKCS#8 PEM in a 0700 folder, 0600 file, written
// durably once and then only read; the certificate beside it.
#include "device_identity.hpp"

#include "durable_file.hpp"
#include "jwk.hpp"
#include "rfc3339.hpp"
#include "signature.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <ctime>

namespace hk::uplink {

namespace {

constexpr mode_t kFolderMode = 0700;
constexpr mode_t kKeyMode = 0600;
constexpr mode_t kCertMode = 0644; // public
constexpr std::string_view kDataKeyInfo = "hallkiosk store v1";

// OpenSSL would otherwise ask on the terminal for the passphrase of an encrypted PEM.
int no_passphrase(char*, int, int, void*)
{
    return -1;
}

// Text that holds key material, wiped when it goes.
struct SecretText {
    std::string text;
    SecretText() = default;
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    ~SecretText() { OPENSSL_cleanse(text.data(), text.size()); }
};

PkeyPtr generate(KeyAlg alg)
{
    const char* type = alg == KeyAlg::eddsa ? "ED25519" : alg == KeyAlg::sm2 ? "SM2" : "EC";
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY* key = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
        (alg == KeyAlg::es256 && EVP_PKEY_CTX_set_group_name(ctx.get(), "P-256") != 1) ||
        EVP_PKEY_generate(ctx.get(), &key) != 1) {
        ERR_clear_error();
        return nullptr;
    }
    return PkeyPtr(key);
}

// The PKCS#8 PEM of `key`, through memory OpenSSL wipes when the BIO goes.
bool private_pem(EVP_PKEY* key, SecretText& out)
{
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

std::string bio_text(BIO* bio)
{
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return len > 0 ? std::string(data, static_cast<std::size_t>(len)) : std::string();
}

// Makes `folder` if it is not there; takes group and other access away if it is.
Result<bool> ensure_private_folder(const std::filesystem::path& folder)
{
    std::error_code ec;
    std::filesystem::create_directories(folder.parent_path(), ec);
    if (::mkdir(folder.c_str(), kFolderMode) == 0)
        return false;
    if (errno != EEXIST)
        return fail("cannot make " + folder.string() + ": " + std::strerror(errno));
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
        return fail(folder.string() + " is not a folder");
    if ((st.st_mode & 077) == 0)
        return false;
    if (::chmod(folder.c_str(), kFolderMode) != 0)
        return fail("cannot restrict " + folder.string() + ": " + std::strerror(errno));
    return true;
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

Result<CertificateInfo> info_of(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    std::tm tm{};
    if (!bio || X509_NAME_print_ex(bio.get(), X509_get_subject_name(cert), 0, XN_FLAG_RFC2253) < 0 ||
        ASN1_TIME_to_tm(X509_get0_notAfter(cert), &tm) != 1) {
        ERR_clear_error();
        return fail("the certificate's subject or end of validity cannot be read");
    }
    CertificateInfo info;
    info.subject = bio_text(bio.get());
    info.not_after_unix = static_cast<std::int64_t>(timegm(&tm));
    info.not_after = format_rfc3339_utc(info.not_after_unix);
    return info;
}

// Why `cert` does not fit `key` at `now`, if it does not.
std::optional<std::string> misfit(X509* cert, EVP_PKEY* key, std::int64_t now_unix)
{
    EVP_PKEY* cert_key = X509_get0_pubkey(cert);
    if (!cert_key || EVP_PKEY_eq(cert_key, key) != 1) {
        ERR_clear_error();
        return "the certificate is for another key than this kiosk's";
    }
    std::time_t now = static_cast<std::time_t>(now_unix);
    // X509_cmp_time: -1 when the certificate's time is before `now`, 1 after, 0 on error.
    if (X509_cmp_time(X509_get0_notBefore(cert), &now) != -1)
        return "the certificate is not valid yet";
    if (X509_cmp_time(X509_get0_notAfter(cert), &now) != 1)
        return "the certificate has expired";
    return std::nullopt;
}

} // namespace

Result<DeviceIdentity> DeviceIdentity::load_or_create(const std::filesystem::path& state_dir, KeyAlg wanted)
{
    DeviceIdentity id;
    id.folder_ = state_dir / kFolder;
    id.key_file_ = id.folder_ / kKeyFile;
    auto restricted = ensure_private_folder(id.folder_);
    if (!restricted)
        return std::unexpected(restricted.error());
    if (*restricted)
        id.notices_.push_back(id.folder_.string() + " was open to other users; it is restricted to the kiosk now");

    std::error_code ec;
    if (!std::filesystem::exists(id.key_file_, ec)) {
        if (std::filesystem::exists(id.certificate_file(), ec))
            return fail(id.key_file_.string() + " is missing while a certificate is there: the kiosk's key is lost; "
                                                "restore it, or enrol the kiosk again with a new identity folder");
        PkeyPtr key = generate(wanted);
        SecretText pem;
        if (!key || !private_pem(key.get(), pem))
            return fail("OpenSSL cannot make a " + std::string(jws_alg(wanted)) + " key");
        auto written = write_file_durably(id.key_file_, pem.text, kKeyMode, Existing::keep);
        // Another process may have made the key a moment ago; then that one is read below.
        if (!written && !std::filesystem::exists(id.key_file_, ec))
            return std::unexpected(written.error());
    }

    struct stat st {};
    if (::stat(id.key_file_.c_str(), &st) != 0)
        return fail("cannot read " + id.key_file_.string() + ": " + std::strerror(errno));
    if ((st.st_mode & 077) != 0) {
        if (::chmod(id.key_file_.c_str(), kKeyMode) != 0)
            return fail("cannot restrict " + id.key_file_.string() + ": " + std::strerror(errno));
        id.notices_.push_back(id.key_file_.string() + " was readable by other users; it is restricted now");
    }
    SecretText pem;
    {
        auto text = read_small_file(id.key_file_);
        if (!text)
            return std::unexpected(text.error());
        pem.text = std::move(*text);
    }
    BioPtr bio(BIO_new_mem_buf(pem.text.data(), static_cast<int>(pem.text.size())));
    id.key_.reset(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, no_passphrase, nullptr) : nullptr);
    ERR_clear_error();
    if (!id.key_)
        return fail(id.key_file_.string() +
                    " is not a readable private key (PEM, PKCS#8); the kiosk will not make a new identity "
                    "in its place: restore the file, or enrol the kiosk again with a new identity folder");
    const auto alg = key_alg_of(id.key_.get());
    if (!alg)
        return fail(id.key_file_.string() + " holds a key of a kind the kiosk does not sign with");
    id.alg_ = *alg;
    auto signer = Signer::open(id.key_.get(), id.alg_);
    if (!signer)
        return fail(id.key_file_.string() + ": " + signer.error().message);
    id.signer_ = std::move(*signer);
    if (id.alg_ != wanted)
        id.notices_.push_back("the identity key is " + std::string(jws_alg(id.alg_)) + " while config asks for " +
                              std::string(jws_alg(wanted)) +
                              "; the key is kept (a new one would break this kiosk's record chain and enrolment)");
    auto jwk = uplink::public_jwk(id.key_.get());
    if (!jwk)
        return std::unexpected(jwk.error());
    id.jwk_ = std::move(*jwk);
    auto kid = jwk_thumbprint(id.jwk_);
    if (!kid)
        return std::unexpected(kid.error());
    id.kid_ = std::move(*kid);

    if (std::filesystem::exists(id.certificate_file(), ec)) {
        auto text = read_small_file(id.certificate_file());
        auto cert = text ? read_certificate(*text) : Result<X509Ptr>(std::unexpected(text.error()));
        auto info = cert ? info_of(cert->get()) : Result<CertificateInfo>(std::unexpected(cert.error()));
        if (!info)
            id.notices_.push_back(id.certificate_file().string() + ": " + info.error().message + "; not used");
        else if (EVP_PKEY_eq(X509_get0_pubkey(cert->get()), id.key_.get()) != 1)
            id.notices_.push_back(id.certificate_file().string() + " is for another key; not used");
        else
            id.certificate_ = std::move(*info);
        ERR_clear_error();
    }
    return id;
}

std::filesystem::path DeviceIdentity::certificate_file() const
{
    return folder_ / kCertFile;
}

Result<std::vector<std::uint8_t>> DeviceIdentity::sign(std::span<const std::uint8_t> data) const
{
    return signer_->sign(data);
}

Result<std::vector<std::uint8_t>> DeviceIdentity::sign(std::string_view data) const
{
    return signer_->sign(std::span(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()));
}

Result<std::string> DeviceIdentity::make_csr(std::string_view kiosk_id, std::string_view district) const
{
    // X.520's upper bound for both attributes (ub-common-name, ub-organization-name).
    constexpr std::size_t kMaxName = 64;
    if (kiosk_id.empty() || district.empty() || kiosk_id.size() > kMaxName || district.size() > kMaxName)
        return fail("a kiosk id and a district of 1 to 64 bytes are needed for a certificate request");
    X509ReqPtr req(X509_REQ_new());
    if (!req)
        return fail("out of memory for a certificate request");
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    const auto* o = reinterpret_cast<const unsigned char*>(district.data());
    const auto* cn = reinterpret_cast<const unsigned char*>(kiosk_id.data());
    if (X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1 ||
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, o, static_cast<int>(district.size()), -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, cn, static_cast<int>(kiosk_id.size()), -1, 0) != 1 ||
        X509_REQ_set_pubkey(req.get(), key_.get()) != 1) {
        ERR_clear_error();
        return fail("the certificate request's subject cannot be set (is the text UTF-8?)");
    }
    auto ctx = DigestContext::open(key_.get(), alg_, DigestContext::Purpose::sign);
    if (!ctx)
        return std::unexpected(ctx.error());
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (X509_REQ_sign_ctx(req.get(), ctx->get()) <= 0 || !bio || PEM_write_bio_X509_REQ(bio.get(), req.get()) != 1) {
        ERR_clear_error();
        return fail("OpenSSL cannot sign a certificate request with " + std::string(jws_alg(alg_)));
    }
    return bio_text(bio.get());
}

Result<CertificateInfo> DeviceIdentity::install_certificate(std::string_view pem, std::int64_t now_unix)
{
    auto cert = read_certificate(pem);
    if (!cert)
        return std::unexpected(cert.error());
    if (auto why = misfit(cert->get(), key_.get(), now_unix))
        return fail(*why);
    auto info = info_of(cert->get());
    if (!info)
        return info;
    if (auto written = write_file_durably(certificate_file(), pem, kCertMode); !written)
        return std::unexpected(written.error());
    certificate_ = *info;
    return info;
}

Result<std::array<std::uint8_t, 32>> DeviceIdentity::data_key() const
{
    // The private scalar (EC, SM2) or seed (Ed25519) is the input keying material; no salt
    // (RFC 5869 section 2.2: a string of zeros), which is fine for a uniformly random key.
    std::array<std::uint8_t, 32> ikm{};
    bool have = false;
    if (alg_ == KeyAlg::eddsa) {
        std::size_t len = ikm.size();
        have = EVP_PKEY_get_raw_private_key(key_.get(), ikm.data(), &len) == 1 && len == ikm.size();
    } else {
        BIGNUM* priv = nullptr;
        if (EVP_PKEY_get_bn_param(key_.get(), OSSL_PKEY_PARAM_PRIV_KEY, &priv) == 1) {
            have = BN_bn2binpad(priv, ikm.data(), static_cast<int>(ikm.size())) == static_cast<int>(ikm.size());
            BN_clear_free(priv);
        }
    }
    std::array<std::uint8_t, 32> out{};
    KdfPtr kdf(have ? EVP_KDF_fetch(nullptr, "HKDF", nullptr) : nullptr);
    KdfCtxPtr ctx(kdf ? EVP_KDF_CTX_new(kdf.get()) : nullptr);
    char digest[] = "SHA256";
    std::string info(kDataKeyInfo);
    const std::array params{OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
                            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikm.data(), ikm.size()),
                            OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info.data(), info.size()),
                            OSSL_PARAM_construct_end()};
    const bool ok = ctx && EVP_KDF_derive(ctx.get(), out.data(), out.size(), params.data()) == 1;
    OPENSSL_cleanse(ikm.data(), ikm.size());
    ERR_clear_error();
    if (!ok)
        return fail("the data key cannot be derived from the identity key");
    return out;
}

} // namespace hk::uplink
