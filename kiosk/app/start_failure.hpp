// The screen a kiosk that cannot start shows instead of a black one (--failure-screen): out of
// service for residents, in all three languages at once, and for staff the reason, where to read
// more and the version. Under systemd it also tells the service manager: ready, with the reason
// as the unit's status, the watchdog fed while it shows, and stopping. The unit then restarts the
// kiosk after the screen's time, so a cause that goes away (a file being copied, a late mount)
// heals by itself, and the restarts are slow enough never to trip the unit's start limit.
#pragma once

#include "cli.hpp"
#include "fonts.hpp"
#include "platform.hpp"
#include "service_notify.hpp"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace hk::app {

// Why the kiosk could not start, and the exit status that says so.
struct StartFailure {
    int exit_code = kExitFailure;
    std::string reason; // the error's message: English, naming the file and line where it has them
};

struct FailureScreenSetup {
    WindowSpec window;
    std::optional<ui::FontFiles> fonts;   // the config's, when it was read
    std::chrono::seconds hold{0};         // how long the screen stays up
    std::filesystem::path screenshot_dir; // when set, the first frame is written there as start-failure.png
};

// The unit's status line: "cannot start: " and the reason's first line, cut to about 200 bytes.
std::string failure_status(std::string_view reason);

// Opens the window and shows the screen for setup.hold, or until the kiosk is told to quit
// (systemd's SIGTERM arrives as SDL_QUIT). Returns failure.exit_code. Without a display there
// is nothing to show on: it logs why and returns at once.
int show_start_failure(const StartFailure& failure, const FailureScreenSetup& setup, ServiceNotifier& service);

} // namespace hk::app
