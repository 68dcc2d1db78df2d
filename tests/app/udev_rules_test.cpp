// The udev rules made from the kiosk's device table.
#include "devices_config.hpp"
#include "udev_rules.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace hk;
using namespace hk::app;

namespace {

int count(const std::string& text, const std::string& what)
{
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

TEST_CASE("every known model gets a rule for the kiosk's group, by ids or by interface class")
{
    const std::string rules = udev_rules(usb::known_models(), "hallkiosk");
    for (const usb::MatchRule& r : usb::known_models())
        CHECK_MESSAGE(rules.find("# " + r.model + " (") != std::string::npos, r.model);
    CHECK(rules.find("ATTR{idVendor}==\"0416\", ATTR{idProduct}==\"5011\", GROUP=\"hallkiosk\", MODE=\"0660\"") !=
          std::string::npos);
    CHECK(rules.find("ATTR{idVendor}==\"0400\", ATTR{idProduct}==\"c35a\"") != std::string::npos);
    // Printer class, any subclass and protocol.
    CHECK(rules.find("ENV{ID_USB_INTERFACES}==\"*:07????:*\"") != std::string::npos);
    // HID POS scanners: HID without a boot protocol, never keyboards and mice (subclass 01).
    CHECK(rules.find("ENV{ID_USB_INTERFACES}==\"*:0300??:*\"") != std::string::npos);
    CHECK(rules.find(":0301") == std::string::npos);
    // Only USB devices, never on removal, and the jump lands.
    CHECK(rules.find("SUBSYSTEM!=\"usb\", GOTO=\"hallkiosk_end\"") != std::string::npos);
    CHECK(rules.find("ENV{DEVTYPE}!=\"usb_device\", GOTO=\"hallkiosk_end\"") != std::string::npos);
    CHECK(rules.find("LABEL=\"hallkiosk_end\"") != std::string::npos);
    CHECK(count(rules, "GROUP=\"hallkiosk\"") == static_cast<int>(usb::known_models().size()));
}

TEST_CASE("a devices file's models get rules too, each once, and a rule matching everything gets none")
{
    auto devices = parse_devices(R"(
use_known_models = false
needed = ["scanner"]

[[device]]
role = "scanner"
driver = "wedge"
model = "Hall scanner\nGROUP=\"root\""
vendor = 0x1eab
product = 0x0d22

[[device]]
role = "scanner"
driver = "wedge"
model = "The same scanner again"
vendor = 0x1eab
product = 0x0d22
)",
                                 "devices.toml");
    REQUIRE(devices);
    const std::string rules = udev_rules(devices->rules, "kiosk-staff");
    CHECK(count(rules, "ATTR{idVendor}==\"1eab\", ATTR{idProduct}==\"0d22\", GROUP=\"kiosk-staff\"") == 1);
    // A model's name is a comment on one line: nothing of it becomes a rule.
    std::istringstream lines(rules);
    std::string line;
    while (std::getline(lines, line))
        if (line.find("root") != std::string::npos)
            CHECK(line.starts_with("#"));

    usb::MatchRule everything{usb::Role::printer, "escpos", "anything", {}, {}, {}, {}, {}, {}};
    const std::string none = udev_rules(std::span(&everything, 1), "hallkiosk");
    CHECK(none.find("GROUP=") == std::string::npos);
}
