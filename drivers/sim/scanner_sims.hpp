// Simulated barcode scanners: a HID POS scanner (usage page 0x8C), a keyboard-wedge scanner
// (HID boot keyboard) and a USB serial (CDC-ACM) scanner. A test or the demo panel "scans" a
// code; the device then sends it on its IN endpoint the way the real ones do.
#pragma once

#include "usb_device.hpp"

#include <atomic>
#include <deque>
#include <mutex>
#include <string>

namespace hk::sim {

// Faults a test or the demo panel switches on; each happens to the next scan only.
enum class ScannerFault {
    none,
    // The scan's end never comes: a HID POS scan's last report (a one-report code is sent
    // flagged "more follow"), a wedge code's Enter, a serial code's suffix.
    partial_report,
};

// A scanner's common part: codes queued for sending as reports.
class ScannerSim : public UsbDevice {
public:
    static constexpr std::uint8_t kIn = 0x81;

    // Queues `code` as scanned; `aim_id` is the AIM symbology identifier ("]Q1" QR, "]C0" Code 128).
    void scan(const std::string& code, const std::string& aim_id = "]Q1");
    void set_fault(ScannerFault f);
    // Reports (serial: pieces) scanned but not yet taken by the host.
    std::size_t queued() const;
    std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) override;
    void receive(std::uint8_t, std::span<const std::uint8_t>) override {}

protected:
    // The reports (serial: pieces of the byte stream) that carry one scan, in order; `partial`:
    // without its end (ScannerFault::partial_report).
    virtual std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id,
                                                               bool partial) = 0;

private:
    mutable std::mutex mu_;
    std::deque<std::vector<std::uint8_t>> reports_;
    ScannerFault fault_ = ScannerFault::none;
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
    std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id,
                                                       bool partial) override;
};

// Keyboard wedge: the code typed as US-layout key presses (8-byte boot reports, each key
// followed by a release), ended by Enter. Only ASCII survives this mode, as with real ones.
class WedgeScannerSim final : public ScannerSim {
public:
    DeviceIds ids() const override { return {0x0C2E, 0x0B61, 0x0100}; }
    std::vector<Interface> interfaces() const override;

protected:
    std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id,
                                                       bool partial) override;
};

// A USB serial scanner (CDC-ACM): a communication interface and a data interface (class 0x0A)
// with a bulk pair; the code is sent on bulk IN followed by its suffix (CR LF unless set
// otherwise; scanners set to send an AIM prefix are not simulated). Like a real CDC-ACM device
// it sends nothing until the host has set the line coding.
class SerialScannerSim final : public ScannerSim {
public:
    static constexpr std::uint8_t kOut = 0x02;
    static constexpr std::size_t kPacket = 64;

    explicit SerialScannerSim(std::string suffix = "\r\n") : suffix_(std::move(suffix)) {}
    DeviceIds ids() const override { return {0x1EAB, 0x1A06, 0x0100}; }
    std::vector<Interface> interfaces() const override;
    std::optional<std::vector<std::uint8_t>> control(const SetupPacket& setup,
                                                     std::span<const std::uint8_t> data) override;
    std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) override;
    // Whether the host has set the line coding (and so the scanner sends).
    bool line_set() const { return line_set_; }

protected:
    std::vector<std::vector<std::uint8_t>> reports_for(const std::string& code, const std::string& aim_id,
                                                       bool partial) override;

private:
    const std::string suffix_;
    std::atomic<bool> line_set_{false};
};

// The HID report descriptor of the HID POS scanner (returned by GET_DESCRIPTOR, type 0x22).
std::vector<std::uint8_t> hid_pos_report_descriptor();

} // namespace hk::sim
