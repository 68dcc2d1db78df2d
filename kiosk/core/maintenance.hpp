// Maintenance mode for hall staff: its own mode beside the residents' shell, opened from a hidden
// corner of the attract screen. Staff scan their badge (a signed token the app has verified
// offline: id, role, hall, expiry), then type their PIN, which the app checks against the staff
// catalogue's slow hash off the UI thread. Five wrong PINs lock the mode for a growing time
// (pin_lockout.hpp); the lockout is kept across restarts by the app. Each role sees only its
// pages. The mode leaves by itself after a few idle minutes, and on "leave". Pure: the caller
// passes the time in.
#pragma once

#include "pin_lockout.hpp"
#include "session.hpp"
#include "text_entry.hpp"
#include "wipe.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace hk {

enum class StaffRole { staff, tech, admin };

// The pages of maintenance mode, in the order of its menu.
enum class MaintPage { devices, sync, catalogue, logs, config, identity, power };
inline constexpr std::array<MaintPage, 7> kMaintPages{MaintPage::devices,   MaintPage::sync,   MaintPage::catalogue,
                                                      MaintPage::logs,      MaintPage::config, MaintPage::identity,
                                                      MaintPage::power};

// What a role may do beyond seeing its pages.
enum class MaintPower { restart, power_off, exit_to_desktop };

// Hall staff keep the machine going: devices, sync, catalogue, a restart. Technicians also read
// the logs, change the configuration and power the machine off. Administrators also manage the
// kiosk's identity and may leave to the desktop.
constexpr bool role_sees(StaffRole role, MaintPage page)
{
    switch (page) {
    case MaintPage::devices:
    case MaintPage::sync:
    case MaintPage::catalogue:
    case MaintPage::power: return true;
    case MaintPage::logs:
    case MaintPage::config: return role != StaffRole::staff;
    case MaintPage::identity: return role == StaffRole::admin;
    }
    return false;
}
constexpr bool role_may(StaffRole role, MaintPower power)
{
    switch (power) {
    case MaintPower::restart: return true;
    case MaintPower::power_off: return role != StaffRole::staff;
    case MaintPower::exit_to_desktop: return role == StaffRole::admin;
    }
    return false;
}

enum class MaintStep {
    closed,   // not in maintenance mode
    badge,    // "scan your staff badge"
    pin,      // the PIN pad
    checking, // the PIN is being checked
    locked,   // too many wrong PINs: how long to wait
    menu,     // the role's pages
    page,     // one page
};

// Why a badge was not taken: shown on the badge step.
enum class BadgeRefusal { none, expired, not_yet_valid, wrong_hall, not_a_badge, no_pin, forged };

struct StaffBadgeInfo {
    std::string id;
    std::string hall;
    StaffRole role = StaffRole::staff;
    std::int64_t exp = 0;
};

// What staff asked for on a maintenance screen (the app carries it out).
namespace maint {
struct PinKey { // '0'-'9', or '\b' to take the last digit back
    char key = 0;
};
struct SubmitPin {};
struct Show {
    MaintPage page = MaintPage::devices;
};
struct Back {};
struct Leave {};
// Devices.
struct TestPrint {};
struct TestScan {}; // the next code scanned is shown (its kind and verdict), not used
struct TestCard {}; // the next card read is shown, masked
struct RescanUsb {};
// Sync and catalogue.
struct SyncNow {};
struct RefreshCatalogue {};
// Logs.
struct LogLevel { // the least level shown: 0 all, 1 warnings and errors, 2 errors
    int level = 0;
};
struct LogSearch { // the text lines must hold ("" all)
    std::string text;
};
struct LogPage {
    int by = 1;
};
struct ExportBundle { // to the folder of this index among the export targets shown
    std::size_t target = 0;
};
// Configuration: one setting changed to a value (the app checks, applies, keeps and audits it).
struct SetConfig {
    std::string key;
    std::string value;
};
struct EditHallName {}; // the hall's name in the language shown, typed on the keyboard
struct TypeName {      // a key of that keyboard ("done" keeps the name)
    text::Key key;
};
// Identity.
struct NewKey {};
struct WriteRequest {       // a kiosk awaiting enrolment: its current key's certificate request
    std::size_t target = 0; // to the folder of this index among the targets shown
};
struct InstallCertificate {
    std::size_t target = 0; // the folder the certificate file is looked for in
};
// Power: asked, then confirmed.
struct AskPower {
    MaintPower what = MaintPower::restart;
};
struct ConfirmPower {};
struct CancelPower {};
} // namespace maint

using MaintIntent =
    std::variant<maint::PinKey, maint::SubmitPin, maint::Show, maint::Back, maint::Leave, maint::TestPrint,
                 maint::TestScan, maint::TestCard, maint::RescanUsb, maint::SyncNow, maint::RefreshCatalogue,
                 maint::LogLevel, maint::LogSearch, maint::LogPage, maint::ExportBundle, maint::SetConfig,
                 maint::EditHallName, maint::TypeName, maint::NewKey, maint::WriteRequest, maint::InstallCertificate,
                 maint::AskPower, maint::ConfirmPower, maint::CancelPower>;

// Names for the audit record and the log.
std::string_view role_name(StaffRole role);
std::string_view page_name(MaintPage page);
std::string_view power_name(MaintPower power);
std::string_view refusal_name(BadgeRefusal why);

class Maintenance {
public:
    static constexpr std::size_t kMaxPinDigits = 8;

    explicit Maintenance(Millis idle = Millis(180'000)) : idle_(idle) {}

    MaintStep step() const { return step_; }
    bool open() const { return step_ != MaintStep::closed; }
    MaintPage page() const { return page_; }
    const StaffBadgeInfo& staff() const { return staff_; }
    BadgeRefusal refusal() const { return refusal_; }
    std::size_t pin_length() const { return pin_.size(); }
    // The PIN typed, for the app's check only; never shown or logged.
    const std::string& pin() const { return pin_; }
    bool last_pin_wrong() const { return pin_wrong_; }
    const PinLockout& lockout() const { return lockout_; }

    // The lockout as the app kept it (at start).
    void restore_lockout(const PinLockout& l) { lockout_ = l; }

    // The hidden entry: to the badge step, or to the lockout's wait while it lasts.
    bool enter(SteadyTime now, std::int64_t wall);
    // A badge the app verified (right key, this hall or ALL, within its dates): on to the PIN.
    bool badge(StaffBadgeInfo b, SteadyTime now, std::int64_t wall);
    // A scan at the badge step that is not a good badge.
    bool badge_refused(BadgeRefusal why, SteadyTime now);
    // A key of the PIN pad: '0'-'9', or '\b' to take the last digit back.
    bool pin_key(char key, SteadyTime now);
    // The PIN typed is sent to be checked (4 to 8 digits).
    bool submit_pin(SteadyTime now);
    // The check's answer. A wrong one counts toward the lockout; true from the badge's PIN opens
    // the menu.
    bool pin_checked(bool right, SteadyTime now, std::int64_t wall);
    // A page of the menu (one the role sees).
    bool show(MaintPage p, SteadyTime now);
    bool back(SteadyTime now);
    // Leaves maintenance mode: everything typed and the staff member forgotten.
    bool leave();
    // Advances timers: leaves after the idle time without a touch, and ends a lockout's wait
    // (back to the badge step). Returns true when the step changed.
    bool tick(SteadyTime now, std::int64_t wall);
    // Any touch keeps the mode open.
    void touch(SteadyTime now) { last_input_ = now; }

private:
    void forget();

    Millis idle_;
    MaintStep step_ = MaintStep::closed;
    MaintPage page_ = MaintPage::devices;
    StaffBadgeInfo staff_;
    BadgeRefusal refusal_ = BadgeRefusal::none;
    std::string pin_;
    bool pin_wrong_ = false;
    PinLockout lockout_;
    SteadyTime last_input_{};
};

} // namespace hk
