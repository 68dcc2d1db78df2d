// A simulated USB receipt printer (USB printer class 7, bulk OUT for ESC/POS, bulk IN for
// status): keeps what it was sent, and answers real-time status requests (DLE EOT n) from its
// state, which a test or the demo panel can change at any time.
#pragma once

#include "paper_roll.hpp"
#include "usb_device.hpp"

#include <deque>
#include <mutex>

namespace hk::sim {

struct PrinterState {
    bool cover_open = false;
    bool paper_near_end = false;
    bool paper_out = false;
    bool cutter_error = false;
};

class ReceiptPrinterSim final : public UsbDevice {
public:
    static constexpr std::uint8_t kOut = 0x01;
    static constexpr std::uint8_t kIn = 0x82;

    explicit ReceiptPrinterSim(DeviceIds ids = {0x0416, 0x5011, 0x0100}, int width_dots = 576)
        : ids_(ids), width_dots_(width_dots), roll_(width_dots)
    {
    }

    DeviceIds ids() const override { return ids_; }
    std::vector<Interface> interfaces() const override;
    void receive(std::uint8_t ep, std::span<const std::uint8_t> data) override;
    std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) override;
    std::optional<std::vector<std::uint8_t>> control(const SetupPacket& setup,
                                                     std::span<const std::uint8_t> data) override;

    void set_state(const PrinterState& s);
    // Everything received so far, and forget it.
    std::vector<std::uint8_t> take_received();
    // The receipts printed so far (each ended by a cut), as pictures of the paper. While the
    // cover is open or the paper is out, what is sent is lost, as on a real printer.
    std::vector<Picture> receipts(std::size_t from = 0) const; // from the `from`th on
    std::size_t receipt_count() const;
    PrinterState state() const;

private:
    std::uint8_t status_byte(std::uint8_t n) const;

    const DeviceIds ids_;
    const int width_dots_; // told in the device id's model name, as real printers do
    mutable std::mutex mu_;
    PrinterState state_;
    std::vector<std::uint8_t> received_;
    std::vector<std::uint8_t> pending_; // a DLE EOT split across transfers
    std::deque<std::uint8_t> replies_;
    PaperRoll roll_;
};

} // namespace hk::sim
