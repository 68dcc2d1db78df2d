// The peripherals of demo mode: a receipt printer, an ID card reader and a HID POS scanner,
// simulated in-process and attached through the same matching and ports as real devices. The
// demo panel works them: it places and takes away sample cards, scans sample codes, opens the
// printer's cover, takes the paper out, and pulls and plugs back each cable.
#pragma once

#include "device_hub.hpp"
#include "idcard_reader_sim.hpp"
#include "receipt_printer_sim.hpp"
#include "scanner_sims.hpp"
#include "sim_transport.hpp"

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hk::sim {

// A fictional resident's card, as the panel offers it.
struct DemoCard {
    std::string label; // what the panel's button says: the name and what is special about it
    ResidentFields fields;
};

const std::vector<DemoCard>& demo_cards();

enum class Paper { ok, near_end, out };

class DemoDevices {
public:
    // Attaches every simulator to `hub`, matched by `rules` as a real device would be.
    DemoDevices(usb::DeviceHub& hub, std::vector<usb::MatchRule> rules);

    bool plugged(usb::Role role) const;
    // Pulls the cable (the device answers no-device and the hub hears it go), or plugs it back
    // in (a new address, as after a real replug).
    void set_plugged(usb::Role role, bool plugged);

    void place_card(std::size_t index);
    void take_card();
    std::optional<std::size_t> card_on_reader() const;

    // The scanner reads `code`; with `cut_off` it loses the scan's end (its last report).
    void scan(const std::string& code, const std::string& aim_id, bool cut_off = false);

    void set_cover_open(bool open);
    void set_paper(Paper paper);
    bool cover_open() const;
    Paper paper() const;

    ReceiptPrinterSim& printer() { return *printer_; }

private:
    struct Slot {
        std::shared_ptr<UsbDevice> device;
        std::shared_ptr<SimCable> cable;
        usb::DeviceKey key;
    };
    void attach(usb::Role role);
    void apply_printer_state(); // under mu_

    usb::DeviceHub& hub_;
    std::vector<usb::MatchRule> rules_;
    std::shared_ptr<ReceiptPrinterSim> printer_ = std::make_shared<ReceiptPrinterSim>();
    std::shared_ptr<IdCardReaderSim> reader_ = std::make_shared<IdCardReaderSim>();
    std::shared_ptr<HidPosScannerSim> scanner_ = std::make_shared<HidPosScannerSim>();
    mutable std::mutex mu_;
    std::array<Slot, usb::kRoles.size()> slots_;
    std::uint8_t next_address_ = 1;
    std::optional<std::size_t> card_;
    bool cover_open_ = false;
    Paper paper_ = Paper::ok;
};

} // namespace hk::sim
