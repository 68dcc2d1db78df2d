// The in-process Transport (see sim_transport.hpp).
#include "sim_transport.hpp"

#include <thread>

namespace hk::sim {
namespace {

usb::Error unplugged() { return usb::Error{usb::Errc::no_device, "the simulated device is unplugged"}; }

} // namespace

usb::Result<std::size_t> SimTransport::write(std::uint8_t ep, std::span<const std::uint8_t> data, usb::Millis)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    device_->receive(ep, data);
    return data.size();
}

usb::Result<std::vector<std::uint8_t>> SimTransport::read(std::uint8_t ep, std::size_t max, usb::Millis timeout)
{
    // A simulator has no way to signal data; poll it finely, as a host controller polls a
    // device that NAKs. 100 µs keeps a scan's latency far below a frame.
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (!cable_->plugged)
            return std::unexpected(unplugged());
        auto data = device_->send(ep, max);
        if (!data.empty())
            return data;
        if (std::chrono::steady_clock::now() >= until)
            return std::unexpected(usb::Error{usb::Errc::timeout, "reading from the simulated device: timeout"});
        std::this_thread::sleep_for(std::chrono::microseconds(100));
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

usb::Result<void> SimTransport::listen(std::uint8_t ep, std::size_t size, DataHandler on_data)
{
    if (!cable_->plugged)
        return std::unexpected(unplugged());
    // Stands in for libusb's event thread: polls the device every millisecond.
    listeners_.emplace_back([this, ep, size, on_data = std::move(on_data)] {
        while (!closing_) {
            if (!cable_->plugged) {
                on_data(std::unexpected(unplugged()));
                return;
            }
            if (auto data = device_->send(ep, size); !data.empty())
                on_data(std::move(data));
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    });
    return {};
}

SimTransport::~SimTransport()
{
    closing_ = true;
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
