// The kiosk's own key pair: made on first start, kept in the state folder, the one key that signs
// every record this kiosk sends and (with the certificate the district issues for it) its TLS
// client identity; and the new key that may be waiting to take its place at the next start.
#pragma once

#include "error.hpp"
#include "key_alg.hpp"
#include "openssl_owners.hpp"
#include "signature.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

// What the maintenance screen shows of the installed certificate.
struct CertificateInfo {
    std::string subject;         // one line, RFC 2253 ("CN=kiosk-7,O=Futian")
    std::string not_after;       // RFC 3339 UTC
    std::int64_t not_after_unix; // seconds
};

// What install_certificate did.
struct InstalledCertificate : CertificateInfo {
    std::string kid; // of the key the certificate is for
    // For the pending key: it and this certificate take the place of the current ones when the
    // kiosk starts again; until then the current key signs and the current certificate is shown.
    bool at_next_start = false;
};

// A new key of the identity's algorithm waiting to take over (docs/records.md, "Changing the
// key"). It signs nothing until its certificate is installed and the kiosk starts again.
struct NextKey {
    std::string kid;
    std::optional<CertificateInfo> certificate; // installed: it takes over at the next start
};

// What make_next_key_request gives the district.
struct NextKeyRequest {
    std::string csr; // PKCS#10 PEM signed by the pending key, subject as make_csr's
    std::string kid; // the pending key's
};

class DeviceIdentity {
public:
    // Folder and file names under the state folder.
    static constexpr std::string_view kFolder = "identity";   // mode 0700
    static constexpr std::string_view kKeyFile = "key.pem";   // PKCS#8 PEM, mode 0600
    static constexpr std::string_view kCertFile = "cert.pem"; // the installed certificate

    // Loads the key in `state_dir`/identity, or makes one of `wanted` when there is none. A key
    // that is there is kept even if it is of another algorithm than `wanted`, and notices() says
    // so: a kiosk whose identity changed would break its record chain and its enrolment. A key
    // file that cannot be read is an error, never a reason to make a new key. A pending key whose
    // certificate was installed takes over first (finish_key_change), the old key kept; this is
    // the one moment the signing key changes, never in a running process.
    [[nodiscard]] static Result<DeviceIdentity> load_or_create(const std::filesystem::path& state_dir, KeyAlg wanted);

    KeyAlg alg() const { return alg_; }
    // RFC 7638 thumbprint of the public key: the JWS "kid" and the kiosk's key id at the centre.
    const std::string& kid() const { return kid_; }
    const nlohmann::json& public_jwk() const { return jwk_; }
    // The key as OpenSSL holds it (public and private); owned by this identity.
    EVP_PKEY* key() const { return key_.get(); }
    const std::filesystem::path& key_file() const { return key_file_; }
    std::filesystem::path certificate_file() const;

    // The raw signature of `data` (ES256 and SM2: r||s, EdDSA: 64 bytes). Safe to call from
    // several threads at once.
    [[nodiscard]] Result<std::vector<std::uint8_t>> sign(std::span<const std::uint8_t> data) const;
    [[nodiscard]] Result<std::vector<std::uint8_t>> sign(std::string_view data) const;

    // A PKCS#10 request (PEM) with subject CN = `kiosk_id`, O = `district`, signed by this key
    // (SM2: with SM3 and the distinguishing id kSm2DistId).
    [[nodiscard]] Result<std::string> make_csr(std::string_view kiosk_id, std::string_view district) const;

    // Installs the certificate the district issued (PEM), valid at `now_unix`. One for this key
    // (a renewal) is kept as cert.pem and shown by certificate() at once; one for the pending key
    // as next-cert.pem, and the pending key takes over at the next start (at_next_start). A
    // certificate for neither is refused.
    [[nodiscard]] Result<InstalledCertificate> install_certificate(std::string_view pem, std::int64_t now_unix);
    const std::optional<CertificateInfo>& certificate() const { return certificate_; }

    // The request for a certificate for a new key (subject as make_csr's): the pending key,
    // next-key.pem in the identity folder (0600, written as key.pem is), made now if there is none
    // and reused if there is, so that asking again gives a request for the same key. The current
    // key goes on signing. Neither this nor install_certificate touches what sign() uses, so a
    // record may be signed on another thread meanwhile.
    [[nodiscard]] Result<NextKeyRequest> make_next_key_request(std::string_view kiosk_id, std::string_view district);
    const std::optional<NextKey>& next_key() const { return next_; }

    // 32 bytes for the store's encryption of personal fields: HKDF-SHA256 (RFC 5869) of the
    // private key with info "hallkiosk store v1". The same for the kiosk's life: once its key has
    // changed, it is derived from its first key (first-key.pem), which the store's rows are
    // sealed with.
    [[nodiscard]] Result<std::array<std::uint8_t, 32>> data_key() const;

    // What the operator should know about the identity as loaded (a key of another algorithm than
    // config asks for, a certificate left out because it no longer fits); one sentence each.
    const std::vector<std::string>& notices() const { return notices_; }

private:
    DeviceIdentity() = default;
    // next-key.pem into next_key_ and next_, with next-cert.pem when it is for that key.
    [[nodiscard]] Result<void> read_next_key();

    KeyAlg alg_ = KeyAlg::es256;
    PkeyPtr key_;
    std::optional<Signer> signer_; // key_'s, ready
    std::string kid_;
    nlohmann::json jwk_;
    std::filesystem::path folder_;
    std::filesystem::path key_file_;
    std::optional<CertificateInfo> certificate_;
    PkeyPtr next_key_; // the pending key, when there is one
    std::optional<NextKey> next_;
    PkeyPtr first_key_; // when the key has changed: the data key's source
    std::vector<std::string> notices_;
};

} // namespace hk::uplink
