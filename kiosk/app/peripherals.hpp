// The kiosk's peripherals as the frame loop sees them: the device hub filled by the USB host
// (or, in demo mode, by the simulators), and a queue of what the devices report, drained by
// the frame loop. Device threads never touch the UI; they queue an event and wake the loop.
#pragma once

#include "demo_devices.hpp"
#include "device_hub.hpp"
#include "devices_config.hpp"
#include "camera_scanner.hpp"
#include "card_reader.hpp"
#include "config.hpp"
#include "receipt_printer.hpp"
#include "scanner_device.hpp"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <variant>

namespace hk::app {

struct DeviceChanged {
    usb::PortStatus status;
};
// A code a scanner or the camera read, or a scan that went wrong (a code cut off).
struct Scanned {
    scanner::ScanOutcome outcome;
};
// The printer's model, profile or status changed, or a receipt waits for it.
struct PrinterChanged {
    PrinterView view;
};
// A card was placed, read or taken away, or could not be read.
struct CardChanged {
    CardView view;
};
using DeviceEvent = std::variant<DeviceChanged, Scanned, PrinterChanged, CardChanged>;

class Peripherals {
public:
    // In demo mode the simulators are attached in-process; otherwise the USB host starts. A USB
    // host that cannot start is logged and leaves every device absent: the kiosk still runs.
    // `wake` is called on a device thread when an event is queued while none was waiting.
    static std::unique_ptr<Peripherals> start(const DevicesConfig& devices, bool demo, std::function<void()> wake);
    // Scans codes with the camera at `camera.device` as well (a kiosk without a scanner). A
    // camera that cannot be opened, or goes away, is logged; the kiosk runs on without it.
    void start_camera(const CameraConfig& camera);
    // Scans with the camera frames `source` gives (demo mode, tests).
    void start_camera(std::unique_ptr<camera::FrameSource> source);
    ~Peripherals();
    Peripherals(const Peripherals&) = delete;
    Peripherals& operator=(const Peripherals&) = delete;

    // Everything queued since the last call, oldest first.
    std::vector<DeviceEvent> take_events();
    // Waits up to `timeout` for an event to be queued (scripts let the devices answer).
    bool wait_for_event(std::chrono::milliseconds timeout);
    // Events dropped because the queue was full (the loop stalled).
    std::uint64_t dropped() const;

    // Looks for USB devices again now (maintenance mode): false when no USB host runs (demo mode's
    // simulators, or a host that could not start).
    bool rescan();
    bool can_rescan() const { return host_ != nullptr; }

    usb::DeviceHub& hub() { return *hub_; }
    ReceiptPrinter& printer() { return *printer_; }
    CardReader& card_reader() { return *card_reader_; }
    sim::DemoDevices* demo() { return demo_.get(); }

    static constexpr std::size_t kQueueLimit = 1024;

private:
    explicit Peripherals(std::function<void()> wake) : wake_(std::move(wake)) {}
    void push(DeviceEvent e);
    usb::Result<void> open_scanner(usb::Transport& t, const usb::PortDevice& d);

    std::function<void()> wake_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::deque<DeviceEvent> queue_;
    std::uint64_t dropped_ = 0;
    // Declared in this order: the hub closes its devices before the USB host stops, and the
    // printer stops polling first.
    std::unique_ptr<usb::UsbHost> host_;
    std::unique_ptr<usb::DeviceHub> hub_;
    std::unique_ptr<sim::DemoDevices> demo_;
    std::unique_ptr<ReceiptPrinter> printer_;
    std::unique_ptr<CardReader> card_reader_;
    std::mutex scanner_mu_;
    std::unique_ptr<scanner::ScannerDevice> scanner_; // the scanner opened last; replaced on replug
    std::unique_ptr<camera::CameraScanner> camera_;
};

} // namespace hk::app
