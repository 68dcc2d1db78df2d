// Starting the device layer's host on a testbed and opening the first device it matches.
#pragma once

#include "device_hub.hpp"
#include "device_port.hpp"
#include "usb_host.hpp"

#include <memory>
#include <vector>

namespace hk::test {

struct OpenedDevice {
    std::unique_ptr<usb::UsbHost> host;
    std::unique_ptr<usb::Transport> transport;
    usb::DeviceKey key;
    usb::PortDevice port; // as a device port sees it: model, driver and the claimed interface
};

// Starts a UsbHost with `rules`, waits up to 3 s for a device to be attached, and opens it.
usb::Result<OpenedDevice> open_first(std::vector<usb::MatchRule> rules);

// A USB host on the testbed feeding a device hub, as the kiosk runs them. The hub closes its
// devices before the host stops.
struct HubOnHost {
    usb::DeviceHub hub;
    std::unique_ptr<usb::UsbHost> host;

    // `hooks`: what each role's port does when its device opens, as in the kiosk.
    explicit HubOnHost(std::map<usb::Role, usb::DevicePort::OpenHook> hooks = {});
    ~HubOnHost() { hub.close(); }
    HubOnHost(const HubOnHost&) = delete;
    HubOnHost& operator=(const HubOnHost&) = delete;
};

} // namespace hk::test
