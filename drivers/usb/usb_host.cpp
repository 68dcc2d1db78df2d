// The libusb context thread, device discovery and matching (see usb_host.hpp).
#include "usb_host.hpp"

#include "libusb_transport.hpp"

#include <libusb.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>

namespace hk::usb {
namespace {

using Clock = std::chrono::steady_clock;

DeviceInfo describe(libusb_device* dev)
{
    DeviceInfo info;
    info.bus = libusb_get_bus_number(dev);
    info.address = libusb_get_device_address(dev);
    libusb_device_descriptor d{};
    if (libusb_get_device_descriptor(dev, &d) == 0) {
        info.vendor = d.idVendor;
        info.product = d.idProduct;
    }
    libusb_config_descriptor* cfg = nullptr;
    if (libusb_get_active_config_descriptor(dev, &cfg) != 0 && libusb_get_config_descriptor(dev, 0, &cfg) != 0)
        return info;
    for (int i = 0; i < cfg->bNumInterfaces; ++i) {
        if (cfg->interface[i].num_altsetting < 1)
            continue;
        const libusb_interface_descriptor& alt = cfg->interface[i].altsetting[0];
        InterfaceInfo f{alt.bInterfaceNumber, alt.bInterfaceClass, alt.bInterfaceSubClass, alt.bInterfaceProtocol, {}};
        for (int e = 0; e < alt.bNumEndpoints; ++e) {
            const libusb_endpoint_descriptor& ep = alt.endpoint[e];
            f.endpoints.push_back(EndpointInfo{ep.bEndpointAddress,
                                               static_cast<std::uint8_t>(ep.bmAttributes & 0x03), ep.wMaxPacketSize});
        }
        info.interfaces.push_back(std::move(f));
    }
    libusb_free_config_descriptor(cfg);
    return info;
}

// Reads the report descriptor of each HID interface (HID 1.11 §7.1.1: a standard
// GET_DESCRIPTOR to the interface, type 0x22) to learn its usage page. A device that cannot be
// opened or does not answer keeps no usage page and matches only rules that need none.
void read_hid_usage_pages(libusb_device* dev, DeviceInfo& info)
{
    constexpr std::uint8_t kHidClass = 0x03;
    if (std::ranges::none_of(info.interfaces, [](const InterfaceInfo& f) { return f.cls == kHidClass; }))
        return;
    libusb_device_handle* h = nullptr;
    if (libusb_open(dev, &h) != 0)
        return;
    for (InterfaceInfo& f : info.interfaces) {
        if (f.cls != kHidClass)
            continue;
        std::uint8_t buf[512];
        const int n = libusb_control_transfer(h, static_cast<std::uint8_t>(LIBUSB_ENDPOINT_IN) | static_cast<std::uint8_t>(LIBUSB_RECIPIENT_INTERFACE),
                                              LIBUSB_REQUEST_GET_DESCRIPTOR, 0x22 << 8, f.number, buf, sizeof buf, 500);
        if (n > 0)
            f.hid_usage_page = first_usage_page(std::span<const std::uint8_t>(buf, static_cast<std::size_t>(n)));
    }
    libusb_close(h);
}

std::string ids_text(const DeviceInfo& d)
{
    char s[48];
    std::snprintf(s, sizeof s, "%04x:%04x at bus %u address %u", d.vendor, d.product, d.bus, d.address);
    return s;
}

} // namespace

struct UsbHost::Impl {
    libusb_context* ctx = nullptr;
    HostOptions options;
    std::function<void(HostEvent)> sink;
    libusb_hotplug_callback_handle hotplug = 0;
    bool has_hotplug = false;
    std::thread thread;
    std::atomic<bool> stopping{false};
    std::atomic<bool> scan_requested{true};

    struct Known {
        DeviceKey key;
        libusb_device* dev; // a reference held while the device is known
        DeviceInfo info;
        std::optional<Match> match;
    };
    std::mutex mu; // guards `known` (the event thread writes, open() reads)
    std::vector<Known> known;

    static int on_hotplug(libusb_context*, libusb_device*, libusb_hotplug_event, void* user)
    {
        // Called inside libusb's event handling: only note it; the loop scans right after.
        static_cast<Impl*>(user)->scan_requested = true;
        return 0;
    }

    Result<std::unique_ptr<Transport>> open(DeviceKey key);

    void scan()
    {
        libusb_device** list = nullptr;
        const ssize_t n = libusb_get_device_list(ctx, &list);
        if (n < 0) {
            spdlog::warn("usb: cannot list devices: {}", libusb_error_name(static_cast<int>(n)));
            return;
        }
        std::vector<HostEvent> events;
        {
            std::lock_guard lock(mu);
            std::vector<Known> still;
            for (ssize_t i = 0; i < n; ++i) {
                libusb_device* dev = list[i];
                const DeviceKey key{libusb_get_bus_number(dev), libusb_get_device_address(dev)};
                auto it = std::ranges::find_if(known, [&](const Known& k) { return k.key == key; });
                if (it != known.end()) {
                    still.push_back(*it);
                    known.erase(it);
                    continue;
                }
                Known k{key, libusb_ref_device(dev), describe(dev), std::nullopt};
                if (needs_hid_usage_page(options.rules))
                    read_hid_usage_pages(dev, k.info);
                k.match = match_device(k.info, options.rules);
                if (k.match) {
                    spdlog::info("usb: {} {} ({}) attached: {}", role_name(k.match->role), k.match->model,
                                 k.match->driver, ids_text(k.info));
                    events.emplace_back(Attached{key, k.info, *k.match, [this, key] { return open(key); }});
                } else if (!k.info.interfaces.empty() && k.info.interfaces.front().cls != 0x09) { // not hubs
                    spdlog::info("usb: unknown device {}, not opened", ids_text(k.info));
                    events.emplace_back(Unmatched{key, k.info});
                }
                still.push_back(std::move(k));
            }
            for (Known& gone : known) {
                if (gone.match) {
                    spdlog::info("usb: {} {} detached", role_name(gone.match->role), ids_text(gone.info));
                    events.emplace_back(Detached{gone.key});
                }
                libusb_unref_device(gone.dev);
            }
            known = std::move(still);
        }
        libusb_free_device_list(list, 1);
        for (HostEvent& e : events)
            sink(std::move(e));
    }

    void run()
    {
        auto next_scan = Clock::now();
        while (!stopping) {
            if (scan_requested.exchange(false) || Clock::now() >= next_scan) {
                scan();
                next_scan = Clock::now() + options.rescan_interval;
            }
            timeval tv{0, 100'000}; // wake at least every 100 ms for the re-scan and to stop
            libusb_handle_events_timeout_completed(ctx, &tv, nullptr);
        }
    }

    ~Impl()
    {
        if (thread.joinable()) {
            stopping = true;
            libusb_interrupt_event_handler(ctx);
            thread.join();
        }
        if (has_hotplug)
            libusb_hotplug_deregister_callback(ctx, hotplug);
        for (Known& k : known)
            libusb_unref_device(k.dev);
        known.clear();
        if (ctx)
            libusb_exit(ctx);
    }
};

Result<std::unique_ptr<Transport>> UsbHost::Impl::open(DeviceKey key)
{
    libusb_device* dev = nullptr;
    DeviceInfo info;
    std::optional<Match> match;
    {
        std::lock_guard lock(mu);
        auto it = std::ranges::find_if(known, [&](const Known& k) { return k.key == key; });
        if (it == known.end())
            return std::unexpected(Error{Errc::no_device, "no device at that address"});
        dev = libusb_ref_device(it->dev);
        info = it->info;
        match = it->match;
    }
    libusb_device_handle* h = nullptr;
    const int rc = libusb_open(dev, &h);
    libusb_unref_device(dev);
    if (rc != 0) {
        Error e = from_libusb(rc, "opening " + ids_text(info));
        if (e.code == Errc::access) {
            char rule[160];
            std::snprintf(rule, sizeof rule,
                          "; a udev rule grants it: SUBSYSTEM==\"usb\", ATTR{idVendor}==\"%04x\", "
                          "ATTR{idProduct}==\"%04x\", MODE=\"0660\", GROUP=\"hallkiosk\"",
                          info.vendor, info.product);
            e.message += rule;
        }
        return std::unexpected(std::move(e));
    }
    if (!match)
        match = Match{Role::printer, "", "", info.interfaces.empty() ? std::uint8_t{0} : info.interfaces[0].number};
    return LibusbTransport::claim(h, info, match->interface);
}

UsbHost::UsbHost(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

UsbHost::~UsbHost() = default;

Result<std::unique_ptr<UsbHost>> UsbHost::start(HostOptions options, std::function<void(HostEvent)> sink)
{
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    impl->sink = std::move(sink);
    if (int rc = libusb_init(&impl->ctx); rc != 0)
        return std::unexpected(from_libusb(rc, "starting libusb"));
    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)) {
        // No LIBUSB_HOTPLUG_ENUMERATE: libusb 1.0.25 and later can miss devices with it; the
        // first scan finds those present at start.
        const int rc = libusb_hotplug_register_callback(
            impl->ctx, LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT, LIBUSB_HOTPLUG_NO_FLAGS,
            LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, &Impl::on_hotplug, impl.get(),
            &impl->hotplug);
        impl->has_hotplug = rc == LIBUSB_SUCCESS;
    }
    if (!impl->has_hotplug)
        spdlog::info("usb: no hotplug events here; re-scanning every {} ms", impl->options.rescan_interval.count());
    Impl* raw = impl.get();
    impl->thread = std::thread([raw] { raw->run(); });
    return std::unique_ptr<UsbHost>(new UsbHost(std::move(impl)));
}

void UsbHost::rescan()
{
    impl_->scan_requested = true;
    libusb_interrupt_event_handler(impl_->ctx);
}

Result<std::unique_ptr<Transport>> UsbHost::open(DeviceKey key) { return impl_->open(key); }

} // namespace hk::usb
