// Matching devices to peripheral roles, and the known models.
#include "device_match.hpp"

namespace hk::usb {
namespace {

// USB class codes (usb.org "Defined Class Codes").
constexpr std::uint8_t kClassPrinter = 0x07;

const std::vector<MatchRule>& table()
{
    static const std::vector<MatchRule> rules{
        // Receipt printers common in Chinese self-service terminals.
        {Role::printer, "escpos", "Winbond-based 58/80 mm POS printer", 0x0416, 0x5011, {}, {}, {}},
        {Role::printer, "escpos", "Epson TM series", 0x04B8, 0x0202, {}, {}, {}},
        // Any other printer-class device is driven as ESC/POS over its bulk endpoints.
        {Role::printer, "escpos", "USB printer class", {}, {}, kClassPrinter, {}, {}},
    };
    return rules;
}

bool interface_fits(const MatchRule& r, const InterfaceInfo& f)
{
    return (!r.cls || *r.cls == f.cls) && (!r.subclass || *r.subclass == f.subclass) &&
           (!r.protocol || *r.protocol == f.protocol);
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

std::optional<Match> match_device(const DeviceInfo& device, std::span<const MatchRule> rules)
{
    for (const MatchRule& r : rules) {
        if ((r.vendor && *r.vendor != device.vendor) || (r.product && *r.product != device.product))
            continue;
        const bool by_class = r.cls || r.subclass || r.protocol;
        for (const InterfaceInfo& f : device.interfaces) {
            // A rule by ids alone claims the first interface; a class rule, the first that fits.
            if (!by_class || interface_fits(r, f))
                return Match{r.role, r.driver, r.model, f.number};
        }
    }
    return std::nullopt;
}

std::span<const MatchRule> known_models() { return table(); }

} // namespace hk::usb
