// Bulk, interrupt and control transfers over libusb (see libusb_transport.hpp).
#include "libusb_transport.hpp"

#include <libusb.h>

#include <string>

namespace hk::usb {
namespace {

unsigned int ms(Millis t) { return static_cast<unsigned int>(std::max<Millis::rep>(1, t.count())); }

std::string ep_name(std::uint8_t ep)
{
    char s[8];
    std::snprintf(s, sizeof s, "0x%02x", ep);
    return s;
}

} // namespace

Result<std::unique_ptr<Transport>> LibusbTransport::claim(libusb_device_handle* handle, const DeviceInfo& info,
                                                          std::uint8_t interface)
{
    // Where a kernel driver (usblp, usbhid) holds the interface, take it for the kiosk and give
    // it back on release. Not supported everywhere; then claiming says what is wrong.
    libusb_set_auto_detach_kernel_driver(handle, 1);
    if (int rc = libusb_claim_interface(handle, interface); rc != 0) {
        libusb_close(handle);
        return std::unexpected(from_libusb(rc, "claiming interface " + std::to_string(interface)));
    }
    return std::unique_ptr<Transport>(new LibusbTransport(handle, info, interface));
}

LibusbTransport::~LibusbTransport()
{
    libusb_release_interface(handle_, interface_);
    libusb_close(handle_);
}

bool LibusbTransport::is_interrupt(std::uint8_t ep) const
{
    for (const InterfaceInfo& f : info_.interfaces)
        for (const EndpointInfo& e : f.endpoints)
            if (e.address == ep)
                return e.type == 3;
    return false;
}

Result<std::size_t> LibusbTransport::write(std::uint8_t ep, std::span<const std::uint8_t> data, Millis timeout)
{
    int done = 0;
    auto* bytes = const_cast<unsigned char*>(data.data()); // libusb's API is not const; OUT data is only read
    const int len = static_cast<int>(data.size());
    const int rc = is_interrupt(ep) ? libusb_interrupt_transfer(handle_, ep, bytes, len, &done, ms(timeout))
                                    : libusb_bulk_transfer(handle_, ep, bytes, len, &done, ms(timeout));
    if (rc != 0)
        return std::unexpected(from_libusb(rc, "writing " + std::to_string(data.size()) + " bytes to " + ep_name(ep) +
                                                   " (" + std::to_string(done) + " sent)"));
    return static_cast<std::size_t>(done);
}

Result<std::vector<std::uint8_t>> LibusbTransport::read(std::uint8_t ep, std::size_t max, Millis timeout)
{
    std::vector<std::uint8_t> buf(max);
    int done = 0;
    const int len = static_cast<int>(max);
    const int rc = is_interrupt(ep) ? libusb_interrupt_transfer(handle_, ep, buf.data(), len, &done, ms(timeout))
                                    : libusb_bulk_transfer(handle_, ep, buf.data(), len, &done, ms(timeout));
    if (rc != 0)
        return std::unexpected(from_libusb(rc, "reading from " + ep_name(ep)));
    buf.resize(static_cast<std::size_t>(done));
    return buf;
}

Result<std::vector<std::uint8_t>> LibusbTransport::control_in(const ControlSetup& s, std::size_t max, Millis timeout)
{
    std::vector<std::uint8_t> buf(max);
    const int rc = libusb_control_transfer(handle_, s.request_type | LIBUSB_ENDPOINT_IN, s.request, s.value, s.index,
                                           buf.data(), static_cast<std::uint16_t>(max), ms(timeout));
    if (rc < 0)
        return std::unexpected(from_libusb(rc, "control request " + std::to_string(s.request)));
    buf.resize(static_cast<std::size_t>(rc));
    return buf;
}

Result<void> LibusbTransport::clear_halt(std::uint8_t ep)
{
    if (int rc = libusb_clear_halt(handle_, ep); rc != 0)
        return std::unexpected(from_libusb(rc, "clearing halt on " + ep_name(ep)));
    return {};
}

} // namespace hk::usb
