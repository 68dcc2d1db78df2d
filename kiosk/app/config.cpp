// Loading and validating the kiosk's configuration (see config.hpp and config/kiosk.toml).
#include "config.hpp"

#include "utf8.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <utility>

namespace hk::app {
namespace {

constexpr std::size_t kMaxTextChars = 200;
constexpr std::size_t kMaxHomeTiles = 9;
constexpr std::size_t kMaxHallIdChars = 64;

int node_line(const toml::node& node)
{
    return static_cast<int>(node.source().begin.line);
}

std::string in_quotes(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

// Only the first problem is reported: later ones may merely follow from it, and one precise
// message is what a maintainer at the kiosk can act on.
class Problems {
public:
    explicit Problems(const std::filesystem::path& origin) : origin_(origin.string()) {}

    void report(int line, const std::string& what)
    {
        if (!first_)
            first_ = Error{origin_ + ":" + std::to_string(line) + ": " + what, line};
    }
    const std::optional<Error>& first() const { return first_; }

private:
    std::string origin_;
    std::optional<Error> first_;
};

// The words a key may take, e.g. "software" or "accelerated", and how to say so in an error.
template <typename E> struct Vocabulary {
    std::optional<E> (*parse)(std::string_view);
    std::string expected;
};

// A check on a string beyond its type, e.g. the shape of the hall id.
struct Rule {
    bool (*accepts)(std::string_view);
    std::string_view expected;
};

// Reads one table's keys into typed values, reporting each problem with its line. Readers leave
// the value they are given untouched when the key is absent or wrong, so defaults are set first.
// Every key asked for counts as known; reject_unknown_keys() then catches typos.
class TableReader {
public:
    // `name` is the table's dotted path as written in a header, "" for the top of the file.
    TableReader(const toml::table& table, std::string name, Problems& problems)
        : table_(table), name_(std::move(name)), problems_(problems)
    {
    }

    bool has(std::string_view key) const { return table_.contains(key); }

    // The key's line, or the table header's line when the key is absent.
    int line_of(std::string_view key) const
    {
        const toml::node* node = table_.get(key);
        return node ? node_line(*node) : std::max(1, node_line(table_));
    }

    void report(int line, const std::string& what) { problems_.report(line, what); }

    void require(std::string_view key)
    {
        remember(key);
        if (!has(key))
            report(line_of(key), "[" + name_ + "] needs " + std::string(key));
    }

    void read(std::string_view key, bool& out)
    {
        if (auto v = take_value<bool>(key, "true or false"))
            out = *v;
    }

    void read_seconds(std::string_view key, std::int64_t min, std::int64_t max, Millis& out)
    {
        const auto v = take_value<std::int64_t>(key, "a whole number of seconds");
        if (!v)
            return;
        if (*v < min || *v > max)
            report(line_of(key), what(key) + " must be " + std::to_string(min) + " to " + std::to_string(max) +
                                     " seconds, not " + std::to_string(*v));
        else
            out = std::chrono::seconds(*v);
    }

    void read(std::string_view key, std::string& out, std::optional<Rule> rule = std::nullopt)
    {
        auto v = take_string(key);
        if (!v)
            return;
        if (rule && !rule->accepts(*v))
            report(line_of(key), what(key) + " must be " + std::string(rule->expected) + ", not " + in_quotes(*v));
        else
            out = std::move(*v);
    }

    void read(std::string_view key, std::filesystem::path& out)
    {
        std::string s;
        read(key, s);
        if (!s.empty())
            out = s;
    }

    template <typename E> void read_choice(std::string_view key, const Vocabulary<E>& words, E& out)
    {
        const auto v = take_value<std::string>(key, words.expected);
        if (!v)
            return;
        if (const auto choice = words.parse(*v))
            out = *choice;
        else
            report(line_of(key), what(key) + " must be " + words.expected + ", not " + in_quotes(*v));
    }

    // A list of 1 to `max` words, each at most once.
    template <typename E>
    void read_list(std::string_view key, const Vocabulary<E>& words, std::size_t max, std::vector<E>& out)
    {
        const toml::node* node = take(key);
        if (!node)
            return;
        const toml::array* entries = node->as_array();
        if (!entries)
            return report(node_line(*node), what(key) + " must be a list in [ ]");
        if (entries->empty() || entries->size() > max)
            return report(node_line(*node), what(key) + " must list 1 to " + std::to_string(max) + " entries, not " +
                                                std::to_string(entries->size()));
        std::vector<E> list;
        for (const toml::node& entry : *entries) {
            const auto word = entry.value_exact<std::string>();
            if (!word)
                return report(node_line(entry), what(key) + " entries must be strings in quotes");
            const auto item = words.parse(*word);
            if (!item)
                return report(node_line(entry), what(key) + ": " + in_quotes(*word) + " is not " + words.expected);
            if (std::ranges::find(list, *item) != list.end())
                return report(node_line(entry), what(key) + " lists " + in_quotes(*word) + " twice");
            list.push_back(*item);
        }
        out = std::move(list);
    }

    // A plain string for every language, or a table { zh-Hans = "…", zh-Hant = "…", en = "…" }.
    void read(std::string_view key, LocalText& out)
    {
        const toml::node* node = table_.get(key);
        if (!node || !node->is_table()) {
            std::string text;
            read_text(key, text, "a string in quotes, or { zh-Hans = \"…\", zh-Hant = \"…\", en = \"…\" }");
            if (!text.empty())
                out.text.fill(text);
            return;
        }
        LocalText by_lang_text;
        read_table(key, [&](TableReader& by_lang) {
            by_lang.require(lang_tag(Lang::zh_Hans));
            for (Lang lang : kAllLangs)
                by_lang.read_text(lang_tag(lang), by_lang_text.text[static_cast<std::size_t>(lang)]);
        });
        // A missing translation shows the zh-Hans text rather than an empty label.
        const std::string& zh_hans = by_lang_text.text[static_cast<std::size_t>(Lang::zh_Hans)];
        for (std::string& text : by_lang_text.text)
            if (text.empty())
                text = zh_hans;
        out = std::move(by_lang_text);
    }

    void read(std::string_view key, std::optional<LocalText>& out)
    {
        if (!has(key))
            return remember(key);
        LocalText text;
        read(key, text);
        out = std::move(text);
    }

    // Reads the sub-table at `key` with `read_keys` and then rejects the keys it did not ask
    // for. Returns false when there is no such table.
    template <typename ReadKeys> bool read_table(std::string_view key, ReadKeys&& read_keys)
    {
        const toml::node* node = take(key);
        if (!node)
            return false;
        const std::string path = name_.empty() ? std::string(key) : name_ + "." + std::string(key);
        const toml::table* table = node->as_table();
        if (!table) {
            report(node_line(*node), path + " must be a table: [" + path + "]");
            return true;
        }
        TableReader reader(*table, path, problems_);
        std::forward<ReadKeys>(read_keys)(reader);
        reader.reject_unknown_keys();
        return true;
    }

    void reject_unknown_keys()
    {
        for (const auto& [key, node] : table_) {
            if (std::ranges::find(known_, key.str()) != known_.end())
                continue;
            const std::string name(key.str());
            const std::string unknown = node.is_table()
                                            ? "unknown table [" + (name_.empty() ? name : name_ + "." + name) + "]"
                                            : "unknown key '" + name + "' " + where();
            return report(node_line(node), unknown + " (known: " + joined(known_) + ")");
        }
    }

private:
    std::string what(std::string_view key) const
    {
        return name_.empty() ? std::string(key) : "[" + name_ + "] " + std::string(key);
    }
    std::string where() const { return name_.empty() ? "at the top of the file" : "in [" + name_ + "]"; }

    void remember(std::string_view key)
    {
        if (std::ranges::find(known_, key) == known_.end())
            known_.emplace_back(key);
    }

    const toml::node* take(std::string_view key)
    {
        remember(key);
        return table_.get(key);
    }

    // The value at `key` if it is exactly a T; reports "must be <expected>" if it is not.
    template <typename T> std::optional<T> take_value(std::string_view key, std::string_view expected)
    {
        const toml::node* node = take(key);
        if (!node)
            return std::nullopt;
        auto v = node->value_exact<T>();
        if (!v)
            report(node_line(*node), what(key) + " must be " + std::string(expected));
        return v;
    }

    std::optional<std::string> take_string(std::string_view key, std::string_view expected = "a string in quotes")
    {
        auto v = take_value<std::string>(key, expected);
        if (v && v->empty()) {
            report(line_of(key), what(key) + " must not be empty");
            return std::nullopt;
        }
        return v;
    }

    // Texts are shown on buttons and banners; the limit keeps them within the layout.
    void read_text(std::string_view key, std::string& out, std::string_view expected = "a string in quotes")
    {
        auto v = take_string(key, expected);
        if (!v)
            return;
        std::size_t chars = 0;
        for (std::size_t pos = 0; pos < v->size(); ++chars)
            utf8::next(*v, pos);
        if (chars > kMaxTextChars)
            report(line_of(key), what(key) + " is " + std::to_string(chars) + " characters long; at most " +
                                     std::to_string(kMaxTextChars) + " fit");
        else
            out = std::move(*v);
    }

    const toml::table& table_;
    std::string name_;
    Problems& problems_;
    std::vector<std::string> known_;
};

bool is_hall_id(std::string_view id)
{
    const auto allowed = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
               c == '-';
    };
    return id.size() <= kMaxHallIdChars && std::ranges::all_of(id, allowed);
}

// Plain http only to this machine, where the reference endpoint for demos and tests runs:
// residents' requests must not cross a network unencrypted.
bool is_central_url(std::string_view url)
{
    constexpr std::string_view https = "https://";
    if (url.starts_with(https))
        return url.size() > https.size();
    for (std::string_view local : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
        if (!url.starts_with(local))
            continue;
        // The host must end here: "http://localhost.example.com" is another machine.
        const std::string_view rest = url.substr(local.size());
        return rest.empty() || rest.front() == ':' || rest.front() == '/';
    }
    return false;
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
    return cfg;
}

void read_hall(TableReader& hall, KioskConfig& cfg)
{
    hall.require("id");
    hall.require("name");
    hall.read("id", cfg.hall_id, Rule{is_hall_id, "1 to 64 letters, digits, '.', '_' or '-'"});
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
    display.read("font_regular", cfg.font_regular);
    display.read("font_bold", cfg.font_bold);
}

void read_central(TableReader& central, KioskConfig& cfg)
{
    const Rule secure_or_local{is_central_url, "https://…, or http://127.0.0.1, http://localhost or http://[::1] "
                                               "for an endpoint on this machine"};
    central.read("url", cfg.central_url, secure_or_local);
}

void read_devices(TableReader& devices, KioskConfig& cfg)
{
    devices.read("file", cfg.devices_file);
}

// Both profiles are checked, so that switching site_profile cannot reveal a broken list.
void read_profiles(TableReader& profiles, KioskConfig& cfg)
{
    for (SiteProfile profile : {SiteProfile::hall, SiteProfile::traffic_point}) {
        profiles.read_table(site_profile_name(profile), [&](TableReader& table) {
            std::vector<ServiceId> home;
            table.require("home");
            table.read_list("home", service_words(), kMaxHomeTiles, home);
            if (profile == cfg.site_profile)
                cfg.home = std::move(home);
        });
    }
}

void read_services(TableReader& services, KioskConfig& cfg)
{
    for (const ServiceInfo& info : all_services()) {
        services.read_table(info.name, [&](TableReader& table) {
            ServiceConfig service{.id = info.id, .enabled = true, .instead = std::nullopt};
            table.read("enabled", service.enabled);
            table.read("instead", service.instead);
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
    toml::table root;
    try {
        root = toml::parse(toml_text, origin.string());
    } catch (const toml::parse_error& e) {
        problems.report(static_cast<int>(e.source().begin.line), std::string(e.description()));
        return std::unexpected(*problems.first());
    }

    KioskConfig cfg = default_config(origin);
    TableReader top(root, "", problems);
    // [hall] comes first: its site_profile decides which home list applies.
    if (!top.read_table("hall", [&](TableReader& t) { read_hall(t, cfg); }))
        problems.report(1, "[hall] is missing; it needs the hall's id and name");
    cfg.home = default_home(cfg.site_profile); // until [profiles.<site_profile>] says otherwise
    using ReadSection = void (*)(TableReader&, KioskConfig&);
    constexpr std::pair<std::string_view, ReadSection> sections[] = {
        {"session", read_session},   {"languages", read_languages}, {"display", read_display},
        {"central", read_central},   {"devices", read_devices},     {"profiles", read_profiles},
        {"services", read_services},
    };
    for (const auto& [name, read_section] : sections)
        top.read_table(name, [&](TableReader& t) { read_section(t, cfg); });
    top.reject_unknown_keys();

    if (problems.first())
        return std::unexpected(*problems.first());
    if (cfg.devices_file.is_relative())
        cfg.devices_file = origin.parent_path() / cfg.devices_file;
    return cfg;
}

Result<KioskConfig> load_config(const std::filesystem::path& file)
{
    // stdio rather than iostreams: it reports why a read failed in errno and never throws.
    struct Close {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    const std::unique_ptr<std::FILE, Close> in(std::fopen(file.c_str(), "rb"));
    const auto cannot_read = [&] { return fail("cannot read " + file.string() + ": " + std::strerror(errno)); };
    if (!in)
        return cannot_read();
    std::string text;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, in.get()))
        text.append(buffer, n);
    if (std::ferror(in.get()))
        return cannot_read();
    return parse_config(text, file);
}

} // namespace hk::app
