// One opened barcode scanner: listens on its IN endpoint, turns what comes into codes with the
// decoder its driver names ("hidpos", "wedge", "serial" in config/devices.toml), and ends codes
// that stop half way after a pause.
//
// Threads: on_scan is called on a device thread (libusb's event thread, or the scanner's own
// timer thread for codes ended by a pause), one call at a time, in order; hand the outcome to a
// queue. It must not destroy the ScannerDevice. After the destructor returns it is never called
// again. The Transport is used only inside open() (to set the line up and start listening): it
// may close before the ScannerDevice is dropped, as when the port closes an unplugged device.
//
// Not done here: HID POS scanners that must first be told by a feature report to send scanned
// data reports (some makes ship in keyboard mode): configure such scanners once with the
// vendor's tool, or drive them as "wedge".
#pragma once

#include "scan_event.hpp"

#include "device_port.hpp"
#include "transport.hpp"

#include <functional>
#include <memory>
#include <thread>

namespace hk::scanner {

class ScannerDevice {
public:
    // A HID POS code whose next report has not come after this long is dropped as broken, so
    // that a lost last report does not glue two scans together. The reports of one code come
    // within a few interrupt intervals (1 to 10 ms).
    static constexpr std::chrono::milliseconds kHidPosQuiet{100};

    // Starts listening on `device` over `t` (the port's open hook calls it on the port thread).
    // serial: sets 115200 8N1 and DTR/RTS on the communication interface first.
    static usb::Result<std::unique_ptr<ScannerDevice>> open(usb::Transport& t, const usb::PortDevice& device,
                                                            std::function<void(ScanOutcome)> on_scan);
    // Stops the pause timer; on_scan is not called after it returns.
    ~ScannerDevice();
    ScannerDevice(const ScannerDevice&) = delete;
    ScannerDevice& operator=(const ScannerDevice&) = delete;

    ScanEvent::Source source() const { return source_; }

    struct State; // the decoder and on_scan, shared with the listener and the timer

private:
    ScannerDevice(ScanEvent::Source source, std::shared_ptr<State> state);

    const ScanEvent::Source source_;
    std::shared_ptr<State> state_;
    std::jthread timer_; // last: stops and joins first
};

} // namespace hk::scanner
