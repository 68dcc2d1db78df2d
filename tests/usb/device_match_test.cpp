// Tests of matching USB devices to peripheral roles.
#include "device_match.hpp"

#include <doctest/doctest.h>

using namespace hk::usb;

namespace {

DeviceInfo device(std::uint16_t vid, std::uint16_t pid, std::vector<InterfaceInfo> ifaces)
{
    DeviceInfo d;
    d.vendor = vid;
    d.product = pid;
    d.interfaces = std::move(ifaces);
    return d;
}

const InterfaceInfo kPrinterIface{0, 7, 1, 2, {{0x01, 2, 64}, {0x82, 2, 64}}};
const InterfaceInfo kVendorIface{0, 0xFF, 0, 0, {{0x01, 2, 64}}};

} // namespace

TEST_CASE("a known model matches by its ids")
{
    const auto m = match_device(device(0x04B8, 0x0202, {kVendorIface}), known_models());
    REQUIRE(m);
    CHECK(m->role == Role::printer);
    CHECK(m->driver == "escpos");
    CHECK(m->model.find("Epson") != std::string::npos);
}

TEST_CASE("any USB printer-class device is a printer, on the interface that is the printer")
{
    const InterfaceInfo second{1, 7, 1, 2, {}};
    const auto m = match_device(device(0x1234, 0x5678, {kVendorIface, second}), known_models());
    REQUIRE(m);
    CHECK(m->role == Role::printer);
    CHECK(m->interface == 1);
}

TEST_CASE("a device no rule matches is not taken")
{
    CHECK_FALSE(match_device(device(0x1234, 0x5678, {kVendorIface}), known_models()));
    CHECK_FALSE(match_device(device(0x1234, 0x5678, {}), known_models()));
}

TEST_CASE("rules are tried in order, so a configured model wins over the generic class")
{
    std::vector<MatchRule> rules{{Role::idcard, "sam", "Reader X", 0x1234, 0x5678, {}, {}, {}}};
    rules.insert(rules.end(), known_models().begin(), known_models().end());
    const auto m = match_device(device(0x1234, 0x5678, {kPrinterIface}), rules);
    REQUIRE(m);
    CHECK(m->role == Role::idcard);
    CHECK(m->driver == "sam");
}

TEST_CASE("a class rule can require subclass and protocol")
{
    const std::vector<MatchRule> rules{{Role::scanner, "cdc", "CDC serial scanner", {}, {}, 0x02, 0x02, 0x01}};
    CHECK(match_device(device(1, 1, {InterfaceInfo{0, 0x02, 0x02, 0x01, {}}}), rules));
    CHECK_FALSE(match_device(device(1, 1, {InterfaceInfo{0, 0x02, 0x02, 0x00, {}}}), rules));
}

TEST_CASE("the usage page is read from a HID report descriptor, whatever its item size")
{
    const std::vector<std::uint8_t> one_byte{0x05, 0x01, 0x09, 0x06, 0xA1, 0x01};        // Generic Desktop
    const std::vector<std::uint8_t> two_bytes{0x06, 0x8C, 0x00, 0x09, 0x02, 0xA1, 0x01};  // Bar Code Scanner
    const std::vector<std::uint8_t> after_long{0xFE, 0x02, 0x10, 0xAA, 0xBB, 0x05, 0x0C}; // a long item first
    CHECK(first_usage_page(one_byte) == 0x01);
    CHECK(first_usage_page(two_bytes) == 0x8C);
    CHECK(first_usage_page(after_long) == 0x0C);
    CHECK_FALSE(first_usage_page(std::vector<std::uint8_t>{0x09, 0x06}));
    CHECK_FALSE(first_usage_page(std::vector<std::uint8_t>{0x06, 0x8C})); // truncated: not read past the end
}

TEST_CASE("a HID interface on the bar code scanner page is a scanner but a keyboard is not")
{
    InterfaceInfo pos{0, 3, 0, 0, {{0x81, 3, 64}}};
    pos.hid_usage_page = 0x8C;
    InterfaceInfo keyboard{0, 3, 1, 1, {{0x81, 3, 8}}};
    keyboard.hid_usage_page = 0x01;
    const auto m = match_device(device(0x9999, 1, {pos}), known_models());
    REQUIRE(m);
    CHECK(m->role == Role::scanner);
    CHECK(m->driver == "hidpos");
    CHECK_FALSE(match_device(device(0x9999, 2, {keyboard}), known_models()));
    CHECK(needs_hid_usage_page(known_models()));
}

TEST_CASE("the first bulk OUT and IN endpoints are found among interrupt ones, or the defaults stay")
{
    const InterfaceInfo iface{0, 0xFF, 0, 0, {{0x83, 3, 16}, {0x04, 2, 64}, {0x85, 2, 64}, {0x06, 2, 64}}};
    const auto b = first_bulk_endpoints(iface, {0x01, 0x82});
    CHECK(b.out == 0x04);
    CHECK(b.in == 0x85);
    const auto none = first_bulk_endpoints(InterfaceInfo{0, 3, 0, 0, {{0x81, 3, 8}}}, {0x01, 0x82});
    CHECK(none.out == 0x01);
    CHECK(none.in == 0x82);
}
