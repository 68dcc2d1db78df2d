// The include list of the configuration support sees (see support_config.hpp).
#include "support_config.hpp"

#include "service.hpp"

#include <algorithm>
#include <chrono>

namespace hk::app {

namespace {

nlohmann::json local_text(const LocalText& t)
{
    nlohmann::json out = nlohmann::json::object();
    for (Lang lang : {Lang::zh_Hans, Lang::zh_Hant, Lang::en})
        if (const std::string& s = t.text[static_cast<std::size_t>(lang)]; !s.empty())
            out[std::string(lang_tag(lang))] = s;
    return out;
}

std::int64_t seconds(Millis ms)
{
    return std::chrono::duration_cast<std::chrono::seconds>(ms).count();
}

} // namespace

std::string url_without_credentials(std::string_view url)
{
    url = url.substr(0, url.find_first_of("?#"));
    const std::size_t scheme_end = url.find("://");
    const std::size_t host_start = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
    const std::size_t host_end = std::min(url.find('/', host_start), url.size());
    const std::size_t at = url.rfind('@', host_end);
    if (at == std::string_view::npos || at < host_start)
        return std::string(url);
    return std::string(url.substr(0, host_start)) + std::string(url.substr(at + 1));
}

nlohmann::json support_config(const KioskConfig& config)
{
    nlohmann::json trusted_keys = nlohmann::json::array();
    for (const TrustedKeyConfig& k : config.trusted_keys) {
        nlohmann::json key{{"kid", k.kid}, {"alg", k.alg}};
        if (k.not_after)
            key["not_after"] = *k.not_after;
        trusted_keys.push_back(std::move(key));
    }
    nlohmann::json languages = nlohmann::json::array();
    for (Lang lang : config.languages)
        languages.push_back(lang_tag(lang));
    nlohmann::json home = nlohmann::json::array();
    for (ServiceId id : config.home)
        home.push_back(service_info(id).name);
    nlohmann::json services = nlohmann::json::object();
    for (const ServiceConfig& s : config.services) {
        nlohmann::json service{{"enabled", s.enabled}, {"groups", s.groups}};
        if (s.instead)
            service["instead"] = local_text(*s.instead);
        services[std::string(service_info(s.id).name)] = std::move(service);
    }

    return nlohmann::json{
        {"file", config.file.string()},
        {"hall",
         {{"id", config.hall_id},
          {"name", local_text(config.hall_name)},
          {"help_desk", local_text(config.help_desk)},
          {"site_profile", site_profile_name(config.site_profile)}}},
        {"session",
         {{"idle_timeout_s", seconds(config.timings.idle_timeout)}, {"warning_s", seconds(config.timings.warning)}}},
        {"languages", {{"default", lang_tag(config.default_lang)}, {"offered", languages}}},
        {"display",
         {{"fullscreen", config.fullscreen},
          {"renderer", config.renderer == RendererKind::software ? "software" : "accelerated"},
          {"font_regular", config.font_regular.string()},
          {"font_bold", config.font_bold.string()}}},
        {"central",
         {{"url", url_without_credentials(config.central_url)},
          {"kiosk_id", config.kiosk_id},
          {"kiosk_number", config.kiosk_number},
          {"ca_file", config.central_ca.string()}}},
        {"identity", {{"algorithm", config.key_algorithm}}},
        {"devices", {{"file", config.devices_file.string()}}},
        {"state", {{"dir", config.state_dir.string()}}},
        {"camera",
         {{"device", config.camera.device.string()}, {"width", config.camera.width}, {"height", config.camera.height}}},
        {"trusted_keys", trusted_keys},
        {"home", home},
        {"services", services},
    };
}

} // namespace hk::app
