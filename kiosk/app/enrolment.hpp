// Enrolment from the command line (hallkiosk --write-csr / --install-certificate): the installer
// hands the kiosk's certificate request to the district's platform team and installs the
// certificate it issues, which the kiosk then shows the central side over mutual TLS.
#pragma once

#include "config.hpp"
#include "error.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace hk::app {

// Writes the certificate request (PEM; subject CN = config's kiosk id, O = its hall id) of the
// identity in `state_dir`, making the identity first when there is none. Returns a line for the
// installer naming the file and the key id.
[[nodiscard]] Result<std::string> write_certificate_request(const KioskConfig& config,
                                                            const std::filesystem::path& state_dir,
                                                            const std::filesystem::path& out);

// Installs the certificate in `cert_file` for the identity in `state_dir` (see
// DeviceIdentity::install_certificate). Returns a line naming its subject and expiry.
[[nodiscard]] Result<std::string> install_kiosk_certificate(const KioskConfig& config,
                                                            const std::filesystem::path& state_dir,
                                                            const std::filesystem::path& cert_file,
                                                            std::int64_t now_unix);

} // namespace hk::app
