// Mapping libusb's error codes onto the device layer's errors.
#include "usb_error.hpp"

#include <libusb.h>

namespace hk::usb {

std::string_view errc_name(Errc code)
{
    switch (code) {
    case Errc::timeout: return "timeout";
    case Errc::stall: return "stall";
    case Errc::no_device: return "no-device";
    case Errc::busy: return "busy";
    case Errc::access: return "access";
    case Errc::io: return "io";
    }
    return "io";
}

Error from_libusb(int code, std::string_view what)
{
    Errc e = Errc::io;
    switch (code) {
    case LIBUSB_ERROR_TIMEOUT: e = Errc::timeout; break;
    case LIBUSB_ERROR_PIPE: e = Errc::stall; break;
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND: e = Errc::no_device; break;
    case LIBUSB_ERROR_BUSY: e = Errc::busy; break;
    case LIBUSB_ERROR_ACCESS: e = Errc::access; break;
    default: break;
    }
    return Error{e, std::string(what) + ": " + libusb_error_name(code)};
}

} // namespace hk::usb
