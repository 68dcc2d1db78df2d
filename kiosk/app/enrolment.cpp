// The enrolment commands (see enrolment.hpp).
#include "enrolment.hpp"

#include "device_identity.hpp"
#include "durable_file.hpp"
#include "key_alg.hpp"

namespace hk::app {
namespace {

Result<uplink::DeviceIdentity> identity_of(const KioskConfig& config, const std::filesystem::path& state_dir)
{
    const uplink::KeyAlg alg = uplink::key_alg_from_name(config.key_algorithm).value_or(uplink::KeyAlg::es256);
    auto identity = uplink::DeviceIdentity::load_or_create(state_dir, alg);
    if (!identity)
        return fail("the kiosk's identity in " + state_dir.string() + " cannot be used: " + identity.error().message);
    return identity;
}

} // namespace

Result<std::string> write_certificate_request(const KioskConfig& config, const std::filesystem::path& state_dir,
                                              const std::filesystem::path& out)
{
    auto identity = identity_of(config, state_dir);
    if (!identity)
        return std::unexpected(identity.error());
    auto csr = identity->make_csr(config.kiosk_id, config.hall_id);
    if (!csr)
        return std::unexpected(csr.error());
    if (auto written = uplink::write_file_durably(out, *csr, 0644); !written)
        return std::unexpected(written.error());
    return "wrote the certificate request of kiosk " + config.kiosk_id + " (" +
           std::string(uplink::key_alg_name(identity->alg())) + ", key id " + identity->kid() + ") to " +
           out.string();
}

Result<std::string> install_kiosk_certificate(const KioskConfig& config, const std::filesystem::path& state_dir,
                                              const std::filesystem::path& cert_file, std::int64_t now_unix)
{
    auto pem = uplink::read_small_file(cert_file);
    if (!pem)
        return std::unexpected(pem.error());
    auto identity = identity_of(config, state_dir);
    if (!identity)
        return std::unexpected(identity.error());
    auto info = identity->install_certificate(*pem, now_unix);
    if (!info)
        return fail(cert_file.string() + " cannot be installed: " + info.error().message);
    return "installed the certificate " + info->subject + " for key id " + info->kid + ", valid until " +
           info->not_after + (info->at_next_start ? "; the new key signs from the kiosk's next start" : "");
}

} // namespace hk::app
