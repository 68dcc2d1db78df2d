// A keyboard-wedge scanner's keystrokes back into codes: HID boot keyboard reports
// (`[modifiers][reserved][k1..k6]`, HID 1.11 appendix B.1) read with the US layout, a code
// ending at Enter, Tab or a pause in typing. Pure: reports and times in, codes and problems out.
#pragma once

#include "code_buffer.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hk::scanner {

using WedgeOutput = ScanOutcome;

class WedgeAssembler {
public:
    static constexpr std::size_t kReportBytes = 8;
    static constexpr std::chrono::milliseconds kDefaultGap{50};

    // `gap`: a pause between keys this long ends a code (for scanners set to send no suffix).
    explicit WedgeAssembler(std::chrono::milliseconds gap = kDefaultGap) : code_(ScanEvent::Source::wedge, gap) {}

    // One or more whole 8-byte reports, all received at `now`. Keys are counted when they go
    // down (a key held across reports counts once; several new in one report, in their order).
    std::vector<WedgeOutput> feed(std::span<const std::uint8_t> reports, std::chrono::steady_clock::time_point now);
    // Ends a code whose keys stopped more than the gap ago (nullopt when there is none).
    std::optional<WedgeOutput> flush_if_idle(std::chrono::steady_clock::time_point now);
    // When flush_if_idle() will end the code being typed, if one is.
    std::optional<std::chrono::steady_clock::time_point> flush_due() const { return code_.flush_due(); }

private:
    void key_down(std::uint8_t usage, bool shift, std::chrono::steady_clock::time_point now,
                  std::vector<WedgeOutput>& out);

    CodeBuffer code_;
    std::array<std::uint8_t, 6> down_{}; // keys down in the last report
};

} // namespace hk::scanner
