// Simulated barcode scanners: a HID POS scanner (usage page 0x8C) and a keyboard-wedge scanner
// (HID boot keyboard). A test or the demo panel "scans" a code; the device then reports it on
// its interrupt IN endpoint the way the real ones do.
#pragma once

#include "usb_device.hpp"

#include <deque>
#include <mutex>
#include <string>

namespace hk::sim {

// A scanner's common part: codes queued for sending as reports.
class ScannerSim : public UsbDevice {
public:
    static constexpr std::uint8_t kIn = 0x81;

    // Queues `code` as scanned; `aim_id` is the AIM symbology identifier ("]Q1" QR, "]C0" Code 128).
    void scan(const std::string& code, const std::string& aim_id = "]Q1");
    std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) override;
    void receive(std::uint8_t, std::span<const std::uint8_t>) override {}

protected:
    // The reports that carry one scan, in order.
    virtual std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id) = 0;

private:
    std::mutex mu_;
    std::deque<std::vector<std::uint8_t>> reports_;
};

// HID POS (HID Point of Sale usage tables, usage page 0x8C): report id 2, then length, the
// three-byte AIM id and up to 56 data bytes; byte 62 set when more reports of the same scan follow.
class HidPosScannerSim final : public ScannerSim {
public:
    static constexpr std::size_t kReportSize = 64;
    DeviceIds ids() const override { return {0x05E0, 0x1300, 0x0100}; }
    std::vector<Interface> interfaces() const override;
    std::optional<std::vector<std::uint8_t>> control(const SetupPacket& setup, std::span<const std::uint8_t>) override;

protected:
    std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id) override;
};

// Keyboard wedge: the code typed as US-layout key presses (8-byte boot reports, each key
// followed by a release), ended by Enter. Only ASCII survives this mode, as with real ones.
class WedgeScannerSim final : public ScannerSim {
public:
    DeviceIds ids() const override { return {0x0C2E, 0x0B61, 0x0100}; }
    std::vector<Interface> interfaces() const override;

protected:
    std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id) override;
};

// The HID report descriptor of the HID POS scanner (returned by GET_DESCRIPTOR, type 0x22).
std::vector<std::uint8_t> hid_pos_report_descriptor();

} // namespace hk::sim
