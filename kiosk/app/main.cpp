// hallkiosk: the program's entry point.
#include "cli.hpp"
#include "config.hpp"
#include "demo_codes.hpp"
#include "devices_config.hpp"
#include "enrolment.hpp"
#include "kiosk_app.hpp"
#include "logging.hpp"
#include "script.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
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

    const auto config_path = options->config.empty() ? default_config_path() : options->config;
    auto config = load_config(config_path);
    if (!config) {
        std::fprintf(stderr, "hallkiosk: %s\n", config.error().message.c_str());
        return kExitUsage;
    }
    if (!options->central_url.empty())
        config->central_url = options->central_url;
    if (!options->central_ca.empty())
        config->central_ca = options->central_ca;

    if (!options->write_csr.empty() || !options->install_certificate.empty()) {
        const auto state_dir = options->state_dir.empty() ? config->state_dir : options->state_dir;
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        auto done = !options->write_csr.empty()
                        ? write_certificate_request(*config, state_dir, options->write_csr)
                        : install_kiosk_certificate(*config, state_dir, options->install_certificate, now);
        if (!done) {
            std::fprintf(stderr, "hallkiosk: %s\n", done.error().message.c_str());
            return kExitFailure;
        }
        std::printf("%s\n", done->c_str());
        return kExitOk;
    }

    if (!options->demo_key.empty())
        if (auto key = DemoCodes::load_key(options->demo_key); !key)
            return usage_error(key.error().message);

    // The peripherals table: a file that is there must be right; without one, the known models.
    DevicesConfig devices = default_devices();
    if (std::filesystem::exists(config->devices_file)) {
        auto loaded = load_devices(config->devices_file);
        if (!loaded) {
            std::fprintf(stderr, "hallkiosk: %s\n", loaded.error().message.c_str());
            return kExitUsage;
        }
        devices = std::move(*loaded);
    } else {
        spdlog::info("devices: no {}; using the known models", config->devices_file.string());
    }

    std::vector<ScriptStep> steps;
    if (!options->script.empty()) {
        std::ifstream in(options->script);
        if (!in)
            return usage_error("cannot read script " + options->script.string());
        std::ostringstream text;
        text << in.rdbuf();
        auto parsed = parse_script(text.str());
        if (!parsed)
            return usage_error(options->script.string() + ":" + std::to_string(parsed.error().line) + ": " +
                               parsed.error().message);
        steps = std::move(*parsed);
    }

    const auto assets = find_assets_dir();
    auto translator = Translator::load(assets / "i18n");
    if (!translator) {
        spdlog::critical("translations: {}", translator.error().message);
        return kExitFailure;
    }

    spdlog::info("hallkiosk {} starting: hall {} ({}), config {}{}", HK_VERSION, config->hall_id,
                 site_profile_name(config->site_profile), config_path.string(), options->demo ? ", demo mode" : "");
    auto app = KioskApp::create(AppSetup{*options, std::move(*config), std::move(*translator), std::move(devices)});
    if (!app) {
        spdlog::critical("{}", app.error().message);
        return kExitFailure;
    }
    (*app)->frame(true);
    spdlog::info("first frame after {:.0f} ms",
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());

    if (!options->script.empty())
        return (*app)->run_script(steps, options->screenshot_dir);
    return (*app)->run();
}
