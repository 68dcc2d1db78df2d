// Maintenance mode's logs, configuration and identity pages in the app: the recent log filtered,
// the signed diagnostic bundle written off the frame loop, the settings staff may change (checked,
// applied at once, kept in the store, audited), and the kiosk's key and certificate.
#include "kiosk_app.hpp"

#include "diagnostic_bundle.hpp"
#include "logging.hpp"
#include "maint_targets.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <sstream>
#include <thread>

namespace hk::app {
namespace {

constexpr std::string_view kIdleSetting = "config.idle_timeout";
constexpr std::string_view kLanguagesSetting = "config.languages";
constexpr std::string_view kHallNameSetting = "config.hall_name."; // + the language's tag
// The idle timeouts staff may choose, in seconds.
constexpr std::array<int, 5> kIdleChoices{60, 90, 120, 180, 300};

std::string languages_text(const std::vector<Lang>& langs)
{
    std::string s;
    for (Lang l : langs)
        s += (s.empty() ? "" : ",") + std::string(lang_tag(l));
    return s;
}

std::optional<std::vector<Lang>> parse_languages(std::string_view text)
{
    std::vector<Lang> out;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find(',', pos), text.size());
        const auto l = lang_from_tag(text.substr(pos, end - pos));
        if (!l || std::ranges::find(out, *l) != out.end())
            return std::nullopt;
        out.push_back(*l);
        pos = end + 1;
    }
    if (out.empty())
        return std::nullopt;
    return out;
}

// The district's certificate for this kiosk, as staff bring it in a folder.
std::string certificate_file_name(std::string_view kiosk_id)
{
    return fmt::format("{}.crt.pem", kiosk_id);
}

} // namespace

std::vector<ui::MaintTarget> KioskApp::maint_targets() const
{
    std::vector<ui::MaintTarget> out{{std::string(setup_.translator.tr("maint.target.kiosk"_k)),
                                      (state_dir_ / "exports").string()}};
    std::ifstream mounts("/proc/self/mounts");
    std::stringstream text;
    text << mounts.rdbuf();
    for (const RemovableMount& m : removable_mounts(text.str()))
        out.push_back({setup_.translator.format("maint.target.usb"_k, {{"name", m.label}}), m.path});
    return out;
}

void KioskApp::fill_logs_view(ui::MaintLogsView& v) const
{
    const std::vector<LogLine> all = recent_log();
    LogFilter f;
    f.min_level = log_level_ == 2 ? LogLevel::error : log_level_ == 1 ? LogLevel::warn : LogLevel::trace;
    f.text = log_search_;
    const std::vector<LogLine> shown = filter_log(all, f);
    v.total = all.size();
    v.level = log_level_;
    v.search = log_search_;
    v.page = log_page_;
    // Newest first: what just went wrong is what staff look for.
    for (auto it = shown.rbegin(); it != shown.rend(); ++it)
        v.lines.push_back({it->at_ms,
                           it->level >= LogLevel::error  ? 2
                           : it->level == LogLevel::warn ? 1
                                                         : 0,
                           it->text});
    v.targets = maint_targets();
    v.export_result = exporting_ ? std::string(setup_.translator.tr("maint.logs.exporting"_k)) : maint_result_;
}

bool KioskApp::export_bundle(std::size_t target)
{
    const Translator& tr = setup_.translator;
    const auto targets = maint_targets();
    const uplink::DeviceIdentity* identity = uplink_->identity();
    if (target >= targets.size() || exporting_)
        return false;
    if (!identity) {
        maint_result_ = std::string(tr.tr("maint.logs.no_identity"_k));
        audit("export_bundle", "failed", "no identity");
        return true;
    }
    const std::filesystem::path folder = targets[target].path;
    if (target == 0) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec); // the kiosk's own: made when first used
    }
    // What the bundle says of the devices and the uplink, gathered now on the frame loop.
    DiagnosticFacts facts;
    facts.program_version = HK_VERSION;
    facts.created_unix_s = unix_now();
    facts.log = recent_log();
    for (const usb::PortStatus& s : peripherals_->hub().status()) {
        nlohmann::json d = {{"state", usb::state_name(s.state)},
                            {"model", s.model},
                            {"problem", s.problem},
                            {"pending", s.pending},
                            {"transfers", s.counters.transfers},
                            {"errors", s.counters.errors},
                            {"reconnects", s.counters.reconnects}};
        if (s.counters.last_error)
            d["last_error"] = s.counters.last_error->message;
        facts.devices[std::string(usb::role_name(s.role))] = std::move(d);
    }
    facts.devices["unknown"] = peripherals_->hub().unknown_devices();
    facts.counters = {{"frames", stats_.frames},
                      {"atlas_builds", stats_.atlas_builds},
                      {"device_events_dropped", peripherals_->dropped()},
                      {"receipts_queued", printer_.queued}};
    const UplinkView u = uplink_->view();
    facts.sync = {{"accepting", u.accepting}, {"problem", u.problem}, {"waiting", u.waiting},
                  {"rejected", u.rejected},   {"offline", u.offline}, {"last_error", u.last_error}};
    if (auto st = uplink_->sync_status()) {
        facts.sync["failures"] = st->failures;
        if (st->last_success_ms)
            facts.sync["last_success_ms"] = *st->last_success_ms;
        if (st->skew_s)
            facts.sync["skew_s"] = *st->skew_s;
    }
    exporting_ = true;
    maint_result_.clear();
    // The identity lives as long as the uplink, which outlives this thread only if it is joined
    // before the app goes: the thread holds what it writes, and the app waits for it (~KioskApp).
    export_thread_ = std::thread([box = export_box_, folder, config = setup_.config, facts = std::move(facts), identity,
                                  &tr, type = wake_event_] {
        auto written = write_diagnostic_bundle(folder, config, facts, *identity);
        std::string words;
        if (written) {
            words = tr.format("maint.logs.exported"_k, {{"file", written->string()}});
        } else {
            MsgKey key = "maint.logs.export_failed"_k;
            switch (written.error().failure) {
            case BundleFailure::folder_missing: key = "maint.logs.folder_missing"_k; break;
            case BundleFailure::not_a_folder: key = "maint.logs.not_a_folder"_k; break;
            case BundleFailure::not_writable: key = "maint.logs.not_writable"_k; break;
            case BundleFailure::no_space: key = "maint.logs.no_space"_k; break;
            case BundleFailure::too_big:
            case BundleFailure::failed: break;
            }
            words = tr.format(key, {{"folder", folder.string()}});
            spdlog::error("maintenance: diagnostic bundle not written: {}", written.error().message);
        }
        {
            const std::lock_guard lock(box->mutex);
            box->done = std::move(words);
            box->ok = written.has_value();
            box->file = written ? written->filename().string() : std::string();
        }
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);
    });
    return true;
}

void KioskApp::follow_export()
{
    if (!exporting_)
        return;
    std::optional<std::string> done;
    bool ok = false;
    std::string file;
    {
        const std::lock_guard lock(export_box_->mutex);
        done = std::move(export_box_->done);
        export_box_->done.reset();
        ok = export_box_->ok;
        file = export_box_->file;
    }
    if (!done)
        return;
    if (export_thread_.joinable())
        export_thread_.join();
    exporting_ = false;
    maint_result_ = std::move(*done);
    audit("export_bundle", ok ? "ok" : "failed", ok ? file : "not written");
    dirty_ = true;
}

namespace {

constexpr std::string_view kProfileSetting = "config.site_profile";
constexpr std::string_view kPaperSetting = "config.paper_width";
// The paper widths staff may set: as devices.toml and the printer's id say, 58 or 80 mm.
constexpr std::array<std::string_view, 3> kPaperChoices{"auto", "58", "80"};

std::optional<int> paper_dots(std::string_view choice)
{
    if (choice == "58")
        return 384;
    if (choice == "80")
        return 576;
    return std::nullopt;
}

// 1 to KioskApp::kMaxHallNameChars characters, not only spaces, no control character.
bool hall_name_fits(std::string_view name)
{
    std::size_t chars = 0;
    bool visible = false;
    for (unsigned char c : name) {
        if (c < 0x20 || c == 0x7F)
            return false;
        chars += (c & 0xC0) != 0x80;
        visible = visible || c != ' ';
    }
    return visible && chars <= KioskApp::kMaxHallNameChars;
}

std::optional<SiteProfile> profile_from_name(std::string_view name)
{
    for (SiteProfile p : {SiteProfile::hall, SiteProfile::traffic_point})
        if (site_profile_name(p) == name)
            return p;
    return std::nullopt;
}

} // namespace

void KioskApp::apply_config(const SessionTimings& timings, const std::vector<Lang>& langs, SiteProfile profile,
                            std::string_view paper)
{
    site_profile_ = profile;
    paper_width_ = std::string(paper);
    shell_.reconfigure(timings, langs, setup_.config.profile_homes[static_cast<std::size_t>(profile)]);
    peripherals_->printer().set_width_override(paper_dots(paper));
}

void KioskApp::restore_config()
{
    site_profile_ = setup_.config.site_profile;
    store::Store* store = uplink_->store();
    if (!store)
        return;
    SessionTimings timings = setup_.config.timings;
    std::vector<Lang> langs = setup_.config.languages;
    SiteProfile profile = setup_.config.site_profile;
    std::string paper = "auto";
    bool any = false;
    auto kept = [&](std::string_view key) -> std::optional<std::string> {
        auto v = store->setting(key);
        if (!v || !*v)
            return std::nullopt;
        any = true;
        return **v;
    };
    if (auto v = kept(kIdleSetting)) {
        int s = 0;
        if (std::sscanf(v->c_str(), "%d", &s) == 1 && std::ranges::find(kIdleChoices, s) != kIdleChoices.end())
            timings.idle_timeout = Millis(s * 1000LL);
        else
            spdlog::error("maintenance: the idle timeout kept, '{}', is not one staff can choose; config's stays", *v);
    }
    if (auto v = kept(kLanguagesSetting)) {
        if (auto l = parse_languages(*v); l && std::ranges::find(*l, shell_.settings().default_lang) != l->end())
            langs = *l;
        else
            spdlog::error("maintenance: the languages kept, '{}', do not read; config's stay", *v);
    }
    if (auto v = kept(kProfileSetting)) {
        if (auto p = profile_from_name(*v))
            profile = *p;
        else
            spdlog::error("maintenance: the site profile kept, '{}', is not one; config's stays", *v);
    }
    if (auto v = kept(kPaperSetting)) {
        if (std::ranges::find(kPaperChoices, *v) != kPaperChoices.end())
            paper = *v;
        else
            spdlog::error("maintenance: the paper width kept, '{}', is not one; the printer's own stays", *v);
    }
    for (Lang l : kAllLangs)
        if (auto v = kept(std::string(kHallNameSetting) + std::string(lang_tag(l)))) {
            if (hall_name_fits(*v))
                setup_.config.hall_name.text[static_cast<std::size_t>(l)] = *v;
            else
                spdlog::error("maintenance: the hall name kept for {} does not fit; config's stays", lang_tag(l));
        }
    if (any)
        spdlog::info("maintenance: settings changed by staff apply over config");
    apply_config(timings, langs, profile, paper);
}

void KioskApp::fill_config_view(ui::MaintConfigView& v) const
{
    const Translator& tr = setup_.translator;
    v.hall_name = setup_.config.hall_name.in(shell_.lang());
    const ShellSettings& s = shell_.settings();
    ui::MaintSetting idle{"idle_timeout", std::to_string(s.timings.idle_timeout.count() / 1000), {}, {}, false, false};
    for (int c : kIdleChoices) {
        idle.options.push_back(std::to_string(c));
        idle.labels.push_back(tr.format("maint.span.s"_k, {{"s", std::to_string(c)}}));
    }
    v.settings.push_back(std::move(idle));
    ui::MaintSetting langs{"languages", languages_text(s.languages), {}, {}, false, true};
    for (Lang l : kAllLangs) {
        langs.options.emplace_back(lang_tag(l));
        langs.labels.emplace_back(tr.tr_in(l, "lang.self"_k));
    }
    v.settings.push_back(std::move(langs));
    v.settings.push_back(ui::MaintSetting{"site_profile",
                                          std::string(site_profile_name(site_profile_)),
                                          {std::string(site_profile_name(SiteProfile::hall)),
                                           std::string(site_profile_name(SiteProfile::traffic_point))},
                                          {std::string(tr.tr("maint.config.profile.hall"_k)),
                                           std::string(tr.tr("maint.config.profile.traffic_point"_k))},
                                          false,
                                          false});
    v.settings.push_back(ui::MaintSetting{"paper_width",
                                          paper_width_,
                                          {"auto", "58", "80"},
                                          {std::string(tr.tr("maint.config.paper.auto"_k)), "58 mm", "80 mm"},
                                          false,
                                          false});
    v.result = maint_result_;
}

bool KioskApp::set_config(const std::string& key, const std::string& value)
{
    const Translator& tr = setup_.translator;
    store::Store* store = uplink_->store();
    const ShellSettings& s = shell_.settings();
    SessionTimings timings = s.timings;
    std::vector<Lang> langs = s.languages;
    SiteProfile profile = site_profile_;
    std::string paper = paper_width_;
    std::string before;
    std::string after;
    std::string_view setting;
    MsgKey name = "maint.config.name.idle_timeout"_k;
    auto refuse = [&] {
        maint_result_ = tr.format("maint.config.invalid"_k, {{"key", tr.tr(name)}});
        audit("config_change", "refused", fmt::format("{} {}", key, value.substr(0, 40)));
        return true;
    };
    if (key == "idle_timeout") {
        int secs = 0;
        if (std::sscanf(value.c_str(), "%d", &secs) != 1 || std::ranges::find(kIdleChoices, secs) == kIdleChoices.end())
            return refuse();
        before = std::to_string(timings.idle_timeout.count() / 1000);
        timings.idle_timeout = Millis(secs * 1000LL);
        after = std::to_string(secs);
        setting = kIdleSetting;
    } else if (key == "languages") {
        name = "maint.config.name.languages"_k;
        const auto l = lang_from_tag(value);
        if (!l)
            return refuse();
        before = languages_text(langs);
        if (auto it = std::ranges::find(langs, *l); it != langs.end()) {
            // The default language stays: the attract screen and every session start in it.
            if (*l == s.default_lang || langs.size() == 1) {
                maint_result_ = tr.format("maint.config.keep_default"_k, {{"lang", tr.tr_in(*l, "lang.self"_k)}});
                audit("config_change", "refused", fmt::format("{} {} -{}", key, before, value));
                return true;
            }
            langs.erase(it);
        } else {
            // Offered in the order of kAllLangs, as config lists them.
            langs.push_back(*l);
            std::vector<Lang> ordered;
            for (Lang a : kAllLangs)
                if (std::ranges::find(langs, a) != langs.end())
                    ordered.push_back(a);
            langs = ordered;
        }
        after = languages_text(langs);
        setting = kLanguagesSetting;
    } else if (key == "site_profile") {
        name = "maint.config.name.site_profile"_k;
        const auto p = profile_from_name(value);
        if (!p)
            return refuse();
        before = std::string(site_profile_name(profile));
        profile = *p;
        after = value;
        setting = kProfileSetting;
    } else if (key == "paper_width") {
        name = "maint.config.name.paper_width"_k;
        if (std::ranges::find(kPaperChoices, value) == kPaperChoices.end())
            return refuse();
        before = paper;
        paper = value;
        after = value;
        setting = kPaperSetting;
    } else {
        return false;
    }
    // Kept first: a change that would be gone at the next start is not made.
    if (!store) {
        maint_result_ = std::string(tr.tr("maint.config.not_kept"_k));
        audit("config_change", "failed", fmt::format("{} {} -> {}", key, before, after));
        return true;
    }
    if (auto put = store->put_setting(setting, after); !put) {
        spdlog::error("maintenance: {} not kept: {}", key, put.error().message);
        maint_result_ = std::string(tr.tr("maint.config.not_kept"_k));
        audit("config_change", "failed", fmt::format("{} {} -> {}", key, before, after));
        return true;
    }
    apply_config(timings, langs, profile, paper);
    std::string shown = after;
    if (key == "idle_timeout")
        shown = tr.format("maint.span.s"_k, {{"s", after}});
    else if (key == "site_profile")
        shown = tr.tr(profile == SiteProfile::hall ? "maint.config.profile.hall"_k : "maint.config.profile.traffic_point"_k);
    else if (key == "paper_width")
        shown = paper == "auto" ? std::string(tr.tr("maint.config.paper.auto"_k)) : paper + " mm";
    maint_result_ = tr.format("maint.config.changed"_k, {{"key", tr.tr(name)}, {"value", shown}});
    audit("config_change", "ok", fmt::format("{} {} -> {}", key, before, after));
    return true;
}

bool KioskApp::type_hall_name(const text::Key& key)
{
    if (!hall_entry_)
        return false;
    hall_entry_->press(key);
    if (key.kind != text::Key::Kind::done)
        return true;
    const Translator& tr = setup_.translator;
    const std::string name = hall_entry_->text();
    const Lang lang = hall_entry_lang_;
    const std::string key_name = std::string(kHallNameSetting) + std::string(lang_tag(lang));
    if (!hall_name_fits(name)) {
        maint_result_ = std::string(tr.tr("maint.config.hall_name.invalid"_k));
        audit("config_change", "refused",
              fmt::format("hall_name {} not 1 to {} characters", lang_tag(lang), kMaxHallNameChars));
        return true; // the keyboard stays up with what was typed
    }
    store::Store* store = uplink_->store();
    auto put = store ? store->put_setting(key_name, name) : Result<void>(std::unexpected(Error{"no store", 0}));
    if (!put) {
        spdlog::error("maintenance: the hall name not kept: {}", put.error().message);
        maint_result_ = std::string(tr.tr("maint.config.not_kept"_k));
        audit("config_change", "failed", fmt::format("hall_name {}", lang_tag(lang)));
        hall_entry_.reset();
        return true;
    }
    setup_.config.hall_name.text[static_cast<std::size_t>(lang)] = name;
    maint_result_ =
        tr.format("maint.config.changed"_k, {{"key", tr.tr("maint.config.name.hall_name"_k)}, {"value", name}});
    // The name is the hall's own and public: the record may carry it.
    audit("config_change", "ok", fmt::format("hall_name {} -> {}", lang_tag(lang), name));
    hall_entry_.reset();
    return true;
}

void KioskApp::fill_identity_view(ui::MaintIdentityView& v) const
{
    if (const uplink::DeviceIdentity* id = uplink_->identity()) {
        v.kid = id->kid();
        if (const auto& c = id->certificate()) {
            v.subject = c->subject;
            v.not_after = c->not_after;
        }
        if (const auto& next = id->next_key())
            v.pending_kid = next->kid + (next->certificate ? " · " + std::string(setup_.translator.tr(
                                                                         "maint.id.at_next_start"_k))
                                                           : std::string());
    }
    v.cert_file = certificate_file_name(setup_.config.kiosk_id);
    v.targets = maint_targets();
    v.result = maint_result_;
}

bool KioskApp::new_identity_key()
{
    const Translator& tr = setup_.translator;
    uplink::DeviceIdentity* id = uplink_->identity_for_change();
    if (!id) {
        maint_result_ = std::string(tr.tr("maint.logs.no_identity"_k));
        audit("new_key", "failed", "no identity");
        return true;
    }
    auto request = id->make_next_key_request(setup_.config.kiosk_id, setup_.config.hall_id);
    if (!request) {
        spdlog::error("maintenance: no new key: {}", request.error().message);
        maint_result_ = tr.format("maint.id.failed"_k, {{"why", request.error().message}});
        audit("new_key", "failed", "");
        return true;
    }
    // The request goes where staff can take it away: USB storage when there is some, else the
    // kiosk's own folder.
    return hand_over_request("new_key", maint_targets().back().path, request->kid, request->csr,
                             "maint.id.csr_written"_k);
}

bool KioskApp::hand_over_request(std::string_view action, const std::filesystem::path& folder, std::string_view kid,
                                 std::string_view csr, MsgKey written)
{
    const Translator& tr = setup_.translator;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec); // the kiosk's own: made when first used
    const std::filesystem::path file = folder / fmt::format("{}-{}.csr.pem", setup_.config.kiosk_id, kid.substr(0, 8));
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << csr;
    out.flush();
    if (!out) {
        maint_result_ = tr.format("maint.id.csr_not_written"_k, {{"file", file.string()}});
        audit(action, "failed", fmt::format("csr not written, key {}", kid));
        return true;
    }
    maint_result_ = tr.format(written, {{"file", file.string()}});
    audit(action, "ok", fmt::format("key {}", kid));
    return true;
}

bool KioskApp::write_certificate_request(std::size_t target)
{
    const Translator& tr = setup_.translator;
    const auto targets = maint_targets();
    const uplink::DeviceIdentity* id = uplink_->identity();
    if (target >= targets.size())
        return false;
    if (!id) {
        maint_result_ = std::string(tr.tr("maint.logs.no_identity"_k));
        audit("write_csr", "failed", "no identity");
        return true;
    }
    // The key the kiosk has signed with since its first start: the request the installer would
    // have written with --write-csr.
    auto csr = id->make_csr(setup_.config.kiosk_id, setup_.config.hall_id);
    if (!csr) {
        spdlog::error("maintenance: no certificate request: {}", csr.error().message);
        maint_result_ = tr.format("maint.id.failed"_k, {{"why", csr.error().message}});
        audit("write_csr", "failed", "");
        return true;
    }
    return hand_over_request("write_csr", targets[target].path, id->kid(), *csr, "maint.id.request_written"_k);
}

bool KioskApp::install_certificate(std::size_t target)
{
    const Translator& tr = setup_.translator;
    const auto targets = maint_targets();
    uplink::DeviceIdentity* id = uplink_->identity_for_change();
    if (target >= targets.size())
        return false;
    if (!id) {
        maint_result_ = std::string(tr.tr("maint.logs.no_identity"_k));
        audit("install_certificate", "failed", "no identity");
        return true;
    }
    const std::filesystem::path file =
        std::filesystem::path(targets[target].path) / certificate_file_name(setup_.config.kiosk_id);
    std::ifstream in(file, std::ios::binary);
    std::stringstream pem;
    pem << in.rdbuf();
    if (!in || pem.str().empty() || pem.str().size() > 64 * 1024) {
        maint_result_ = tr.format("maint.id.no_cert_file"_k, {{"file", file.string()}});
        audit("install_certificate", "failed", "no file");
        return true;
    }
    const bool was_enrolled = uplink_->enrolled();
    auto installed = id->install_certificate(pem.str(), unix_now());
    if (!installed) {
        spdlog::error("maintenance: certificate {} not installed: {}", file.string(), installed.error().message);
        maint_result_ = tr.format("maint.id.failed"_k, {{"why", installed.error().message}});
        audit("install_certificate", "refused", "");
        return true;
    }
    // The first certificate for the key that signs: the kiosk is enrolled. Its connections so far
    // went without one and the central side refused its records, so sending, fetching and
    // booking start again now, showing it, rather than at the next start.
    const bool enrolled_now = !was_enrolled && uplink_->enrolled();
    if (enrolled_now) {
        uplink_->restart_sync(setup_.config);
        booking_flow_->set_desk(uplink_->desk());
        next_uplink_look_ = now();
    }
    const MsgKey said = installed->at_next_start ? "maint.id.installed_next"_k
                        : enrolled_now           ? "maint.id.enrolled"_k
                                                 : "maint.id.installed"_k;
    maint_result_ = tr.format(said, {{"subject", installed->subject}, {"not_after", installed->not_after}});
    audit("install_certificate", "ok",
          fmt::format("key {} until {}{}", installed->kid, installed->not_after,
                      installed->at_next_start ? " at next start"
                      : enrolled_now           ? " enrolled"
                                               : ""));
    return true;
}

} // namespace hk::app
