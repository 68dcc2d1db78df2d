// Bulk, interrupt and control transfers over libusb (see libusb_transport.hpp).
#include "libusb_transport.hpp"

#include <libusb.h>

#include <condition_variable>
#include <mutex>
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

// One pending transfer, resubmitted as each completes (on libusb's event thread).
struct LibusbTransport::Listener {
    libusb_transfer* transfer = nullptr;
    std::vector<std::uint8_t> buffer;
    DataHandler on_data;
    std::mutex mu;
    std::condition_variable cv;
    bool active = true; // a transfer is in flight

    static void LIBUSB_CALL completed(libusb_transfer* t)
    {
        auto* self = static_cast<Listener*>(t->user_data);
        switch (t->status) {
        case LIBUSB_TRANSFER_COMPLETED:
            self->on_data(std::vector<std::uint8_t>(t->buffer, t->buffer + t->actual_length));
            if (libusb_submit_transfer(t) == 0)
                return;
            self->on_data(std::unexpected(Error{Errc::no_device, "listening: the device went away"}));
            break;
        case LIBUSB_TRANSFER_TIMED_OUT:
            if (libusb_submit_transfer(t) == 0)
                return;
            break;
        case LIBUSB_TRANSFER_CANCELLED: break;
        case LIBUSB_TRANSFER_NO_DEVICE:
            self->on_data(std::unexpected(Error{Errc::no_device, "listening: the device went away"}));
            break;
        case LIBUSB_TRANSFER_STALL:
            self->on_data(std::unexpected(Error{Errc::stall, "listening: the endpoint stalled"}));
            break;
        default:
            self->on_data(std::unexpected(Error{Errc::io, "listening: transfer failed"}));
            break;
        }
        std::lock_guard lock(self->mu);
        self->active = false;
        self->cv.notify_all();
    }
};

LibusbTransport::LibusbTransport(libusb_device_handle* h, DeviceInfo info, std::uint8_t interface)
    : handle_(h), info_(std::move(info)), interface_(interface)
{
}

Result<void> LibusbTransport::listen(std::uint8_t ep, std::size_t size, DataHandler on_data)
{
    auto l = std::make_unique<Listener>();
    l->buffer.resize(size);
    l->on_data = std::move(on_data);
    l->transfer = libusb_alloc_transfer(0);
    if (!l->transfer)
        return std::unexpected(Error{Errc::io, "no memory for a transfer"});
    if (is_interrupt(ep))
        libusb_fill_interrupt_transfer(l->transfer, handle_, ep, l->buffer.data(), static_cast<int>(size),
                                       &Listener::completed, l.get(), 0);
    else
        libusb_fill_bulk_transfer(l->transfer, handle_, ep, l->buffer.data(), static_cast<int>(size),
                                  &Listener::completed, l.get(), 0);
    if (int rc = libusb_submit_transfer(l->transfer); rc != 0) {
        libusb_free_transfer(l->transfer);
        return std::unexpected(from_libusb(rc, "listening on " + ep_name(ep)));
    }
    listeners_.push_back(std::move(l));
    return {};
}

LibusbTransport::~LibusbTransport()
{
    // Cancel pending reads and wait for libusb's event thread to hand them back.
    for (auto& l : listeners_) {
        libusb_cancel_transfer(l->transfer);
        std::unique_lock lock(l->mu);
        l->cv.wait_for(lock, std::chrono::seconds(2), [&] { return !l->active; });
        if (!l->active)
            libusb_free_transfer(l->transfer);
        else
            (void)l.release(); // still owned by libusb: leaking beats freeing memory in use
    }
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

Result<void> LibusbTransport::control_out(const ControlSetup& s, std::span<const std::uint8_t> data, Millis timeout)
{
    // libusb takes a non-const buffer for both directions; an OUT transfer only reads it.
    std::vector<std::uint8_t> buf(data.begin(), data.end());
    const int rc = libusb_control_transfer(handle_, static_cast<std::uint8_t>(s.request_type & ~LIBUSB_ENDPOINT_IN),
                                           s.request, s.value, s.index, buf.data(),
                                           static_cast<std::uint16_t>(buf.size()), ms(timeout));
    if (rc < 0)
        return std::unexpected(from_libusb(rc, "control request " + std::to_string(s.request)));
    return {};
}

Result<void> LibusbTransport::clear_halt(std::uint8_t ep)
{
    if (int rc = libusb_clear_halt(handle_, ep); rc != 0)
        return std::unexpected(from_libusb(rc, "clearing halt on " + ep_name(ep)));
    return {};
}

} // namespace hk::usb
