// The udev rules that let the kiosk's service user open its peripherals' USB device nodes, so
// that nothing runs as root. They are made from the same match rules the kiosk uses to tell
// which device is which (the shipped table of known models, and a devices file's entries), so
// the two cannot drift apart: the package ships the known models' rules, and an integrator who
// adds a model to /etc/hallkiosk/devices.toml runs `hallkiosk-udev-rules` for it.
#pragma once

#include "device_match.hpp"

#include <span>
#include <string>
#include <string_view>

namespace hk::app {

// One rules file for `rules`, giving `group` read and write access (mode 0660) to each matching
// USB device node.
std::string udev_rules(std::span<const usb::MatchRule> rules, std::string_view group);

} // namespace hk::app
