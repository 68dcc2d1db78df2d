// hallkiosk: the program's entry point. A start that fails once the command line is read can show
// why on the screen before the program exits (--failure-screen, start_failure.hpp), so that a
// kiosk run as a service never sits black while the service manager restarts it.
#include "cli.hpp"
#include "config.hpp"
#include "demo_codes.hpp"
#include "devices_config.hpp"
#include "enrolment.hpp"
#include "kiosk_app.hpp"
#include "logging.hpp"
#include "script.hpp"
#include "service_notify.hpp"
#include "start_failure.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <expected>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace hk;
using namespace hk::app;

namespace {

int usage_error(const std::string& message)
{
    std::fprintf(stderr, "hallkiosk: %s\nTry 'hallkiosk --help'.\n", message.c_str());
    return kExitUsage;
}

// The exit status of a start that got as far as running (or an enrolment step), or why it failed.
using Started = std::expected<int, StartFailure>;

std::unexpected<StartFailure> cannot_start(int exit_code, std::string reason)
{
    return std::unexpected(StartFailure{exit_code, std::move(reason)});
}

// The failure screen's window: full screen unless asked otherwise, as the kiosk's own would be,
// on the plain software renderer, which needs nothing that may be what failed. `cfg` is null when
// the config could not be read.
WindowSpec failure_window(const Options& o, const KioskConfig* cfg)
{
    WindowSpec spec = window_spec(o, cfg);
    spec.title = "hallkiosk — out of service";
    return spec;
}

// One kiosk per state folder, enrolment steps included: they would change the identity under a
// running kiosk. Taken once everything else has been checked, so that a start refused for its
// config leaves no state folder behind. A second kiosk is refused before any window opens and
// shows nothing: the screen is the first one's.
std::expected<std::unique_ptr<InstanceLock>, StartFailure> lock_state(const std::filesystem::path& state_dir)
{
    auto lock = InstanceLock::acquire(state_dir);
    if (!lock)
        return cannot_start(lock.error().busy ? kExitAlreadyRunning : kExitFailure, lock.error().message);
    if (const long earlier = (*lock)->earlier_unclean_pid())
        spdlog::warn("start: the last run (pid {}) did not end cleanly (a crash, the watchdog or a power cut); "
                     "its lock in {} is taken over",
                     earlier, (*lock)->file().string());
    return std::move(*lock);
}

// Everything from reading the config to running the kiosk. What the failure screen needs to know
// of the start (the window, the config's fonts) is written into `screen` as it becomes known.
Started start(const Options& options, FailureScreenSetup& screen, std::chrono::steady_clock::time_point started)
{
    const auto config_path = options.config.empty() ? default_config_path() : options.config;
    auto config = load_config(config_path);
    if (!config)
        return cannot_start(kExitUsage, config.error().message);
    screen.window = failure_window(options, &*config);
    screen.fonts = ui::FontFiles{config->font_regular, config->font_bold};
    if (!options.central_url.empty())
        config->central_url = options.central_url;
    if (!options.central_ca.empty())
        config->central_ca = options.central_ca;

    const AppFolders folders = app_folders(options, *config);
    if (!options.write_csr.empty() || !options.install_certificate.empty()) {
        const auto& state_dir = folders.state;
        auto lock = lock_state(state_dir);
        if (!lock)
            return std::unexpected(lock.error());
        const auto now =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count();
        auto done = !options.write_csr.empty()
                        ? write_certificate_request(*config, state_dir, options.write_csr)
                        : install_kiosk_certificate(*config, state_dir, options.install_certificate, now);
        if (!done) {
            std::fprintf(stderr, "hallkiosk: %s\n", done.error().message.c_str());
            return kExitFailure;
        }
        std::printf("%s\n", done->c_str());
        return kExitOk;
    }

    if (!options.demo_key.empty())
        if (auto key = DemoCodes::load_key(options.demo_key); !key)
            return cannot_start(kExitUsage, key.error().message);

    // The peripherals table: a file that is there must be right; without one, the known models.
    DevicesConfig devices = default_devices();
    if (std::filesystem::exists(config->devices_file)) {
        auto loaded = load_devices(config->devices_file);
        if (!loaded)
            return cannot_start(kExitUsage, loaded.error().message);
        devices = std::move(*loaded);
    } else {
        spdlog::info("devices: no {}; using the known models", config->devices_file.string());
    }

    std::vector<ScriptStep> steps;
    if (!options.script.empty()) {
        std::ifstream in(options.script);
        if (!in)
            return cannot_start(kExitUsage, "cannot read script " + options.script.string());
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = parse_script(text.str());
        if (!parsed)
            return cannot_start(kExitUsage, options.script.string() + ":" + std::to_string(parsed.error().line) + ": " +
                                                parsed.error().message);
        steps = std::move(*parsed);
    }

    const auto assets = find_assets_dir();
    auto translator = Translator::load(assets / "i18n");
    if (!translator)
        return cannot_start(kExitFailure, "translations: " + translator.error().message);

    auto lock = lock_state(folders.state);
    if (!lock)
        return std::unexpected(lock.error());
    spdlog::info("hallkiosk {} starting: hall {} ({}), config {}{}", HK_VERSION, config->hall_id,
                 site_profile_name(config->site_profile), config_path.string(), options.demo ? ", demo mode" : "");
    auto app = KioskApp::create(AppSetup{options, std::move(*config), std::move(*translator), std::move(devices),
                                         std::move(*lock), folders});
    if (!app)
        return cannot_start(kExitFailure, app.error().message);
    (*app)->frame(true);
    spdlog::info("first frame after {:.0f} ms",
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());

    if (!options.script.empty())
        return (*app)->run_script(steps, options.screenshot_dir);
    return (*app)->run();
}

} // namespace

int main(int argc, char** argv)
{
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string_view> args(argv + 1, argv + argc);
    auto options = parse_cli(args);
    if (!options)
        return usage_error(options.error().message);
    if (options->help) {
        std::fputs(help_text().c_str(), stdout);
        return kExitOk;
    }
    if (options->version) {
        std::printf("hallkiosk %s\n", HK_VERSION);
        return kExitOk;
    }
    init_logging(options->log_level);

    FailureScreenSetup screen;
    screen.window = failure_window(*options, nullptr);
    screen.hold = std::chrono::seconds(options->failure_screen_s);
    screen.screenshot_dir = options->screenshot_dir;
    const auto done = start(*options, screen, started);
    if (done)
        return *done;

    // Once, at critical level: on stderr, so in the journal under systemd.
    spdlog::critical("cannot start: {}", done.error().reason);
    // Enrolment is the installer's, at a terminal: it never opens a window.
    const bool enrolment = !options->write_csr.empty() || !options->install_certificate.empty();
    if (options->failure_screen_s == 0 || enrolment || done.error().exit_code == kExitAlreadyRunning)
        return done.error().exit_code;
    auto service = ServiceNotifier::from_environment();
    return show_start_failure(done.error(), screen, service);
}
