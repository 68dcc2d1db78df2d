// The IEEE 1284 device id a USB printer returns to GET_DEVICE_ID (USB printer class 1.1 §4.2.1):
// "MFG:...;CMD:...;MDL:...;" after a two-byte big-endian length. Parsed here as a pure codec.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace hk::printer {

struct DeviceId {
    std::string text;         // the whole id, for staff (the test page and maintenance screen)
    std::string manufacturer; // MFG or MANUFACTURER
    std::string model;        // MDL or MODEL
    std::string commands;     // CMD or COMMAND SET, e.g. "ESC/POS"
};

// Nothing when the reply is shorter than its length field says or holds no key:value pair.
// Characters outside printable ASCII are replaced by '?' (the id goes to logs and screens).
std::optional<DeviceId> parse_device_id(std::span<const std::uint8_t> reply);

// The paper width a model name tells, for models named after it as most POS printers are
// ("POS-58", "XP-80C", "RP80"): 384 dots for 58 mm, 576 for 80 mm. Nothing when the name
// does not say.
std::optional<int> width_from_model(std::string_view model);

} // namespace hk::printer
