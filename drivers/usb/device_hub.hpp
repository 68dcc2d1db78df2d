// The kiosk's peripherals: one port per role (printer, ID card reader, scanner), filled by the
// devices the USB host reports (or, in demo mode, the simulators). One device serves a role at a
// time; a second one of the same role is kept in reserve and takes over when the first goes.
// Devices no rule matches are remembered for staff and never opened.
#pragma once

#include "device_port.hpp"
#include "usb_host.hpp"

#include <array>
#include <map>
#include <mutex>
#include <vector>

namespace hk::usb {

inline constexpr std::array kRoles{Role::printer, Role::idcard, Role::scanner};

class DeviceHub {
public:
    // `hooks`: what to do on each role's port when its device opens (see DevicePort::OpenHook).
    DeviceHub(DevicePort::ChangeHandler on_change, std::map<Role, DevicePort::OpenHook> hooks = {});

    // Stops the ports (closing their devices); later events are ignored. Call it before the
    // USB host that feeds the hub is stopped: transports must close while libusb lives.
    ~DeviceHub() { close(); }
    void close();

    // Called on the USB thread (or by the demo devices) as devices come and go.
    void handle(const HostEvent& e);
    void attached(const Attached& a);
    void detached(DeviceKey key);
    void unmatched(const Unmatched& u);

    // The port of `role` (until close()).
    DevicePort& port(Role role) { return *ports_[index(role)]; }
    std::vector<PortStatus> status() const;
    // Devices seen that no rule matches, as "vvvv:pppp" with their interface classes.
    std::vector<std::string> unknown_devices() const;

private:
    static std::size_t index(Role role) { return static_cast<std::size_t>(role); }
    void bind(std::size_t role, Attached a); // under mu_

    mutable std::mutex mu_;
    std::array<std::optional<DeviceKey>, kRoles.size()> bound_;
    std::array<std::vector<Attached>, kRoles.size()> reserve_;
    bool closed_ = false;
    std::vector<std::string> unknown_;
    std::array<std::unique_ptr<DevicePort>, kRoles.size()> ports_;
};

// "vvvv:pppp (class 07/01/02, …)": how the log and staff name a device.
std::string describe(const DeviceInfo& info);

} // namespace hk::usb
