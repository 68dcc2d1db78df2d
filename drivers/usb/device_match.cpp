// Matching devices to peripheral roles, and the known models.
#include "device_match.hpp"

#include <algorithm>

namespace hk::usb {
namespace {

// USB class codes (usb.org "Defined Class Codes").
constexpr std::uint8_t kClassPrinter = 0x07;
constexpr std::uint8_t kClassHid = 0x03;
// HID Point of Sale usage tables: usage page 0x8C, bar code scanner.
constexpr std::uint16_t kUsagePageBarCodeScanner = 0x8C;

const std::vector<MatchRule>& table()
{
    static const std::vector<MatchRule> rules{
        // Receipt printers common in Chinese self-service terminals.
        {Role::printer, "escpos", "Winbond-based 58/80 mm POS printer", 0x0416, 0x5011, {}, {}, {}},
        {Role::printer, "escpos", "Epson TM series", 0x04B8, 0x0202, {}, {}, {}},
        // Resident ID card readers whose card security module speaks over vendor bulk endpoints.
        {Role::idcard, "sam", "SAM ID card reader (vendor bulk)", 0x0400, 0xC35A, {}, {}, {}},
        // Any other printer-class device is driven as ESC/POS over its bulk endpoints.
        {Role::printer, "escpos", "USB printer class", {}, {}, kClassPrinter, {}, {}, {}},
        // Barcode scanners in HID POS mode: a HID interface reporting on the bar code scanner
        // page. (Keyboard-wedge scanners are not matched by class: a keyboard looks the same.
        // They are configured by their ids.)
        {Role::scanner, "hidpos", "HID POS barcode scanner", {}, {}, kClassHid, {}, {}, kUsagePageBarCodeScanner},
    };
    return rules;
}

bool interface_fits(const MatchRule& r, const InterfaceInfo& f)
{
    return (!r.cls || *r.cls == f.cls) && (!r.subclass || *r.subclass == f.subclass) &&
           (!r.protocol || *r.protocol == f.protocol) && (!r.hid_usage_page || r.hid_usage_page == f.hid_usage_page);
}

} // namespace

std::string_view role_name(Role role)
{
    switch (role) {
    case Role::printer: return "printer";
    case Role::idcard: return "idcard";
    case Role::scanner: return "scanner";
    }
    return "printer";
}

BulkEndpoints first_bulk_endpoints(const InterfaceInfo& iface, BulkEndpoints otherwise)
{
    constexpr std::uint8_t kBulk = 2; // bmAttributes transfer type (USB 2.0 §9.6.6)
    bool out = false, in = false;
    for (const EndpointInfo& e : iface.endpoints) {
        if (e.type != kBulk)
            continue;
        if ((e.address & 0x80) && !in)
            otherwise.in = e.address, in = true;
        else if (!(e.address & 0x80) && !out)
            otherwise.out = e.address, out = true;
    }
    return otherwise;
}

std::optional<Match> match_device(const DeviceInfo& device, std::span<const MatchRule> rules)
{
    for (const MatchRule& r : rules) {
        if ((r.vendor && *r.vendor != device.vendor) || (r.product && *r.product != device.product))
            continue;
        const bool by_class = r.cls || r.subclass || r.protocol || r.hid_usage_page;
        for (const InterfaceInfo& f : device.interfaces) {
            // A rule by ids alone claims the first interface; a class rule, the first that fits.
            if (!by_class || interface_fits(r, f))
                return Match{r.role, r.driver, r.model, f.number};
        }
    }
    return std::nullopt;
}

std::span<const MatchRule> known_models() { return table(); }

std::span<const std::string_view> drivers_for(Role role)
{
    static constexpr std::string_view printer[] = {"escpos"};
    static constexpr std::string_view idcard[] = {"sam", "sam-serial"};
    static constexpr std::string_view scanner[] = {"hidpos", "wedge", "serial"};
    switch (role) {
    case Role::printer: return printer;
    case Role::idcard: return idcard;
    case Role::scanner: return scanner;
    }
    return {};
}

std::optional<Role> role_from_name(std::string_view name)
{
    for (Role r : {Role::printer, Role::idcard, Role::scanner})
        if (role_name(r) == name)
            return r;
    return std::nullopt;
}

bool needs_hid_usage_page(std::span<const MatchRule> rules)
{
    return std::ranges::any_of(rules, [](const MatchRule& r) { return r.hid_usage_page.has_value(); });
}

std::optional<std::uint16_t> first_usage_page(std::span<const std::uint8_t> d)
{
    // Short items: a prefix byte (bits 7-4 tag, 3-2 type, 1-0 size code 0/1/2/4 bytes), then
    // data, little endian. Long items (prefix 0xFE) carry their size in the next byte.
    std::size_t i = 0;
    while (i < d.size()) {
        const std::uint8_t prefix = d[i];
        if (prefix == 0xFE) {
            if (i + 1 >= d.size())
                return std::nullopt;
            i += 3 + d[i + 1];
            continue;
        }
        static constexpr std::size_t kSizes[] = {0, 1, 2, 4};
        const std::size_t size = kSizes[prefix & 0x03];
        if (i + 1 + size > d.size())
            return std::nullopt;
        if ((prefix & 0xFC) == 0x04) { // global item, tag 0: Usage Page
            std::uint32_t v = 0;
            for (std::size_t b = 0; b < size; ++b)
                v |= static_cast<std::uint32_t>(d[i + 1 + b]) << (8 * b);
            return static_cast<std::uint16_t>(v);
        }
        i += 1 + size;
    }
    return std::nullopt;
}

} // namespace hk::usb
