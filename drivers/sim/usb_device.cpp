// Descriptor bytes of a simulated device (USB 2.0 §9.6).
#include "usb_device.hpp"

#include <algorithm>

namespace hk::sim {
namespace {

void put16(std::vector<std::uint8_t>& out, std::uint16_t v)
{
    out.push_back(static_cast<std::uint8_t>(v & 0xFF));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}

} // namespace

void UsbDevice::data_ready()
{
    {
        std::lock_guard lk(signal_mu_);
        ++signals_;
    }
    signal_cv_.notify_all();
}

std::uint64_t UsbDevice::data_count() const
{
    std::lock_guard lk(signal_mu_);
    return signals_;
}

std::uint64_t UsbDevice::wait_data(std::uint64_t seen, std::chrono::microseconds timeout) const
{
    std::unique_lock lk(signal_mu_);
    signal_cv_.wait_for(lk, timeout, [&] { return signals_ != seen; });
    return signals_;
}

std::vector<std::uint8_t> take_front(std::deque<std::uint8_t>& queue, std::size_t max)
{
    const std::size_t n = std::min(max, queue.size());
    std::vector<std::uint8_t> out(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
    queue.erase(queue.begin(), queue.begin() + static_cast<std::ptrdiff_t>(n));
    return out;
}

std::vector<std::uint8_t> descriptor_bytes(const UsbDevice& device)
{
    const DeviceIds ids = device.ids();
    const std::vector<Interface> ifaces = device.interfaces();

    std::vector<std::uint8_t> out;
    // Device descriptor, §9.6.1: USB 2.0, class defined per interface, 64-byte EP0.
    out.insert(out.end(), {18, 1});
    put16(out, 0x0200);
    out.insert(out.end(), {0, 0, 0, 64});
    put16(out, ids.vendor);
    put16(out, ids.product);
    put16(out, ids.bcd_device);
    out.insert(out.end(), {0, 0, 0, 1}); // no string descriptors, one configuration

    // Configuration descriptor, §9.6.3, then each interface (§9.6.5) and its endpoints (§9.6.6).
    std::vector<std::uint8_t> body;
    for (std::size_t i = 0; i < ifaces.size(); ++i) {
        const Interface& f = ifaces[i];
        body.insert(body.end(), {9, 4, static_cast<std::uint8_t>(i), 0, static_cast<std::uint8_t>(f.endpoints.size()),
                                 f.cls, f.subclass, f.protocol, 0});
        for (const Endpoint& e : f.endpoints) {
            body.insert(body.end(), {7, 5, e.address, e.attributes});
            put16(body, e.max_packet);
            body.push_back(e.interval);
        }
    }
    out.insert(out.end(), {9, 2});
    put16(out, static_cast<std::uint16_t>(9 + body.size()));
    out.insert(out.end(), {static_cast<std::uint8_t>(ifaces.size()), 1, 0, 0xC0, 50}); // self-powered, 100 mA
    out.insert(out.end(), body.begin(), body.end());
    return out;
}

} // namespace hk::sim
