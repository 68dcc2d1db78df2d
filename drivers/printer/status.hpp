// Printer status as the kiosk needs it, decoded from the real-time status replies (DLE EOT n)
// and the USB printer class port status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace hk::escpos {

enum class Paper { ok, near_end, end };

struct PrinterStatus {
    bool online = true;
    bool cover_open = false;
    bool paper_feed_button = false;
    bool stopped_at_paper_end = false;
    bool error = false;
    bool mechanical_error = false;
    bool cutter_error = false;
    bool unrecoverable_error = false;
    bool auto_recoverable_error = false;
    Paper paper = Paper::ok;

    // Whether a receipt can be printed now.
    bool ready() const
    {
        return online && !cover_open && !error && !mechanical_error && !cutter_error && !unrecoverable_error &&
               paper != Paper::end;
    }
    bool operator==(const PrinterStatus&) const = default;
};

// Every reply byte of DLE EOT has the pattern 0xx1xx10 (bits 1 and 4 set, bits 0 and 7 clear).
bool is_status_byte(std::uint8_t b);

// Folds the reply to DLE EOT n (n = 1..4) into `s`. False if `reply` is not a status byte or n
// is out of range; `s` is then unchanged.
bool apply_status(int n, std::uint8_t reply, PrinterStatus& s);

// USB printer class GET_PORT_STATUS: bit 3 set = not error, bit 5 set = paper empty.
void apply_port_status(std::uint8_t port_status, PrinterStatus& s);

// For the log and staff: "ready", or what is wrong, e.g. "cover open, paper out".
std::string describe(const PrinterStatus& s);

} // namespace hk::escpos
