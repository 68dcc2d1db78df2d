// Starting a host and opening the first matched device (see host_fixture.hpp).
#include "host_fixture.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>

namespace hk::test {

usb::Result<OpenedDevice> open_first(std::vector<usb::MatchRule> rules)
{
    // Shared with the host's thread, which may still deliver events after this returns.
    struct Found {
        std::mutex mu;
        std::condition_variable cv;
        std::optional<usb::DeviceKey> key;
        usb::PortDevice port;
    };
    auto found = std::make_shared<Found>();
    usb::HostOptions o;
    o.rules = std::move(rules);
    auto host = usb::UsbHost::start(std::move(o), [found](usb::HostEvent e) {
        if (auto* a = std::get_if<usb::Attached>(&e)) {
            std::lock_guard lock(found->mu);
            if (!found->key) {
                found->key = a->key;
                const auto& fs = a->info.interfaces;
                const auto f = std::ranges::find(fs, a->match.interface, &usb::InterfaceInfo::number);
                found->port = {a->match.model, a->match.driver, f != fs.end() ? *f : usb::InterfaceInfo{}};
            }
            found->cv.notify_all();
        }
    });
    if (!host)
        return std::unexpected(host.error());
    usb::DeviceKey key;
    usb::PortDevice port;
    {
        std::unique_lock lock(found->mu);
        if (!found->cv.wait_for(lock, std::chrono::seconds(3), [&] { return found->key.has_value(); }))
            return std::unexpected(usb::Error{usb::Errc::no_device, "no matching device appeared"});
        key = *found->key;
        port = found->port;
    }
    auto transport = (*host)->open(key);
    if (!transport)
        return std::unexpected(transport.error());
    return OpenedDevice{std::move(*host), std::move(*transport), key, std::move(port)};
}

HubOnHost::HubOnHost(std::map<usb::Role, usb::DevicePort::OpenHook> hooks) : hub({}, std::move(hooks))
{
    usb::HostOptions o;
    o.rules.assign(usb::known_models().begin(), usb::known_models().end());
    o.rescan_interval = std::chrono::milliseconds(200);
    auto h = usb::UsbHost::start(std::move(o), [this](usb::HostEvent e) { hub.handle(e); });
    if (h)
        host = std::move(*h);
}

} // namespace hk::test
