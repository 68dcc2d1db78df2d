// The kiosk program and its frame loop (see kiosk_app.hpp).
//
// The loop sleeps in SDL_WaitEventTimeout until an event arrives or something on screen is due
// to change (the attract clock's minute, the idle countdown's second, the busy spinner), and
// draws only then: an idle kiosk uses next to no CPU.
#include "kiosk_app.hpp"

#include "install_paths.hpp"

#include "file_replay_guard.hpp"
#include "memory_replay_guard.hpp"
#include "receipts.hpp"
#include "request_records.hpp"
#include "rfc3339.hpp"
#include "tracking_code.hpp"
#include "screens.hpp"
#include "theme.hpp"
#include "token.hpp"

#include <imgui.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <thread>
#include <unistd.h>

namespace hk::app {
namespace {

using Clock = std::chrono::steady_clock;

double ms_between(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// The text each face must draw: the translations in the languages drawn with it, and config's
// texts in those languages.
ui::FaceText face_text(ui::Face face, const Translator& tr, const KioskConfig& cfg)
{
    ui::FaceText t;
    for (Lang lang : kAllLangs) {
        if (ui::face_for(lang) != face)
            continue;
        for (const auto& [id, text] : tr.catalogue(lang).entries())
            t.ui += text;
        t.ui += cfg.hall_name.in(lang);
        t.ui += cfg.help_desk.in(lang);
        for (const ServiceConfig& s : cfg.services)
            if (s.instead)
                t.ui += s.instead->in(lang);
        t.hero += tr.tr_in(lang, "attract.touch"_k);
        t.hero += cfg.hall_name.in(lang);
    }
    return t;
}

} // namespace

std::filesystem::path find_assets_dir() { return install_paths().assets; }

std::filesystem::path default_config_path() { return install_paths().config; }

WindowSpec window_spec(const Options& o, const KioskConfig* cfg)
{
    WindowSpec spec;
    spec.fullscreen = (!cfg || cfg->fullscreen) && !o.windowed && !o.size && o.script.empty();
    const Size size = o.size.value_or(o.script.empty() ? Size{1280, 720} : Size{1920, 1080});
    spec.width = size.width;
    spec.height = size.height;
    spec.rotation_deg = o.rotation_deg.value_or(cfg ? cfg->rotation_deg : 0);
    return spec;
}

Result<std::unique_ptr<KioskApp>> KioskApp::create(AppSetup setup)
{
    const Options& o = setup.options;
    const KioskConfig& cfg = setup.config;
    if (o.lang && std::ranges::find(cfg.languages, *o.lang) == cfg.languages.end())
        return fail("--lang " + std::string(lang_tag(*o.lang)) + " is not among the languages offered in " +
                    cfg.file.string());

    // The state folder is locked before the window opens: a second kiosk started by mistake
    // says so in the log and leaves the screen to the first.
    if (!setup.lock) {
        setup.folders = app_folders(setup.options, setup.config);
        auto lock = InstanceLock::acquire(setup.folders.state);
        if (!lock)
            return fail(lock.error().message);
        setup.lock = std::move(*lock);
    }

    WindowSpec spec = window_spec(o, &cfg);
    spec.software = cfg.renderer == RendererKind::software;
    spec.title = "hallkiosk — " + cfg.hall_name.in(Lang::zh_Hans);
    auto platform = Platform::create(spec);
    if (!platform)
        return std::unexpected(platform.error());

    auto fonts = ui::FontSet::open({cfg.font_regular, cfg.font_bold});
    if (!fonts)
        return std::unexpected(fonts.error());
    for (ui::Face face : {ui::Face::sc, ui::Face::tc})
        fonts->set_text(face, face_text(face, setup.translator, cfg));

    return std::unique_ptr<KioskApp>(new KioskApp(std::move(setup), std::move(*platform), std::move(*fonts)));
}

AppFolders app_folders(const Options& options, const KioskConfig& config)
{
    AppFolders f;
    if (options.demo) {
        // A folder of its own per run, so that pictures of an earlier run never mix in.
        std::error_code ec;
        const auto base = std::filesystem::temp_directory_path(ec);
        f.receipts = (ec ? std::filesystem::path("/tmp") : base) / "hallkiosk-receipts" /
                     fmt::format("{}-{}", static_cast<long long>(std::time(nullptr)), getpid());
    }
    f.state = !options.state_dir.empty() ? options.state_dir
              : options.demo ? f.receipts.parent_path().parent_path() / "hallkiosk-state" / f.receipts.filename()
                             : config.state_dir;
    return f;
}

namespace {

ShellSettings shell_settings(const KioskConfig& cfg, const Options& o)
{
    ShellSettings s;
    s.timings = cfg.timings;
    s.default_lang = o.lang.value_or(cfg.default_lang);
    s.languages = cfg.languages;
    s.home = cfg.home;
    s.disabled = cfg.disabled_services();
    if (const ServiceConfig* traffic = cfg.service(ServiceId::traffic_request))
        s.traffic_groups = traffic->groups;
    return s;
}

} // namespace

KioskApp::KioskApp(AppSetup setup, std::unique_ptr<Platform> platform, ui::FontSet fonts)
    : setup_(std::move(setup)), platform_(std::move(platform)), fonts_(std::move(fonts)),
      shell_(shell_settings(setup_.config, setup_.options))
{
    for (const ServiceConfig& s : setup_.config.services)
        if (s.instead)
            instead_.emplace(s.id, *s.instead);
    if (!setup_.options.script.empty())
        virtual_now_ = Clock::now();
    setup_.translator.set_lang(shell_.lang());
    last_frame_ = now();
    spdlog::info("display {}x{} on video driver '{}', renderer '{}'", platform_->width(), platform_->height(),
                 platform_->video_driver(), platform_->renderer_name());
    wake_event_ = SDL_RegisterEvents(1);
    peripherals_ = Peripherals::start(setup_.devices, setup_.options.demo, [type = wake_event_] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e); // thread-safe: wakes the loop's wait
    });
    receipts_dir_ = setup_.folders.receipts;
    if (setup_.options.demo)
        spdlog::info("demo: printed receipts are saved as pictures in {}", receipts_dir_.string());
    for (const sim::DemoCard& c : sim::demo_cards())
        demo_view_.cards.push_back(c.label);
    state_dir_ = setup_.folders.state;
    uplink_ = UplinkService::open(setup_.config, state_dir_);
    uplink_->start_sync(setup_.config);
    uplink_view_ = uplink_->view();
    pinyin_ = PinyinInput::start(install_paths().rime);
    booking_flow_ = std::make_unique<BookingFlow>([type = wake_event_] {
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);
    });
    booking_flow_->set_desk(uplink_->desk());
    booking_flow_->on_booked = [this](const ConfirmedBooking& c) { print_booking_pass(c); };
    booking_flow_->on_signed_up = [this](const intent::SignedUp& su, const std::string& activity) {
        print_signup_slip(su, activity);
    };
    booking_flow_->rating_check_body = [this](const Shell& shell) {
        return rating_check_body(shell.rate(), rating_context()).dump();
    };
    lists_generation_ = uplink_->catalogue_generation();
    load_request_lists();
    load_booking_lists();
    load_rating_lists();
    load_directory_lists();
    router_ = make_router();
    if (auto opened = codes::FileReplayGuard::open(state_dir_ / "rated", ScanRouter::system_unix_time())) {
        rated_ = std::move(*opened);
    } else {
        // Ratings are still taken; the central side keeps one per subject on upload.
        spdlog::error("rating: what this kiosk rated cannot be kept on disk: {}", opened.error().message);
        rated_ = std::make_unique<codes::MemoryReplayGuard>();
    }
    if (demo_codes_)
        for (const DemoCode& c : demo_codes_->codes())
            demo_view_.codes.push_back(c.kind);
    if (setup_.options.demo && setup_.config.camera.device.empty()) {
        demo_camera_.emplace();
        peripherals_->start_camera(demo_camera_->source());
        demo_view_.camera = true;
        spdlog::info("demo: a pretend camera scans codes too");
    } else {
        peripherals_->start_camera(setup_.config.camera);
    }
    refresh_demo_view();
    restore_lockout();
    restore_config();
}

KioskApp::~KioskApp()
{
    if (export_thread_.joinable())
        export_thread_.join(); // it signs with the uplink's identity
}

void KioskApp::follow_request_describe()
{
    const bool on_request = shell_.in_session() && shell_.screen().kind == ScreenKind::request;
    if (!on_request) {
        describe_.reset(); // the entry wipes what was typed
        return;
    }
    if (shell_.request_step() == RequestStep::describe && !describe_) {
        describe_.emplace(pinyin_.entry(shell_.lang(), kMaxDescriptionChars));
        describe_lang_ = shell_.lang();
        dirty_ = true;
    }
    if (describe_ && describe_lang_ != shell_.lang()) {
        describe_->set_lang(shell_.lang());
        describe_lang_ = shell_.lang();
    }
}

bool KioskApp::type_key(const intent::TypeKey& k)
{
    if (!describe_ || shell_.screen().kind != ScreenKind::request || shell_.request_step() != RequestStep::describe)
        return false;
    std::vector<std::string> phrases = shell_.request().phrases;
    if (k.key.kind == text::Key::Kind::phrase && !k.phrase.empty())
        phrases.push_back(k.phrase);
    const bool done = k.key.kind == text::Key::Kind::done;
    describe_->press(k.key);
    // The draft keeps the text as it is now, so that back, the language switch and the steps
    // after it see what the resident wrote; "done" is the step's way on.
    shell_.apply(intent::Describe{describe_->text(), std::move(phrases)}, now());
    if (done)
        shell_.apply(intent::NextStep{}, now());
    dirty_ = true;
    return true;
}

std::int64_t KioskApp::unix_now() const
{
    return std::chrono::duration_cast<std::chrono::seconds>(wall_now().time_since_epoch()).count();
}


bool KioskApp::submit_request()
{
    if (!shell_.in_session() || shell_.screen().kind != ScreenKind::request ||
        shell_.request_step() != RequestStep::review || shell_.filed())
        return false;
    const RequestDraft& draft = shell_.request();
    if (auto problem = submit_problem(draft)) {
        spdlog::warn("request: submit with the draft incomplete (problem {})", static_cast<int>(*problem));
        return false;
    }
    const auto failed = [this](std::string_view why) {
        spdlog::error("request: not filed: {}", why);
        return apply(intent::SubmitFailed{});
    };
    store::Store* store = uplink_->store();
    if (const UplinkView v = uplink_->view(); !store || !v.accepting)
        return failed(v.problem.empty() ? "no store" : v.problem);
    const std::int64_t filed_unix = unix_now();
    const ReceiptTime local = receipt_time(filed_unix);
    auto code = next_tracking_code(*store, setup_.config.kiosk_number, {local.year, local.month, local.day});
    if (!code)
        return failed(code.error().message);
    const RequestContext context{setup_.config.hall_id, shell_.lang(), uplink::format_rfc3339_utc(filed_unix)};
    auto entry = uplink_->submit("request", request_body(draft, *code, context));
    if (!entry)
        return failed(entry.error().message);
    const uplink::Category* category = uplink::find_category(request_lists_.groups, draft.category);
    const FiledRequest filed{code->number,
                             code->check,
                             draft.category,
                             category ? category->response_hours : 0,
                             filed_unix,
                             draft.reporter == ReporterKind::named};
    spdlog::info("request: filed {} under {} ({}), record seq {}", code->number, draft.category,
                 filed.named ? "named" : "anonymous", entry->seq);
    // The receipt takes the masked name from the draft, which the done screen's intent wipes.
    print_request_receipt(filed, draft);
    return apply(intent::Filed{filed});
}

void KioskApp::print_request_receipt(const FiledRequest& f, const RequestDraft& draft)
{
    const Lang lang = shell_.lang();
    const uplink::Category* category = uplink::find_category(request_lists_.groups, f.category);
    RequestFiled q{codes::group_tracking_number(f.tracking),
                   f.check,
                   category ? category->name.in(lang) : f.category,
                   setup_.config.hall_name.in(lang),
                   receipt_time(f.filed_unix),
                   receipt_time(f.filed_unix + static_cast<std::int64_t>(f.response_hours) * 3600),
                   f.named,
                   f.named ? draft.name : Personal(Personal::Kind::name, ""),
                   f.named ? draft.id_number : Personal(Personal::Kind::id_number, ""),
                   codes::format_tracking_qr({f.tracking, f.check})};
    const Translator& tr = setup_.translator; // lives as long as the app, which outlives the printer's jobs
    peripherals_->printer().print("request receipt " + f.tracking, [q = std::move(q), &tr, lang](bool reprint) {
        return request_receipt(q, tr, lang, reprint);
    });
}

namespace {

FollowAnswer follow_answer(const uplink::StatusAnswer& a)
{
    FollowAnswer out;
    switch (a.kind) {
    case uplink::StatusAnswer::Kind::found: out.kind = FollowAnswer::Kind::found; break;
    case uplink::StatusAnswer::Kind::unknown: out.kind = FollowAnswer::Kind::unknown; break;
    case uplink::StatusAnswer::Kind::invalid: out.kind = FollowAnswer::Kind::bad_number; break;
    case uplink::StatusAnswer::Kind::unreachable:
        out.kind = a.doc ? FollowAnswer::Kind::cached : FollowAnswer::Kind::unreachable;
        break;
    }
    if (a.doc && (out.kind == FollowAnswer::Kind::found || out.kind == FollowAnswer::Kind::cached)) {
        out.status = std::string(uplink::request_state_name(a.doc->status));
        out.category = a.doc->category;
        out.due = a.doc->due;
        out.rated = a.doc->rated;
        for (const uplink::RequestStage& st : a.doc->stages)
            out.stages.push_back(FollowStage{st.stage, st.at, st.unit, st.note});
        out.fetched_unix_ms = a.fetched_ms.value_or(0);
    }
    return out;
}

} // namespace

void KioskApp::follow_request_status()
{
    const FollowState& f = shell_.follow();
    const bool asking =
        shell_.in_session() && shell_.screen().kind == ScreenKind::follow && f.step == FollowStep::asking;
    if (!asking) {
        asked_ = false; // an answer still on its way is dropped: its question is no longer on screen
        return;
    }
    if (asked_)
        return;
    asked_ = true;
    const std::uint64_t question = ++question_seq_;
    if (!codes::valid_tracking_number(f.tracking)) {
        spdlog::info("follow: a tracking number with a wrong check digit was typed");
        FollowAnswer bad;
        bad.kind = FollowAnswer::Kind::bad_number;
        apply(intent::FollowAnswered{bad});
        return;
    }
    uplink::Fetcher* fetcher = uplink_->fetcher();
    if (!fetcher) {
        spdlog::warn("follow: no status can be asked: the kiosk has no fetcher");
        apply(intent::FollowAnswered{FollowAnswer{}}); // unreachable, nothing cached
        return;
    }
    spdlog::info("follow: asking the status of {}{}", f.tracking, f.scanned ? " (scanned)" : "");
    fetcher->request_status(f.tracking, f.check,
                            [box = status_box_, question, type = wake_event_](uplink::StatusAnswer a) {
                                {
                                    std::lock_guard lock(box->mutex);
                                    box->question = question;
                                    box->answer = std::move(a);
                                }
                                SDL_Event e{};
                                e.type = type;
                                SDL_PushEvent(&e);
                            });
}

void KioskApp::take_status_answer()
{
    if (!asked_)
        return; // nothing on screen waits; a late answer is dropped when the next question is asked
    std::optional<uplink::StatusAnswer> answer;
    {
        std::lock_guard lock(status_box_->mutex);
        if (!status_box_->answer)
            return;
        if (status_box_->question == question_seq_ && asked_)
            answer = std::move(status_box_->answer);
        status_box_->answer.reset();
    }
    if (!answer)
        return;
    if (!answer->error.empty())
        spdlog::warn("follow: {}", answer->error);
    const FollowAnswer shown = follow_answer(*answer);
    spdlog::info("follow: answer {} ({})", static_cast<int>(shown.kind), shown.status);
    apply(intent::FollowAnswered{shown});
}

bool KioskApp::send_feedback(const Intent& in)
{
    const FollowState& f = shell_.follow();
    if (!shell_.in_session() || shell_.screen().kind != ScreenKind::follow || !f.answer)
        return false;
    const std::string at = uplink::format_rfc3339_utc(unix_now());
    std::string type = "request_feedback";
    nlohmann::json body;
    FollowSent sent = FollowSent::none;
    if (std::holds_alternative<intent::FollowConfirm>(in)) {
        if (f.step != FollowStep::status || !f.can_confirm())
            return false;
        body = {{"tracking", f.tracking}, {"check", f.check}, {"action", "confirm"}, {"at", at}};
        sent = FollowSent::confirmed;
    } else if (const auto* r = std::get_if<intent::FollowReason>(&in)) {
        const ReopenReason* reason = find_reopen_reason(r->id);
        if (f.step != FollowStep::reopen_reason || !reason)
            return false;
        shell_.apply(in, now());
        // The reason in the resident's words, as staff read it.
        body = {{"tracking", f.tracking},
                {"check", f.check},
                {"action", "reopen"},
                {"reason", std::string(setup_.translator.tr_in(shell_.lang(), reason->words))},
                {"at", at}};
        sent = FollowSent::reopened;
    } else if (const auto* rate = std::get_if<intent::FollowRate>(&in)) {
        if (f.step != FollowStep::rate || rate->level < 1 || rate->level > 5)
            return false;
        if (rate->level <= 2) { // the rating screen asks what went wrong, and sends it
            dirty_ = true;
            return shell_.apply(in, now());
        }
        shell_.apply(in, now());
        type = "rating";
        RateState rating;
        rating.subject = RateSubject::request(f.tracking, f.check);
        rating.level = rate->level;
        body = rating_body(rating, rating_context());
        sent = FollowSent::rated;
    } else {
        return false;
    }
    auto entry = uplink_->submit(type, body);
    if (!entry)
        spdlog::error("follow: a {} of {} was not kept: {}", type, f.tracking, entry.error().message);
    else
        spdlog::info("follow: {} {} for {} kept (seq {})", type, static_cast<int>(sent), f.tracking, entry->seq);
    if (entry && sent == FollowSent::rated)
        if (const auto key = rated_key(RateSubject::request(f.tracking, f.check)))
            rated_->consume(*key, unix_now() + kRatedKeepSeconds);
    return apply(intent::FollowDone{sent, entry.has_value()});
}

void KioskApp::follow_request_card()
{
    // The request's ID card step asks the reader for a read of its own (a card read earlier in
    // the session does not count), and takes the card's name and number once it comes.
    const bool wants = card_step();
    if (wants && !wanting_card_) {
        card_reads_seen_ = card_.reads;
        peripherals_->card_reader().want_card();
    }
    wanting_card_ = wants;
    if (!wants || !card_.card || card_.reads == card_reads_seen_)
        return;
    card_reads_seen_ = card_.reads;
    const idcard::CardText& text = card_.card->text;
    const Personal& name = text.name.empty() ? text.english_name : text.name;
    if (!apply(intent::CardRead{name, text.id_number}))
        spdlog::warn("card: the card read has no name or number to go on with");
}

namespace {

// The items of the cached catalogue `name` as `read` takes them, into `out`; what does not read
// is logged and leaves `out` as it was.
template <typename T, typename Read>
void load_list(store::Store& store, std::string_view name, Read read, std::vector<T>& out)
{
    auto doc = store.catalogue(name);
    if (!doc || !*doc)
        return;
    auto parsed = read((*doc)->body);
    if (auto* r = std::get_if<uplink::ReadItems<T>>(&parsed)) {
        if (r->left_out > 0)
            spdlog::warn("catalogue: {} items of {} left out: they do not read", r->left_out, name);
        out = std::move(r->items);
    } else {
        spdlog::error("catalogue: {} does not read: {}", name, std::get<uplink::ParseError>(parsed).message);
    }
}

} // namespace

void KioskApp::load_request_lists()
{
    store::Store* store = uplink_ ? uplink_->store() : nullptr;
    if (!store)
        return;
    load_list(*store, "categories", uplink::read_categories, request_lists_.groups);
    load_list(*store, "communities", uplink::read_communities, request_lists_.communities);
    std::vector<std::string> groups;
    for (const uplink::CategoryGroup& g : request_lists_.groups)
        groups.push_back(g.id);
    shell_.set_catalogue_groups(std::move(groups)); // whether the traffic request has a group to file under
}

void KioskApp::load_booking_lists()
{
    store::Store* store = uplink_ ? uplink_->store() : nullptr;
    if (!store)
        return;
    load_list(*store, "venues", uplink::read_venues, booking_lists_.venues);
    load_list(*store, "activities", uplink::read_activities, booking_lists_.activities);
}

void KioskApp::load_rating_lists()
{
    store::Store* store = uplink_ ? uplink_->store() : nullptr;
    if (!store)
        return;
    std::vector<uplink::ServiceWindow> windows;
    load_list(*store, "windows", uplink::read_windows, windows);
    // This hall's windows, by number; a number twice is shown once (the first).
    std::erase_if(windows, [&](const uplink::ServiceWindow& w) { return w.hall != setup_.config.hall_id; });
    std::ranges::stable_sort(windows, {}, &uplink::ServiceWindow::number);
    const auto [first, last] = std::ranges::unique(windows, {}, &uplink::ServiceWindow::number);
    windows.erase(first, last);
    rating_lists_.windows = std::move(windows);
    load_list(*store, "rating_reasons", uplink::read_rating_reasons, rating_lists_.reasons);
    load_list(*store, "questionnaires", uplink::read_questionnaires, rating_lists_.questionnaires);
}

void KioskApp::load_directory_lists()
{
    store::Store* store = uplink_ ? uplink_->store() : nullptr;
    if (!store)
        return;
    load_list(*store, "directory", uplink::read_directory, directory_lists_.services);
    load_list(*store, "teams", uplink::read_teams, directory_lists_.teams);
    load_list(*store, "traffic_safety", uplink::read_traffic_safety, directory_lists_.safety);
}

codes::TrustedKeys KioskApp::trusted_keys() const
{
    codes::TrustedKeys keys;
    for (const TrustedKeyConfig& k : setup_.config.trusted_keys) // checked as config was read
        if (auto why = keys.add_pem(k.kid, *codes::algorithm_from_name(k.alg), k.public_key_pem, k.not_after))
            spdlog::error("scan: trusted key {} not loaded: {}", k.kid, *why);
    if (demo_codes_)
        if (auto why = keys.add(DemoCodes::kKeyId, codes::Algorithm::es256, demo_codes_->key()))
            spdlog::error("demo: the sample codes' key is not trusted: {}", *why);
    // The central platform's keys as last fetched; checked for shape when they came. (The demo's
    // central side serves the demo key back: the same key, no conflict.)
    store::Store* store = uplink_ ? uplink_->store() : nullptr;
    auto doc = store ? store->catalogue("keys") : Result<std::optional<store::CatalogueDoc>>(std::nullopt);
    if (doc && *doc)
        add_catalogue_keys(keys, (*doc)->body);
    return keys;
}

std::unique_ptr<ScanRouter> KioskApp::make_router()
{
    const std::int64_t unix_now = ScanRouter::system_unix_time();
    const std::filesystem::path& state = state_dir_;
    if (setup_.options.demo) {
        codes::PkeyPtr key;
        if (!setup_.options.demo_key.empty()) {
            if (auto loaded = DemoCodes::load_key(setup_.options.demo_key))
                key = std::move(*loaded);
            else // read at start; gone since
                spdlog::error("demo: {}; the sample codes are signed with a key made now", loaded.error().message);
        }
        demo_codes_ = DemoCodes::make(setup_.config.hall_id, unix_now, std::move(key));
    }
    keys_generation_ = uplink_->keys_generation();
    codes::TrustedKeys keys = trusted_keys();
    std::unique_ptr<codes::ReplayGuard> guard;
    if (auto opened = codes::FileReplayGuard::open(state, unix_now)) {
        guard = std::move(*opened);
    } else {
        spdlog::error("scan: the used passes cannot be kept in {} ({}); they are remembered until the kiosk stops",
                      state.string(), opened.error().message);
        guard = std::make_unique<codes::MemoryReplayGuard>();
    }
    if (demo_codes_)
        guard->consume(demo_codes_->used_pass_id(), demo_codes_->used_pass_exp()); // checked in earlier
    spdlog::info("scan: {} trusted keys; codes are checked for hall {}", keys.size(), setup_.config.hall_id);
    return std::make_unique<ScanRouter>(std::move(keys), setup_.config.hall_id, std::move(guard));
}

ui::ScanNotice KioskApp::check_in(const codes::BookingPass& pass)
{
    const nlohmann::json body = {{"pass", pass.pass_id},
                                 {"ref", pass.ref},
                                 {"hall", setup_.config.hall_id},
                                 {"at", uplink::format_rfc3339_utc(unix_now())}};
    auto entry = uplink_->submit("checkin", body);
    if (!entry) {
        spdlog::error("checkin: booking {} not kept: {}", pass.ref, entry.error().message);
        return ui::ScanNotice::checkin_not_kept;
    }
    // Only a check-in that is kept uses the pass up: one that could not be kept can be tried again.
    if (pass.once && !router_->replay_guard().consume(pass.pass_id, pass.exp))
        spdlog::warn("checkin: pass {} was already marked used", pass.pass_id);
    const auto until = static_cast<std::time_t>(pass.exp);
    std::tm tm{};
    localtime_r(&until, &tm);
    char hhmm[8];
    std::strftime(hhmm, sizeof hhmm, "%H:%M", &tm);
    checkin_ = ui::CheckIn{pass.ref, hhmm};
    spdlog::info("checkin: booking {} checked in (record seq {})", pass.ref, entry->seq);
    return ui::ScanNotice::checked_in;
}

void KioskApp::scanned_ticket(const codes::QueueTicket& ticket, const std::string& text)
{
    // The window is an id of the public windows catalogue; the ticket's id and the staff member's
    // are never logged (docs/codes.md, "What the kiosk logs").
    spdlog::info("scan: a queue ticket of window {}", ticket.window);
    // Its window's rating, from the attract screen too.
    if (!shell_.offered(ServiceId::rate_service) || take_card_)
        return;
    if (!shell_.in_session())
        apply(intent::Start{});
    apply(intent::RateTicket{ticket.window, text, ticket.staff});
}

bool KioskApp::scanned_for_rating(const codes::RoutedCode& code, const std::string& text)
{
    // The rating's pass step reads a booking pass to rate the venue used, never to check in.
    if (const auto* pass = std::get_if<codes::BookingPass>(&code)) {
        apply(intent::RatePass{text, pass->ref});
        return true;
    }
    if (const auto* r = std::get_if<codes::Rejected>(&code); r && r->reason != codes::Reason::not_ours) {
        const RateRefusal why = r->reason == codes::Reason::wrong_hall ? RateRefusal::other_hall
                                : r->reason == codes::Reason::not_yet_valid || r->reason == codes::Reason::expired
                                    ? RateRefusal::not_rateable
                                    : RateRefusal::invalid;
        apply(intent::RateRefused{why});
        return true;
    }
    return false;
}

ui::ScanNotice KioskApp::scan_notice() const
{
    return now() < scan_notice_until_ ? scan_notice_ : ui::ScanNotice::none;
}

void KioskApp::on_scanned(scanner::ScanOutcome& outcome, ui::DemoEvent& shown)
{
    if (maint_scanned(outcome))
        return; // maintenance mode's: a badge, or a test scan
    ui::ScanNotice notice = ui::ScanNotice::none;
    const Translator& tr = setup_.translator;
    if (auto* problem = std::get_if<scanner::ScanProblem>(&outcome)) {
        notice = ScanRouter::problem(*problem);
        last_scan_.reset();
        demo_view_.last_scan = std::string(tr.tr("demo.scan.result.cut_off"_k));
        shown.preview = std::string(tr.tr("demo.code.cut_off"_k));
    } else {
        const scanner::ScanEvent& scan = std::get<scanner::ScanEvent>(outcome);
        const bool for_rating = shell_.in_session() && shell_.screen().kind == ScreenKind::rate &&
                                shell_.rate().step == RateStep::pass;
        last_scan_ = router_->route(scan, for_rating);
        if (for_rating && scanned_for_rating(last_scan_->code, scan.data)) {
            dirty_ = true;
            return;
        }
        camera_scans_ += scan.source == scanner::ScanEvent::Source::camera;
        notice = notice_for(last_scan_->code);
        shown.bytes = scan.data.size();
        shown.preview = std::string(scanner::symbology_name(scan.aim_id));
        if (const auto* r = std::get_if<codes::Rejected>(&last_scan_->code)) {
            demo_view_.last_scan = tr.format("demo.scan.result.refused"_k, {{"reason", codes::reason_name(r->reason)}});
        } else {
            const MsgKey kind =
                std::holds_alternative<codes::BookingPass>(last_scan_->code)   ? "demo.scan.kind.booking_pass"_k
                : std::holds_alternative<codes::StaffBadge>(last_scan_->code)  ? "demo.scan.kind.staff_badge"_k
                : std::holds_alternative<codes::QueueTicket>(last_scan_->code) ? "demo.scan.kind.queue_ticket"_k
                                                                               : "demo.scan.kind.tracking_code"_k;
            demo_view_.last_scan = tr.format(
                "demo.scan.result.taken"_k,
                {{"kind", tr.tr(kind)},
                 {"ms",
                  fmt::format("{:.2f}", std::chrono::duration<double, std::milli>(last_scan_->latency).count())}});
        }
    }
    // A booking pass the router took (signature, hall, time and single use checked, the pass now
    // used): the resident is checked in, as a record for the central side.
    if (const auto* pass = last_scan_ ? std::get_if<codes::BookingPass>(&last_scan_->code) : nullptr)
        notice = check_in(*pass);
    if (const auto* ticket = last_scan_ ? std::get_if<codes::QueueTicket>(&last_scan_->code) : nullptr)
        scanned_ticket(*ticket, std::get<scanner::ScanEvent>(outcome).data);
    scan_notice_ = notice;
    scan_notice_until_ = notice == ui::ScanNotice::none ? SteadyTime{} : now() + kScanNoticeTime;
    dirty_ = true;
    // A receipt's code: its request's status, from the attract screen too.
    if (const auto* code = last_scan_ ? std::get_if<codes::TrackingCode>(&last_scan_->code) : nullptr;
        code && shell_.offered(ServiceId::track_request) && !take_card_) {
        if (!shell_.in_session())
            apply(intent::Start{});
        apply(intent::FollowCode{code->number, code->check});
    }
}

namespace {

ui::DemoDeviceState demo_state(usb::DeviceState s)
{
    return static_cast<ui::DemoDeviceState>(s);
}

} // namespace

void KioskApp::refresh_demo_view()
{
    for (const usb::PortStatus& s : peripherals_->hub().status()) {
        ui::DemoDeviceRow& row = demo_view_.devices[static_cast<std::size_t>(s.role)];
        row.state = demo_state(s.state);
        row.model = s.model;
        row.transfers = s.counters.transfers;
        row.errors = s.counters.errors;
        row.reconnects = s.counters.reconnects;
        row.pending = s.pending;
        row.problem = s.problem;
    }
    // The printer's own state (paper, cover, errors) is what staff act on; the port knows only
    // whether it is open.
    if (const auto& st = printer_.status; st && (!st->ready() || st->paper != escpos::Paper::ok)) {
        std::string& problem = demo_view_.devices[static_cast<std::size_t>(usb::Role::printer)].problem;
        problem = problem.empty() ? escpos::describe(*st) : problem + "; " + escpos::describe(*st);
    }
    demo_view_.unknown_devices = peripherals_->hub().unknown_devices();
    if (sim::DemoDevices* demo = peripherals_->demo()) {
        for (usb::Role r : usb::kRoles)
            demo_view_.devices[static_cast<std::size_t>(r)].plugged = demo->plugged(r);
        demo_view_.card_on_reader = demo->card_on_reader();
        demo_view_.cover_open = demo->cover_open();
        demo_view_.paper = static_cast<ui::DemoPaper>(demo->paper());
        // Every receipt printed is kept as a picture for whoever shows the kiosk.
        const std::size_t printed = demo->printer().receipt_count();
        if (printed > receipts_saved_) {
            std::error_code ec;
            std::filesystem::create_directories(receipts_dir_, ec);
            for (const sim::Picture& pic : demo->printer().receipts(receipts_saved_)) {
                const auto file = receipts_dir_ / fmt::format("receipt-{:03}.png", ++receipts_saved_);
                if (!sim::save_png(pic, file))
                    spdlog::warn("demo: cannot save {}: {}", file.string(), std::strerror(errno));
            }
        }
        demo_view_.receipts = printed;
    }
    demo_view_.queued = printer_.queued;
    demo_view_.card_read.clear();
    if (card_.card) {
        const idcard::CardText& c = card_.card->text;
        const MsgKey kind = c.kind == idcard::CardKind::resident                 ? "demo.card.kind.resident"_k
                            : c.kind == idcard::CardKind::hk_macao_taiwan_permit ? "demo.card.kind.permit"_k
                                                                                 : "demo.card.kind.foreigner"_k;
        const std::string name = c.name.empty() ? c.english_name.masked() : c.name.masked();
        demo_view_.card_read = setup_.translator.format(
            "demo.card.read_result"_k,
            {{"kind", setup_.translator.tr(kind)}, {"name", name}, {"number", c.id_number.masked()}});
    } else if (card_.problem) {
        MsgKey key = "card.problem.reader_fault"_k;
        switch (*card_.problem) {
        case sam::CardProblem::place_card: key = "card.problem.place_card"_k; break;
        case sam::CardProblem::hold_still:
        case sam::CardProblem::protocol: key = "card.problem.hold_still"_k; break;
        case sam::CardProblem::unreadable: key = "card.problem.unreadable"_k; break;
        case sam::CardProblem::reader_fault: break;
        }
        demo_view_.card_read =
            setup_.translator.format(key, {{"help_desk", setup_.config.help_desk.in(shell_.lang())}});
    }
}

void KioskApp::after_session_change()
{
    const bool in_session = shell_.in_session();
    if (in_session == was_in_session_)
        return;
    was_in_session_ = in_session;
    if (in_session)
        return;
    peripherals_->card_reader().forget();
    fonts_.end_typing(); // a keyboard's characters leave the atlas with the resident
    if (card_.present) {
        spdlog::info("idcard: the session ended with a card on the reader");
        take_card_ = true;
        chimes_left_ = 3; // now and twice more, ten seconds apart
        next_chime_ = now();
        dirty_ = true;
    }
}

void KioskApp::chime_if_due()
{
    if (!take_card_ || !next_chime_ || now() < *next_chime_)
        return;
    platform_->chime();
    next_chime_ = --chimes_left_ > 0 ? std::optional(now() + std::chrono::seconds(10)) : std::nullopt;
}

ui::CardNotice KioskApp::card_notice() const
{
    if (card_reader_state_ == usb::DeviceState::absent || card_reader_state_ == usb::DeviceState::fault)
        return ui::CardNotice::reader_down;
    if (!card_.problem)
        return ui::CardNotice::none;
    switch (*card_.problem) {
    case sam::CardProblem::reader_fault: return ui::CardNotice::reader_down;
    case sam::CardProblem::unreadable: return ui::CardNotice::unreadable;
    case sam::CardProblem::place_card:
    case sam::CardProblem::hold_still:
    case sam::CardProblem::protocol: return ui::CardNotice::retry;
    }
    return ui::CardNotice::retry;
}

ui::PrinterNotice KioskApp::printer_notice() const
{
    if (printer_.queued == 0)
        return ui::PrinterNotice::none;
    if (const auto& s = printer_.job_waiting) {
        if (s->paper == escpos::Paper::end)
            return ui::PrinterNotice::paper_out;
        if (s->cover_open)
            return ui::PrinterNotice::cover_open;
        return ui::PrinterNotice::fault;
    }
    switch (printer_port_.state) {
    case usb::DeviceState::absent: return ui::PrinterNotice::absent;
    case usb::DeviceState::fault: return ui::PrinterNotice::fault;
    default: return ui::PrinterNotice::none;
    }
}

void KioskApp::print_demo(bool test)
{
    const Lang lang = shell_.lang();
    const ReceiptTime at = receipt_time(unix_now());
    const Translator& tr = setup_.translator; // lives as long as the app, which outlives the printer's jobs
    if (test) {
        TestPage page{printer_.model,
                      printer_.device_id,
                      printer_.profile,
                      printer_port_.counters.transfers,
                      printer_port_.counters.errors,
                      printer_port_.counters.reconnects,
                      setup_.config.hall_id,
                      at};
        peripherals_->printer().print("test page",
                                      [page, &tr, lang](bool reprint) { return test_page(page, tr, lang, reprint); });
        return;
    }
    // Fictional data, marked as a demonstration in the tracking number.
    RequestFiled q{fmt::format("DEMO-{:04}{:02}{:02}-{:06}", at.year, at.month, at.day, ++demo_receipts_),
                   "000000",
                   lang == Lang::en        ? "Environment and sanitation"
                   : lang == Lang::zh_Hant ? "環境衛生"
                                           : "环境卫生",
                   setup_.config.hall_name.in(lang),
                   at,
                   at,
                   true,
                   Personal(Personal::Kind::name, "王小明"),
                   Personal(Personal::Kind::id_number, "44030419900101123X"),
                   ""};
    q.token = "HK-DEMO." + q.tracking_number;
    std::string what = "sample receipt " + q.tracking_number;
    peripherals_->printer().print(
        std::move(what), [q = std::move(q), &tr, lang](bool reprint) { return request_receipt(q, tr, lang, reprint); });
}

void KioskApp::poll_devices()
{
    auto events = peripherals_->take_events();
    if (events.empty())
        return;
    const auto wall_time = std::chrono::system_clock::to_time_t(wall_now());
    std::tm wall{};
    localtime_r(&wall_time, &wall);
    char clock[16];
    std::strftime(clock, sizeof clock, "%H:%M:%S", &wall);
    constexpr std::size_t kRecent = 12;
    for (DeviceEvent& e : events) {
        ui::DemoEvent shown{clock, ui::DemoRole::scanner, std::nullopt, 0, ""};
        if (auto* cc = std::get_if<CardChanged>(&e)) {
            card_ = cc->view;
            if (!card_.present && take_card_) {
                take_card_ = false;
                next_chime_.reset();
                spdlog::info("idcard: the card left on the reader was taken");
            }
            dirty_ = true;
            continue;
        }
        if (auto* pc = std::get_if<PrinterChanged>(&e)) {
            printer_ = pc->view;
            dirty_ = true;
            continue;
        }
        if (auto* c = std::get_if<DeviceChanged>(&e)) {
            if (c->status.role == usb::Role::printer) {
                if (c->status.state != printer_port_.state)
                    dirty_ = true;
                printer_port_ = c->status;
            }
            if (c->status.role == usb::Role::idcard) {
                if (c->status.state != card_reader_state_)
                    dirty_ = true;
                card_reader_state_ = c->status.state;
            }
            shown.role = static_cast<ui::DemoRole>(c->status.role);
            // Only changes of state: counters move with every transfer, and a device at work
            // (an idle printer's status asked every few seconds) is still ready.
            auto state = demo_state(c->status.state);
            if (state == ui::DemoDeviceState::busy)
                state = ui::DemoDeviceState::ready;
            auto& last = last_state_shown_[static_cast<std::size_t>(c->status.role)];
            if (last == state)
                continue;
            last = state;
            shown.state = state;
        } else if (auto* sc = std::get_if<Scanned>(&e)) {
            on_scanned(sc->outcome, shown);
        }
        demo_view_.events.insert(demo_view_.events.begin(), std::move(shown));
        if (demo_view_.events.size() > kRecent)
            demo_view_.events.pop_back();
    }
    refresh_demo_view();
    if (demo_view_.open)
        dirty_ = true;
}

void KioskApp::apply_demo(const ui::DemoAction& a)
{
    using Kind = ui::DemoAction::Kind;
    dirty_ = true;
    sim::DemoDevices* demo = peripherals_->demo();
    if (a.kind == Kind::open || a.kind == Kind::close) {
        demo_view_.open = a.kind == Kind::open;
        return;
    }
    if (!demo)
        return;
    const auto role = static_cast<usb::Role>(a.role);
    bool answers = false; // whether the kiosk hears of it at once
    switch (a.kind) {
    case Kind::plug: demo->set_plugged(role, true), answers = true; break;
    case Kind::unplug: demo->set_plugged(role, false), answers = true; break;
    case Kind::place_card: demo->place_card(a.index); break;
    case Kind::take_card: demo->take_card(); break;
    case Kind::scan:
        if (demo_codes_ && a.index < demo_codes_->codes().size()) {
            const DemoCode& c = demo_codes_->codes()[a.index];
            demo->scan(c.code, c.aim_id, c.cut_off);
            answers = demo->plugged(usb::Role::scanner);
        }
        break;
    case Kind::show_to_camera:
        if (demo_camera_ && demo_codes_ && a.index < demo_codes_->codes().size()) {
            demo_camera_->show(demo_codes_->codes()[a.index].code);
            // A script waits for the camera to have read it: a frame or two, and a decode.
            const std::uint64_t before = camera_scans_;
            for (int i = 0; virtual_now_ && i < 30 && camera_scans_ == before; ++i) {
                peripherals_->wait_for_event(std::chrono::milliseconds(100));
                poll_devices();
            }
        }
        break;
    case Kind::open_cover: demo->set_cover_open(true); break;
    case Kind::close_cover: demo->set_cover_open(false); break;
    case Kind::paper: demo->set_paper(static_cast<sim::Paper>(a.paper)); break;
    case Kind::read_card: peripherals_->card_reader().want_card(); break;
    case Kind::print_sample:
    case Kind::print_test: print_demo(a.kind == Kind::print_test); break;
    case Kind::open:
    case Kind::close: break;
    }
    // A script waits for the devices to answer before its next step (bounded).
    if (answers && virtual_now_)
        peripherals_->wait_for_event(std::chrono::milliseconds(500));
    // ...and for a receipt to come out or be held up, after printing or changing the printer.
    const bool printing = a.kind == Kind::print_sample || a.kind == Kind::print_test;
    const bool printer_changed = a.kind == Kind::paper || a.kind == Kind::open_cover || a.kind == Kind::close_cover ||
                                 (role == usb::Role::printer && (a.kind == Kind::plug || a.kind == Kind::unplug));
    if (virtual_now_ && (a.kind == Kind::read_card || a.kind == Kind::take_card || a.kind == Kind::place_card)) {
        // ...and for the reader to have seen the card, or read it.
        const CardView before = peripherals_->card_reader().view();
        for (int i = 0; i < 40; ++i) {
            const CardView v = peripherals_->card_reader().view();
            const bool settled = a.kind == Kind::read_card ? (v.reads != before.reads || v.problem.has_value())
                                                           : v.present == (a.kind == Kind::place_card);
            if (settled)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        peripherals_->wait_for_event(std::chrono::milliseconds(100));
    }
    if (virtual_now_ && (printing || printer_changed)) {
        for (int i = 0; i < 40; ++i) {
            const PrinterView v = peripherals_->printer().view();
            if (v.queued == 0 || (printing && v.job_waiting) || !demo->plugged(usb::Role::printer))
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    }
    refresh_demo_view();
}

SteadyTime KioskApp::now() const
{
    return virtual_now_ ? *virtual_now_ : Clock::now();
}

std::chrono::system_clock::time_point KioskApp::wall_now() const
{
    const auto real = std::chrono::system_clock::now();
    if (!virtual_now_)
        return real;
    return real + std::chrono::duration_cast<std::chrono::system_clock::duration>(*virtual_now_ - Clock::now());
}

void KioskApp::set_busy(bool busy)
{
    if (busy != busy_)
        dirty_ = true;
    busy_ = busy;
}

std::optional<SteadyTime> KioskApp::next_wake() const
{
    const SteadyTime t = now();
    if (dirty_ || !platform_->pointer().empty())
        return t;
    std::optional<SteadyTime> wake = shell_.next_deadline();
    auto sooner = [&](SteadyTime w) {
        if (!wake || w < *wake)
            wake = w;
    };
    const bool asking = (shell_.screen().kind == ScreenKind::follow && shell_.follow().step == FollowStep::asking) ||
                        booking_flow_->waiting();
    if (busy_ || asking)
        sooner(t + std::chrono::milliseconds(33)); // the spinner turns at 30 frames a second
    if (next_chime_)
        sooner(*next_chime_);
    if (maint_.open()) {
        // The lockout's wait and the idle exit go by seconds; the PIN check and an export turn a spinner.
        const bool spinning = maint_.step() == MaintStep::checking || exporting_;
        sooner(t + std::chrono::milliseconds(spinning ? 33 : 1000));
    }
    sooner(next_uplink_look_);
    if (scan_notice_ != ui::ScanNotice::none && t < scan_notice_until_)
        sooner(scan_notice_until_); // the notice goes
    if (shell_.screen().kind == ScreenKind::booking && shell_.booking().step == BookingStep::confirm) {
        // The hold's countdown shows whole seconds.
        const auto wall = wall_now();
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(wall.time_since_epoch()).count();
        sooner(t + std::chrono::milliseconds(1000 - ms % 1000 + 5));
    }
    if (shell_.phase() == SessionPhase::warning && wake) {
        // The countdown shows whole seconds: wake when the number changes.
        const int left = shell_.countdown_s(t);
        if (left > 1)
            sooner(*shell_.next_deadline() - std::chrono::seconds(left - 1));
    }
    if (!shell_.in_session()) {
        // The attract clock shows minutes: wake at the next one.
        const auto wall = wall_now();
        const auto secs = std::chrono::duration_cast<std::chrono::milliseconds>(wall.time_since_epoch()).count();
        sooner(t + std::chrono::milliseconds(60'000 - secs % 60'000 + 5));
    }
    return wake;
}

void KioskApp::handle_event(const SDL_Event& e)
{
    PointerQueue& pointer = platform_->pointer();
    switch (e.type) {
    case SDL_QUIT: quit_ = true; break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e.window.event == SDL_WINDOWEVENT_EXPOSED ||
            e.window.event == SDL_WINDOWEVENT_SHOWN)
            dirty_ = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION:
        // On the picture as laid out, however the panel is mounted (Platform::touch).
        if (const std::optional<Touch> t = platform_->touch(e)) {
            if (t->kind == Touch::Kind::press) {
                shell_.input(now());
                maint_.touch(now());
                pointer.press(t->at.x, t->at.y);
            } else if (t->kind == Touch::Kind::release) {
                pointer.release(t->at.x, t->at.y);
            } else {
                pointer.move(t->at.x, t->at.y);
            }
        }
        break;
    case SDL_KEYDOWN:
        // Touch screens have no keyboard; staff may plug one in, and tests use keys.
        if (e.key.keysym.sym == SDLK_F12 && setup_.options.demo) {
            apply_demo({demo_view_.open ? ui::DemoAction::Kind::close : ui::DemoAction::Kind::open});
            break;
        }
        if (maint_.open()) {
            if (e.key.keysym.sym == SDLK_ESCAPE || e.key.keysym.sym == SDLK_AC_BACK)
                apply_maint(maint::Back{});
            break;
        }
        shell_.input(now());
        if (e.key.keysym.sym == SDLK_ESCAPE || e.key.keysym.sym == SDLK_AC_BACK)
            apply(intent::Back{});
        else if (e.key.keysym.sym == SDLK_HOME || e.key.keysym.sym == SDLK_AC_HOME)
            apply(intent::Home{});
        break;
    default: break;
    }
}

bool KioskApp::apply(const Intent& in)
{
    if (std::holds_alternative<intent::StaffEntry>(in)) {
        enter_maintenance();
        return true;
    }
    if (const auto* k = std::get_if<intent::TypeKey>(&in)) {
        shell_.input(now());
        return shell_.screen().kind == ScreenKind::rate ? type_rate_key(*k) : type_key(*k);
    }
    if (std::holds_alternative<intent::Submit>(in)) {
        shell_.input(now());
        return submit_request();
    }
    if (std::holds_alternative<intent::PrintContactCard>(in) && !print_contact_card())
        return false;
    if (std::holds_alternative<intent::FollowConfirm>(in) || std::holds_alternative<intent::FollowReason>(in) ||
        std::holds_alternative<intent::FollowRate>(in)) {
        shell_.input(now());
        return send_feedback(in);
    }
    if (std::holds_alternative<intent::RateLevel>(in) || std::holds_alternative<intent::RateCallback>(in) ||
        std::holds_alternative<intent::RateSubmit>(in)) {
        shell_.input(now());
        return send_rating(in);
    }
    if (std::holds_alternative<intent::SendAnswers>(in)) {
        shell_.input(now());
        return send_answers();
    }
    const bool changed = shell_.apply(in, now());
    if (changed) {
        dirty_ = true;
        setup_.translator.set_lang(shell_.lang());
    }
    return changed;
}

void KioskApp::rebuild_fonts()
{
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    stats_.atlas = fonts_.build(atlas);
    platform_->upload_fonts(atlas);
    ++stats_.atlas_builds;
    spdlog::info("font atlas: {} glyphs, {}x{} px, built in {:.1f} ms", stats_.atlas.glyphs, stats_.atlas.width,
                 stats_.atlas.height, stats_.atlas.build_ms);
}

void KioskApp::draw_once(std::vector<Intent>& intents, std::vector<MaintIntent>& maint_intents,
                         std::vector<ui::DemoAction>& demo_actions)
{
    const SteadyTime t = now();
    const auto wall_time = std::chrono::system_clock::to_time_t(wall_now());
    std::tm wall{};
    localtime_r(&wall_time, &wall);

    const ImVec2 display(static_cast<float>(platform_->width()), static_cast<float>(platform_->height()));
    const ui::Metrics metrics = ui::make_metrics(display, shell_.large_text());
    const ui::Theme theme = ui::make_theme(shell_.large_text());
    const ui::FrameInput in{
        shell_,
        t,
        wall,
        setup_.config.hall_name,
        setup_.config.help_desk,
        instead_,
        busy_,
        static_cast<float>(std::fmod(std::chrono::duration<double>(t.time_since_epoch()).count(), 1.0)),
        setup_.options.demo,
        printer_notice(),
        take_card_,
        scan_notice(),
        checkin_,
        ui::UplinkStatus{uplink_view_.accepting, uplink_view_.offline, uplink_view_.waiting},
        request_lists_,
        booking_lists_,
        card_notice(),
        describe_ ? &*describe_ : (rate_entry_ ? &*rate_entry_ : nullptr),
        rating_lists_,
        directory_lists_};

    // A frame that met a character missing from the atlas is drawn again with the character
    // added, before anything is presented. Bounded: a character no font has is marked
    // unavailable by FontSet and does not ask again.
    for (int attempt = 0; attempt < 3; ++attempt) {
        fonts_.configure(ui::face_for(shell_.lang()), metrics.unit);
        if (fonts_.needs_build())
            rebuild_fonts();
        const auto t0 = Clock::now();
        const double dt = std::max(1e-4, std::chrono::duration<double>(t - last_frame_).count());
        platform_->new_frame(dt);
        ui::Painter p{fonts_, theme, metrics, setup_.translator, shell_.lang(), widgets_};
        if (maint_.open()) {
            auto asked = ui::draw_maintenance(p, maint_view());
            maint_intents.insert(maint_intents.end(), asked.begin(), asked.end());
        } else {
            auto out = ui::draw_frame(p, in);
            intents.insert(intents.end(), out.begin(), out.end());
        }
        if (setup_.options.demo) {
            auto asked = ui::draw_demo_panel(p, demo_view_);
            demo_actions.insert(demo_actions.end(), asked.begin(), asked.end());
        }
        ImGui::Render();
        stats_.ui_ms += ms_between(t0, Clock::now());
        if (!fonts_.needs_build())
            break;
        spdlog::debug("characters missing from the font atlas: drawing again");
    }
    last_frame_ = t;
}

bool KioskApp::frame(bool force)
{
    poll_devices();
    const SteadyTime t = now();
    if (shell_.tick(t))
        dirty_ = true;
    after_session_change();
    follow_request_card();
    follow_request_describe();
    follow_request_status();
    take_status_answer();
    follow_booking();
    follow_rating();
    follow_maintenance();
    follow_export();
    chime_if_due();
    if (t >= next_uplink_look_) {
        // The sync thread keeps its own figures; the pill changes only when they do.
        next_uplink_look_ = t + kUplinkLook;
        const UplinkView v = uplink_->view();
        if (v.accepting != uplink_view_.accepting || v.waiting != uplink_view_.waiting ||
            v.offline != uplink_view_.offline)
            dirty_ = true;
        uplink_view_ = v;
        if (const std::uint64_t g = uplink_->catalogue_generation(); g != lists_generation_) {
            lists_generation_ = g;
            load_request_lists();
            load_booking_lists();
            load_rating_lists();
            load_directory_lists();
            dirty_ = true;
        }
        if (const std::uint64_t g = uplink_->keys_generation(); g != keys_generation_) {
            keys_generation_ = g;
            router_->set_keys(trusted_keys());
            spdlog::info("scan: {} trusted keys after the keys catalogue changed", router_->keys().size());
        }
    }
    if (!dirty_ && !force && platform_->pointer().empty() && !busy_) {
        // Time-driven changes: the attract clock and the idle countdown.
        const auto next = next_wake();
        if (!next || *next > t)
            return false;
    }
    dirty_ = false;

    std::vector<Intent> intents;
    std::vector<MaintIntent> maint_intents;
    std::vector<ui::DemoAction> demo_actions;
    draw_once(intents, maint_intents, demo_actions);
    // SDL batches draw calls: the raster work happens in present(), so both are timed together.
    const auto t0 = Clock::now();
    const ui::Theme theme = ui::make_theme(shell_.large_text());
    platform_->render(maint_.open() ? theme.background : ui::backdrop(theme, shell_));
    if (on_rendered) {
        const auto t1 = Clock::now();
        on_rendered();
        stats_.raster_ms -= ms_between(t1, Clock::now());
    }
    platform_->present();
    stats_.raster_ms += ms_between(t0, Clock::now());
    ++stats_.frames;

    for (const Intent& i : intents)
        apply(i);
    for (const MaintIntent& i : maint_intents)
        apply_maint(i);
    for (const ui::DemoAction& a : demo_actions)
        apply_demo(a);
    after_session_change();
    if (!platform_->pointer().empty())
        dirty_ = true;
    return true;
}

int KioskApp::run()
{
    frame(true);
    service_.ready(service_status());
    // The loop comes round at least this often: the watchdog is fed here and nowhere else, so
    // a loop stuck in one frame stops feeding it and the service manager restarts the kiosk.
    const long long longest_ms = service_.wake_within() ? std::min<long long>(service_.wake_within()->count(), 60'000)
                                                         : 60'000;
    std::string status = service_status();
    while (!quit_) {
        int timeout_ms = static_cast<int>(longest_ms);
        if (auto wake = next_wake()) {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*wake - now()).count();
            timeout_ms = static_cast<int>(std::clamp<long long>(ms, 0, longest_ms));
        }
        SDL_Event e;
        if (platform_->wait_event(e, timeout_ms)) {
            handle_event(e);
            while (SDL_PollEvent(&e))
                handle_event(e);
        }
        // What the status line says changes only with what is drawn (the uplink's figures and
        // maintenance mode mark the frame dirty), so it is made again only after a drawn frame.
        const bool drawn = frame();
        service_.feed(ServiceNotifier::Clock::now());
        if (std::string now_status = drawn ? service_status() : status; now_status != status) {
            status = std::move(now_status);
            service_.status(status);
        }
    }
    service_.stopping();
    return exit_code_;
}

std::string KioskApp::service_status() const
{
    // One line for `systemctl status hallkiosk`: what staff ask first when they look.
    std::string s = fmt::format("hall {}", setup_.config.hall_id);
    if (!uplink_view_.accepting)
        s += "; records cannot be kept: " + uplink_view_.problem;
    else if (!uplink_->enrolled())
        s += "; awaiting enrolment";
    s += fmt::format("; {} records waiting", uplink_view_.waiting);
    if (maint_.open())
        s += "; maintenance mode open";
    return s;
}

namespace {

std::string shot_name(std::size_t index, const ScriptStep& s)
{
    static constexpr const char* kKinds[] = {"tap", "wait", "key", "shot", "scan", "await", "release", "hold"};
    static_assert(std::size(kKinds) == static_cast<std::size_t>(ScriptStep::Kind::hold) + 1);
    char prefix[32];
    std::snprintf(prefix, sizeof prefix, "%03zu-", index);
    std::string name = prefix;
    name += kKinds[static_cast<int>(s.kind)];
    name += '-';
    // A scan's text can be anything and long: the file is named by its first characters, made safe.
    std::string what = s.kind == ScriptStep::Kind::wait ? std::to_string(s.ms) : s.arg.substr(0, 48);
    for (char& c : what)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
            c = '_';
    return name + what + ".png";
}

} // namespace

int KioskApp::run_script(const std::vector<ScriptStep>& steps, const std::filesystem::path& shots)
{
    if (!shots.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(shots, ec);
        if (ec) {
            spdlog::error("cannot create {}: {}", shots.string(), ec.message());
            return kExitFailure;
        }
    }
    bool write_failed = false;
    auto screenshot = [&](const std::string& file) {
        if (shots.empty())
            return;
        on_rendered = [&] {
            if (auto r = platform_->save_png(shots / file); !r) {
                spdlog::error("{}", r.error().message);
                write_failed = true;
            }
        };
        frame(true);
        on_rendered = nullptr;
    };
    // Lets the frame loop run until nothing is pending: taps are a press and a release on
    // separate frames, and the screen they lead to needs a frame of its own.
    auto settle = [&] {
        for (int i = 0; i < 16 && frame(); ++i) {
        }
    };

    frame(true);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const ScriptStep& s = steps[i];
        switch (s.kind) {
        case ScriptStep::Kind::tap: {
            const auto r = widgets_.find(s.arg);
            if (!r) {
                std::string on_screen;
                for (const auto& [id, rect] : widgets_.all())
                    on_screen += " " + id;
                spdlog::error("script line {}: no widget '{}' on screen; on screen:{}", s.line, s.arg, on_screen);
                return kExitScriptFailed;
            }
            const ImVec2 c = r->center();
            shell_.input(now());
            platform_->pointer().press(c.x, c.y);
            platform_->pointer().release(c.x, c.y);
            settle();
            break;
        }
        case ScriptStep::Kind::hold: {
            const auto r = widgets_.find(s.arg);
            if (!r) {
                spdlog::error("script line {}: no widget '{}' on screen", s.line, s.arg);
                return kExitScriptFailed;
            }
            const ImVec2 c = r->center();
            shell_.input(now());
            maint_.touch(now());
            platform_->pointer().press(c.x, c.y);
            frame(true); // the finger lands
            virtual_now_ = *virtual_now_ + Millis(s.ms);
            platform_->pointer().release(c.x, c.y);
            settle();
            break;
        }
        case ScriptStep::Kind::wait: {
            const SteadyTime target = now() + Millis(s.ms);
            for (int guard = 0; guard < 100'000; ++guard) {
                const auto wake = next_wake();
                if (!wake || *wake > target)
                    break;
                virtual_now_ = std::max(*virtual_now_, *wake);
                frame();
            }
            virtual_now_ = target;
            settle();
            break;
        }
        case ScriptStep::Kind::key: {
            const SDL_Keycode key = SDL_GetKeyFromName(s.arg.c_str());
            if (key == SDLK_UNKNOWN) {
                spdlog::error("script line {}: unknown key name '{}'", s.line, s.arg);
                return kExitUsage;
            }
            SDL_Event e{};
            e.type = SDL_KEYDOWN;
            e.key.keysym.sym = key;
            handle_event(e);
            settle();
            break;
        }
        case ScriptStep::Kind::shot: screenshot(s.arg + ".png"); break;
        case ScriptStep::Kind::scan: {
            sim::DemoDevices* demo = peripherals_->demo();
            if (!demo) {
                spdlog::error("script line {}: scan needs demo mode (--demo)", s.line);
                return kExitUsage;
            }
            demo->scan(s.arg, "]Q1");
            peripherals_->wait_for_event(std::chrono::milliseconds(1000));
            settle();
            break;
        }
        case ScriptStep::Kind::release: {
            const std::filesystem::path go = shots / s.arg;
            const auto deadline = Clock::now() + std::chrono::seconds(20);
            while (!std::filesystem::exists(go) && Clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                frame();
            }
            if (!std::filesystem::exists(go)) {
                spdlog::error("script line {}: '{}' did not appear within 20 s", s.line, go.string());
                return kExitScriptFailed;
            }
            settle();
            break;
        }
        case ScriptStep::Kind::await: {
            const auto awaited = [&] {
                if (s.arg == "catalogue")
                    return !request_lists_.groups.empty() && !booking_lists_.venues.empty() &&
                           !rating_lists_.reasons.empty() && !directory_lists_.services.empty() &&
                           !directory_lists_.safety.empty();
                if (s.arg == "sent") {
                    const UplinkView v = uplink_->view();
                    return v.accepting && v.waiting == 0 && !v.offline;
                }
                if (s.arg == "answer")
                    return (shell_.screen().kind != ScreenKind::follow ||
                            shell_.follow().step != FollowStep::asking) &&
                           !booking_flow_->waiting();
                if (s.arg == "maintenance")
                    return maint_.step() != MaintStep::checking && !exporting_ && maint_test_ == MaintTest::none;
                return peripherals_->printer().view().queued == 0; // printed
            };
            const auto deadline = Clock::now() + std::chrono::seconds(20);
            bool met = false;
            while (!(met = awaited()) && Clock::now() < deadline) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                next_uplink_look_ = now(); // the uplink's figures and catalogues are looked at now
                frame();
            }
            if (!met) {
                spdlog::error("script line {}: '{}' did not come within 20 s", s.line, s.arg);
                return kExitScriptFailed;
            }
            settle();
            break;
        }
        }
        screenshot(shot_name(i + 1, s));
        if (write_failed)
            return kExitFailure;
        if (quit_) {
            // Maintenance mode's power page: the script ends as the kiosk would.
            spdlog::info("script: the kiosk stops at line {} with exit code {}", s.line, exit_code_);
            return exit_code_;
        }
    }
    spdlog::info("script done: {} steps", steps.size());
    return kExitOk;
}

} // namespace hk::app
