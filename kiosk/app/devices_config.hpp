// The peripherals table (config/devices.toml is the documented default): which USB devices the
// kiosk takes for its printer, ID card reader and scanner, and which of those it needs.
#pragma once

#include "device_match.hpp"
#include "error.hpp"
#include "receipt.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace hk::app {

// What a [[device]] entry of role printer says of the model beyond matching it.
struct PrinterSettings {
    std::optional<int> width_dots; // from paper_mm; otherwise the device id tells, or 384
    printer::TextMode text = printer::TextMode::raster;
    bool native_qr = false;
    bool operator==(const PrinterSettings&) const = default;
};

struct DevicesConfig {
    std::filesystem::path file; // "" for the built-in defaults
    // The entries of the file in order, then (unless use_known_models = false) the shipped
    // table of known models.
    std::vector<usb::MatchRule> rules;
    // Roles the kiosk needs: while one is absent, staff see it as a problem.
    std::vector<usb::Role> needed;
    // Printer models' settings by model name (the name a matched device carries). A printer
    // without an entry prints everything drawn, on paper as wide as its device id tells.
    std::map<std::string, PrinterSettings, std::less<>> printers;
};

// The defaults when there is no devices file: the known models, every role needed.
DevicesConfig default_devices();
Result<DevicesConfig> parse_devices(std::string_view toml_text, const std::filesystem::path& origin);
Result<DevicesConfig> load_devices(const std::filesystem::path& file);

} // namespace hk::app
