// Transport over a libusb device handle with one claimed interface.
#pragma once

#include "device_match.hpp"
#include "transport.hpp"

#include <memory>

struct libusb_device_handle;

namespace hk::usb {

class LibusbTransport final : public Transport {
public:
    // Takes ownership of `handle`: claims `interface` (detaching a kernel driver that holds it,
    // reattached when the transport goes), or closes the handle and fails.
    static Result<std::unique_ptr<Transport>> claim(libusb_device_handle* handle, const DeviceInfo& info,
                                                    std::uint8_t interface);
    ~LibusbTransport() override;

    Result<std::size_t> write(std::uint8_t ep, std::span<const std::uint8_t> data, Millis timeout) override;
    Result<std::vector<std::uint8_t>> read(std::uint8_t ep, std::size_t max, Millis timeout) override;
    Result<std::vector<std::uint8_t>> control_in(const ControlSetup& setup, std::size_t max, Millis timeout) override;
    Result<void> control_out(const ControlSetup& setup, std::span<const std::uint8_t> data, Millis timeout) override;
    Result<void> clear_halt(std::uint8_t ep) override;
    Result<void> listen(std::uint8_t ep, std::size_t size, DataHandler on_data) override;

    struct Listener;

private:
    LibusbTransport(libusb_device_handle* h, DeviceInfo info, std::uint8_t interface);
    bool is_interrupt(std::uint8_t ep) const;

    libusb_device_handle* handle_;
    DeviceInfo info_;
    std::uint8_t interface_;
    std::vector<std::unique_ptr<Listener>> listeners_;
};

} // namespace hk::usb
