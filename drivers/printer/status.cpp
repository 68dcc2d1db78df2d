// Decoding printer status (see status.hpp).
#include "status.hpp"

namespace hk::escpos {

bool is_status_byte(std::uint8_t b) { return (b & 0x93) == 0x12; }

bool apply_status(int n, std::uint8_t r, PrinterStatus& s)
{
    if (!is_status_byte(r) || n < 1 || n > 4)
        return false;
    const auto bit = [&](int i) { return (r >> i & 1) != 0; };
    switch (n) {
    case 1: s.online = !bit(3); break;
    case 2:
        s.cover_open = bit(2);
        s.paper_feed_button = bit(3);
        s.stopped_at_paper_end = bit(5);
        s.error = bit(6);
        break;
    case 3:
        s.mechanical_error = bit(2);
        s.cutter_error = bit(3);
        s.unrecoverable_error = bit(5);
        s.auto_recoverable_error = bit(6);
        break;
    case 4:
        // Paper end (bits 5-6) outranks near end (bits 2-3).
        s.paper = (r & 0x60) ? Paper::end : (r & 0x0C) ? Paper::near_end : Paper::ok;
        break;
    }
    return true;
}

void apply_port_status(std::uint8_t port_status, PrinterStatus& s)
{
    if (!(port_status & 0x08))
        s.error = true;
    if (port_status & 0x20)
        s.paper = Paper::end;
}

std::string describe(const PrinterStatus& s)
{
    std::string out;
    const auto add = [&](bool cond, const char* what) {
        if (cond)
            out += (out.empty() ? "" : ", ") + std::string(what);
    };
    add(!s.online, "offline");
    add(s.cover_open, "cover open");
    add(s.paper == Paper::end, "paper out");
    add(s.paper == Paper::near_end, "paper near end");
    add(s.cutter_error, "cutter error");
    add(s.mechanical_error, "mechanical error");
    add(s.unrecoverable_error, "unrecoverable error");
    add(s.auto_recoverable_error, "auto-recoverable error");
    add(s.error && !s.cutter_error && !s.mechanical_error && !s.unrecoverable_error && !s.auto_recoverable_error,
        "error");
    return out.empty() ? "ready" : out;
}

} // namespace hk::escpos
