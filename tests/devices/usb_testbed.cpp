// The umockdev testbed for simulated USB devices (see usb_testbed.hpp). The request handling
// follows the Linux usbdevfs interface (linux/usbdevice_fs.h): URBs are submitted, completed
// by the simulator, and reaped by libusb; libusb polls for completions because the mock node
// is a plain file that is always readable.
#include "usb_testbed.hpp"

#include <umockdev.h>

#include <linux/ioctl.h>
#include <linux/usbdevice_fs.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>

namespace hk::test {

struct UsbTestbed::Plugged {
    std::shared_ptr<sim::UsbDevice> device;
    std::string syspath;
    std::string devnode;
    UMockdevIoctlBase* handler = nullptr;
    std::atomic<int>* ioctls = nullptr;

    std::mutex mu;
    bool gone = false;
    std::vector<std::uint8_t> stalled; // IN endpoints that stall
    std::deque<UMockdevIoctlData*> waiting; // IN urbs waiting for the device (ref held)
    std::deque<UMockdevIoctlData*> done;    // urbs ready to be reaped (ref held)
    std::map<unsigned, std::string> kernel_drivers;   // interface -> the kernel driver bound to it
    std::map<unsigned, std::string> detached_drivers; // taken off by a claim, to be given back

    ~Plugged()
    {
        for (auto* d : waiting)
            umockdev_ioctl_data_unref(d);
        for (auto* d : done)
            umockdev_ioctl_data_unref(d);
        if (handler)
            g_object_unref(handler);
    }
};

struct UsbTestbed::Impl {
    UMockdevTestbed* bed = nullptr;
    int next_devnum = 2;
    std::map<std::string, std::unique_ptr<Plugged>> devices;
    std::atomic<int> ioctls{0};
};

namespace {

usbdevfs_urb* urb_of(UMockdevIoctlData* d) { return reinterpret_cast<usbdevfs_urb*>(d->data); }

void finish(usbdevfs_urb* urb, int status, int actual)
{
    urb->status = status;
    urb->actual_length = actual;
}

// Moves waiting IN urbs to `done` where the device now has data (or a stall).
void complete_waiting(UsbTestbed::Plugged& p)
{
    for (auto it = p.waiting.begin(); it != p.waiting.end();) {
        usbdevfs_urb* urb = urb_of(*it);
        if (std::ranges::find(p.stalled, urb->endpoint) != p.stalled.end()) {
            finish(urb, -EPIPE, 0);
        } else {
            const auto data = p.device->send(urb->endpoint, static_cast<std::size_t>(urb->buffer_length));
            if (data.empty()) {
                ++it;
                continue;
            }
            // The handler runs in the client's own process (preload), so its buffer is ours to fill.
            std::memcpy(urb->buffer, data.data(), data.size());
            finish(urb, 0, static_cast<int>(data.size()));
        }
        p.done.push_back(*it);
        it = p.waiting.erase(it);
    }
}

void submit(UsbTestbed::Plugged& p, UMockdevIoctlClient* client, UMockdevIoctlData* arg)
{
    UMockdevIoctlData* urb_data = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_urb), nullptr);
    usbdevfs_urb* urb = urb_of(urb_data);
    const bool in = urb->endpoint & 0x80;
    const auto len = static_cast<std::size_t>(std::max(0, urb->buffer_length));
    const auto* bytes = static_cast<const std::uint8_t*>(urb->buffer);

    if (urb->type == USBDEVFS_URB_TYPE_CONTROL) {
        sim::SetupPacket s{bytes[0], bytes[1], static_cast<std::uint16_t>(bytes[2] | bytes[3] << 8),
                           static_cast<std::uint16_t>(bytes[4] | bytes[5] << 8),
                           static_cast<std::uint16_t>(bytes[6] | bytes[7] << 8)};
        const bool device_to_host = s.request_type & 0x80;
        auto reply = p.device->control(s, device_to_host ? std::span<const std::uint8_t>{}
                                                         : std::span<const std::uint8_t>(bytes + 8, len - 8));
        if (!reply) {
            finish(urb, -EPIPE, 0);
        } else if (device_to_host) {
            const std::size_t n = std::min<std::size_t>(reply->size(), s.length);
            std::memcpy(static_cast<std::uint8_t*>(urb->buffer) + 8, reply->data(), n);
            finish(urb, 0, static_cast<int>(n));
        } else {
            finish(urb, 0, s.length);
        }
        p.done.push_back(urb_data);
    } else if (in) {
        p.waiting.push_back(urb_data);
        complete_waiting(p);
    } else {
        // resolve() answers NULL for a zero-length packet: nothing to hand over then.
        if (len > 0)
            p.device->receive(urb->endpoint, std::span<const std::uint8_t>(bytes, len));
        finish(urb, 0, static_cast<int>(len));
        p.done.push_back(urb_data);
    }
    umockdev_ioctl_client_complete(client, 0, 0);
}

void reap(UsbTestbed::Plugged& p, UMockdevIoctlClient* client, UMockdevIoctlData* arg)
{
    if (!p.gone)
        complete_waiting(p);
    if (p.done.empty()) {
        umockdev_ioctl_client_complete(client, -1, p.gone ? ENODEV : EAGAIN);
        return;
    }
    UMockdevIoctlData* urb_data = p.done.front();
    p.done.pop_front();
    UMockdevIoctlData* slot = umockdev_ioctl_data_resolve(arg, 0, sizeof(void*), nullptr);
    umockdev_ioctl_data_set_ptr(slot, 0, urb_data);
    umockdev_ioctl_data_unref(slot);
    umockdev_ioctl_data_unref(urb_data);
    umockdev_ioctl_client_complete(client, 0, 0);
}

void discard(UsbTestbed::Plugged& p, UMockdevIoctlClient* client, UMockdevIoctlData* arg)
{
    const auto addr = reinterpret_cast<gulong>(*reinterpret_cast<void**>(arg->data));
    auto it = std::ranges::find_if(p.waiting, [&](UMockdevIoctlData* d) { return d->client_addr == addr; });
    if (it == p.waiting.end()) {
        umockdev_ioctl_client_complete(client, -1, EINVAL);
        return;
    }
    finish(urb_of(*it), -ENOENT, 0);
    p.done.push_back(*it);
    p.waiting.erase(it);
    umockdev_ioctl_client_complete(client, 0, 0);
}

gboolean handle_ioctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer user)
{
    auto& p = *static_cast<UsbTestbed::Plugged*>(user);
    std::lock_guard lock(p.mu);
    ++*p.ioctls;
    const gulong request = umockdev_ioctl_client_get_request(client);
    UMockdevIoctlData* arg = umockdev_ioctl_client_get_arg(client);

    if (p.gone && request != USBDEVFS_REAPURBNDELAY && request != USBDEVFS_REAPURB &&
        request != USBDEVFS_DISCARDURB && request != USBDEVFS_RELEASEINTERFACE) {
        umockdev_ioctl_client_complete(client, -1, ENODEV);
        return TRUE;
    }
    switch (request) {
    case USBDEVFS_GET_CAPABILITIES: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(guint32), nullptr);
        *reinterpret_cast<guint32*>(d->data) = USBDEVFS_CAP_BULK_CONTINUATION | USBDEVFS_CAP_NO_PACKET_SIZE_LIM |
                                               USBDEVFS_CAP_REAP_AFTER_DISCONNECT | USBDEVFS_CAP_ZERO_PACKET;
        umockdev_ioctl_data_unref(d);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    case USBDEVFS_GETDRIVER: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_getdriver), nullptr);
        auto* g = reinterpret_cast<usbdevfs_getdriver*>(d->data);
        const auto bound = p.kernel_drivers.find(g->interface);
        if (bound == p.kernel_drivers.end()) {
            umockdev_ioctl_client_complete(client, -1, ENODATA);
        } else {
            std::snprintf(g->driver, sizeof g->driver, "%s", bound->second.c_str());
            umockdev_ioctl_client_complete(client, 0, 0);
        }
        umockdev_ioctl_data_unref(d);
        return TRUE;
    }
    case USBDEVFS_DISCONNECT_CLAIM: {
        // Takes the interface from its kernel driver (unless the caller names that driver as one
        // to leave alone), then claims it.
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_disconnect_claim), nullptr);
        const auto* c = reinterpret_cast<const usbdevfs_disconnect_claim*>(d->data);
        const auto bound = p.kernel_drivers.find(c->interface);
        if (bound != p.kernel_drivers.end()) {
            const bool keep = (c->flags & USBDEVFS_DISCONNECT_CLAIM_EXCEPT_DRIVER) && bound->second == c->driver;
            const bool only = (c->flags & USBDEVFS_DISCONNECT_CLAIM_IF_DRIVER) && bound->second != c->driver;
            if (keep || only) {
                umockdev_ioctl_data_unref(d);
                umockdev_ioctl_client_complete(client, -1, EBUSY);
                return TRUE;
            }
            p.detached_drivers[c->interface] = bound->second;
            p.kernel_drivers.erase(bound);
        }
        umockdev_ioctl_data_unref(d);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    case USBDEVFS_IOCTL: {
        // Only USBDEVFS_CONNECT: give an interface back to the kernel driver it was taken from.
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(usbdevfs_ioctl), nullptr);
        const auto* c = reinterpret_cast<const usbdevfs_ioctl*>(d->data);
        const auto ifno = static_cast<unsigned>(c->ifno);
        const bool connect = c->ioctl_code == static_cast<int>(USBDEVFS_CONNECT);
        umockdev_ioctl_data_unref(d);
        const auto was = p.detached_drivers.find(ifno);
        if (!connect) {
            umockdev_ioctl_client_complete(client, -1, ENOTTY);
        } else if (was == p.detached_drivers.end()) {
            umockdev_ioctl_client_complete(client, -1, ENODATA);
        } else {
            p.kernel_drivers[ifno] = was->second;
            p.detached_drivers.erase(was);
            umockdev_ioctl_client_complete(client, 0, 0);
        }
        return TRUE;
    }
    case USBDEVFS_CLEAR_HALT: {
        UMockdevIoctlData* d = umockdev_ioctl_data_resolve(arg, 0, sizeof(unsigned int), nullptr);
        std::erase(p.stalled, static_cast<std::uint8_t>(*reinterpret_cast<unsigned int*>(d->data)));
        umockdev_ioctl_data_unref(d);
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    }
    case USBDEVFS_CLAIMINTERFACE:
    case USBDEVFS_RELEASEINTERFACE:
    case USBDEVFS_SETINTERFACE:
    case USBDEVFS_SETCONFIGURATION:
    case USBDEVFS_RESET:
    case USBDEVFS_RESETEP:
        umockdev_ioctl_client_complete(client, 0, 0);
        return TRUE;
    case USBDEVFS_SUBMITURB: submit(p, client, arg); return TRUE;
    case USBDEVFS_REAPURB:
    case USBDEVFS_REAPURBNDELAY: reap(p, client, arg); return TRUE;
    case USBDEVFS_DISCARDURB: discard(p, client, arg); return TRUE;
    default:
        umockdev_ioctl_client_complete(client, -1, ENOTTY);
        return TRUE;
    }
}

std::string hex(const std::vector<std::uint8_t>& bytes)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string s;
    for (std::uint8_t b : bytes) {
        s.push_back(kDigits[b >> 4]);
        s.push_back(kDigits[b & 0xF]);
    }
    return s;
}

} // namespace

UsbTestbed::UsbTestbed() : impl_(std::make_unique<Impl>())
{
    impl_->bed = umockdev_testbed_new();
    if (!impl_->bed)
        throw std::runtime_error("umockdev testbed could not be created");
}

UsbTestbed::~UsbTestbed()
{
    impl_->devices.clear();
    g_object_unref(impl_->bed);
}

int UsbTestbed::ioctl_count() const { return impl_->ioctls.load(); }

std::string UsbTestbed::plug(std::shared_ptr<sim::UsbDevice> device)
{
    const int devnum = impl_->next_devnum++;
    char num[8];
    std::snprintf(num, sizeof num, "%03d", devnum);
    auto p = std::make_unique<Plugged>();
    p->device = std::move(device);
    p->syspath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-" + std::to_string(devnum);
    p->devnode = std::string("/dev/bus/usb/001/") + num;
    p->ioctls = &impl_->ioctls;
    p->handler = umockdev_ioctl_base_new();
    g_signal_connect(p->handler, "handle-ioctl", G_CALLBACK(handle_ioctl), p.get());
    GError* err = nullptr;
    // The handler must be in place before libusb can see (and open) the node.
    if (!umockdev_testbed_attach_ioctl(impl_->bed, p->devnode.c_str(), p->handler, &err))
        throw std::runtime_error(std::string("attach_ioctl: ") + (err ? err->message : "?"));

    const sim::DeviceIds ids = p->device->ids();
    char id_text[64];
    std::snprintf(id_text, sizeof id_text, "%x/%x/%x", ids.vendor, ids.product, ids.bcd_device);
    const std::string record =
        "P: " + p->syspath.substr(4) + "\n" + "N: bus/usb/001/" + num + "\n" + "E: SUBSYSTEM=usb\n" +
        "E: DEVTYPE=usb_device\n" + "E: DEVNAME=" + p->devnode + "\n" + "E: BUSNUM=001\n" + "E: DEVNUM=" + num + "\n" +
        "E: MAJOR=189\n" + "E: MINOR=" + std::to_string(devnum - 1) + "\n" + "E: PRODUCT=" + id_text + "\n" +
        "A: busnum=1\\n\n" + "A: devnum=" + std::to_string(devnum) + "\\n\n" + "A: speed=480\\n\n" +
        "A: bConfigurationValue=1\\n\n" + "A: bNumConfigurations=1\\n\n" + "H: descriptors=" +
        hex(sim::descriptor_bytes(*p->device)) + "\n";
    if (!umockdev_testbed_add_from_string(impl_->bed, record.c_str(), &err))
        throw std::runtime_error(std::string("add_from_string: ") + (err ? err->message : "?"));
    const std::string syspath = p->syspath;
    impl_->devices.emplace(syspath, std::move(p));
    return syspath;
}

void UsbTestbed::unplug(const std::string& syspath)
{
    auto it = impl_->devices.find(syspath);
    if (it == impl_->devices.end())
        return;
    Plugged& p = *it->second;
    {
        std::lock_guard lock(p.mu);
        p.gone = true;
        for (UMockdevIoctlData* d : p.waiting) {
            finish(urb_of(d), -ESHUTDOWN, 0);
            p.done.push_back(d);
        }
        p.waiting.clear();
    }
    umockdev_testbed_uevent(impl_->bed, syspath.c_str(), "remove");
    umockdev_testbed_remove_device(impl_->bed, syspath.c_str());
    // The Plugged record stays until the testbed goes: libusb may still reap from it.
}

void UsbTestbed::bind_kernel_driver(const std::string& syspath, unsigned interface, const std::string& driver)
{
    auto it = impl_->devices.find(syspath);
    if (it == impl_->devices.end())
        return;
    std::lock_guard lock(it->second->mu);
    it->second->kernel_drivers[interface] = driver;
}

std::optional<std::string> UsbTestbed::kernel_driver(const std::string& syspath, unsigned interface) const
{
    auto it = impl_->devices.find(syspath);
    if (it == impl_->devices.end())
        return std::nullopt;
    std::lock_guard lock(it->second->mu);
    const auto bound = it->second->kernel_drivers.find(interface);
    if (bound == it->second->kernel_drivers.end())
        return std::nullopt;
    return bound->second;
}

void UsbTestbed::stall(const std::string& syspath, std::uint8_t ep)
{
    auto it = impl_->devices.find(syspath);
    if (it == impl_->devices.end())
        return;
    std::lock_guard lock(it->second->mu);
    it->second->stalled.push_back(ep);
}

} // namespace hk::test
