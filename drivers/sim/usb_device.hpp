// The device side of a USB peripheral, as the simulators implement it: descriptors, and what
// the device does with the bytes it is sent and has to send. The same model is attached to
// the host two ways: through umockdev in tests (the kiosk's libusb code runs unmodified) and
// in-process in demo mode.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

namespace hk::sim {

// USB 2.0 §9.6.6 bmAttributes transfer types.
inline constexpr std::uint8_t kBulk = 2;
inline constexpr std::uint8_t kInterrupt = 3;

struct Endpoint {
    std::uint8_t address;    // bit 7 set: IN (device to host)
    std::uint8_t attributes; // kBulk or kInterrupt
    std::uint16_t max_packet = 64;
    std::uint8_t interval = 0; // interrupt endpoints, in frames
};

struct Interface {
    std::uint8_t cls;
    std::uint8_t subclass;
    std::uint8_t protocol;
    std::vector<Endpoint> endpoints;
};

struct DeviceIds {
    std::uint16_t vendor;
    std::uint16_t product;
    std::uint16_t bcd_device = 0x0100;
};

// USB 2.0 §9.3 setup packet.
struct SetupPacket {
    std::uint8_t request_type;
    std::uint8_t request;
    std::uint16_t value;
    std::uint16_t index;
    std::uint16_t length;
};

class UsbDevice {
public:
    virtual ~UsbDevice() = default;
    virtual DeviceIds ids() const = 0;
    virtual std::vector<Interface> interfaces() const = 0;

    // The methods below are called from the bus's thread; implementations guard their state.

    // The host sent `data` to OUT endpoint `ep`.
    virtual void receive(std::uint8_t ep, std::span<const std::uint8_t> data) = 0;
    // What the device has for IN endpoint `ep`, at most `max` bytes. Empty: nothing yet (the
    // host's transfer keeps waiting, as a real device NAKs).
    virtual std::vector<std::uint8_t> send(std::uint8_t ep, std::size_t max) = 0;
    // A class or vendor control request; nullopt stalls it (USB 2.0 §8.5.3.4).
    virtual std::optional<std::vector<std::uint8_t>> control(const SetupPacket&, std::span<const std::uint8_t>)
    {
        return std::nullopt;
    }

    // Device side: it has new IN data of its own accord (a scan). The in-process attachment
    // wakes up on it instead of polling; the umockdev bus polls as a host controller does.
    void data_ready();
    // Host side: how many times data_ready() was called, and waiting up to `timeout` for that
    // count to pass `seen`. Returns the count.
    std::uint64_t data_count() const;
    std::uint64_t wait_data(std::uint64_t seen, std::chrono::microseconds timeout) const;

private:
    mutable std::mutex signal_mu_;
    mutable std::condition_variable signal_cv_;
    std::uint64_t signals_ = 0;
};

// Takes up to `max` bytes from the front of a device's outgoing queue.
std::vector<std::uint8_t> take_front(std::deque<std::uint8_t>& queue, std::size_t max);

// The descriptors the kernel shows in sysfs (`descriptors`): the device descriptor followed
// by configuration 1 with its interfaces and endpoints (USB 2.0 §9.6).
std::vector<std::uint8_t> descriptor_bytes(const UsbDevice& device);

} // namespace hk::sim
