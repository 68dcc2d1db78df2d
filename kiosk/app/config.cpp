// Loading and validating config/kiosk.toml (see config.hpp). Every error names its line, and
// unknown keys are errors: a typo in a kiosk's config must not pass silently as a default.
#include "config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace hk::app {
namespace {

constexpr const char* kDefaultFontRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr const char* kDefaultFontBold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
constexpr std::size_t kMaxTextBytes = 600; // 200 Chinese characters
constexpr std::size_t kMaxHomeTiles = 9;

int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

// Reads one table's keys, each at most once, and reports the keys nobody asked for.
class TableReader {
public:
    TableReader(const toml::table& table, std::string name, const std::filesystem::path& origin)
        : table_(table), name_(std::move(name)), origin_(origin)
    {
    }

    std::unexpected<Error> error(int line, const std::string& what) const
    {
        return fail(origin_.string() + ":" + std::to_string(line) + ": " + what, line);
    }
    std::unexpected<Error> error(const toml::node& n, const std::string& what) const { return error(line_of(n), what); }
    int line() const { return std::max(1, line_of(table_)); }
    const std::string& name() const { return name_; }

    const toml::node* get(std::string_view key)
    {
        seen_.emplace_back(key);
        return table_.get(key);
    }

    Result<void> no_unknown_keys() const
    {
        for (const auto& [key, node] : table_)
            if (std::ranges::find(seen_, key.str()) == seen_.end())
                return error(node, "unknown key '" + std::string(key.str()) + "' in [" + name_ + "]");
        return {};
    }

    Result<std::optional<std::string>> string(std::string_view key)
    {
        const toml::node* n = get(key);
        if (!n)
            return std::optional<std::string>{};
        if (!n->is_string())
            return error(*n, "[" + name_ + "] " + std::string(key) + " must be a string in quotes");
        return std::optional<std::string>(**n->as_string());
    }

    Result<std::optional<bool>> boolean(std::string_view key)
    {
        const toml::node* n = get(key);
        if (!n)
            return std::optional<bool>{};
        if (!n->is_boolean())
            return error(*n, "[" + name_ + "] " + std::string(key) + " must be true or false");
        return std::optional<bool>(**n->as_boolean());
    }

    Result<std::optional<std::int64_t>> integer(std::string_view key, std::int64_t min, std::int64_t max,
                                                std::string_view unit)
    {
        const toml::node* n = get(key);
        if (!n)
            return std::optional<std::int64_t>{};
        if (!n->is_integer())
            return error(*n, "[" + name_ + "] " + std::string(key) + " must be a whole number of " + std::string(unit));
        const std::int64_t v = **n->as_integer();
        if (v < min || v > max)
            return error(*n, "[" + name_ + "] " + std::string(key) + " must be between " + std::to_string(min) +
                                 " and " + std::to_string(max) + " " + std::string(unit) + ", not " +
                                 std::to_string(v));
        return std::optional<std::int64_t>(v);
    }

    // A text in each language: a plain string for all, or { zh-Hans = "…", zh-Hant = "…", en = "…" }.
    Result<std::optional<LocalText>> local_text(std::string_view key)
    {
        const toml::node* n = get(key);
        if (!n)
            return std::optional<LocalText>{};
        const std::string what = "[" + name_ + "] " + std::string(key);
        LocalText text;
        auto check = [&](const toml::node& at, const std::string& s) -> Result<void> {
            if (s.size() > kMaxTextBytes)
                return error(at, what + " is longer than 200 characters");
            return {};
        };
        if (n->is_string()) {
            const std::string s = **n->as_string();
            if (s.empty())
                return error(*n, what + " must not be empty");
            if (auto r = check(*n, s); !r)
                return std::unexpected(r.error());
            text.text.fill(s);
            return std::optional<LocalText>(text);
        }
        const toml::table* t = n->as_table();
        if (!t)
            return error(*n, what + " must be a text, or a table of texts by language tag");
        for (const auto& [tag, v] : *t) {
            const auto lang = lang_from_tag(tag.str());
            if (!lang)
                return error(v, what + ": unknown language '" + std::string(tag.str()) +
                                    "' (zh-Hans, zh-Hant, en)");
            if (!v.is_string())
                return error(v, what + "." + std::string(tag.str()) + " must be a string in quotes");
            const std::string s = **v.as_string();
            if (auto r = check(v, s); !r)
                return std::unexpected(r.error());
            text.text[static_cast<std::size_t>(*lang)] = s;
        }
        if (text.text[static_cast<std::size_t>(Lang::zh_Hans)].empty())
            return error(*n, what + " needs a zh-Hans text");
        return std::optional<LocalText>(text);
    }

    Result<std::optional<Lang>> lang(std::string_view key)
    {
        auto s = string(key);
        if (!s)
            return std::unexpected(s.error());
        if (!*s)
            return std::optional<Lang>{};
        const auto l = lang_from_tag(**s);
        if (!l)
            return error(*table_.get(key), "[" + name_ + "] " + std::string(key) + " must be zh-Hans, zh-Hant or en, not '" +
                                               **s + "'");
        return std::optional<Lang>(*l);
    }

    Result<std::optional<const toml::array*>> array(std::string_view key)
    {
        const toml::node* n = get(key);
        if (!n)
            return std::optional<const toml::array*>{};
        if (!n->is_array())
            return error(*n, "[" + name_ + "] " + std::string(key) + " must be a list in [ ]");
        return std::optional<const toml::array*>(n->as_array());
    }

private:
    const toml::table& table_;
    std::string name_;
    const std::filesystem::path& origin_;
    std::vector<std::string> seen_;
};

#define HK_TRY(var, expr)                                                                                      \
    auto var = (expr);                                                                                         \
    if (!var)                                                                                                  \
        return std::unexpected(var.error());

bool valid_hall_id(std::string_view id)
{
    return !id.empty() && id.size() <= 64 && std::ranges::all_of(id, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

bool valid_central_url(std::string_view url)
{
    if (url.starts_with("https://"))
        return url.size() > 8;
    for (std::string_view local : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
        if (url.starts_with(local)) {
            const std::string_view rest = url.substr(local.size());
            return rest.empty() || rest.front() == ':' || rest.front() == '/';
        }
    return false;
}

std::vector<ServiceId> default_home(SiteProfile p)
{
    if (p == SiteProfile::traffic_point)
        return {ServiceId::traffic_request, ServiceId::track_request, ServiceId::traffic_safety,
                ServiceId::rate_service};
    return {ServiceId::file_request, ServiceId::track_request, ServiceId::book_venue,
            ServiceId::activities,   ServiceId::rate_service,  ServiceId::service_directory};
}

// The sub-table `name` of the root, or nullptr when absent; an error when it is not a table.
Result<const toml::table*> section(const toml::table& root, std::string_view name, const std::filesystem::path& origin)
{
    const toml::node* n = root.get(name);
    if (!n)
        return nullptr;
    if (!n->is_table())
        return fail(origin.string() + ":" + std::to_string(line_of(*n)) + ": " + std::string(name) +
                        " must be a table: [" + std::string(name) + "]",
                    line_of(*n));
    return n->as_table();
}

Result<void> read_hall(const toml::table* t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    if (!t)
        return fail(origin.string() + ":1: the [hall] table is missing (it needs id and name)", 1);
    TableReader r(*t, "hall", origin);
    HK_TRY(id, r.string("id"));
    if (!*id)
        return r.error(r.line(), "[hall] needs an id");
    if (!valid_hall_id(**id))
        return r.error(*t->get("id"), "[hall] id must be 1 to 64 letters, digits, '.', '_' or '-'");
    cfg.hall_id = **id;
    HK_TRY(name, r.local_text("name"));
    if (!*name)
        return r.error(r.line(), "[hall] needs a name");
    cfg.hall_name = **name;
    HK_TRY(help, r.local_text("help_desk"));
    if (*help)
        cfg.help_desk = **help;
    HK_TRY(profile, r.string("site_profile"));
    if (*profile) {
        if (**profile == "hall")
            cfg.site_profile = SiteProfile::hall;
        else if (**profile == "traffic-point")
            cfg.site_profile = SiteProfile::traffic_point;
        else
            return r.error(*t->get("site_profile"), "[hall] site_profile must be \"hall\" or \"traffic-point\"");
    }
    return r.no_unknown_keys();
}

Result<void> read_session(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    TableReader r(t, "session", origin);
    HK_TRY(timeout, r.integer("idle_timeout_s", 15, 3600, "seconds"));
    HK_TRY(warning, r.integer("warning_s", 5, 120, "seconds"));
    if (*timeout)
        cfg.timings.idle_timeout = Millis(**timeout * 1000);
    if (*warning)
        cfg.timings.warning = Millis(**warning * 1000);
    if (cfg.timings.warning >= cfg.timings.idle_timeout)
        return r.error(*warning ? line_of(*t.get("warning_s")) : r.line(),
                       "[session] warning_s must be shorter than idle_timeout_s");
    return r.no_unknown_keys();
}

Result<void> read_languages(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    TableReader r(t, "languages", origin);
    HK_TRY(def, r.lang("default"));
    if (*def)
        cfg.default_lang = **def;
    HK_TRY(offered, r.array("offered"));
    if (*offered) {
        cfg.languages.clear();
        const toml::array& a = ***offered;
        if (a.empty())
            return r.error(*t.get("offered"), "[languages] offered must name at least one language");
        for (const toml::node& n : a) {
            const auto l = n.is_string() ? lang_from_tag(**n.as_string()) : std::nullopt;
            if (!l)
                return r.error(n, "[languages] offered: each entry must be \"zh-Hans\", \"zh-Hant\" or \"en\"");
            if (std::ranges::find(cfg.languages, *l) != cfg.languages.end())
                return r.error(n, "[languages] offered names " + std::string(lang_tag(*l)) + " twice");
            cfg.languages.push_back(*l);
        }
    }
    if (std::ranges::find(cfg.languages, cfg.default_lang) == cfg.languages.end())
        return r.error(*def ? line_of(*t.get("default")) : r.line(),
                       "[languages] default " + std::string(lang_tag(cfg.default_lang)) + " must be offered too");
    return r.no_unknown_keys();
}

Result<void> read_display(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    TableReader r(t, "display", origin);
    HK_TRY(fullscreen, r.boolean("fullscreen"));
    if (*fullscreen)
        cfg.fullscreen = **fullscreen;
    HK_TRY(renderer, r.string("renderer"));
    if (*renderer) {
        if (**renderer == "software")
            cfg.renderer = RendererKind::software;
        else if (**renderer == "accelerated")
            cfg.renderer = RendererKind::accelerated;
        else
            return r.error(*t.get("renderer"), "[display] renderer must be \"software\" or \"accelerated\"");
    }
    HK_TRY(regular, r.string("font_regular"));
    if (*regular)
        cfg.font_regular = **regular;
    HK_TRY(bold, r.string("font_bold"));
    if (*bold)
        cfg.font_bold = **bold;
    return r.no_unknown_keys();
}

Result<void> read_central(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    TableReader r(t, "central", origin);
    HK_TRY(url, r.string("url"));
    if (*url) {
        if (!valid_central_url(**url))
            return r.error(*t.get("url"), "[central] url must start with https:// (or http://127.0.0.1 for a "
                                          "reference endpoint on this machine)");
        cfg.central_url = **url;
    }
    return r.no_unknown_keys();
}

Result<void> read_devices(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    TableReader r(t, "devices", origin);
    HK_TRY(file, r.string("file"));
    if (*file) {
        if (file->value().empty())
            return r.error(*t.get("file"), "[devices] file must not be empty");
        cfg.devices_file = **file;
    }
    return r.no_unknown_keys();
}

Result<std::vector<ServiceId>> read_profile(const toml::table& t, const std::string& name,
                                            const std::filesystem::path& origin)
{
    TableReader r(t, "profiles." + name, origin);
    HK_TRY(home, r.array("home"));
    if (!*home)
        return r.error(r.line(), "[profiles." + name + "] needs home = [ ...services... ]");
    const toml::array& a = ***home;
    if (a.empty() || a.size() > kMaxHomeTiles)
        return r.error(*t.get("home"), "[profiles." + name + "] home must list 1 to 9 services");
    std::vector<ServiceId> out;
    for (const toml::node& n : a) {
        const auto id = n.is_string() ? service_from_name(**n.as_string()) : std::nullopt;
        if (!id)
            return r.error(n, "[profiles." + name + "] home: unknown service " +
                                  (n.is_string() ? "'" + std::string(**n.as_string()) + "'" : std::string("entry")));
        if (std::ranges::find(out, *id) != out.end())
            return r.error(n, "[profiles." + name + "] home lists " + std::string(service_info(*id).name) + " twice");
        out.push_back(*id);
    }
    if (auto u = r.no_unknown_keys(); !u)
        return std::unexpected(u.error());
    return out;
}

Result<void> read_profiles(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    for (const auto& [key, node] : t) {
        const std::string name(key.str());
        SiteProfile p;
        if (name == "hall")
            p = SiteProfile::hall;
        else if (name == "traffic-point")
            p = SiteProfile::traffic_point;
        else
            return fail(origin.string() + ":" + std::to_string(line_of(node)) + ": unknown site profile [profiles." +
                            name + "] (hall, traffic-point)",
                        line_of(node));
        if (!node.is_table())
            return fail(origin.string() + ":" + std::to_string(line_of(node)) + ": profiles." + name +
                            " must be a table",
                        line_of(node));
        HK_TRY(home, read_profile(*node.as_table(), name, origin));
        if (p == cfg.site_profile)
            cfg.home = std::move(*home);
    }
    return {};
}

Result<void> read_services(const toml::table& t, KioskConfig& cfg, const std::filesystem::path& origin)
{
    for (const auto& [key, node] : t) {
        const auto id = service_from_name(key.str());
        if (!id)
            return fail(origin.string() + ":" + std::to_string(line_of(node)) + ": unknown service [services." +
                            std::string(key.str()) + "]",
                        line_of(node));
        if (!node.is_table())
            return fail(origin.string() + ":" + std::to_string(line_of(node)) + ": services." +
                            std::string(key.str()) + " must be a table",
                        line_of(node));
        TableReader r(*node.as_table(), "services." + std::string(key.str()), origin);
        ServiceConfig s{*id, true, std::nullopt};
        HK_TRY(enabled, r.boolean("enabled"));
        if (*enabled)
            s.enabled = **enabled;
        HK_TRY(instead, r.local_text("instead"));
        s.instead = *instead;
        if (auto u = r.no_unknown_keys(); !u)
            return std::unexpected(u.error());
        cfg.services.push_back(std::move(s));
    }
    return {};
}

} // namespace

const ServiceConfig* KioskConfig::service(ServiceId id) const
{
    for (const ServiceConfig& s : services)
        if (s.id == id)
            return &s;
    return nullptr;
}

std::vector<ServiceId> KioskConfig::disabled_services() const
{
    std::vector<ServiceId> out;
    for (const ServiceConfig& s : services)
        if (!s.enabled)
            out.push_back(s.id);
    return out;
}

std::string_view site_profile_name(SiteProfile p) { return p == SiteProfile::hall ? "hall" : "traffic-point"; }

Result<KioskConfig> parse_config(std::string_view toml_text, const std::filesystem::path& origin)
{
    toml::table root;
    try {
        root = toml::parse(toml_text, origin.string());
    } catch (const toml::parse_error& e) {
        const int line = static_cast<int>(e.source().begin.line);
        return fail(origin.string() + ":" + std::to_string(line) + ": " + std::string(e.description()), line);
    }

    KioskConfig cfg;
    cfg.file = origin;
    cfg.languages.assign(kAllLangs.begin(), kAllLangs.end());
    cfg.font_regular = kDefaultFontRegular;
    cfg.font_bold = kDefaultFontBold;
    cfg.central_url = "http://127.0.0.1:8443";
    cfg.devices_file = "devices.toml";

    using Reader = Result<void> (*)(const toml::table&, KioskConfig&, const std::filesystem::path&);
    static constexpr std::pair<std::string_view, Reader> kSections[] = {
        {"session", read_session}, {"languages", read_languages}, {"display", read_display},
        {"central", read_central}, {"devices", read_devices},     {"services", read_services},
    };
    for (const auto& [key, node] : root) {
        const bool known = key.str() == "hall" || key.str() == "profiles" ||
                           std::ranges::any_of(kSections, [&](const auto& s) { return s.first == key.str(); });
        if (!known)
            return fail(origin.string() + ":" + std::to_string(line_of(node)) + ": unknown table [" +
                            std::string(key.str()) + "]",
                        line_of(node));
    }

    HK_TRY(hall, section(root, "hall", origin));
    if (auto r = read_hall(*hall, cfg, origin); !r)
        return std::unexpected(r.error());
    cfg.home = default_home(cfg.site_profile);
    for (const auto& [name, read] : kSections) {
        HK_TRY(t, section(root, name, origin));
        if (*t)
            if (auto r = read(**t, cfg, origin); !r)
                return std::unexpected(r.error());
    }
    HK_TRY(profiles, section(root, "profiles", origin));
    if (*profiles)
        if (auto r = read_profiles(**profiles, cfg, origin); !r)
            return std::unexpected(r.error());

    if (cfg.devices_file.is_relative())
        cfg.devices_file = origin.parent_path() / cfg.devices_file;
    return cfg;
}

Result<KioskConfig> load_config(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return fail("cannot read " + file.string() + ": " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), file);
}

} // namespace hk::app
