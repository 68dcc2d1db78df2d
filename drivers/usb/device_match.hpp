// Which attached USB device is which peripheral: rules that match vendor/product ids or an
// interface's class, subclass and protocol, and the table of models the kiosk knows. A device
// no rule matches is listed in the log and never opened.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::usb {

enum class Role { printer, idcard, scanner };
std::string_view role_name(Role role);
std::optional<Role> role_from_name(std::string_view name);

struct EndpointInfo {
    std::uint8_t address;
    std::uint8_t type; // 2 bulk, 3 interrupt (USB 2.0 §9.6.6)
    std::uint16_t max_packet;
};

struct InterfaceInfo {
    std::uint8_t number;
    std::uint8_t cls;
    std::uint8_t subclass;
    std::uint8_t protocol;
    std::vector<EndpointInfo> endpoints;
    // HID interfaces: the first usage page of the report descriptor (0x8C for POS scanners),
    // read when a rule asks for one.
    std::optional<std::uint16_t> hid_usage_page{};
};

// The first bulk OUT and the first bulk IN endpoint of an interface, where there are; the
// addresses given stay where there is none.
struct BulkEndpoints {
    std::uint8_t out;
    std::uint8_t in;
};
BulkEndpoints first_bulk_endpoints(const InterfaceInfo& iface, BulkEndpoints otherwise);

struct DeviceInfo {
    std::uint16_t vendor = 0;
    std::uint16_t product = 0;
    std::uint8_t bus = 0;
    std::uint8_t address = 0;
    std::vector<InterfaceInfo> interfaces;
};

struct MatchRule {
    Role role;
    std::string driver; // the driver that speaks to it, one of drivers_for(role)
    std::string model;  // for the log and the maintenance screen
    std::optional<std::uint16_t> vendor;
    std::optional<std::uint16_t> product;
    std::optional<std::uint8_t> cls; // interface class, subclass, protocol
    std::optional<std::uint8_t> subclass;
    std::optional<std::uint8_t> protocol;
    std::optional<std::uint16_t> hid_usage_page{}; // a HID interface whose reports are of this page
};

struct Match {
    Role role;
    std::string driver;
    std::string model;
    std::uint8_t interface; // the interface to claim
};

// Rules are tried in order: put specific models (ids) before generic classes.
std::optional<Match> match_device(const DeviceInfo& device, std::span<const MatchRule> rules);
// Whether any rule needs HID report descriptors read to decide.
bool needs_hid_usage_page(std::span<const MatchRule> rules);
// The first Usage Page item of a HID report descriptor (HID 1.11 §6.2.2.7), if any.
std::optional<std::uint16_t> first_usage_page(std::span<const std::uint8_t> report_descriptor);

// The drivers that serve a role: printer "escpos"; idcard "sam" (vendor bulk) and "sam-serial"
// (CDC-ACM); scanner "hidpos", "wedge" (keyboard) and "serial" (CDC-ACM).
std::span<const std::string_view> drivers_for(Role role);

// The models shipped as default, then the generic USB printer class.
std::span<const MatchRule> known_models();

} // namespace hk::usb
