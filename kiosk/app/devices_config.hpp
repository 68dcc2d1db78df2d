// The peripherals table (config/devices.toml is the documented default): which USB devices the
// kiosk takes for its printer, ID card reader and scanner, and which of those it needs.
#pragma once

#include "device_match.hpp"
#include "error.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace hk::app {

struct DevicesConfig {
    std::filesystem::path file; // "" for the built-in defaults
    // The entries of the file in order, then (unless use_known_models = false) the shipped
    // table of known models.
    std::vector<usb::MatchRule> rules;
    // Roles the kiosk needs: while one is absent, staff see it as a problem.
    std::vector<usb::Role> needed;
};

// The defaults when there is no devices file: the known models, every role needed.
DevicesConfig default_devices();
Result<DevicesConfig> parse_devices(std::string_view toml_text, const std::filesystem::path& origin);
Result<DevicesConfig> load_devices(const std::filesystem::path& file);

} // namespace hk::app
