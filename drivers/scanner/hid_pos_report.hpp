// HID POS scanned data reports (HID Point of Sale usage tables, usage page 0x8C, usage 0x12
// "scanned data report") put back together into codes. A long code comes in several reports,
// each but the last flagged "more follow". Pure: bytes and times in, codes and problems out.
#pragma once

#include "scan_event.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace hk::scanner {

// The report's layout, by offset from its first byte (the report id).
struct HidPosLayout {
    static constexpr std::uint8_t kReportId = 0x02;
    static constexpr std::size_t kLength = 1;     // data bytes in this report
    static constexpr std::size_t kAim = 2;        // 3 bytes "]xx", zero when the scanner sends none
    static constexpr std::size_t kData = 5;       // up to kMaxData bytes
    static constexpr std::size_t kMaxData = 56;
    static constexpr std::size_t kSymbology = 61; // the vendor's own symbology code
    static constexpr std::size_t kMore = 63;      // non-zero: more reports of this code follow
    static constexpr std::size_t kReportBytes = 64;
};

struct HidPosFed {
    std::optional<ScanEvent> scan;
    std::optional<std::string> problem; // for the log
};

class HidPosAssembler {
public:
    // One interrupt IN transfer: a whole report, its id first. A report that is not a scanned
    // data report, is short, or whose length runs past it is a problem; it also drops any code
    // being assembled (its bytes can no longer be trusted to join up).
    HidPosFed feed(std::span<const std::uint8_t> report, std::chrono::steady_clock::time_point now);
    // Drops a code whose last report has not come. The device part calls it after a quiet gap,
    // so that a lost last report does not glue two scans together.
    void reset();
    // Bytes of a code waiting for its next report (0 when none is).
    std::size_t partial_bytes() const { return data_.size(); }
    bool partial() const { return started_; }

private:
    HidPosFed drop(std::string why);

    std::string data_;
    std::string aim_id_;
    bool started_ = false;    // a report with "more follow" came and the code is not complete
    bool discarding_ = false; // the code grew past kMaxCodeBytes: its remaining reports are dropped
};

} // namespace hk::scanner
