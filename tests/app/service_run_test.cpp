// The kiosk run as a service: it tells the service manager it is ready once its first frame is
// up, with a status line; its frame loop feeds the watchdog while the screen sits idle, so that
// only a frozen loop stops feeding it; SIGTERM ends it cleanly with STOPPING=1. The real hallkiosk
// binary, in demo mode (no devices, no central side), offscreen.
#include "notify_socket.hpp"
#include "service_run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <string>

using namespace hk::test;
namespace fs = std::filesystem;

TEST_CASE("a running kiosk is ready after its first frame, feeds the watchdog while idle and stops cleanly")
{
    NotifySocket socket;
    const fs::path state = fs::temp_directory_path() / ("hk-service-run-" + std::to_string(::getpid()));
    fs::remove_all(state);
    int watchdogs_after_ready = 0;
    bool ready = false;
    bool terminated = false;
    const auto began = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point ready_at;
    const Outcome r = run_kiosk(
        {"--demo", "--windowed", "--size", "800x600", "--state-dir", state.string()},
        {"NOTIFY_SOCKET=" + socket.path(), "WATCHDOG_USEC=400000"}, &socket, [&](const std::string& m, pid_t pid) {
            if (m.starts_with("READY=1")) {
                ready = true;
                ready_at = std::chrono::steady_clock::now();
            }
            if (m == "WATCHDOG=1" && ready)
                ++watchdogs_after_ready;
            // Idle for 2 s with nothing touched: the loop must still come round every 200 ms.
            if (ready && !terminated && std::chrono::steady_clock::now() - ready_at > std::chrono::seconds(2)) {
                terminated = true;
                ::kill(pid, SIGTERM);
            }
            (void)began;
        });
    INFO(r.output);
    REQUIRE(!r.messages.empty());
    CHECK(r.status == 0);
    // Ready first, with the status line staff read in `systemctl status`.
    CHECK(r.messages.front().starts_with("READY=1\nSTATUS=hall demo-hall-001"));
    CHECK(r.messages.front().find("awaiting enrolment") != std::string::npos);
    CHECK(r.messages.front().find("records waiting") != std::string::npos);
    // 2 s at one feed per 100 to 200 ms.
    CHECK(watchdogs_after_ready >= 8);
    CHECK(terminated);
    CHECK(r.messages.back() == "STOPPING=1");
    // The lock is let go and emptied on the way out.
    CHECK(fs::exists(state / "hallkiosk.lock"));
    CHECK(fs::file_size(state / "hallkiosk.lock") == 0);
    fs::remove_all(state);
}

TEST_CASE("a second kiosk on the same state folder is refused with its own exit code and no screen")
{
    NotifySocket socket;
    const fs::path state = fs::temp_directory_path() / ("hk-service-second-" + std::to_string(::getpid()));
    fs::remove_all(state);
    Outcome second;
    bool started_second = false;
    const Outcome first = run_kiosk(
        {"--demo", "--windowed", "--size", "800x600", "--state-dir", state.string()},
        {"NOTIFY_SOCKET=" + socket.path()}, &socket, [&](const std::string& m, pid_t pid) {
            if (!m.starts_with("READY=1") || started_second)
                return;
            started_second = true;
            second = run_kiosk({"--demo", "--windowed", "--size", "800x600", "--state-dir", state.string(),
                                "--failure-screen", "30"},
                               {});
            ::kill(pid, SIGTERM);
        });
    REQUIRE(started_second);
    INFO(second.output);
    CHECK(first.status == 0);
    CHECK(second.status == 4); // kExitAlreadyRunning
    CHECK(second.seconds < 15); // not held on an out-of-service screen
    CHECK(second.output.find("another hallkiosk (pid ") != std::string::npos);
    fs::remove_all(state);
}
