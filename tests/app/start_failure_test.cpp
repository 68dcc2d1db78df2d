// A kiosk that cannot start shows why on its screen: the real hallkiosk binary with a config it
// refuses and --failure-screen, under SDL's offscreen driver, its picture read back and what it
// tells a stand-in for systemd's notify socket.
#include "start_failure.hpp"

#include "kiosk_run.hpp"
#include "notify_socket.hpp"
#include "service_run.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;
using namespace hk::test;
using Clock = std::chrono::steady_clock;

namespace {

using hk::app::kExitUsage;

// A config whose line 6 the kiosk refuses.
fs::path bad_config(const fs::path& dir)
{
    const fs::path file = dir / "bad.toml";
    std::ofstream(file) << "[hall]\nid = \"x\"\nname = \"测试\"\n\n[session]\nidle_timeout_s = \"soon\"\n";
    return file;
}

// Share of the pixels in rows y0 to y1 (all rows by default) that are not the colour of the top
// left corner, the backdrop.
double drawn_share(const Image& img, int y0 = 0, int y1 = -1)
{
    if (y1 < 0)
        y1 = img.h;
    std::size_t drawn = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = 0; x < img.w; ++x)
            for (int c = 0; c < 3; ++c)
                if (img.at(x, y, c) != img.at(0, 0, c)) {
                    ++drawn;
                    break;
                }
    return static_cast<double>(drawn) / (static_cast<double>(img.w) * static_cast<double>(y1 - y0));
}

} // namespace

TEST_CASE("a kiosk whose config is refused shows why on its screen for the time asked, then exits as it would have")
{
    const fs::path dir = fresh_dir("start_failure");
    const fs::path config = bad_config(dir);
    const Outcome r = run_kiosk(
        {"--config", config.string(), "--failure-screen", "1", "--screenshot-dir", dir.string(), "--size", "1280x720"},
        {});
    INFO(r.output);
    CHECK(r.status == kExitUsage);
    CHECK(r.seconds >= 1.0); // it held the screen...
    CHECK(r.seconds < 20.0); // ...and then left
    // The journal names the line, once, as the reason it could not start.
    CHECK(r.output.find("cannot start: " + config.string() + ":6:") != std::string::npos);
    CHECK(r.output.find("critical") != std::string::npos);

    const Image shot = load(dir / "start-failure.png");
    CHECK(shot.w == 1280);
    CHECK(shot.h == 720);
    CHECK(looks_drawn(shot));
    CHECK(drawn_share(shot) > 0.01);
    // Words for residents in the upper part, the staff's lines at the foot.
    CHECK(drawn_share(shot, 100, 400) > 0.01);
    CHECK(drawn_share(shot, 560, 700) > 0.005);
}

TEST_CASE("the out-of-service screen is laid out for a portrait screen")
{
    const fs::path dir = fresh_dir("start_failure_portrait");
    const Outcome r = run_kiosk({"--config", bad_config(dir).string(), "--failure-screen", "1", "--screenshot-dir",
                                 dir.string(), "--size", "1080x1920"},
                                {});
    INFO(r.output);
    CHECK(r.status == kExitUsage);
    const Image shot = load(dir / "start-failure.png");
    CHECK(shot.w == 1080);
    CHECK(shot.h == 1920);
    CHECK(looks_drawn(shot));
    CHECK(drawn_share(shot, 300, 1300) > 0.01);
}

TEST_CASE("while the screen shows, the service manager hears ready with the reason, the watchdog, then stopping")
{
    const fs::path dir = fresh_dir("start_failure_notify");
    NotifySocket socket;
    const fs::path config = bad_config(dir);
    const Outcome r = run_kiosk({"--config", config.string(), "--failure-screen", "1", "--windowed"},
                                {"NOTIFY_SOCKET=" + socket.path(), "WATCHDOG_USEC=200000"}, &socket);
    INFO(r.output);
    CHECK(r.status == kExitUsage);
    REQUIRE(r.messages.size() >= 3);
    CHECK(r.messages.front() == "READY=1\nSTATUS=cannot start: " + config.string() +
                                    ":6: [session] idle_timeout_s must be a whole number of seconds");
    CHECK(r.messages.back() == "STOPPING=1");
    // Fed at least every half timeout (100 ms) for the second it showed.
    const auto fed = std::ranges::count(r.messages, std::string("WATCHDOG=1"));
    CHECK(fed >= 5);
    CHECK(static_cast<std::size_t>(fed) == r.messages.size() - 2);
}

TEST_CASE("the service manager stopping the kiosk ends the screen at once, with the same exit status")
{
    const fs::path dir = fresh_dir("start_failure_sigterm");
    NotifySocket socket;
    std::optional<Clock::time_point> told;
    const Outcome r = run_kiosk({"--config", bad_config(dir).string(), "--failure-screen", "600", "--windowed"},
                                {"NOTIFY_SOCKET=" + socket.path()}, &socket, [&](const std::string& m, pid_t pid) {
                                    if (m.starts_with("READY=1")) {
                                        told = Clock::now();
                                        ::kill(pid, SIGTERM);
                                    }
                                });
    INFO(r.output);
    REQUIRE(told);
    CHECK(std::chrono::duration<double>(Clock::now() - *told).count() < 5.0);
    CHECK(r.status == kExitUsage);
    CHECK(r.messages.back() == "STOPPING=1");
}

TEST_CASE("without a display to show on, the kiosk says why and exits at once")
{
    const fs::path dir = fresh_dir("start_failure_no_display");
    const Outcome r = run_kiosk({"--config", bad_config(dir).string(), "--failure-screen", "600"},
                                {"SDL_VIDEODRIVER=no-such-driver"});
    INFO(r.output);
    CHECK(r.status == kExitUsage);
    CHECK(r.seconds < 20.0);
    CHECK(r.output.find(":6:") != std::string::npos);
    CHECK(r.output.find("cannot show why on screen") != std::string::npos);
}

TEST_CASE("the unit's status line is the reason's first line, cut short at a whole character")
{
    using hk::app::failure_status;
    CHECK(failure_status("kiosk.toml:6: bad value\nsecond line") == "cannot start: kiosk.toml:6: bad value");
    const std::string exactly(200, 'a');
    CHECK(failure_status(exactly) == "cannot start: " + exactly);
    // 199 letters and a three-byte character that byte 200 would cut in two: it goes whole.
    CHECK(failure_status(std::string(199, 'a') + "测试") == "cannot start: " + std::string(199, 'a') + "…");
}
