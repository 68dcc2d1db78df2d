// One code read by any scanner (HID-POS, keyboard wedge, serial or camera), as the kiosk sees it.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace hk::scanner {

// The most a QR code holds (version 40-L, numeric mode, ISO/IEC 18004 Table 7).
inline constexpr std::size_t kMaxCodeBytes = 7089;

struct ScanEvent {
    std::string data;
    std::string aim_id;
    enum class Source { hid_pos, wedge, serial, camera } source;
    std::chrono::steady_clock::time_point last_report_at;
};

} // namespace hk::scanner
