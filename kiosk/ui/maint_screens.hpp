// Maintenance mode's screens, for hall staff: the badge and PIN steps, the lockout's wait, the
// menu of the role's pages and each page. Drawn instead of the residents' frame while the mode is
// open. The app gathers what a page shows into MaintView; nothing here keeps state between frames.
#pragma once

#include "demo_panel.hpp"
#include "maintenance.hpp"
#include "text_entry.hpp"
#include "widgets.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hk::ui {

// A peripheral as staff see it (DemoDeviceRow, which the demo panel shows too), with its last error.
struct MaintDevice {
    DemoDeviceRow row;
    std::string last_error;      // "" none since start
    std::int64_t last_error_at = 0; // unix seconds
};

enum class PaperWarning { none, near_end, out, cover_open };

struct MaintDevicesView {
    std::array<MaintDevice, 3> devices; // printer, ID card reader, scanner (DemoRole order)
    PaperWarning paper = PaperWarning::none;
    std::vector<std::string> unknown; // devices no rule matches
    bool can_rescan = false;          // a USB host runs (not demo mode's simulators)
    // The last test's outcome, worded by the app ("" none); `waiting` while it waits for a code
    // or a card.
    std::string test_result;
    bool waiting = false;
};

struct MaintRejected {
    std::int64_t seq = 0;
    std::string type;
    std::string reason;
};

struct MaintSyncView {
    bool accepting = true;
    std::string problem; // why records are not kept
    std::int64_t waiting = 0;
    std::optional<std::int64_t> oldest_age_s;
    std::optional<std::int64_t> last_success; // unix seconds
    std::string last_error;
    bool online = false;
    int failures = 0;
    std::int64_t rejected_count = 0;
    std::vector<MaintRejected> rejected; // the latest few
    std::optional<std::int64_t> skew_s; // the central side's clock minus ours
    bool skew_too_large = false;
    std::int64_t now = 0; // the kiosk's clock, unix seconds
    bool asked = false;   // "sync now" was tapped: the answer shows when the figures change
};

struct MaintCatalogueRow {
    std::string name;
    std::string version;
    std::int64_t fetched = 0; // unix seconds
};

struct MaintCatalogueView {
    std::vector<MaintCatalogueRow> rows;
    std::optional<std::int64_t> last_refresh; // every catalogue answered
    std::int64_t next_refresh = 0;
    int failures = 0;
    std::string last_error;
    bool asked = false;
};

struct MaintLogLine {
    std::int64_t at_ms = 0;
    int level = 0; // 0 debug/info, 1 warning, 2 error
    std::string text;
};

// Where files go to and come from: a folder of the kiosk's and the USB storage mounted now.
struct MaintTarget {
    std::string label; // "USB: KINGSTON" or the folder
    std::string path;
};

struct MaintLogsView {
    std::vector<MaintLogLine> lines; // filtered already
    std::size_t total = 0;           // lines held before filtering
    int level = 0;
    std::string search;
    int page = 0;
    std::vector<MaintTarget> targets;
    std::string export_result; // "" none yet
};

// A setting the configuration page changes, with the values it offers.
struct MaintSetting {
    std::string key;              // config.<key> names it
    std::string value;            // now
    std::vector<std::string> options;
    std::vector<std::string> labels; // each option as shown (same order)
    bool restart = false;            // takes effect at the next start
    bool multi = false;              // options toggle on and off (value: the chosen, comma separated)
};

struct MaintConfigView {
    std::string hall_name;
    const text::TextEntry* name_entry = nullptr; // the hall's name being typed, in the language shown
    std::vector<MaintSetting> settings;
    std::string result; // the last change's outcome
};

struct MaintIdentityView {
    std::string kid;
    std::string subject;   // "" no certificate
    std::string not_after; // RFC 3339
    std::string pending_kid; // a new key waiting for its certificate
    std::string cert_file;   // the file a certificate is installed from, "<kiosk id>.crt.pem"
    std::vector<MaintTarget> targets;
    std::string result;
};

struct MaintView {
    const Maintenance& mode;
    std::int64_t wall = 0; // unix seconds, for the lockout's wait
    float busy_phase = 0;
    bool demo = false;
    std::optional<MaintPower> asking_power; // the confirmation is up
    std::string power_result;               // a power action that could not be done
    MaintDevicesView devices;
    MaintSyncView sync;
    MaintCatalogueView catalogue;
    MaintLogsView logs;
    MaintConfigView config;
    MaintIdentityView identity;
    // The kiosk has a key but no certificate from the district yet: the menu, the sync page and
    // the identity page say so, and the identity page offers enrolment instead of a new key.
    bool awaiting_enrolment = false;
};

// Draws maintenance mode's frame into the current ImGui frame; returns what staff asked for.
std::vector<MaintIntent> draw_maintenance(Painter& p, const MaintView& v);

} // namespace hk::ui
