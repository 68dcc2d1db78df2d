// What the kiosk tells the service manager (systemd's notify protocol, sd_notify(3)): that it is
// ready, a status line for `systemctl status`, that it is stopping, and the watchdog's "still
// alive". The watchdog is fed only from the frame loop, so a frozen UI stops feeding it and
// systemd restarts the kiosk (WatchdogSec= in packaging/systemd/hallkiosk.service). Outside a
// service (no NOTIFY_SOCKET) every call does nothing.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace hk::app {

class ServiceNotifier {
public:
    using Clock = std::chrono::steady_clock;

    // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID as systemd sets them for the service.
    static ServiceNotifier from_environment();

    // Whether a service manager listens at all.
    bool active() const { return active_; }
    // The watchdog's timeout, when systemd asks for one for this process.
    std::optional<std::chrono::microseconds> watchdog() const { return watchdog_; }
    // How long the frame loop may wait before it must come round again to feed the watchdog:
    // half the timeout (sd_watchdog_enabled(3) advises feeding at least that often).
    std::optional<std::chrono::milliseconds> wake_within() const;

    // READY=1 with a status line: the first frame is on screen.
    void ready(std::string_view status);
    // STATUS=…: shown by `systemctl status hallkiosk`.
    void status(std::string_view status);
    // STOPPING=1: a clean exit has begun.
    void stopping();
    // WATCHDOG=1 when a quarter of the timeout has passed since the last one: a loop that comes
    // round within wake_within() then feeds it at least every half timeout. Call once per turn.
    void feed(Clock::time_point now);

private:
    bool send(std::string_view message);

    bool active_ = false;
    std::optional<std::chrono::microseconds> watchdog_;
    std::optional<Clock::time_point> last_fed_;
    bool failed_logged_ = false;
};

} // namespace hk::app
