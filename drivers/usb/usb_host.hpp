// The USB host side of the kiosk: one libusb context with its own event thread. It watches
// devices come and go (hotplug where libusb has it, a periodic re-scan always, because hotplug
// can miss devices present at start), matches each against the rules, and reports peripherals
// as events. Drivers open a Transport to the device they were told about.
#pragma once

#include "device_match.hpp"
#include "transport.hpp"
#include "usb_error.hpp"

#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace hk::usb {

// Identifies an attached device for as long as it stays attached: bus and address (a replug
// gets a new address).
struct DeviceKey {
    std::uint8_t bus = 0;
    std::uint8_t address = 0;
    bool operator==(const DeviceKey&) const = default;
};

struct Attached {
    DeviceKey key;
    DeviceInfo info;
    Match match;
    // Opens the device and claims the matched interface (detaching a kernel driver that holds
    // it), from any thread, while the host lives. An `access` error names the udev rule that
    // grants access.
    Opener open;
};
struct Detached {
    DeviceKey key;
};
// A device no rule matches: reported once so that staff can see it, never opened.
struct Unmatched {
    DeviceKey key;
    DeviceInfo info;
};
using HostEvent = std::variant<Attached, Detached, Unmatched>;

struct HostOptions {
    std::vector<MatchRule> rules; // tried in order
    Millis rescan_interval{1000};
};

class UsbHost {
public:
    // Starts the event thread. `sink` is called on that thread: hand the event over to a queue.
    static Result<std::unique_ptr<UsbHost>> start(HostOptions options, std::function<void(HostEvent)> sink);
    ~UsbHost();
    UsbHost(const UsbHost&) = delete;
    UsbHost& operator=(const UsbHost&) = delete;

    // Opens the device at `key` as Attached::open does.
    Result<std::unique_ptr<Transport>> open(DeviceKey key);
    // Looks again now (the maintenance screen's "re-scan USB").
    void rescan();

    struct Impl;

private:
    explicit UsbHost(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace hk::usb
