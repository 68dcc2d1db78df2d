// The kiosk's configuration (config/kiosk.toml is the documented default), loaded and validated
// at start. Every error names the file and line it comes from.
#pragma once

#include "error.hpp"
#include "lang.hpp"
#include "local_text.hpp"
#include "service.hpp"
#include "session.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace hk::app {

// A text given in config in each language, e.g. name = { zh-Hans = "…", zh-Hant = "…", en = "…" }.
// zh-Hans is required; a missing language falls back to zh-Hans (LocalText::in, defined inline
// in core/local_text.hpp: do not define it again).
using LocalText = hk::LocalText;

enum class SiteProfile { hall, traffic_point };

struct ServiceConfig {
    ServiceId id;
    bool enabled = true;
    std::optional<LocalText> instead; // where to get the service when it is not offered here
    std::vector<std::string> groups;  // traffic_request: the top-level categories it files under
};

enum class RendererKind { software, accelerated };

// [[trusted_key]]: a public key of the central platform that signs booking passes and staff
// badges, checked as config is read (hk::codes::TrustedKeys takes it as written here).
struct TrustedKeyConfig {
    std::string kid;
    std::string alg; // "ES256" or "EdDSA"
    std::string public_key_pem;
    std::optional<std::int64_t> not_after; // unix seconds
};

// [camera]: scanning codes with a camera, for kiosks without a scanner.
struct CameraConfig {
    std::filesystem::path device; // empty: no camera scanning
    int width = 1280;
    int height = 720;
};

struct KioskConfig {
    std::filesystem::path file; // where it was loaded from ("" for built-in defaults)

    // [hall]
    std::string hall_id;
    LocalText hall_name;
    LocalText help_desk; // where the hall's staff can be found, shown when a service is not offered
    SiteProfile site_profile = SiteProfile::hall;

    // [session]
    SessionTimings timings;

    // [languages]
    Lang default_lang = Lang::zh_Hans;
    std::vector<Lang> languages; // offered on the language switch, in order

    // [display]
    bool fullscreen = true;
    RendererKind renderer = RendererKind::software;
    int rotation_deg = 0; // degrees clockwise the picture is turned on the panel (display_rotation.hpp)
    std::filesystem::path font_regular;
    std::filesystem::path font_bold;

    // [central]
    std::string central_url;
    std::string kiosk_id;              // this kiosk's id as the central side enrols it
    int kiosk_number = 1;              // 1-999, unique in the district: the first digits of its tracking numbers' sequence
    std::filesystem::path central_ca;  // the CA the central side's certificate must chain to ("" none yet)
    // [identity]
    std::string key_algorithm = "es256"; // es256, eddsa or sm2 (a new key only; an existing one is kept)

    // [devices]
    std::filesystem::path devices_file; // resolved against the config file's folder
    // [state]
    std::filesystem::path state_dir; // what the kiosk keeps across restarts (used passes)
    // [camera]
    CameraConfig camera;
    // [[trusted_key]]
    std::vector<TrustedKeyConfig> trusted_keys;

    // [profiles.<name>] home = [...]: the home tiles of the active site profile, in order.
    std::vector<ServiceId> home;
    // Each site profile's home tiles (hall, traffic_point), for maintenance mode's switch.
    std::array<std::vector<ServiceId>, 2> profile_homes;
    // [services.<id>]: only services mentioned in config appear here.
    std::vector<ServiceConfig> services;

    const ServiceConfig* service(ServiceId id) const;
    std::vector<ServiceId> disabled_services() const;
};

// Parses TOML text. `origin` is the file name used in error messages and to resolve relative
// paths. Errors carry the 1-based line and read "<origin>:<line>: <what is wrong>".
Result<KioskConfig> parse_config(std::string_view toml_text, const std::filesystem::path& origin);
Result<KioskConfig> load_config(const std::filesystem::path& file);

std::string_view site_profile_name(SiteProfile p);

} // namespace hk::app
