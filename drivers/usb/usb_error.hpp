// The one small error type every driver handles for USB failures.
#pragma once

#include <expected>
#include <string>
#include <string_view>

namespace hk::usb {

enum class Errc {
    timeout,   // the device did not answer in time; it may still be fine
    stall,     // the device refused the request (endpoint halted)
    no_device, // unplugged, or gone for good
    busy,      // claimed by another program or driver
    access,    // no permission to open the device node (see the udev rules)
    io,        // anything else the bus reported
};

struct Error {
    Errc code;
    std::string message;
};

template <typename T>
using Result = std::expected<T, Error>;

std::string_view errc_name(Errc code);
// Maps a libusb error or transfer status code; `what` says what was being done.
Error from_libusb(int code, std::string_view what);

} // namespace hk::usb
