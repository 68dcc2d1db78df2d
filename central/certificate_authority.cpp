// Keys and certificates of the district CA, made and issued with OpenSSL's APIs.
#include "certificate_authority.hpp"

#include "durable_file.hpp"
#include "key_alg.hpp"
#include "signature.hpp"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <array>
#include <vector>

namespace hk::central {
namespace {

using uplink::BioPtr;
using uplink::PkeyPtr;
using uplink::X509Ptr;
using uplink::X509ReqPtr;

struct ExtensionFree {
    void operator()(X509_EXTENSION* e) const { X509_EXTENSION_free(e); }
};

Result<PkeyPtr> make_p256_key()
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    if (!key)
        return fail("cannot make a P-256 key");
    return key;
}

std::string bio_text(BIO* bio)
{
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

Result<std::string> key_pem(EVP_PKEY* key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return fail("cannot write a private key");
    return bio_text(bio.get());
}

Result<std::string> cert_pem(X509* cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        return fail("cannot write a certificate");
    return bio_text(bio.get());
}

struct Extension {
    int nid;
    const char* value;
};

// A certificate for `key` with subject CN `cn`, issued by `issuer` (nullptr: self-signed) with
// `issuer_key`, valid for `days` from a minute before `now_unix`.
Result<X509Ptr> make_certificate(EVP_PKEY* key, std::string_view cn, X509* issuer, EVP_PKEY* issuer_key,
                                 std::int64_t now_unix, int days, const std::vector<Extension>& extensions)
{
    X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1)
        return fail("cannot make a certificate");
    std::array<unsigned char, 16> serial{};
    if (RAND_bytes(serial.data(), serial.size()) != 1)
        return fail("no random bytes for a serial number");
    serial[0] &= 0x7f; // a positive INTEGER (RFC 5280 section 4.1.2.2)
    BIGNUM* bn = BN_bin2bn(serial.data(), serial.size(), nullptr);
    const bool serial_set = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    if (!serial_set)
        return fail("cannot set a serial number");
    auto now = static_cast<time_t>(now_unix);
    if (!X509_time_adj_ex(X509_getm_notBefore(cert.get()), 0, -60, &now) ||
        !X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, 0, &now))
        return fail("cannot set a certificate's validity");
    X509_NAME* name = X509_get_subject_name(cert.get());
    if (X509_NAME_add_entry_by_NID(name, NID_commonName, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(cn.data()), static_cast<int>(cn.size()), -1,
                                   0) != 1)
        return fail("cannot set a certificate's subject");
    if (X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name) != 1 ||
        X509_set_pubkey(cert.get(), key) != 1)
        return fail("cannot set a certificate's issuer or key");
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
    for (const auto& e : extensions) {
        std::unique_ptr<X509_EXTENSION, ExtensionFree> ext(X509V3_EXT_conf_nid(nullptr, &ctx, e.nid, e.value));
        if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1)
            return fail(std::string("cannot add the certificate extension ") + e.value);
    }
    if (X509_sign(cert.get(), issuer_key, EVP_sha256()) <= 0)
        return fail("cannot sign a certificate");
    return cert;
}

Result<void> write_private(const std::filesystem::path& path, const std::string& text)
{
    return uplink::write_file_durably(path, text, 0600, uplink::Existing::keep);
}

// The first PEM object `read` finds in the file at `path`, owned by a `Ptr`.
template <typename Ptr, typename Read>
Result<Ptr> read_pem(const std::filesystem::path& path, Read read, const char* what)
{
    auto text = uplink::read_small_file(path);
    if (!text)
        return std::unexpected(text.error());
    BioPtr bio(BIO_new_mem_buf(text->data(), static_cast<int>(text->size())));
    Ptr object(bio ? read(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!object)
        return fail(path.string() + " holds no " + what);
    return object;
}

} // namespace

Result<void> init_authority(const std::filesystem::path& data_dir, std::int64_t now_unix)
{
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec)
        return fail("cannot create " + data_dir.string() + ": " + ec.message());
    std::filesystem::permissions(data_dir, std::filesystem::perms::owner_all, ec);
    if (std::filesystem::exists(data_dir / kCaKeyFile))
        return fail((data_dir / kCaKeyFile).string() + " is there already: the CA is made once");

    auto ca_key = make_p256_key();
    if (!ca_key)
        return std::unexpected(ca_key.error());
    auto ca = make_certificate(ca_key->get(), "hallkiosk district CA", nullptr, ca_key->get(), now_unix, kCaDays,
                               {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                                {NID_key_usage, "critical,keyCertSign,cRLSign"},
                                {NID_subject_key_identifier, "hash"}});
    if (!ca)
        return std::unexpected(ca.error());
    auto server_key = make_p256_key();
    if (!server_key)
        return std::unexpected(server_key.error());
    auto server = make_certificate(server_key->get(), "localhost", ca->get(), ca_key->get(), now_unix, kServerDays,
                                   {{NID_basic_constraints, "critical,CA:FALSE"},
                                    {NID_key_usage, "critical,digitalSignature"},
                                    {NID_ext_key_usage, "serverAuth"},
                                    {NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost"},
                                    {NID_authority_key_identifier, "keyid"}});
    if (!server)
        return std::unexpected(server.error());

    const std::array<std::pair<std::string_view, Result<std::string>>, 4> files = {{
        {kCaKeyFile, key_pem(ca_key->get())},
        {kCaCertFile, cert_pem(ca->get())},
        {kServerKeyFile, key_pem(server_key->get())},
        {kServerCertFile, cert_pem(server->get())},
    }};
    for (const auto& [name, text] : files) {
        if (!text)
            return std::unexpected(text.error());
        if (auto r = write_private(data_dir / name, *text); !r)
            return r;
    }
    return {};
}

Result<IssuedCertificate> issue_kiosk_certificate(const std::filesystem::path& data_dir, std::string_view csr_pem,
                                                  std::string_view kiosk_id, std::int64_t now_unix)
{
    BioPtr bio(BIO_new_mem_buf(csr_pem.data(), static_cast<int>(csr_pem.size())));
    X509ReqPtr req(bio ? PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    if (!req)
        return fail("not a certificate request (PEM)");
    EVP_PKEY* request_key = X509_REQ_get0_pubkey(req.get());
    const auto alg = request_key ? uplink::key_alg_of(request_key) : std::nullopt;
    if (!alg)
        return fail("the request's key is not ES256, EdDSA or SM2");
    if (*alg == uplink::KeyAlg::sm2) {
        ASN1_OCTET_STRING* id = ASN1_OCTET_STRING_new();
        if (!id || ASN1_OCTET_STRING_set(id, reinterpret_cast<const unsigned char*>(uplink::kSm2DistId.data()),
                                         static_cast<int>(uplink::kSm2DistId.size())) != 1) {
            ASN1_OCTET_STRING_free(id);
            return fail("cannot set the SM2 distinguishing id");
        }
        X509_REQ_set0_distinguishing_id(req.get(), id);
    }
    if (X509_REQ_verify(req.get(), request_key) != 1)
        return fail("the request's signature does not verify");
    std::array<char, 128> cn{};
    const int cn_len = X509_NAME_get_text_by_NID(X509_REQ_get_subject_name(req.get()), NID_commonName, cn.data(),
                                                 static_cast<int>(cn.size()));
    if (cn_len < 0 || std::string_view(cn.data(), static_cast<std::size_t>(cn_len)) != kiosk_id)
        return fail("the request's common name is not the kiosk id " + std::string(kiosk_id));

    auto ca_key = read_pem<PkeyPtr>(data_dir / kCaKeyFile, PEM_read_bio_PrivateKey, "private key");
    if (!ca_key)
        return std::unexpected(ca_key.error());
    auto ca = read_pem<X509Ptr>(data_dir / kCaCertFile, PEM_read_bio_X509, "certificate");
    if (!ca)
        return std::unexpected(ca.error());
    auto cert = make_certificate(request_key, kiosk_id, ca->get(), ca_key->get(), now_unix, kKioskDays,
                                 {{NID_basic_constraints, "critical,CA:FALSE"},
                                  {NID_key_usage, "critical,digitalSignature"},
                                  {NID_ext_key_usage, "clientAuth"},
                                  {NID_authority_key_identifier, "keyid"}});
    if (!cert)
        return std::unexpected(cert.error());
    auto pem = cert_pem(cert->get());
    if (!pem)
        return std::unexpected(pem.error());
    EVP_PKEY_up_ref(request_key);
    return IssuedCertificate{std::move(*pem), PkeyPtr(request_key)};
}

} // namespace hk::central
