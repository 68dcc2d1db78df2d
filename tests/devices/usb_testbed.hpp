// A umockdev testbed that puts simulated USB devices on a fake bus: sysfs entries and a
// /dev/bus/usb node per device, and an ioctl handler that answers the kernel's usbdevfs
// requests from the device's simulator. The kiosk's libusb code runs unmodified against it
// (tests run with libumockdev-preload). Create the testbed before libusb_init().
#pragma once

#include "usb_device.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hk::test {

class UsbTestbed {
public:
    UsbTestbed();
    ~UsbTestbed();
    UsbTestbed(const UsbTestbed&) = delete;
    UsbTestbed& operator=(const UsbTestbed&) = delete;

    // Plugs the device in on bus 1 with the next free address. Returns its sysfs path.
    std::string plug(std::shared_ptr<sim::UsbDevice> device);
    // Pulls the cable: transfers in flight end with -ESHUTDOWN, later requests fail with
    // ENODEV, and the "remove" uevent goes out.
    void unplug(const std::string& syspath);
    // Makes IN transfers on `ep` fail with a stall (-EPIPE) until cleared by CLEAR_HALT.
    void stall(const std::string& syspath, std::uint8_t ep);
    // A kernel driver (e.g. "usblp", "usbhid") holds `interface`, as after the kernel probed
    // the device: a claim must take the interface from it, and a release gives it back.
    void bind_kernel_driver(const std::string& syspath, unsigned interface, const std::string& driver);
    // The kernel driver bound to `interface` now, if any.
    std::optional<std::string> kernel_driver(const std::string& syspath, unsigned interface) const;
    // usbdevfs requests answered so far (all devices).
    int ioctl_count() const;

    struct Plugged;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace hk::test
