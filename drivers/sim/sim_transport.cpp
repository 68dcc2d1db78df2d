// The in-process Transport (see sim_transport.hpp).
#include "sim_transport.hpp"

#include <algorithm>
#include <thread>

namespace hk::sim {
namespace {

// How often a waiting read or listener looks at the cable (pulling it signals nothing).
constexpr std::chrono::microseconds kCableCheck{10'000};

usb::Error unplugged() { return usb::Error{usb::Errc::no_device, "the simulated device is unplugged"}; }

} // namespace

usb::DeviceInfo device_info(UsbDevice& device, usb::DeviceKey key)
{
    const DeviceIds ids = device.ids();
    usb::DeviceInfo info{ids.vendor, ids.product, key.bus, key.address, {}};
    std::uint8_t number = 0;
    for (const Interface& i : device.interfaces()) {
        usb::InterfaceInfo f{number++, i.cls, i.subclass, i.protocol, {}};
        for (const Endpoint& e : i.endpoints)
            f.endpoints.push_back({e.address, e.attributes, e.max_packet});
        if (i.cls == 0x03) {
            // GET_DESCRIPTOR (report) to the interface, as the host asks (HID 1.11 §7.1.1).
            if (auto d = device.control(SetupPacket{0x81, 0x06, 0x2200, f.number, 512}, {}))
                f.hid_usage_page = usb::first_usage_page(*d);
        }
        info.interfaces.push_back(std::move(f));
    }
    return info;
}

usb::Result<std::size_t> SimTransport::write(std::uint8_t ep, std::span<const std::uint8_t> data, usb::Millis)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    device_->receive(ep, data);
    device_->data_ready(); // an answer to what was sent may be waiting now
    return data.size();
}

usb::Result<std::vector<std::uint8_t>> SimTransport::read(std::uint8_t ep, std::size_t max, usb::Millis timeout)
{
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (!cable_->plugged)
            return std::unexpected(unplugged());
        const std::uint64_t seen = device_->data_count();
        auto data = device_->send(ep, max);
        if (!data.empty())
            return data;
        const auto now = std::chrono::steady_clock::now();
        if (now >= until)
            return std::unexpected(usb::Error{usb::Errc::timeout, "reading from the simulated device: timeout"});
        // Woken by the device's data_ready(); the bound notices a pulled cable.
        device_->wait_data(seen, std::min<std::chrono::microseconds>(
                                     kCableCheck, std::chrono::duration_cast<std::chrono::microseconds>(until - now)));
    }
}

usb::Result<std::vector<std::uint8_t>> SimTransport::control_in(const usb::ControlSetup& s, std::size_t max,
                                                                usb::Millis)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    auto reply = device_->control(SetupPacket{static_cast<std::uint8_t>(s.request_type | 0x80), s.request, s.value,
                                              s.index, static_cast<std::uint16_t>(max)},
                                  {});
    if (!reply)
        return std::unexpected(usb::Error{usb::Errc::stall, "control request stalled"});
    if (reply->size() > max)
        reply->resize(max);
    return *reply;
}

usb::Result<void> SimTransport::control_out(const usb::ControlSetup& s, std::span<const std::uint8_t> data,
                                           usb::Millis)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    const SetupPacket setup{static_cast<std::uint8_t>(s.request_type & 0x7F), s.request, s.value, s.index,
                            static_cast<std::uint16_t>(data.size())};
    if (!device_->control(setup, data))
        return std::unexpected(usb::Error{usb::Errc::stall, "control request stalled"});
    return {};
}

usb::Result<void> SimTransport::listen(std::uint8_t ep, std::size_t size, DataHandler on_data)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    // Stands in for libusb's event thread: waits for the device to have data.
    listeners_.emplace_back([this, ep, size, on_data = std::move(on_data)] {
        while (!closing_) {
            if (!cable_->plugged) {
                on_data(std::unexpected(unplugged()));
                return;
            }
            const std::uint64_t seen = device_->data_count();
            if (auto data = device_->send(ep, size); !data.empty())
                on_data(std::move(data));
            else
                device_->wait_data(seen, kCableCheck);
        }
    });
    return {};
}

SimTransport::~SimTransport()
{
    closing_ = true;
    device_->data_ready(); // wakes this transport's listeners to see it
    for (auto& t : listeners_)
        t.join();
}

usb::Result<void> SimTransport::clear_halt(std::uint8_t)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    return {};
}

} // namespace hk::sim
