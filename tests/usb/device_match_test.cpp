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
