// Loading and validating the peripherals table (see devices_config.hpp and config/devices.toml).
#include "devices_config.hpp"

#include "toml_reader.hpp"

namespace hk::app {
namespace {

using namespace toml_read;

Vocabulary<usb::Role> role_words()
{
    return {usb::role_from_name, "printer, idcard or scanner"};
}

std::string drivers_text(usb::Role role)
{
    std::vector<std::string> names;
    for (std::string_view d : usb::drivers_for(role))
        names.emplace_back(d);
    return joined(names);
}

template <typename T> std::optional<T> narrow(const std::optional<std::int64_t>& v)
{
    return v ? std::optional<T>(static_cast<T>(*v)) : std::nullopt;
}

std::optional<bool> qr_native_from_name(std::string_view name)
{
    if (name == "native")
        return true;
    if (name == "raster")
        return false;
    return std::nullopt;
}

// The printer keys of a [[device]] entry; for other roles they are errors.
void read_printer(TableReader& t, const usb::MatchRule& rule, DevicesConfig& cfg)
{
    constexpr std::string_view kKeys[] = {"paper_mm", "text", "qr"};
    if (rule.role != usb::Role::printer) {
        for (std::string_view k : kKeys)
            if (t.has(k))
                t.report(t.line_of(k), "[[device]] " + std::string(k) + " is for printers only");
        return;
    }
    PrinterSettings p;
    std::optional<std::int64_t> mm;
    t.read("paper_mm", 58, 80, mm);
    if (mm && *mm != 58 && *mm != 80)
        t.report(t.line_of("paper_mm"), "[[device]] paper_mm must be 58 or 80");
    else if (mm)
        p.width_dots = *mm == 58 ? 384 : 576;
    t.read_choice("text", Vocabulary<printer::TextMode>{printer::text_mode_from_name, "raster, gb2312 or gb18030"},
                  p.text);
    t.read_choice("qr", Vocabulary<bool>{qr_native_from_name, "raster or native"}, p.native_qr);
    cfg.printers[rule.model] = p;
}

void read_device(TableReader& t, DevicesConfig& cfg)
{
    std::vector<usb::MatchRule>& rules = cfg.rules;
    usb::MatchRule rule{};
    t.require("role");
    t.require("driver");
    t.require("model");
    t.read_choice("role", role_words(), rule.role);
    t.read("driver", rule.driver);
    t.read("model", rule.model);
    std::optional<std::int64_t> vendor, product, cls, subclass, protocol, page;
    t.read("vendor", 0, 0xFFFF, vendor);
    t.read("product", 0, 0xFFFF, product);
    t.read("class", 0, 0xFF, cls);
    t.read("subclass", 0, 0xFF, subclass);
    t.read("protocol", 0, 0xFF, protocol);
    t.read("hid_usage_page", 1, 0xFFFF, page);
    rule.vendor = narrow<std::uint16_t>(vendor);
    rule.product = narrow<std::uint16_t>(product);
    rule.cls = narrow<std::uint8_t>(cls);
    rule.subclass = narrow<std::uint8_t>(subclass);
    rule.protocol = narrow<std::uint8_t>(protocol);
    rule.hid_usage_page = narrow<std::uint16_t>(page);

    if (!rule.driver.empty() && t.has("role")) {
        const auto served = usb::drivers_for(rule.role);
        if (std::ranges::find(served, rule.driver) == served.end())
            t.report(t.line_of("driver"), "[[device]] driver " + in_quotes(rule.driver) + " does not serve a " +
                                              std::string(usb::role_name(rule.role)) + "; it must be " +
                                              drivers_text(rule.role));
    }
    if (rule.product && !rule.vendor)
        t.report(t.line_of("product"), "[[device]] product needs vendor too: product ids are per vendor");
    if (rule.hid_usage_page && rule.cls != 3)
        t.report(t.line_of("hid_usage_page"), "[[device]] hid_usage_page needs class = 3 (HID)");
    // A rule that matches everything would take the kiosk's own keyboard or storage.
    if (!rule.vendor && !rule.cls)
        t.report(t.line_of("role"), "[[device]] must say vendor (and product) or class to match");
    read_printer(t, rule, cfg);
    rules.push_back(std::move(rule));
}

} // namespace

DevicesConfig default_devices()
{
    DevicesConfig cfg;
    cfg.rules.assign(usb::known_models().begin(), usb::known_models().end());
    cfg.needed = {usb::Role::printer, usb::Role::idcard, usb::Role::scanner};
    return cfg;
}

Result<DevicesConfig> parse_devices(std::string_view toml_text, const std::filesystem::path& origin)
{
    Problems problems(origin);
    const std::optional<toml::table> parsed = parse_toml(toml_text, origin, problems);
    if (!parsed)
        return std::unexpected(*problems.first());
    const toml::table& root = *parsed;
    DevicesConfig cfg = default_devices();
    cfg.file = origin;
    cfg.rules.clear();
    TableReader top(root, "", problems);
    bool use_known = true;
    top.read("use_known_models", use_known);
    // "needed = []": a kiosk that offers nothing that needs a peripheral.
    top.read_list("needed", role_words(), 3, cfg.needed, 0);
    top.read_table_array("device", [&](TableReader& t) { read_device(t, cfg); });
    top.reject_unknown_keys();
    if (problems.first())
        return std::unexpected(*problems.first());
    if (use_known)
        cfg.rules.insert(cfg.rules.end(), usb::known_models().begin(), usb::known_models().end());
    if (cfg.rules.empty())
        return fail(origin.string() + ":1: no [[device]] entries and use_known_models = false: no peripheral "
                                      "could ever be found",
                    1);
    return cfg;
}

Result<DevicesConfig> load_devices(const std::filesystem::path& file)
{
    return load_file(file, parse_devices);
}

} // namespace hk::app
