// Keyboard-wedge keystrokes into codes (see wedge_assembler.hpp).
#include "wedge_assembler.hpp"

#include <algorithm>
#include <cstdio>

namespace hk::scanner {
namespace {

// HID 1.11 appendix B.1 modifier bits: left Shift, right Shift.
constexpr std::uint8_t kShift = 0x02 | 0x20;

// HID Usage Tables 1.12 §10, keyboard/keypad page.
constexpr std::uint8_t kErrorRollOver = 0x01; // "phantom state": too many keys down at once
constexpr std::uint8_t kErrorUndefined = 0x03;
constexpr std::uint8_t kEnter = 0x28;
constexpr std::uint8_t kTab = 0x2B;
constexpr std::uint8_t kKeypadEnter = 0x58;

// The US layout, unshifted and shifted, for usages 0x1E (1) to 0x38 (/); 0 where no character.
constexpr char kRowPlain[] = "1234567890\0\0\0\0 -=[]\\\0;'`,./";
constexpr char kRowShifted[] = "!@#$%^&*()\0\0\0\0 _+{}|\0:\"~<>?";

// Keypad usages 0x54 to 0x63, with Num Lock on (scanners type keypad digits assuming it).
constexpr char kKeypad[] = "/*-+\0" "1234567890.";

std::optional<char> char_of(std::uint8_t usage, bool shift)
{
    if (usage >= 0x04 && usage <= 0x1D)
        return static_cast<char>((shift ? 'A' : 'a') + (usage - 0x04));
    if (usage >= 0x1E && usage <= 0x38) {
        const char c = (shift ? kRowShifted : kRowPlain)[usage - 0x1E];
        if (c != '\0')
            return c;
    }
    if (usage >= 0x54 && usage <= 0x63) {
        const char c = kKeypad[usage - 0x54];
        if (c != '\0')
            return c;
    }
    return std::nullopt;
}

std::string hex(std::uint8_t b)
{
    char s[8];
    std::snprintf(s, sizeof s, "0x%02X", b);
    return s;
}

} // namespace

void WedgeAssembler::key_down(std::uint8_t usage, bool shift, std::chrono::steady_clock::time_point now,
                              std::vector<WedgeOutput>& out)
{
    if (usage == kEnter || usage == kKeypadEnter || usage == kTab) {
        // The scanner's suffix. Tab ends a code too: some are set to send it, and a code of
        // printable characters holds no Tab of its own.
        if (auto e = code_.end(now))
            out.push_back(std::move(*e));
        return;
    }
    const auto c = char_of(usage, shift);
    if (!c) {
        out.push_back(ScanProblem{"key usage " + hex(usage) + " has no character in a scanned code; it is left out",
                                  ScanEvent::Source::wedge});
        return;
    }
    if (auto p = code_.add(*c, now))
        out.push_back(std::move(*p));
}

std::vector<WedgeOutput> WedgeAssembler::feed(std::span<const std::uint8_t> reports,
                                              std::chrono::steady_clock::time_point now)
{
    std::vector<WedgeOutput> out;
    if (reports.size() % kReportBytes != 0) {
        out.push_back(ScanProblem{"a keyboard report of " + std::to_string(reports.size()) + " bytes, not a multiple of " +
                                      std::to_string(kReportBytes) + ", is ignored",
                                  ScanEvent::Source::wedge});
        return out;
    }
    if (auto e = flush_if_idle(now))
        out.push_back(std::move(*e));
    for (std::size_t at = 0; at < reports.size(); at += kReportBytes) {
        const auto r = reports.subspan(at, kReportBytes);
        const auto keys = r.subspan(2, 6);
        // Phantom state: the keyboard saw too many keys to tell which; the next report will.
        if (std::ranges::any_of(keys, [](std::uint8_t k) { return k == kErrorRollOver || k == kErrorUndefined; }))
            continue;
        const bool shift = (r[0] & kShift) != 0;
        for (const std::uint8_t k : keys)
            if (k != 0 && std::ranges::find(down_, k) == down_.end())
                key_down(k, shift, now, out);
        std::ranges::copy(keys, down_.begin());
    }
    return out;
}

std::optional<WedgeOutput> WedgeAssembler::flush_if_idle(std::chrono::steady_clock::time_point now)
{
    if (auto e = code_.flush_if_idle(now))
        return std::move(*e);
    return std::nullopt;
}

} // namespace hk::scanner
