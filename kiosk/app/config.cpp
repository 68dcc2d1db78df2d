// Loading and validating the kiosk's configuration (see config.hpp and config/kiosk.toml).
#include "config.hpp"

#include "central_url.hpp"
#include "display_rotation.hpp"
#include "key_alg.hpp"
#include "toml_reader.hpp"
#include "token.hpp"
#include "trusted_keys.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

namespace hk::app {
namespace {

using namespace toml_read;

constexpr std::size_t kMaxHomeTiles = 9;
constexpr std::size_t kMaxHallIdChars = 64;
constexpr std::size_t kMaxRequestGroups = 16;
constexpr std::size_t kMaxCatalogueIdChars = 64;

bool is_hall_id(std::string_view id)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    };
    return id.size() <= kMaxHallIdChars && std::ranges::all_of(id, allowed);
}

// The id of a catalogue item (docs/protocol.md): 1 to 64 letters, digits, '.', '_' or '-'.
std::optional<std::string> catalogue_id(std::string_view id)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    };
    if (id.empty() || id.size() > kMaxCatalogueIdChars || !std::ranges::all_of(id, allowed))
        return std::nullopt;
    return std::string(id);
}

std::optional<SiteProfile> site_profile_from_name(std::string_view name)
{
    for (SiteProfile p : {SiteProfile::hall, SiteProfile::traffic_point})
        if (site_profile_name(p) == name)
            return p;
    return std::nullopt;
}

std::optional<RendererKind> renderer_from_name(std::string_view name)
{
    if (name == "software")
        return RendererKind::software;
    if (name == "accelerated")
        return RendererKind::accelerated;
    return std::nullopt;
}

Vocabulary<Lang> lang_words()
{
    return {lang_from_tag, "zh-Hans, zh-Hant or en"};
}

Vocabulary<ServiceId> service_words()
{
    std::vector<std::string> names;
    for (const ServiceInfo& s : all_services())
        names.emplace_back(s.name);
    return {service_from_name, "a known service (" + joined(names) + ")"};
}

std::vector<ServiceId> default_home(SiteProfile profile)
{
    using enum ServiceId;
    if (profile == SiteProfile::traffic_point)
        return {traffic_request, track_request, traffic_safety, rate_service};
    return {file_request, track_request, book_venue, activities, rate_service, service_directory};
}

KioskConfig default_config(const std::filesystem::path& origin)
{
    KioskConfig cfg;
    cfg.file = origin;
    cfg.languages.assign(kAllLangs.begin(), kAllLangs.end());
    cfg.font_regular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    cfg.font_bold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
    cfg.central_url = "http://127.0.0.1:8443";
    cfg.devices_file = "devices.toml";
    cfg.state_dir = "/var/lib/hallkiosk";
    return cfg;
}

void read_hall(TableReader& hall, KioskConfig& cfg)
{
    hall.require("id");
    hall.require("name");
    hall.read("id", cfg.hall_id, Rule{is_hall_id, "1 to 64 letters, digits, '_' or '-' (signed codes carry it)"});
    hall.read("name", cfg.hall_name);
    hall.read("help_desk", cfg.help_desk);
    hall.read_choice("site_profile", Vocabulary<SiteProfile>{site_profile_from_name, "hall or traffic-point"},
                     cfg.site_profile);
}

void read_session(TableReader& session, KioskConfig& cfg)
{
    session.read_seconds("idle_timeout_s", 15, 3600, cfg.timings.idle_timeout);
    session.read_seconds("warning_s", 5, 120, cfg.timings.warning);
    if (cfg.timings.warning >= cfg.timings.idle_timeout)
        session.report(session.line_of(session.has("warning_s") ? "warning_s" : "idle_timeout_s"),
                       "[session] warning_s must be shorter than idle_timeout_s");
}

void read_languages(TableReader& languages, KioskConfig& cfg)
{
    languages.read_choice("default", lang_words(), cfg.default_lang);
    languages.read_list("offered", lang_words(), kAllLangs.size(), cfg.languages);
    if (std::ranges::find(cfg.languages, cfg.default_lang) == cfg.languages.end())
        languages.report(languages.line_of(languages.has("default") ? "default" : "offered"),
                         "[languages] default " + std::string(lang_tag(cfg.default_lang)) + " must also be offered");
}

void read_display(TableReader& display, KioskConfig& cfg)
{
    display.read("fullscreen", cfg.fullscreen);
    display.read_choice("renderer", Vocabulary<RendererKind>{renderer_from_name, "software or accelerated"},
                        cfg.renderer);
    display.read_one_of("rotation", kRotationsDeg, kRotationChoices, cfg.rotation_deg, "degrees");
    display.read("font_regular", cfg.font_regular);
    display.read("font_bold", cfg.font_bold);
}

void read_central(TableReader& central, KioskConfig& cfg)
{
    const Rule secure_or_local{is_central_url, "https://…, or http://127.0.0.1, http://localhost or http://[::1] "
                                               "for an endpoint on this machine"};
    central.read("url", cfg.central_url, secure_or_local);
    central.read("kiosk_id", cfg.kiosk_id, Rule{is_hall_id, "1 to 64 letters, digits, '_' or '-'"});
    central.read("ca_file", cfg.central_ca);
    std::optional<std::int64_t> number;
    central.read("kiosk_number", 1, 999, number);
    cfg.kiosk_number = static_cast<int>(number.value_or(cfg.kiosk_number));
}

void read_identity(TableReader& identity, KioskConfig& cfg)
{
    identity.read("algorithm", cfg.key_algorithm,
                  Rule{[](std::string_view a) { return uplink::key_alg_from_name(a).has_value(); }, "es256, eddsa or sm2"});
}

void read_devices(TableReader& devices, KioskConfig& cfg)
{
    devices.read("file", cfg.devices_file);
}

void read_state(TableReader& state, KioskConfig& cfg)
{
    state.read("dir", cfg.state_dir);
}

void read_camera(TableReader& camera, KioskConfig& cfg)
{
    camera.read("device", cfg.camera.device);
    std::optional<std::int64_t> v;
    camera.read("width", 160, 3840, v);
    cfg.camera.width = static_cast<int>(v.value_or(cfg.camera.width));
    v.reset();
    camera.read("height", 120, 2160, v);
    cfg.camera.height = static_cast<int>(v.value_or(cfg.camera.height));
}

// Each key is loaded as it will be used, so that a key the kiosk could not check tokens with
// stops it here, with its line, instead of refusing every pass later.
void read_trusted_key(TableReader& t, KioskConfig& cfg, codes::TrustedKeys& loaded)
{
    TrustedKeyConfig key;
    t.require("kid");
    t.require("alg");
    t.require("public_key");
    t.read("kid", key.kid);
    t.read("alg", key.alg);
    t.read_block("public_key", key.public_key_pem, 4096);
    t.read_moment("not_after", key.not_after);
    if (key.kid.empty() || key.alg.empty() || key.public_key_pem.empty())
        return;
    const auto alg = codes::algorithm_from_name(key.alg);
    if (!alg) {
        t.report(t.line_of("alg"), "[[trusted_key]] alg must be ES256 or EdDSA, not \"" + key.alg + "\"");
        return;
    }
    if (auto why = loaded.add_pem(key.kid, *alg, key.public_key_pem, key.not_after)) {
        t.report(t.line_of("public_key"), "[[trusted_key]] " + key.kid + ": " + *why);
        return;
    }
    cfg.trusted_keys.push_back(std::move(key));
}

// Both profiles are checked, so that switching site_profile cannot reveal a broken list.
void read_profiles(TableReader& profiles, KioskConfig& cfg)
{
    for (SiteProfile profile : {SiteProfile::hall, SiteProfile::traffic_point}) {
        profiles.read_table(site_profile_name(profile), [&](TableReader& table) {
            std::vector<ServiceId> home;
            table.require("home");
            table.read_list("home", service_words(), kMaxHomeTiles, home);
            cfg.profile_homes[static_cast<std::size_t>(profile)] = home;
            if (profile == cfg.site_profile)
                cfg.home = std::move(home);
        });
    }
}

void read_services(TableReader& services, KioskConfig& cfg)
{
    for (const ServiceInfo& info : all_services()) {
        services.read_table(info.name, [&](TableReader& table) {
            ServiceConfig service{.id = info.id, .enabled = true, .instead = std::nullopt, .groups = {}};
            table.read("enabled", service.enabled);
            table.read("instead", service.instead);
            // The traffic request files under these top-level categories only; an empty list
            // leaves it with nothing to offer, as if switched off.
            if (info.id == ServiceId::traffic_request)
                table.read_list(
                    "groups",
                    Vocabulary<std::string>{catalogue_id, "a category id (1 to 64 letters, digits, '.', '_' or '-')"},
                    kMaxRequestGroups, service.groups, 0);
            cfg.services.push_back(std::move(service));
        });
    }
}

} // namespace

const ServiceConfig* KioskConfig::service(ServiceId id) const
{
    const auto found = std::ranges::find(services, id, &ServiceConfig::id);
    return found == services.end() ? nullptr : &*found;
}

std::vector<ServiceId> KioskConfig::disabled_services() const
{
    std::vector<ServiceId> out;
    for (const ServiceConfig& s : services)
        if (!s.enabled)
            out.push_back(s.id);
    return out;
}

std::string_view site_profile_name(SiteProfile p)
{
    switch (p) {
    case SiteProfile::hall: return "hall";
    case SiteProfile::traffic_point: return "traffic-point";
    }
    return "hall";
}

Result<KioskConfig> parse_config(std::string_view toml_text, const std::filesystem::path& origin)
{
    Problems problems(origin);
    const std::optional<toml::table> parsed = parse_toml(toml_text, origin, problems);
    if (!parsed)
        return std::unexpected(*problems.first());
    const toml::table& root = *parsed;

    KioskConfig cfg = default_config(origin);
    TableReader top(root, "", problems);
    // [hall] comes first: its site_profile decides which home list applies.
    if (!top.read_table("hall", [&](TableReader& t) { read_hall(t, cfg); }))
        problems.report(1, "[hall] is missing; it needs the hall's id and name");
    cfg.home = default_home(cfg.site_profile); // until [profiles.<site_profile>] says otherwise
    for (SiteProfile profile : {SiteProfile::hall, SiteProfile::traffic_point})
        cfg.profile_homes[static_cast<std::size_t>(profile)] = default_home(profile);
    using ReadSection = void (*)(TableReader&, KioskConfig&);
    constexpr std::pair<std::string_view, ReadSection> sections[] = {
        {"session", read_session},   {"languages", read_languages}, {"display", read_display},
        {"central", read_central},   {"devices", read_devices},     {"profiles", read_profiles},
        {"services", read_services}, {"state", read_state},       {"identity", read_identity},         {"camera", read_camera},
    };
    for (const auto& [name, read_section] : sections)
        top.read_table(name, [&](TableReader& t) { read_section(t, cfg); });
    codes::TrustedKeys loaded;
    top.read_table_array("trusted_key", [&](TableReader& t) { read_trusted_key(t, cfg, loaded); });
    top.reject_unknown_keys();

    if (problems.first())
        return std::unexpected(*problems.first());
    if (cfg.devices_file.is_relative())
        cfg.devices_file = origin.parent_path() / cfg.devices_file;
    if (cfg.state_dir.is_relative())
        cfg.state_dir = origin.parent_path() / cfg.state_dir;
    if (!cfg.central_ca.empty() && cfg.central_ca.is_relative())
        cfg.central_ca = origin.parent_path() / cfg.central_ca;
    if (cfg.kiosk_id.empty())
        cfg.kiosk_id = cfg.hall_id + "-1";
    return cfg;
}

Result<KioskConfig> load_config(const std::filesystem::path& file)
{
    return load_file(file, parse_config);
}

} // namespace hk::app
