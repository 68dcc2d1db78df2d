// Routing attached devices to the kiosk's peripheral roles (see device_hub.hpp).
#include "device_hub.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>

namespace hk::usb {

std::string describe(const DeviceInfo& info)
{
    std::string classes;
    for (const InterfaceInfo& i : info.interfaces)
        classes += fmt::format("{}{:02x}/{:02x}/{:02x}", classes.empty() ? "" : ", ", i.cls, i.subclass, i.protocol);
    return fmt::format("{:04x}:{:04x} (interface class {})", info.vendor, info.product,
                       classes.empty() ? "none" : classes);
}

DeviceHub::DeviceHub(DevicePort::ChangeHandler on_change, std::map<Role, DevicePort::OpenHook> hooks)
{
    for (Role r : kRoles) {
        auto hook = hooks.contains(r) ? hooks.at(r) : DevicePort::OpenHook{};
        ports_[index(r)] = std::make_unique<DevicePort>(r, on_change, std::move(hook));
    }
}

void DeviceHub::bind(std::size_t role, Attached a)
{
    bound_[role] = a.key;
    const auto iface = std::ranges::find(a.info.interfaces, a.match.interface, &InterfaceInfo::number);
    PortDevice device{a.match.model, a.match.driver,
                      iface != a.info.interfaces.end() ? *iface : InterfaceInfo{a.match.interface, 0, 0, 0, {}}};
    ports_[role]->attach(std::move(device), std::move(a.open));
}

void DeviceHub::close()
{
    std::array<std::unique_ptr<DevicePort>, kRoles.size()> ports;
    {
        std::lock_guard lk(mu_);
        if (closed_)
            return;
        closed_ = true;
        ports.swap(ports_);
    }
    for (auto& p : ports)
        p.reset();
}

void DeviceHub::handle(const HostEvent& e)
{
    if (const auto* a = std::get_if<Attached>(&e))
        attached(*a);
    else if (const auto* d = std::get_if<Detached>(&e))
        detached(d->key);
    else if (const auto* u = std::get_if<Unmatched>(&e))
        unmatched(*u);
}

void DeviceHub::attached(const Attached& a)
{
    std::lock_guard lk(mu_);
    if (closed_)
        return;
    const std::size_t r = index(a.match.role);
    if (bound_[r]) {
        spdlog::info("devices: a second {} ({}) is attached; it is kept in reserve", role_name(a.match.role),
                     a.match.model);
        reserve_[r].push_back(a);
        return;
    }
    bind(r, a);
}

void DeviceHub::detached(DeviceKey key)
{
    std::lock_guard lk(mu_);
    if (closed_)
        return;
    for (std::size_t r = 0; r < kRoles.size(); ++r) {
        std::erase_if(reserve_[r], [&](const Attached& w) { return w.key == key; });
        if (bound_[r] != key)
            continue;
        bound_[r].reset();
        ports_[r]->detach();
        if (!reserve_[r].empty()) {
            Attached next = std::move(reserve_[r].front());
            reserve_[r].erase(reserve_[r].begin());
            spdlog::info("devices: the {} in reserve ({}) takes over", role_name(kRoles[r]), next.match.model);
            bind(r, std::move(next));
        }
    }
}

void DeviceHub::unmatched(const Unmatched& u)
{
    std::lock_guard lk(mu_);
    std::string d = describe(u.info);
    if (std::ranges::find(unknown_, d) == unknown_.end())
        unknown_.push_back(std::move(d));
}

std::vector<PortStatus> DeviceHub::status() const
{
    std::lock_guard lk(mu_);
    std::vector<PortStatus> out;
    for (const auto& p : ports_)
        if (p)
            out.push_back(p->status());
    return out;
}

std::vector<std::string> DeviceHub::unknown_devices() const
{
    std::lock_guard lk(mu_);
    return unknown_;
}

} // namespace hk::usb
