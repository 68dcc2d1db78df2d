// Tests of the peripherals table: the shipped file, entries, and line-precise errors.
#include "devices_config.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hk;
using namespace hk::app;

namespace {

const std::filesystem::path kOrigin = "/etc/hallkiosk/devices.toml";

Error error_of(const std::string& text)
{
    const auto cfg = parse_devices(text, kOrigin);
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.starts_with(kOrigin.string() + ":" + std::to_string(cfg.error().line) + ": "));
    return cfg.error();
}

const std::string kWedge = R"([[device]]
role = "scanner"
driver = "wedge"
model = "Wedge"
vendor = 0x0c2e
product = 0x0b61
)";

} // namespace

TEST_CASE("the shipped devices file is the known models, with every role needed")
{
    const auto cfg = load_devices(HK_SOURCE_DIR "/config/devices.toml");
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->rules.size() == usb::known_models().size());
    CHECK(cfg->needed == std::vector{usb::Role::printer, usb::Role::idcard, usb::Role::scanner});
    usb::DeviceInfo reader{0x0400, 0xC35A, 1, 2, {{0, 0xFF, 0, 0, {}}}};
    const auto m = usb::match_device(reader, cfg->rules);
    REQUIRE(m);
    CHECK(m->role == usb::Role::idcard);
    CHECK(m->driver == "sam");
}

TEST_CASE("entries come before the known models, and can replace them")
{
    auto cfg = parse_devices(kWedge, kOrigin);
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    REQUIRE(cfg->rules.size() == usb::known_models().size() + 1);
    const usb::MatchRule& r = cfg->rules.front();
    CHECK(r.role == usb::Role::scanner);
    CHECK(r.driver == "wedge");
    CHECK(r.vendor == 0x0C2E);
    CHECK(r.product == 0x0B61);
    CHECK_FALSE(r.cls);

    cfg = parse_devices("use_known_models = false\nneeded = [\"scanner\"]\n" + kWedge, kOrigin);
    REQUIRE(cfg);
    CHECK(cfg->rules.size() == 1);
    CHECK(cfg->needed == std::vector{usb::Role::scanner});

    cfg = parse_devices("needed = []\n", kOrigin);
    REQUIRE(cfg);
    CHECK(cfg->needed.empty());
}

TEST_CASE("a class entry with a HID usage page")
{
    const auto cfg = parse_devices("[[device]]\nrole = \"scanner\"\ndriver = \"hidpos\"\nmodel = \"POS\"\n"
                                   "class = 3\nhid_usage_page = 0x8C\n",
                                   kOrigin);
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->rules.front().cls == 3);
    CHECK(cfg->rules.front().hid_usage_page == 0x8C);
}

TEST_CASE("bad entries are refused with their line")
{
    const std::string head = "[[device]]\nrole = \"printer\"\nmodel = \"P\"\n"; // lines 1-3
    Error e = error_of(head + "driver = \"sam\"\nvendor = 1\n");
    CHECK(e.line == 4);
    CHECK(e.message.ends_with("driver \"sam\" does not serve a printer; it must be escpos"));

    e = error_of(head + "driver = \"escpos\"\nproduct = 5\n");
    CHECK(e.line == 5);
    CHECK(e.message.ends_with("product needs vendor too: product ids are per vendor"));

    e = error_of(head + "driver = \"escpos\"\n");
    CHECK(e.line == 2);
    CHECK(e.message.ends_with("must say vendor (and product) or class to match"));

    e = error_of(head + "driver = \"escpos\"\nvendor = 0x10000\n");
    CHECK(e.line == 5);
    CHECK(e.message.ends_with("vendor must be 0 to 65535, not 65536"));

    e = error_of(head + "driver = \"escpos\"\nclass = 7\nhid_usage_page = 0x8C\n");
    CHECK(e.line == 6);
    CHECK(e.message.ends_with("hid_usage_page needs class = 3 (HID)"));

    e = error_of(head + "driver = \"escpos\"\nclass = 7\nvid = 1\n");
    CHECK(e.line == 6);
    CHECK(e.message.find("unknown key 'vid'") != std::string::npos);

    e = error_of("[[device]]\nrole = \"fax\"\ndriver = \"x\"\nmodel = \"F\"\nclass = 2\n");
    CHECK(e.line == 2);
    CHECK(e.message.ends_with("must be printer, idcard or scanner, not \"fax\""));

    e = error_of("[[device]]\ndriver = \"escpos\"\nmodel = \"P\"\nclass = 7\n");
    CHECK(e.message.ends_with("needs role"));

    e = error_of("needed = [\"printer\", \"printer\"]\n");
    CHECK(e.line == 1);
    CHECK(e.message.ends_with("lists \"printer\" twice"));

    e = error_of("device = 3\n");
    CHECK(e.message.ends_with("device must be tables, each headed [[device]]"));

    e = error_of("use_known_models = false\n");
    CHECK(e.message.ends_with("no peripheral could ever be found"));

    e = error_of("[[device]\n");
    CHECK(e.line == 1);
}

TEST_CASE("a missing devices file says so")
{
    const auto cfg = load_devices("/nonexistent/devices.toml");
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message == "cannot read /nonexistent/devices.toml: No such file or directory");
}

TEST_CASE("a printer entry says its paper width, how text and QR codes reach the paper")
{
    const auto cfg = parse_devices(R"([[device]]
role = "printer"
driver = "escpos"
model = "XP-80C with a GB 18030 font"
vendor = 0x0483
product = 0x5743
paper_mm = 80
text = "gb18030"
qr = "native"
)",
                                   kOrigin);
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    const PrinterSettings& p = cfg->printers.at("XP-80C with a GB 18030 font");
    CHECK(p.width_dots == 576);
    CHECK(p.text == printer::TextMode::gb18030);
    CHECK(p.native_qr);
}

TEST_CASE("a printer entry without settings draws everything and leaves the width to the device id")
{
    const auto cfg = parse_devices("[[device]]\nrole = \"printer\"\ndriver = \"escpos\"\nmodel = \"P\"\nclass = 7\n", kOrigin);
    REQUIRE(cfg);
    CHECK(cfg->printers.at("P") == PrinterSettings{});
}

TEST_CASE("printer settings that are wrong, or on another role, are refused with their line")
{
    const std::string head = "[[device]]\nrole = \"printer\"\ndriver = \"escpos\"\nmodel = \"P\"\nclass = 7\n";
    Error e = error_of(head + "paper_mm = 72\n");
    CHECK(e.line == 6);
    CHECK(e.message.find("58 or 80") != std::string::npos);
    e = error_of(head + "text = \"big5\"\n");
    CHECK(e.message.find("raster, gb2312 or gb18030") != std::string::npos);
    e = error_of(head + "qr = \"yes\"\n");
    CHECK(e.message.find("raster or native") != std::string::npos);
    e = error_of(kWedge + "paper_mm = 58\n");
    CHECK(e.line == 7);
    CHECK(e.message.find("for printers only") != std::string::npos);
}
