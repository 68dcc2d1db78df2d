// Figures of the kiosk shell: start to first frame, font atlas build time and size, peak
// memory, CPU time per frame at 1080p (our work and the renderer's raster apart), and CPU
// used while idle. Targets (issue 2): first frame < 0.5 s, peak RSS < 80 MB, frame CPU < 4 ms,
// idle CPU < 1 %. Prints figures; never fails on them.
//
//   shell_bench [--idle-seconds N] [--frames N] [--rotation DEG]
// --rotation draws the frames turned, as for a panel mounted turned: the extra copy's cost.
// The video driver is SDL's choice from the environment: run it with SDL_VIDEODRIVER=offscreen,
// or under Xvfb for the X11 path.
#include "config.hpp"
#include "i18n.hpp"
#include "kiosk_app.hpp"
#include "logging.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <regex>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;

double cpu_seconds_of(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Fields after the command name (which may hold spaces) start after the last ')'.
    std::istringstream rest(s.substr(s.rfind(')') + 2));
    std::string field;
    unsigned long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
        if (i == 14) utime = std::stoul(field);
        if (i == 15) stime = std::stoul(field);
    }
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

long status_kb(pid_t pid, const char* key)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0)
            return std::stol(line.substr(std::strlen(key) + 1));
    return -1;
}

double thread_cpu_ms()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Starts the real binary, waits for its first frame, then watches it idle.
void measure_process(int idle_seconds)
{
    int out[2];
    if (pipe(out) != 0)
        return;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 2);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    const std::string config = HK_SOURCE_DIR "/config/kiosk.toml";
    char state[] = "/tmp/hallkiosk-bench-state-XXXXXX"; // not the machine's /var/lib/hallkiosk
    if (!mkdtemp(state))
        return;
    const char* argv[] = {HK_BINARY, "--windowed", "--size",  "1920x1080", "--config",
                          config.c_str(), "--state-dir", state, nullptr};
    pid_t pid = 0;
    const auto t0 = Clock::now();
    if (posix_spawn(&pid, HK_BINARY, &fa, nullptr, const_cast<char**>(argv), environ) != 0) {
        std::perror("spawn");
        return;
    }
    close(out[1]);
    FILE* log = fdopen(out[0], "r");
    char line[1024];
    double first_frame_ms = -1, reported_ms = -1, atlas_ms = -1;
    int glyphs = 0, aw = 0, ah = 0;
    std::string driver;
    const std::regex atlas_re(R"(font atlas: (\d+) glyphs, (\d+)x(\d+) px, built in ([\d.]+) ms)");
    const std::regex first_re(R"(first frame after (\d+) ms)");
    const std::regex driver_re(R"(video driver '([^']+)', renderer '([^']+)')");
    while (std::fgets(line, sizeof line, log)) {
        std::cmatch m;
        if (std::regex_search(line, m, atlas_re) && atlas_ms < 0) {
            glyphs = std::stoi(m[1]);
            aw = std::stoi(m[2]);
            ah = std::stoi(m[3]);
            atlas_ms = std::stod(m[4]);
        } else if (std::regex_search(line, m, driver_re)) {
            driver = std::string(m[1]) + " / " + std::string(m[2]);
        } else if (std::regex_search(line, m, first_re)) {
            reported_ms = std::stod(m[1]);
            first_frame_ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            break;
        }
    }
    const long rss_start_kb = status_kb(pid, "VmRSS:");
    const double cpu0 = cpu_seconds_of(pid);
    std::this_thread::sleep_for(std::chrono::seconds(idle_seconds));
    const double cpu1 = cpu_seconds_of(pid);
    const long hwm_kb = status_kb(pid, "VmHWM:");
    kill(pid, SIGTERM);
    int st = 0;
    waitpid(pid, &st, 0);
    fclose(log);

    std::printf("video driver / renderer:        %s\n", driver.c_str());
    std::printf("start to first frame:           %.0f ms (process spawn to frame presented; %.0f ms from main)\n",
                first_frame_ms, reported_ms);
    std::printf("font atlas:                     %.1f ms, %d glyphs, %dx%d px texture (%.1f MB RGBA)\n", atlas_ms,
                glyphs, aw, ah, static_cast<double>(aw) * ah * 4 / 1048576.0);
    std::printf("RSS after first frame:          %.1f MB\n", static_cast<double>(rss_start_kb) / 1024.0);
    std::printf("peak RSS:                       %.1f MB\n", static_cast<double>(hwm_kb) / 1024.0);
    std::printf("idle CPU over %2d s:             %.2f %% of one core (attract screen)\n", idle_seconds,
                100.0 * (cpu1 - cpu0) / idle_seconds);
}

// Draws frames in-process and splits their CPU time.
void measure_frames(int frames, int rotation_deg)
{
    hk::app::AppSetup setup;
    setup.options.script = "bench"; // virtual time, a window of the given size
    setup.options.size = hk::app::Size{1920, 1080};
    setup.options.rotation_deg = rotation_deg;
    auto config = hk::app::load_config(HK_SOURCE_DIR "/config/kiosk.toml");
    auto tr = hk::Translator::load(HK_SOURCE_DIR "/assets/i18n");
    if (!config || !tr) {
        std::fprintf(stderr, "cannot load config or translations\n");
        return;
    }
    setup.config = std::move(*config);
    setup.translator = std::move(*tr);
    auto app = hk::app::KioskApp::create(std::move(setup));
    if (!app) {
        std::fprintf(stderr, "%s\n", app.error().message.c_str());
        return;
    }
    hk::app::KioskApp& a = **app;
    a.frame(true);

    auto run = [&](const char* what) {
        const auto before = a.stats();
        const double cpu0 = thread_cpu_ms();
        for (int i = 0; i < frames; ++i)
            a.frame(true);
        const double cpu = thread_cpu_ms() - cpu0;
        const auto& after = a.stats();
        const int n = after.frames - before.frames;
        std::printf(
            "frame at 1920x1080 turned %3d, %-8s %.2f ms CPU (ours + ImGui %.2f ms, raster %.2f ms) over %d frames\n",
            rotation_deg, what, cpu / n, (after.ui_ms - before.ui_ms) / n, (after.raster_ms - before.raster_ms) / n, n);
    };
    run("attract:");
    a.platform().pointer().press(960, 540); // tap the attract screen: home
    a.platform().pointer().release(960, 540);
    for (int i = 0; i < 4; ++i)
        a.frame();
    run("home:");
}

} // namespace

int main(int argc, char** argv)
{
    int idle_seconds = 10, frames = 60, rotation_deg = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--idle-seconds") == 0)
            idle_seconds = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--frames") == 0)
            frames = std::atoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--rotation") == 0)
            rotation_deg = std::atoi(argv[i + 1]);
    }
    hk::app::init_logging("warn");
    measure_process(idle_seconds);
    measure_frames(frames, rotation_deg);
}
