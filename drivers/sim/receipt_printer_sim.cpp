// The simulated receipt printer (see receipt_printer_sim.hpp).
#include "receipt_printer_sim.hpp"

#include "escpos.hpp"

#include <string>
#include <utility>

namespace hk::sim {
namespace {

// Every status reply byte has bit 1 and bit 4 set and bits 0 and 7 clear (0xx1xx10).
constexpr std::uint8_t kStatusFixed = 0x12;

// USB printer class 1.1 §4.2: GET_DEVICE_ID (bRequest 0), GET_PORT_STATUS (bRequest 1).
constexpr std::uint8_t kGetDeviceId = 0;
constexpr std::uint8_t kGetPortStatus = 1;

} // namespace

std::vector<Interface> ReceiptPrinterSim::interfaces() const
{
    // Printer class 7, subclass 1, protocol 2 (bidirectional).
    return {Interface{7, 1, 2, {Endpoint{kOut, kBulk, 64, 0}, Endpoint{kIn, kBulk, 64, 0}}}};
}

std::uint8_t ReceiptPrinterSim::status_byte(std::uint8_t n) const
{
    std::uint8_t b = kStatusFixed;
    switch (n) {
    case 1: // printer status: bit 3 offline
        if (state_.cover_open || state_.paper_out)
            b |= 0x08;
        break;
    case 2: // offline cause: bit 2 cover open, bit 5 stopped at paper end, bit 6 error
        if (state_.cover_open)
            b |= 0x04;
        if (state_.paper_out)
            b |= 0x20;
        if (state_.cutter_error)
            b |= 0x40;
        break;
    case 3: // error cause: bit 3 autocutter
        if (state_.cutter_error)
            b |= 0x08;
        break;
    case 4: // paper roll sensor: bits 2-3 near end, bits 5-6 paper end
        if (state_.paper_near_end || state_.paper_out)
            b |= 0x0C;
        if (state_.paper_out)
            b |= 0x60;
        break;
    default: break;
    }
    return b;
}

void ReceiptPrinterSim::receive(std::uint8_t ep, std::span<const std::uint8_t> data)
{
    if (ep != kOut)
        return;
    std::lock_guard lock(mu_);
    received_.insert(received_.end(), data.begin(), data.end());
    if (!state_.cover_open && !state_.paper_out)
        roll_.feed(data);
    // Real-time commands are answered as they arrive, even mid-job; a request may be split
    // across two transfers.
    pending_.insert(pending_.end(), data.begin(), data.end());
    std::size_t i = 0;
    while (i + 2 < pending_.size()) {
        if (pending_[i] == escpos::DLE && pending_[i + 1] == escpos::EOT && pending_[i + 2] >= 1 && pending_[i + 2] <= 4) {
            replies_.push_back(status_byte(pending_[i + 2]));
            i += 3;
        } else {
            ++i;
        }
    }
    // The last one or two bytes stay: they may begin a request that the next transfer ends.
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(i));
}

std::vector<std::uint8_t> ReceiptPrinterSim::send(std::uint8_t ep, std::size_t max)
{
    if (ep != kIn)
        return {};
    std::lock_guard lock(mu_);
    return take_front(replies_, max);
}

std::optional<std::vector<std::uint8_t>> ReceiptPrinterSim::control(const SetupPacket& setup,
                                                                    std::span<const std::uint8_t>)
{
    // Class requests to the interface (bmRequestType 0xA1).
    if (setup.request_type != 0xA1)
        return std::nullopt;
    std::lock_guard lock(mu_);
    if (setup.request == kGetDeviceId) {
        // IEEE 1284 device id, preceded by its length, big endian, length included.
        const std::string id = std::string("MFG:HALLKIOSK SIM;CMD:ESC/POS;MDL:") +
                               (width_dots_ <= 384 ? "RP58 SIM" : "RP80 SIM") + ";CLS:PRINTER;";
        std::vector<std::uint8_t> out{static_cast<std::uint8_t>((id.size() + 2) >> 8),
                                      static_cast<std::uint8_t>((id.size() + 2) & 0xFF)};
        out.insert(out.end(), id.begin(), id.end());
        if (out.size() > setup.length)
            out.resize(setup.length);
        return out;
    }
    if (setup.request == kGetPortStatus) {
        std::uint8_t s = 0x08 | 0x10; // not error, selected
        if (state_.paper_out)
            s |= 0x20;
        return std::vector<std::uint8_t>{s};
    }
    return std::nullopt;
}

void ReceiptPrinterSim::set_state(const PrinterState& s)
{
    std::lock_guard lock(mu_);
    state_ = s;
}

std::vector<std::uint8_t> ReceiptPrinterSim::take_received()
{
    std::lock_guard lock(mu_);
    return std::exchange(received_, {});
}

std::vector<Picture> ReceiptPrinterSim::receipts(std::size_t from) const
{
    std::lock_guard lock(mu_);
    const auto& all = roll_.receipts();
    return {all.begin() + static_cast<std::ptrdiff_t>(std::min(from, all.size())), all.end()};
}

std::size_t ReceiptPrinterSim::receipt_count() const
{
    std::lock_guard lock(mu_);
    return roll_.receipts().size();
}

PrinterState ReceiptPrinterSim::state() const
{
    std::lock_guard lock(mu_);
    return state_;
}

} // namespace hk::sim
