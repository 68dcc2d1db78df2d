// udev rules from the match rules (see udev_rules.hpp).
#include "udev_rules.hpp"

#include <fmt/format.h>

#include <set>

namespace hk::app {
namespace {

// ID_USB_INTERFACES, set by udev's usb_id builtin for every USB device (50-udev-default.rules,
// which runs before these at 70), lists the interfaces as ":ccsspp:" in lower-case hex.
std::string interface_pattern(const usb::MatchRule& r)
{
    auto part = [](const std::optional<std::uint8_t>& v) { return v ? fmt::format("{:02x}", *v) : std::string("??"); };
    std::string sub = part(r.subclass);
    // A HID rule without a subclass leaves out boot keyboards and mice (subclass 01): a scanner in
    // HID POS mode is not one, and the kiosk has no business with the hall's keyboard.
    if (r.cls == 0x03 && !r.subclass)
        sub = "00";
    return "*:" + part(r.cls) + sub + part(r.protocol) + ":*";
}

std::string match_keys(const usb::MatchRule& r)
{
    std::string keys;
    if (r.vendor)
        keys += fmt::format("ATTR{{idVendor}}==\"{:04x}\", ", *r.vendor);
    if (r.product)
        keys += fmt::format("ATTR{{idProduct}}==\"{:04x}\", ", *r.product);
    if (r.cls || r.subclass || r.protocol)
        keys += "ENV{ID_USB_INTERFACES}==\"" + interface_pattern(r) + "\", ";
    return keys;
}

// A model's name goes into a comment: one line, nothing udev could read as more.
std::string comment_text(std::string_view s)
{
    std::string out;
    for (char c : s)
        out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

} // namespace

std::string udev_rules(std::span<const usb::MatchRule> rules, std::string_view group)
{
    std::string out = "# The USB peripherals of hallkiosk: their device nodes belong to the group \"" + std::string(group) +
                      "\",\n# so that the kiosk's service user opens them without root. Made by hallkiosk-udev-rules\n"
                      "# from the kiosk's device table; make it again rather than edit it.\n"
                      "ACTION==\"remove\", GOTO=\"hallkiosk_end\"\n"
                      "SUBSYSTEM!=\"usb\", GOTO=\"hallkiosk_end\"\n"
                      "ENV{DEVTYPE}!=\"usb_device\", GOTO=\"hallkiosk_end\"\n\n";
    std::set<std::string> seen;
    for (const usb::MatchRule& r : rules) {
        const std::string keys = match_keys(r);
        if (keys.empty())
            continue; // matches everything: never handed out wholesale
        if (!seen.insert(keys).second)
            continue;
        out += fmt::format("# {} ({}, {}{})\n", comment_text(r.model), usb::role_name(r.role), r.driver,
                           r.hid_usage_page ? fmt::format("; the kiosk opens only interfaces reporting on usage page "
                                                          "0x{:02X}",
                                                          *r.hid_usage_page)
                                            : std::string());
        out += keys + "GROUP=\"" + std::string(group) + "\", MODE=\"0660\"\n";
    }
    out += "\nLABEL=\"hallkiosk_end\"\n";
    return out;
}

} // namespace hk::app
