// The command line of hallkiosk.
#pragma once

#include "error.hpp"
#include "lang.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hk::app {

struct Size {
    int width = 0;
    int height = 0;
};

struct Options {
    bool help = false;
    bool version = false;
    std::filesystem::path config;   // empty: the default search (see default_config_path)
    bool demo = false;
    std::filesystem::path demo_key; // demo mode: sign the sample codes with this key
    bool windowed = false;
    std::optional<Lang> lang;       // overrides [languages] default
    std::optional<Size> size;       // window size; implies a window
    std::optional<int> rotation_deg; // overrides [display] rotation
    std::filesystem::path script;   // run this script headless and exit
    std::filesystem::path screenshot_dir;
    std::string log_level = "info";
    std::filesystem::path state_dir; // overrides [state] dir (a service manager's, tests')
    std::string central_url;          // overrides [central] url
    std::filesystem::path central_ca; // overrides [central] ca_file
    // A start that fails shows why on screen this long before it exits (0: exits at once). Under
    // a service manager that restarts the kiosk, it paces the retries too (start_failure.hpp).
    int failure_screen_s = 0;
    // Enrolment, done once by the installer: each makes the identity when there is none, does
    // its one thing and exits without opening a window.
    std::filesystem::path write_csr;           // write the identity's certificate request here
    std::filesystem::path install_certificate; // install the certificate the district issued
};

inline constexpr int kMaxFailureScreenS = 3600;

// Parses argv (without argv[0]). The error message is one line for the resident-free console.
Result<Options> parse_cli(std::span<const std::string_view> args);
std::string help_text();

// Exit codes.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;      // could not start (no display, fonts missing)
inline constexpr int kExitUsage = 2;        // bad command line, config or script
inline constexpr int kExitScriptFailed = 3; // a script tapped a widget that is not on screen
inline constexpr int kExitAlreadyRunning = 4; // another kiosk holds the state folder
// Maintenance mode's power page: what the service manager does next (packaging's unit and session
// script act on them).
inline constexpr int kExitRestart = 75;   // start the kiosk again
inline constexpr int kExitToDesktop = 76; // an administrator left to the desktop: do not restart
inline constexpr int kExitPowerOff = 77;  // power the machine off

} // namespace hk::app
