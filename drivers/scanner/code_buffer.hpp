// A code that arrives a character at a time (keystrokes, serial bytes): bounded to
// kMaxCodeBytes, ended by the scanner's suffix or by a pause. Shared by the wedge and serial
// decoders. Pure.
#pragma once

#include "scan_event.hpp"

#include <optional>
#include <string>

namespace hk::scanner {

class CodeBuffer {
public:
    using time_point = std::chrono::steady_clock::time_point;

    CodeBuffer(ScanEvent::Source source, std::chrono::milliseconds gap) : source_(source), gap_(gap) {}

    // A character of the code. A code growing past kMaxCodeBytes gives one problem and is
    // dropped up to its end.
    std::optional<ScanProblem> add(char c, time_point now);
    // The suffix came at `now`: the code so far, if any (an AIM prefix split off).
    std::optional<ScanEvent> end(time_point now);
    // The code, when nothing came for the gap; its time is that of its last character.
    std::optional<ScanEvent> flush_if_idle(time_point now);
    std::optional<time_point> flush_due() const;

private:
    const ScanEvent::Source source_;
    const std::chrono::milliseconds gap_;
    std::string text_;
    bool receiving_ = false;  // characters came since the last end
    bool discarding_ = false; // past kMaxCodeBytes: dropped until the end
    time_point last_at_{};
};

} // namespace hk::scanner
