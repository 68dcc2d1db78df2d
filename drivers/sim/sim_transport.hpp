// The in-process attachment: a Transport straight to a simulator, for demo mode. It keeps the
// semantics drivers see over libusb: a read waits up to its timeout for the device to have
// something, and a device whose cable is pulled answers no-device.
#pragma once

#include "transport.hpp"
#include "usb_host.hpp"
#include "usb_device.hpp"

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace hk::sim {

// The cable between the kiosk and a simulated device; the demo panel pulls it.
struct SimCable {
    std::atomic<bool> plugged{true};
};

// How the USB host would describe the simulator: ids, interfaces, endpoints, and for HID
// interfaces the first usage page of the report descriptor.
usb::DeviceInfo device_info(UsbDevice& device, usb::DeviceKey key);

class SimTransport final : public usb::Transport {
public:
    SimTransport(std::shared_ptr<UsbDevice> device, std::shared_ptr<SimCable> cable)
        : device_(std::move(device)), cable_(std::move(cable))
    {
    }

    usb::Result<std::size_t> write(std::uint8_t ep, std::span<const std::uint8_t> data, usb::Millis timeout) override;
    usb::Result<std::vector<std::uint8_t>> read(std::uint8_t ep, std::size_t max, usb::Millis timeout) override;
    usb::Result<std::vector<std::uint8_t>> control_in(const usb::ControlSetup& setup, std::size_t max,
                                                      usb::Millis timeout) override;
    usb::Result<void> control_out(const usb::ControlSetup& setup, std::span<const std::uint8_t> data,
                                  usb::Millis timeout) override;
    usb::Result<void> clear_halt(std::uint8_t ep) override;
    usb::Result<void> listen(std::uint8_t ep, std::size_t size, DataHandler on_data) override;
    ~SimTransport() override;

private:
    std::shared_ptr<UsbDevice> device_;
    std::shared_ptr<SimCable> cable_;
    std::atomic<bool> closing_{false};
    std::vector<std::thread> listeners_;
};

} // namespace hk::sim
