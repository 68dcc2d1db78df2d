// A CDC-ACM scanner's lines into codes (see serial_lines.hpp).
#include "serial_lines.hpp"

namespace hk::scanner {

std::vector<ScanOutcome> SerialLineAssembler::feed(std::span<const std::uint8_t> bytes,
                                                   std::chrono::steady_clock::time_point now)
{
    std::vector<ScanOutcome> out;
    if (auto e = flush_if_idle(now))
        out.push_back(std::move(*e));
    for (const std::uint8_t b : bytes) {
        if (b == '\r' || b == '\n') {
            if (auto e = line_.end(now))
                out.push_back(std::move(*e));
        } else if (auto p = line_.add(static_cast<char>(b), now)) {
            out.push_back(std::move(*p));
        }
    }
    return out;
}

std::optional<ScanOutcome> SerialLineAssembler::flush_if_idle(std::chrono::steady_clock::time_point now)
{
    if (auto e = line_.flush_if_idle(now))
        return std::move(*e);
    return std::nullopt;
}

} // namespace hk::scanner
