// The district's own certificate authority for kiosk traffic: a CA key and certificate, the
// server's certificate for 127.0.0.1 and localhost, and kiosks' client certificates issued from
// their certificate requests. OpenSSL's EVP and X509 interfaces; every key file 0600.
#pragma once

#include "error.hpp"
#include "openssl_owners.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace hk::central {

// Files in the data folder.
inline constexpr std::string_view kCaKeyFile = "ca-key.pem";
inline constexpr std::string_view kCaCertFile = "ca-cert.pem"; // what kiosks pin ([central] ca_file)
inline constexpr std::string_view kServerKeyFile = "server-key.pem";
inline constexpr std::string_view kServerCertFile = "server-cert.pem";

inline constexpr int kCaDays = 3650;
inline constexpr int kServerDays = 825;
inline constexpr int kKioskDays = 825;

// Makes the CA (ECDSA P-256, "hallkiosk district CA") and a server certificate it issues with
// subjectAltName IP 127.0.0.1 and DNS localhost, valid from `now_unix`. Refuses to overwrite a CA
// that is already there: every kiosk enrolled under it would be locked out.
[[nodiscard]] Result<void> init_authority(const std::filesystem::path& data_dir, std::int64_t now_unix);

struct IssuedCertificate {
    std::string pem;     // the kiosk's client certificate
    uplink::PkeyPtr key; // the public key of the request, to register with the kiosk
};

// Issues a client certificate (CN = `kiosk_id`, extendedKeyUsage clientAuth) for the request in
// `csr_pem`: its signature must verify (SM2 requests with the distinguishing id of
// docs/records.md) and its subject CN must be `kiosk_id`.
[[nodiscard]] Result<IssuedCertificate> issue_kiosk_certificate(const std::filesystem::path& data_dir,
                                                                std::string_view csr_pem, std::string_view kiosk_id,
                                                                std::int64_t now_unix);

} // namespace hk::central
