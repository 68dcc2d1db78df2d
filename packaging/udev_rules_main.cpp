// hallkiosk-udev-rules: prints the udev rules for the kiosk's USB peripherals (udev_rules.hpp):
// the known models, and the entries of a devices file when one is given.
#include "devices_config.hpp"
#include "udev_rules.hpp"

#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

int main(int argc, char** argv)
{
    std::string group = "hallkiosk";
    std::string file;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--group" && i + 1 < argc) {
            group = argv[++i];
        } else if (a == "-h" || a == "--help") {
            std::fputs("usage: hallkiosk-udev-rules [DEVICES_TOML] [--group NAME]\n"
                       "Prints udev rules giving NAME (default hallkiosk) access to the USB peripherals the kiosk\n"
                       "drives: the known models, and those of DEVICES_TOML (e.g. /etc/hallkiosk/devices.toml).\n"
                       "  hallkiosk-udev-rules /etc/hallkiosk/devices.toml > /etc/udev/rules.d/71-hallkiosk-local.rules\n",
                       stdout);
            return 0;
        } else if (file.empty() && !a.starts_with("-")) {
            file = a;
        } else {
            std::fprintf(stderr, "hallkiosk-udev-rules: unexpected %s\n", argv[i]);
            return 2;
        }
    }
    for (char c : group)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) {
            std::fprintf(stderr, "hallkiosk-udev-rules: not a group name: %s\n", group.c_str());
            return 2;
        }
    hk::app::DevicesConfig devices = hk::app::default_devices();
    if (!file.empty()) {
        auto loaded = hk::app::load_devices(file);
        if (!loaded) {
            std::fprintf(stderr, "hallkiosk-udev-rules: %s\n", loaded.error().message.c_str());
            return 2;
        }
        devices = std::move(*loaded);
    }
    std::fputs(hk::app::udev_rules(devices.rules, group).c_str(), stdout);
    return 0;
}
