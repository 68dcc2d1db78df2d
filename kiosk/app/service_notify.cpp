// Telling systemd how the kiosk is (see service_notify.hpp).
#include "service_notify.hpp"

#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdlib>
#include <unistd.h>
#include <string>

namespace hk::app {

namespace {

// Under hallkiosk-compositor.service the unit's main process is the compositor and the kiosk its
// child: systemd names the compositor in WATCHDOG_PID, and takes the child's notifications
// (NotifyAccess=all). The kiosk is then the one to feed the watchdog, since its frame loop is what
// must not freeze; a compositor passes its environment on to the program it runs.
std::optional<std::chrono::microseconds> watched_parent()
{
    const char* pid = std::getenv("WATCHDOG_PID");
    const char* usec = std::getenv("WATCHDOG_USEC");
    if (!pid || !usec)
        return std::nullopt;
    char* end = nullptr;
    const long long watched = std::strtoll(pid, &end, 10);
    if (end == pid || *end != '\0' || watched != static_cast<long long>(::getppid()))
        return std::nullopt;
    const unsigned long long timeout = std::strtoull(usec, &end, 10);
    if (end == usec || *end != '\0' || timeout == 0)
        return std::nullopt;
    return std::chrono::microseconds(static_cast<std::int64_t>(timeout));
}

} // namespace

ServiceNotifier ServiceNotifier::from_environment()
{
    ServiceNotifier n;
    const char* socket = std::getenv("NOTIFY_SOCKET");
    n.active_ = socket != nullptr && *socket != '\0';
    std::uint64_t usec = 0;
    // Checks WATCHDOG_PID against this process too: a child the kiosk started inherits the
    // variables but is not the one watched.
    if (n.active_ && sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
        n.watchdog_ = std::chrono::microseconds(usec);
    else if (n.active_)
        n.watchdog_ = watched_parent();
    return n;
}

std::optional<std::chrono::milliseconds> ServiceNotifier::wake_within() const
{
    if (!watchdog_)
        return std::nullopt;
    return std::max(std::chrono::milliseconds(1), std::chrono::duration_cast<std::chrono::milliseconds>(*watchdog_ / 2));
}

bool ServiceNotifier::send(std::string_view message)
{
    if (!active_)
        return false;
    const int r = sd_notify(0, std::string(message).c_str());
    if (r < 0 && !failed_logged_) {
        // Once: a service manager that stopped listening would otherwise fill the log.
        failed_logged_ = true;
        spdlog::warn("service: cannot tell the service manager '{}': error {}", message.substr(0, message.find('\n')), -r);
    }
    return r > 0;
}

void ServiceNotifier::ready(std::string_view status)
{
    send("READY=1\nSTATUS=" + std::string(status));
    if (watchdog_)
        spdlog::info("service: ready; the watchdog expects the frame loop every {} ms at most",
                     std::chrono::duration_cast<std::chrono::milliseconds>(*watchdog_).count());
}

void ServiceNotifier::status(std::string_view status) { send("STATUS=" + std::string(status)); }

void ServiceNotifier::stopping() { send("STOPPING=1"); }

void ServiceNotifier::feed(Clock::time_point now)
{
    if (!watchdog_)
        return;
    if (last_fed_ && now - *last_fed_ < *watchdog_ / 4)
        return;
    last_fed_ = now;
    send("WATCHDOG=1");
}

} // namespace hk::app
