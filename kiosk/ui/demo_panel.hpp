// Demo mode's panel: the person showing the kiosk works the simulated peripherals from here
// (place and take away ID cards, scan codes, open the printer's cover, take the paper out,
// unplug and plug back each device) and sees what the kiosk made of it: each device's state
// and counters, and the last things the devices reported. It opens from the demo badge in the
// corner (or F12) and lies above the resident's screen, which keeps running behind it.
#pragma once

#include "widgets.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hk::ui {

enum class DemoRole { printer, idcard, scanner };
inline constexpr std::array kDemoRoles{DemoRole::printer, DemoRole::idcard, DemoRole::scanner};
enum class DemoDeviceState { absent, opening, ready, busy, fault };
// The demo's sample codes: a booking pass, a staff badge and a request receipt the kiosk takes;
// passes it refuses and says why; other codes; a scan the scanner cuts off; queue tickets of two
// windows. Appended at the end: the panel's buttons are demo.scan.<index>.
enum class DemoCodeKind {
    booking_pass,
    staff_badge,
    request_receipt,
    used_pass,
    expired_pass,
    other_hall_pass,
    forged_pass,
    web_address,
    chinese_text,
    oversized,
    cut_off,
    ticket_window_3,
    ticket_window_1,
    badge_tech,       // a technician's badge (T0007)
    badge_admin,      // the district administrator's, for every hall (A0001)
    badge_expired,    // S0042's of last month
    badge_other_hall, // another hall's staff member's
};
enum class DemoPaper { ok, near_end, out };

// A device state's words, and a colour that reads on a surface in both themes (the words are
// always written too: colour is never the only sign).
MsgKey device_state_key(DemoDeviceState s);
ImU32 device_state_colour(const Theme& t, DemoDeviceState s);

struct DemoDeviceRow {
    DemoDeviceState state = DemoDeviceState::absent;
    std::string model;
    std::uint64_t transfers = 0;
    std::uint64_t errors = 0;
    std::uint64_t reconnects = 0;
    std::size_t pending = 0;
    std::string problem; // for staff, as the device layer said it
    bool plugged = true;
};

// One thing a device told the kiosk, for the panel's list.
struct DemoEvent {
    std::string time; // "10:42:05"
    DemoRole role;
    std::optional<DemoDeviceState> state; // a state change, or:
    std::size_t bytes = 0;                // data received
    std::string preview;                  // its first bytes, in hex
};

struct DemoPanelView {
    bool open = false;
    std::array<DemoDeviceRow, 3> devices;
    std::vector<std::string> cards; // the sample cards' labels
    std::optional<std::size_t> card_on_reader;
    std::string card_read; // what the kiosk read of the card (masked), or why it could not
    std::vector<DemoCodeKind> codes;
    std::string last_scan; // what the kiosk made of the last code scanned
    bool camera = false;   // the pretend camera runs: the booking pass can be held up to it
    bool cover_open = false;
    DemoPaper paper = DemoPaper::ok;
    std::size_t receipts = 0;
    std::size_t queued = 0;        // receipts waiting for the printer or printing
    std::vector<DemoEvent> events; // newest first
    std::vector<std::string> unknown_devices;
};

struct DemoAction {
    enum class Kind {
        open,
        close,
        plug,
        unplug,
        place_card,
        take_card,
        scan,
        open_cover,
        close_cover,
        paper,
        read_card,      // the kiosk reads the card on the reader, as a flow waiting for one does
        print_sample,   // a sample request receipt, in the screen's language
        print_test,     // the staff test page
        show_to_camera, // hold sample code `index` up to the pretend camera
    } kind;
    DemoRole role = DemoRole::printer;
    std::size_t index = 0;
    DemoPaper paper = DemoPaper::ok;
};

// Draws the badge's touch target, or the open panel, above the frame (after draw_frame, in the
// same ImGui frame). Returns what was asked for.
std::vector<DemoAction> draw_demo_panel(Painter& p, const DemoPanelView& view);

} // namespace hk::ui
