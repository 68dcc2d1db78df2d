// A code as a scanner delivered it, whichever way it came (HID POS reports, keyboard-wedge
// keystrokes, CDC-ACM lines, camera frames), and what the kiosk says about codes it could not
// take. Pure values: the decoders that make them compile without the USB layer.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace hk::scanner {

// The most a QR code holds (version 40-L, numeric mode, ISO/IEC 18004 Table 7), more than any
// symbology's byte capacity. A longer code is rejected as oversized, never buffered without bound.
inline constexpr std::size_t kMaxCodeBytes = 7089;

struct ScanEvent {
    std::string data;   // the code's bytes as the scanner sent them (UTF-8 from most scanners)
    std::string aim_id; // "]Q1", "]C0", ... (ISO/IEC 15424); empty when the scanner sent none
    enum class Source { hid_pos, wedge, serial, camera } source;
    // When the last report, line or frame that completed the code came off the device: the
    // kiosk measures its latency from here.
    std::chrono::steady_clock::time_point last_report_at;
};

// A scan that went wrong, for the log (English, never the code's content).
struct ScanProblem {
    std::string what;
    ScanEvent::Source source;
};

using ScanOutcome = std::variant<ScanEvent, ScanProblem>;

// The symbology an AIM identifier names ("QR Code", "Code 128", "EAN-13", ...), "unknown" when
// the table does not hold it.
std::string_view symbology_name(std::string_view aim_id);

// Scanners set to send an AIM prefix put it before the code's text on a wedge or serial line:
// a "]" and two characters. Splits it off into `aim_id` when `data` starts with one.
void split_aim_prefix(std::string& data, std::string& aim_id);

std::string_view source_name(ScanEvent::Source source);

} // namespace hk::scanner
