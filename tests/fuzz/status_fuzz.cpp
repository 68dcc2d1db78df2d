// Fuzz target for printer status decoding (drivers/printer/status.cpp): any sequence of DLE EOT
// replies and port status bytes folds into a status that describes itself, and a rejected reply
// changes nothing.
//
// Input: pairs of bytes. A first byte with the top bit set says the second is a USB port
// status; otherwise the first byte less 0x40 is n of DLE EOT n (so -64..63, out-of-range n
// included: 0x41 is n = 1) and the second is the printer's reply.
#include "status.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace hk::escpos;

namespace {

void expect(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "status_fuzz: %s\n", what);
        std::abort();
    }
}

// The fields that DLE EOT n reports, packed into an int to compare (bit 3 of n = 2 is `error`).
int group(int n, const PrinterStatus& s)
{
    switch (n) {
    case 1: return s.online;
    case 2: return s.cover_open | s.paper_feed_button << 1 | s.stopped_at_paper_end << 2 | s.error << 3;
    case 3:
        return s.mechanical_error | s.cutter_error << 1 | s.unrecoverable_error << 2 | s.auto_recoverable_error << 3;
    case 4: return static_cast<int>(s.paper);
    }
    return 0;
}
constexpr int kErrorBit = 1 << 3;

void check_description(const PrinterStatus& s)
{
    const std::string d = describe(s);
    expect(!d.empty(), "describe() is empty");
    expect(d.front() != ',' && d.front() != ' ' && d.back() != ',' && d.back() != ' ',
           "describe() has a stray separator");
    // Every reason not to print is named; "ready" is said only of a printer that can print.
    expect(d != "ready" || s.ready(), "describe() says ready for a printer that is not");
    expect(s.ready() == (s.online && !s.cover_open && !s.error && !s.mechanical_error && !s.cutter_error &&
                         !s.unrecoverable_error && s.paper != Paper::end),
           "ready() disagrees with the fields");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    PrinterStatus s;
    check_description(s);
    for (std::size_t i = 0; i + 1 < size; i += 2) {
        const std::uint8_t op = data[i], value = data[i + 1];
        const PrinterStatus before = s;
        if (op & 0x80) {
            apply_port_status(value, s);
            // Port status only ever adds a fault: it cannot see one clear.
            expect(s.error == (before.error || !(value & 0x08)), "port status: wrong error bit");
            expect(s.paper == ((value & 0x20) ? Paper::end : before.paper), "port status: wrong paper");
            expect(group(1, s) == group(1, before) && (group(2, s) | kErrorBit) == (group(2, before) | kErrorBit) &&
                       group(3, s) == group(3, before),
                   "port status changed a field it does not carry");
        } else {
            const int n = op - 0x40;
            const bool accepted = apply_status(n, value, s);
            expect(accepted == (is_status_byte(value) && n >= 1 && n <= 4), "accepted the wrong replies");
            if (!accepted) {
                expect(s == before, "a rejected reply changed the status");
            } else {
                for (int other = 1; other <= 4; ++other)
                    expect(other == n || group(other, s) == group(other, before),
                           "DLE EOT n changed a field of another n");
                PrinterStatus again = s;
                apply_status(n, value, again);
                expect(again == s, "the same reply twice gave another status");
            }
        }
        check_description(s);
    }
    return 0;
}
