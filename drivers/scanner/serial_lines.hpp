// A CDC-ACM scanner's byte stream into codes: one code a line, ended by CR, LF or CR LF, or by a
// pause for scanners set to send no suffix. Pure: bytes and times in, codes and problems out.
#pragma once

#include "code_buffer.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace hk::scanner {

class SerialLineAssembler {
public:
    static constexpr std::chrono::milliseconds kDefaultGap{100};

    // `gap`: a pause this long after the last byte ends a line that has no terminator.
    explicit SerialLineAssembler(std::chrono::milliseconds gap = kDefaultGap)
        : line_(ScanEvent::Source::serial, gap)
    {
    }

    // Bytes as one bulk IN transfer brought them, at `now`. Empty lines (the LF of a CR LF, a
    // terminator sent twice) are no codes, so CR LF ends one line. A line past kMaxCodeBytes is
    // dropped, with one problem, up to the next terminator.
    std::vector<ScanOutcome> feed(std::span<const std::uint8_t> bytes, std::chrono::steady_clock::time_point now);
    // Ends a line whose bytes stopped more than the gap ago (nullopt when there is none).
    std::optional<ScanOutcome> flush_if_idle(std::chrono::steady_clock::time_point now);
    // When flush_if_idle() will end the line being received, if one is.
    std::optional<std::chrono::steady_clock::time_point> flush_due() const { return line_.flush_due(); }

private:
    CodeBuffer line_;
};

} // namespace hk::scanner
