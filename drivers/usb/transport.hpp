// A claimed USB interface: the only way a driver moves bytes. Each call blocks the calling
// (driver) thread up to its timeout; the UI thread never calls it. The same interface is
// implemented over libusb and, in demo mode, over a simulator in-process.
#pragma once

#include "usb_error.hpp"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace hk::usb {

using Millis = std::chrono::milliseconds;

struct ControlSetup {
    std::uint8_t request_type;
    std::uint8_t request;
    std::uint16_t value;
    std::uint16_t index;
};

class Transport {
public:
    virtual ~Transport() = default;
    // Sends `data` to OUT endpoint `ep` (bulk or interrupt, as the endpoint is). Returns the
    // bytes the device took.
    virtual Result<std::size_t> write(std::uint8_t ep, std::span<const std::uint8_t> data, Millis timeout) = 0;
    // Reads at most `max` bytes from IN endpoint `ep`.
    virtual Result<std::vector<std::uint8_t>> read(std::uint8_t ep, std::size_t max, Millis timeout) = 0;
    // A control transfer with a data stage from the device (at most `max` bytes).
    virtual Result<std::vector<std::uint8_t>> control_in(const ControlSetup& setup, std::size_t max,
                                                         Millis timeout) = 0;
    // A control transfer with a data stage to the device (`data` may be empty), e.g. a CDC-ACM
    // line coding.
    virtual Result<void> control_out(const ControlSetup& setup, std::span<const std::uint8_t> data,
                                     Millis timeout) = 0;
    // Clears a halted endpoint after a stall.
    virtual Result<void> clear_halt(std::uint8_t ep) = 0;

    // For devices that push data (scanners): keeps a read of up to `size` bytes pending on IN
    // endpoint `ep` and calls `on_data` with each one, on the USB thread (hand it to a queue).
    // Listening ends with one error call when the device goes, or quietly with the transport.
    using DataHandler = std::function<void(Result<std::vector<std::uint8_t>>)>;
    virtual Result<void> listen(std::uint8_t ep, std::size_t size, DataHandler on_data) = 0;
};

// Opens a device and claims its interface: the way to a Transport.
using Opener = std::function<Result<std::unique_ptr<Transport>>()>;

} // namespace hk::usb
