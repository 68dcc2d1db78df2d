// The device identity on disk: the private key PKCS#8 PEM in a 0700 folder, 0600 file, written
// durably once and then only read; the certificate beside it; a pending next key and its
// certificate until they take over at a start (key_change.hpp).
#include "device_identity.hpp"

#include "durable_file.hpp"
#include "identity_pem.hpp"
#include "jwk.hpp"
#include "key_change.hpp"
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

// Why `cert` is not valid at `now`, if it is not.
std::optional<std::string> validity_problem(X509* cert, std::int64_t now_unix)
{
    std::time_t now = static_cast<std::time_t>(now_unix);
    // X509_cmp_time: -1 when the certificate's time is before `now`, 1 after, 0 on error.
    if (X509_cmp_time(X509_get0_notBefore(cert), &now) != -1)
        return "the certificate is not valid yet";
    if (X509_cmp_time(X509_get0_notAfter(cert), &now) != 1)
        return "the certificate has expired";
    return std::nullopt;
}

// The installed certificate in `file` when it is for `key`; otherwise nothing, and a notice.
std::optional<CertificateInfo> certificate_in(const std::filesystem::path& file, EVP_PKEY* key,
                                              std::vector<std::string>& notices)
{
    auto text = read_small_file(file);
    auto cert = text ? read_certificate(*text) : Result<X509Ptr>(std::unexpected(text.error()));
    auto info = cert ? info_of(cert->get()) : Result<CertificateInfo>(std::unexpected(cert.error()));
    if (!info) {
        notices.push_back(file.string() + ": " + info.error().message + "; not used");
        return std::nullopt;
    }
    if (!certifies(cert->get(), key)) {
        notices.push_back(file.string() + " is for another key; not used");
        return std::nullopt;
    }
    return std::move(*info);
}

// Why a certificate request cannot have this subject, if it cannot.
std::optional<std::string> subject_problem(std::string_view kiosk_id, std::string_view district)
{
    // X.520's upper bound for both attributes (ub-common-name, ub-organization-name).
    constexpr std::size_t kMaxName = 64;
    if (kiosk_id.empty() || district.empty() || kiosk_id.size() > kMaxName || district.size() > kMaxName)
        return "a kiosk id and a district of 1 to 64 bytes are needed for a certificate request";
    return std::nullopt;
}

// A PKCS#10 request for `key` with subject CN = `kiosk_id`, O = `district`.
Result<std::string> certificate_request(EVP_PKEY* key, KeyAlg alg, std::string_view kiosk_id, std::string_view district)
{
    if (auto problem = subject_problem(kiosk_id, district))
        return fail(*problem);
    X509ReqPtr req(X509_REQ_new());
    if (!req)
        return fail("out of memory for a certificate request");
    X509_NAME* name = X509_REQ_get_subject_name(req.get());
    const auto* o = reinterpret_cast<const unsigned char*>(district.data());
    const auto* cn = reinterpret_cast<const unsigned char*>(kiosk_id.data());
    if (X509_REQ_set_version(req.get(), X509_REQ_VERSION_1) != 1 ||
        X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, o, static_cast<int>(district.size()), -1, 0) != 1 ||
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, cn, static_cast<int>(kiosk_id.size()), -1, 0) != 1 ||
        X509_REQ_set_pubkey(req.get(), key) != 1) {
        ERR_clear_error();
        return fail("the certificate request's subject cannot be set (is the text UTF-8?)");
    }
    auto ctx = DigestContext::open(key, alg, DigestContext::Purpose::sign);
    if (!ctx)
        return std::unexpected(ctx.error());
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (X509_REQ_sign_ctx(req.get(), ctx->get()) <= 0 || !bio || PEM_write_bio_X509_REQ(bio.get(), req.get()) != 1) {
        ERR_clear_error();
        return fail("OpenSSL cannot sign a certificate request with " + std::string(jws_alg(alg)));
    }
    return bio_text(bio.get());
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

    if (auto changed = finish_key_change(id.folder_); !changed)
        id.notices_.push_back("the key change is not finished: " + changed.error().message +
                              "; it is tried again at the next start");
    else if (*changed)
        id.notices_.push_back(std::move(**changed));

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
    auto key = read_private_key(id.key_file_);
    if (!key)
        return fail(key.error().message + "; the kiosk will not make a new identity in its place: restore the file, "
                                          "or enrol the kiosk again with a new identity folder");
    id.key_ = std::move(*key);
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

    if (std::filesystem::exists(id.certificate_file(), ec))
        id.certificate_ = certificate_in(id.certificate_file(), id.key_.get(), id.notices_);

    // Without the first key the store's sealed rows could not be read: better stopped than a
    // store that seems empty.
    const auto first_key_file = id.folder_ / kFirstKeyFile;
    if (std::filesystem::exists(first_key_file, ec)) {
        auto first = read_private_key(first_key_file);
        if (!first)
            return fail(first.error().message + "; the store's data key is derived from it: restore the file");
        id.first_key_ = std::move(*first);
    }
    if (std::filesystem::exists(id.folder_ / kNextKeyFile, ec))
        if (auto next = id.read_next_key(); !next)
            id.notices_.push_back(next.error().message);
    return id;
}

Result<void> DeviceIdentity::read_next_key()
{
    const auto file = folder_ / kNextKeyFile;
    auto key = read_private_key(file);
    if (!key)
        return fail(key.error().message + "; remove it to make another pending key");
    if (key_alg_of(key->get()) != alg_)
        return fail(file.string() + " is not an " + std::string(jws_alg(alg_)) +
                    " key as the identity's is; remove it to make another pending key");
    auto kid = key_thumbprint(key->get());
    if (!kid)
        return std::unexpected(kid.error());
    NextKey next{std::move(*kid), std::nullopt};
    const auto cert_file = folder_ / kNextCertFile;
    std::error_code ec;
    if (std::filesystem::exists(cert_file, ec))
        next.certificate = certificate_in(cert_file, key->get(), notices_);
    next_key_ = std::move(*key);
    next_ = std::move(next);
    return {};
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
    return certificate_request(key_.get(), alg_, kiosk_id, district);
}

Result<NextKeyRequest> DeviceIdentity::make_next_key_request(std::string_view kiosk_id, std::string_view district)
{
    if (auto problem = subject_problem(kiosk_id, district))
        return fail(*problem);
    if (!next_key_) {
        const auto file = folder_ / kNextKeyFile;
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) {
            PkeyPtr key = generate(alg_);
            SecretText pem;
            if (!key || !private_pem(key.get(), pem))
                return fail("OpenSSL cannot make a " + std::string(jws_alg(alg_)) + " key");
            auto written = write_file_durably(file, pem.text, kKeyMode, Existing::keep);
            // Another process may have made one a moment ago; then that one is the pending key.
            if (!written && !std::filesystem::exists(file, ec))
                return std::unexpected(written.error());
        }
        if (auto read = read_next_key(); !read)
            return std::unexpected(read.error());
    }
    auto csr = certificate_request(next_key_.get(), alg_, kiosk_id, district);
    if (!csr)
        return std::unexpected(csr.error());
    return NextKeyRequest{std::move(*csr), next_->kid};
}

Result<InstalledCertificate> DeviceIdentity::install_certificate(std::string_view pem, std::int64_t now_unix)
{
    auto cert = read_certificate(pem);
    if (!cert)
        return std::unexpected(cert.error());
    std::error_code ec;
    // A pending key another process made since this identity was loaded counts too.
    if (!next_key_ && std::filesystem::exists(folder_ / kNextKeyFile, ec))
        (void)read_next_key();
    const bool for_current = certifies(cert->get(), key_.get());
    if (!for_current && !(next_key_ && certifies(cert->get(), next_key_.get())))
        return fail(next_key_ ? "the certificate is for another key than this kiosk's or its pending new one"
                              : "the certificate is for another key than this kiosk's");
    if (auto why = validity_problem(cert->get(), now_unix))
        return fail(*why);
    auto info = info_of(cert->get());
    if (!info)
        return std::unexpected(info.error());
    const auto file = for_current ? certificate_file() : folder_ / kNextCertFile;
    if (auto written = write_file_durably(file, pem, kCertMode); !written)
        return std::unexpected(written.error());
    if (for_current) {
        certificate_ = *info;
        return InstalledCertificate{*info, kid_, false};
    }
    next_->certificate = *info;
    return InstalledCertificate{*info, next_->kid, true};
}

Result<std::array<std::uint8_t, 32>> DeviceIdentity::data_key() const
{
    // The private scalar (EC, SM2) or seed (Ed25519) is the input keying material; no salt
    // (RFC 5869 section 2.2: a string of zeros), which is fine for a uniformly random key.
    EVP_PKEY* source = first_key_ ? first_key_.get() : key_.get();
    std::array<std::uint8_t, 32> ikm{};
    bool have = false;
    if (key_alg_of(source) == KeyAlg::eddsa) {
        std::size_t len = ikm.size();
        have = EVP_PKEY_get_raw_private_key(source, ikm.data(), &len) == 1 && len == ikm.size();
    } else {
        BIGNUM* priv = nullptr;
        if (EVP_PKEY_get_bn_param(source, OSSL_PKEY_PARAM_PRIV_KEY, &priv) == 1) {
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
