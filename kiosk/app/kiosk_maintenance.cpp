// Maintenance mode in the app: the badge scanned and checked against the staff catalogue, the PIN
// checked off the frame loop, the lockout kept in the store, every action an audit record, and
// what each page shows gathered from the devices, the uplink and the store.
#include "kiosk_app.hpp"

#include "catalogue_document.hpp"
#include "rfc3339.hpp"
#include "staff_items.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <thread>

namespace hk::app {
namespace {

template <class... F> struct Overload : F... {
    using F::operator()...;
};

constexpr std::string_view kLockoutSetting = "maintenance.lockout";

StaffRole staff_role(codes::StaffRole r)
{
    switch (r) {
    case codes::StaffRole::staff: return StaffRole::staff;
    case codes::StaffRole::tech: return StaffRole::tech;
    case codes::StaffRole::admin: return StaffRole::admin;
    }
    return StaffRole::staff;
}

BadgeRefusal refusal_of(codes::Reason r)
{
    switch (r) {
    case codes::Reason::expired: return BadgeRefusal::expired;
    case codes::Reason::not_yet_valid: return BadgeRefusal::not_yet_valid;
    case codes::Reason::wrong_hall: return BadgeRefusal::wrong_hall;
    case codes::Reason::not_ours:
    case codes::Reason::syntax_oversized:
    case codes::Reason::syntax_bytes:
    case codes::Reason::invalid_utf8: return BadgeRefusal::not_a_badge;
    default: return BadgeRefusal::forged; // a code of ours whose signature or form does not hold
    }
}

} // namespace

void KioskApp::restore_lockout()
{
    store::Store* store = uplink_->store();
    if (!store)
        return;
    auto kept = store->setting(kLockoutSetting);
    if (!kept || !*kept)
        return;
    if (auto l = PinLockout::parse(**kept)) {
        maint_.restore_lockout(*l);
        if (l->locked(unix_now()))
            spdlog::warn("maintenance: locked for {} s more after wrong PINs", l->seconds_left(unix_now()));
    } else {
        spdlog::error("maintenance: the kept PIN lockout '{}' does not read; maintenance stays locked for a day",
                      **kept);
        // A lockout that was tampered with or damaged never opens the mode: the longest wait.
        PinLockout locked;
        locked.lockouts = 12;
        locked.until = unix_now() + PinLockout::lock_seconds(12);
        maint_.restore_lockout(locked);
    }
}

void KioskApp::keep_lockout()
{
    store::Store* store = uplink_->store();
    if (!store) {
        spdlog::error("maintenance: the PIN lockout cannot be kept: no store");
        return;
    }
    if (auto put = store->put_setting(kLockoutSetting, maint_.lockout().text()); !put)
        spdlog::error("maintenance: the PIN lockout cannot be kept: {}", put.error().message);
}

void KioskApp::audit(std::string_view action, std::string_view result, std::string_view detail,
                     const StaffBadgeInfo* who)
{
    const StaffBadgeInfo& s = who ? *who : maint_.staff();
    const bool known = !s.id.empty();
    const nlohmann::json body = {{"hall", setup_.config.hall_id},
                                 {"staff", known ? s.id : std::string()},
                                 {"role", known ? std::string(role_name(s.role)) : std::string()},
                                 {"action", action},
                                 {"result", result},
                                 {"detail", detail}};
    spdlog::info("maintenance: {} {} {} {}", known ? s.id : "-", action, result, detail);
    if (store::Store* store = uplink_->store())
        if (auto logged = store->log_audit(known ? s.id : "-", fmt::format("{} {}", action, detail), result); !logged)
            spdlog::error("maintenance: audit line not kept locally: {}", logged.error().message);
    if (auto kept = uplink_->submit("audit", body); !kept)
        spdlog::error("maintenance: audit record of '{}' not kept: {}", action, kept.error().message);
}

void KioskApp::enter_maintenance()
{
    if (maint_.open() || take_card_)
        return;
    maint_.enter(now(), unix_now());
    maint_test_ = MaintTest::none;
    maint_result_.clear();
    asking_power_.reset();
    audit("enter", maint_.step() == MaintStep::locked ? "refused" : "ok",
          maint_.step() == MaintStep::locked ? "locked" : "");
    dirty_ = true;
}

bool KioskApp::maint_scanned(const scanner::ScanOutcome& outcome)
{
    if (!maint_.open())
        return false;
    maint_.touch(now());
    dirty_ = true;
    const auto* scan = std::get_if<scanner::ScanEvent>(&outcome);
    if (maint_.step() == MaintStep::badge) {
        if (!scan) {
            maint_.badge_refused(BadgeRefusal::not_a_badge, now());
            return true;
        }
        // Read as for a rating: nothing is used up by a code shown here.
        const RoutedScan routed = router_->route(*scan, true);
        const auto* badge = std::get_if<codes::StaffBadge>(&routed.code);
        if (!badge) {
            const auto* r = std::get_if<codes::Rejected>(&routed.code);
            const BadgeRefusal why = r ? refusal_of(r->reason) : BadgeRefusal::not_a_badge;
            maint_.badge_refused(why, now());
            audit("badge_refused", "refused", refusal_name(why));
            return true;
        }
        // The PIN comes from the staff catalogue: a badge of someone it does not list for this
        // hall has none.
        std::optional<codes::PinHash> pin;
        if (store::Store* store = uplink_->store())
            if (auto doc = store->catalogue("staff"); doc && *doc) {
                const auto staff = uplink::read_staff((*doc)->body);
                if (const auto* read = std::get_if<uplink::ReadItems<uplink::StaffPin>>(&staff))
                    if (const uplink::StaffPin* s = uplink::find_staff(read->items, badge->staff_id,
                                                                       setup_.config.hall_id))
                        pin = s->pin;
            }
        if (!pin) {
            maint_.badge_refused(BadgeRefusal::no_pin, now());
            audit("badge_refused", "refused", fmt::format("no_pin {}", badge->staff_id));
            return true;
        }
        staff_pin_ = *pin;
        maint_.badge(StaffBadgeInfo{badge->staff_id, badge->hall, staff_role(badge->role), badge->exp}, now(),
                     unix_now());
        return true;
    }
    if (maint_.step() == MaintStep::page && maint_.page() == MaintPage::devices && maint_test_ == MaintTest::scan) {
        // The test scan says what the code is and whether it is good, never what it holds.
        const Translator& tr = setup_.translator;
        maint_test_ = MaintTest::none;
        if (!scan) {
            maint_result_ = std::string(tr.tr("maint.dev.scan_cut_off"_k));
            audit("test_scan", "failed", "cut_off");
            return true;
        }
        const RoutedScan routed = router_->route(*scan, true);
        std::string kind = "tracking";
        MsgKey key = "demo.scan.kind.tracking_code"_k;
        if (std::holds_alternative<codes::BookingPass>(routed.code)) {
            kind = "pass";
            key = "demo.scan.kind.booking_pass"_k;
        } else if (std::holds_alternative<codes::StaffBadge>(routed.code)) {
            kind = "badge";
            key = "demo.scan.kind.staff_badge"_k;
        } else if (std::holds_alternative<codes::QueueTicket>(routed.code)) {
            kind = "ticket";
            key = "demo.scan.kind.queue_ticket"_k;
        }
        if (const auto* r = std::get_if<codes::Rejected>(&routed.code)) {
            maint_result_ = tr.format("maint.dev.scan_refused"_k,
                                      {{"symbology", scanner::symbology_name(scan->aim_id)},
                                       {"bytes", std::to_string(scan->data.size())},
                                       {"reason", codes::reason_name(r->reason)}});
            audit("test_scan", "ok", fmt::format("refused {}", codes::reason_name(r->reason)));
        } else {
            maint_result_ = tr.format("maint.dev.scan_taken"_k, {{"symbology", scanner::symbology_name(scan->aim_id)},
                                                                 {"bytes", std::to_string(scan->data.size())},
                                                                 {"kind", tr.tr(key)}});
            audit("test_scan", "ok", kind);
        }
        return true;
    }
    spdlog::info("maintenance: a code scanned is not used while maintenance mode is open");
    return true;
}

void KioskApp::follow_maintenance()
{
    if (!maint_.open())
        return;
    const SteadyTime t = now();
    // The PIN's answer, from its thread.
    if (maint_.step() == MaintStep::checking) {
        std::optional<bool> right;
        {
            const std::lock_guard lock(pin_box_->mutex);
            right = pin_box_->right;
            pin_box_->right.reset();
        }
        if (right) {
            const StaffBadgeInfo who = maint_.staff();
            maint_.pin_checked(*right, t, unix_now());
            keep_lockout();
            if (*right) {
                audit("login", "ok", "");
            } else if (maint_.step() == MaintStep::locked) {
                // The staff member is forgotten with the lockout; the record still names them.
                audit("locked_out", "refused", fmt::format("{} s", maint_.lockout().seconds_left(unix_now())), &who);
            } else {
                audit("pin_wrong", "refused", fmt::format("{} tries left", maint_.lockout().tries_left()));
            }
            dirty_ = true;
        }
        return;
    }
    // A test card read: the card's kind and masked fields, once a new read comes.
    if (maint_test_ == MaintTest::card && (card_.reads != maint_card_reads_ || card_.problem)) {
        maint_test_ = MaintTest::none;
        refresh_demo_view(); // words the card as the demo panel does: masked, or why it was not read
        maint_result_ = demo_view_.card_read.empty() ? std::string(setup_.translator.tr("maint.dev.card_none"_k))
                                                     : demo_view_.card_read;
        const bool read = card_.card != nullptr && card_.reads != maint_card_reads_;
        audit("test_card", read ? "ok" : "failed", read ? "read" : "not read");
        peripherals_->card_reader().forget(); // nothing of the card stays but the masked words
        dirty_ = true;
    }
    // leave() forgets who it was: the record names them all the same.
    const MaintStep before = maint_.step();
    const StaffBadgeInfo who = maint_.staff();
    if (maint_.tick(t, unix_now())) {
        if (!maint_.open()) {
            if (before == MaintStep::menu || before == MaintStep::page)
                audit("idle_leave", "ok", "", &who);
            hall_entry_.reset();
            fonts_.end_typing();
            staff_pin_ = codes::PinHash{};
            maint_test_ = MaintTest::none;
            asking_power_.reset();
        }
        dirty_ = true;
    }
}

bool KioskApp::apply_maint(const MaintIntent& in)
{
    const SteadyTime t = now();
    maint_.touch(t);
    dirty_ = true;
    const Translator& tr = setup_.translator;
    return std::visit(
        Overload{
            [&](const maint::PinKey& k) { return maint_.pin_key(k.key, t); },
            [&](const maint::SubmitPin&) {
                if (!maint_.submit_pin(t))
                    return false;
                // PBKDF2 takes a good part of a second: on a thread of its own, the spinner turning.
                std::string pin = maint_.pin();
                codes::PinHash hash = staff_pin_;
                std::thread([box = pin_box_, pin = std::move(pin), hash, type = wake_event_]() mutable {
                    const bool right = codes::pin_matches(pin, hash);
                    wipe(pin);
                    {
                        const std::lock_guard lock(box->mutex);
                        box->right = right;
                    }
                    SDL_Event e{};
                    e.type = type;
                    SDL_PushEvent(&e);
                }).detach();
                return true;
            },
            [&](const maint::Show& s) {
                if (!maint_.show(s.page, t))
                    return false;
                hall_entry_.reset();
                maint_test_ = MaintTest::none;
                maint_result_.clear();
                asking_power_.reset();
                log_page_ = 0;
                sync_asked_ = catalogue_asked_ = false;
                audit("page", "ok", page_name(s.page));
                return true;
            },
            [&](const maint::Back&) {
                if (hall_entry_) {
                    hall_entry_.reset(); // the name stays as it was
                    return true;
                }
                if (maint_.step() == MaintStep::badge || maint_.step() == MaintStep::locked ||
                    maint_.step() == MaintStep::menu) {
                    leave_maintenance("leave");
                    return true;
                }
                return maint_.back(t);
            },
            [&](const maint::Leave&) {
                leave_maintenance("leave");
                return true;
            },
            [&](const maint::TestPrint&) {
                print_demo(true);
                maint_result_ = std::string(tr.tr("maint.dev.printing"_k));
                audit("test_print", "ok", printer_.model.empty() ? "no printer" : printer_.model);
                return true;
            },
            [&](const maint::TestScan&) {
                maint_test_ = MaintTest::scan;
                maint_result_ = std::string(tr.tr("maint.dev.scan_now"_k));
                return true;
            },
            [&](const maint::TestCard&) {
                maint_test_ = MaintTest::card;
                maint_card_reads_ = card_.reads;
                peripherals_->card_reader().want_card(); // the card on the reader, or the next one placed
                maint_result_ = std::string(tr.tr("maint.dev.card_now"_k));
                return true;
            },
            [&](const maint::RescanUsb&) {
                const bool done = peripherals_->rescan();
                maint_result_ = std::string(tr.tr(done ? "maint.dev.rescanned"_k : "maint.dev.no_host"_k));
                audit("rescan_usb", done ? "ok" : "failed", "");
                return true;
            },
            [&](const maint::SyncNow&) {
                const bool asked = uplink_->sync_now();
                sync_asked_ = asked;
                audit("sync_now", asked ? "ok" : "failed", asked ? "" : "no sync loop");
                next_uplink_look_ = t;
                return true;
            },
            [&](const maint::RefreshCatalogue&) {
                uplink::Fetcher* f = uplink_->fetcher();
                if (f)
                    f->refresh_now();
                catalogue_asked_ = f != nullptr;
                audit("catalogue_refresh", f ? "ok" : "failed", f ? "" : "no fetcher");
                return true;
            },
            [&](const maint::LogLevel& l) {
                log_level_ = std::clamp(l.level, 0, 2);
                log_page_ = 0;
                return true;
            },
            [&](const maint::LogSearch& s) {
                log_search_ = s.text;
                log_page_ = 0;
                return true;
            },
            [&](const maint::LogPage& p) {
                log_page_ = std::max(0, log_page_ + p.by);
                return true;
            },
            [&](const maint::ExportBundle& e) { return export_bundle(e.target); },
            [&](const maint::SetConfig& c) { return set_config(c.key, c.value); },
            [&](const maint::EditHallName&) {
                if (maint_.step() != MaintStep::page || maint_.page() != MaintPage::config)
                    return false;
                hall_entry_.emplace(pinyin_.entry(shell_.lang(), kMaxHallNameChars));
                hall_entry_lang_ = shell_.lang();
                maint_result_.clear();
                return true;
            },
            [&](const maint::TypeName& k) { return type_hall_name(k.key); },
            [&](const maint::NewKey&) { return new_identity_key(); },
            [&](const maint::WriteRequest& w) { return write_certificate_request(w.target); },
            [&](const maint::InstallCertificate& c) { return install_certificate(c.target); },
            [&](const maint::AskPower& a) {
                if (!role_may(maint_.staff().role, a.what))
                    return false;
                asking_power_ = a.what;
                return true;
            },
            [&](const maint::CancelPower&) {
                asking_power_.reset();
                return true;
            },
            [&](const maint::ConfirmPower&) {
                if (!asking_power_)
                    return false;
                const MaintPower what = *asking_power_;
                asking_power_.reset();
                return power(what);
            },
        },
        in);
}

void KioskApp::leave_maintenance(std::string_view how)
{
    if (!maint_.open())
        return;
    if (maint_.step() == MaintStep::menu || maint_.step() == MaintStep::page)
        audit(how, "ok", "");
    maint_.leave();
    hall_entry_.reset();
    fonts_.end_typing();
    staff_pin_ = codes::PinHash{};
    maint_test_ = MaintTest::none;
    maint_result_.clear();
    asking_power_.reset();
    dirty_ = true;
}

bool KioskApp::power(MaintPower what)
{
    audit(power_name(what), "ok", "");
    switch (what) {
    case MaintPower::restart:
        spdlog::warn("maintenance: restart asked by {}", maint_.staff().id);
        exit_code_ = kExitRestart;
        break;
    case MaintPower::exit_to_desktop:
        spdlog::warn("maintenance: exit to the desktop asked by {}", maint_.staff().id);
        exit_code_ = kExitToDesktop;
        break;
    case MaintPower::power_off:
        spdlog::warn("maintenance: power off asked by {}", maint_.staff().id);
        exit_code_ = kExitPowerOff;
        break;
    }
    leave_maintenance("leave");
    quit_ = true;
    return true;
}

ui::MaintView KioskApp::maint_view() const
{
    ui::MaintView v{maint_, 0, 0, false, std::nullopt, {}, {}, {}, {}, {}, {}, {}, false};
    v.wall = unix_now();
    // Without an identity there is nothing to enrol: the sync page says why no record is kept.
    v.awaiting_enrolment = uplink_->identity() && !uplink_->enrolled();
    v.busy_phase =
        static_cast<float>(std::fmod(std::chrono::duration<double>(now().time_since_epoch()).count(), 1.0));
    v.demo = setup_.options.demo;
    v.asking_power = asking_power_;
    if (maint_.step() != MaintStep::page)
        return v;
    switch (maint_.page()) {
    case MaintPage::devices: {
        ui::MaintDevicesView& d = v.devices;
        for (std::size_t i = 0; i < 3; ++i)
            d.devices[i].row = demo_view_.devices[i];
        for (const usb::PortStatus& s : peripherals_->hub().status()) {
            ui::MaintDevice& m = d.devices[static_cast<std::size_t>(s.role)];
            if (s.counters.last_error) {
                m.last_error = s.counters.last_error->message;
                m.last_error_at = std::chrono::system_clock::to_time_t(s.counters.last_error_at);
            }
        }
        if (const auto& st = printer_.status) {
            if (!st->ready() && st->cover_open)
                d.paper = ui::PaperWarning::cover_open;
            else if (st->paper == escpos::Paper::end)
                d.paper = ui::PaperWarning::out;
            else if (st->paper == escpos::Paper::near_end)
                d.paper = ui::PaperWarning::near_end;
        }
        d.unknown = peripherals_->hub().unknown_devices();
        d.can_rescan = peripherals_->can_rescan();
        d.test_result = maint_result_;
        d.waiting = maint_test_ != MaintTest::none;
        break;
    }
    case MaintPage::sync: {
        ui::MaintSyncView& s = v.sync;
        const UplinkView u = uplink_->view();
        s.accepting = u.accepting;
        s.problem = u.problem;
        s.now = unix_now();
        s.asked = sync_asked_;
        if (auto st = uplink_->sync_status()) {
            s.waiting = st->waiting;
            if (st->oldest_waiting_age_ms)
                s.oldest_age_s = *st->oldest_waiting_age_ms / 1000;
            if (st->last_success_ms)
                s.last_success = *st->last_success_ms / 1000;
            s.last_error = st->last_error;
            s.online = st->online;
            s.failures = st->failures;
            s.rejected_count = st->rejected;
            s.skew_s = st->skew_s;
            s.skew_too_large = st->skew_too_large;
        } else {
            s.waiting = u.waiting;
            s.rejected_count = u.rejected;
            s.last_error = u.last_error;
        }
        if (store::Store* store = uplink_->store())
            if (auto rejected = store->rejected()) {
                // The latest first.
                for (auto it = rejected->rbegin(); it != rejected->rend() && s.rejected.size() < 5; ++it)
                    s.rejected.push_back({it->seq, it->type, it->reason});
            }
        break;
    }
    case MaintPage::catalogue: {
        ui::MaintCatalogueView& c = v.catalogue;
        c.asked = catalogue_asked_;
        if (store::Store* store = uplink_->store())
            for (std::string_view name : uplink::kCatalogues)
                if (auto doc = store->catalogue(name); doc && *doc)
                    c.rows.push_back({std::string(name), (*doc)->etag.empty() ? "—" : (*doc)->etag,
                                      (*doc)->fetched_ms / 1000});
        if (uplink::Fetcher* f = const_cast<UplinkService&>(*uplink_).fetcher()) {
            const uplink::FetcherStatus st = f->status();
            if (st.last_refresh_ms)
                c.last_refresh = *st.last_refresh_ms / 1000;
            c.next_refresh = st.next_refresh_ms / 1000;
            c.failures = st.failures;
            c.last_error = st.last_error;
        }
        break;
    }
    case MaintPage::logs: fill_logs_view(v.logs); break;
    case MaintPage::config:
        fill_config_view(v.config);
        v.config.name_entry = hall_entry_ ? &*hall_entry_ : nullptr;
        break;
    case MaintPage::identity: fill_identity_view(v.identity); break;
    case MaintPage::power: v.power_result = maint_result_; break;
    }
    return v;
}

} // namespace hk::app
