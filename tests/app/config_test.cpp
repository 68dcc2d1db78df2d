// Tests of config loading: the shipped default, defaults, and line-precise errors.
#include "config.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::app;

namespace {

const std::filesystem::path kOrigin = "/etc/hallkiosk/kiosk.toml";
const std::string kHall = "[hall]\nid = \"hall-1\"\nname = \"测试中心\"\n";

Result<KioskConfig> parse(const std::string& text) { return parse_config(text, kOrigin); }

// The error's line, after checking the message names the file and that line.
int error_line(const Result<KioskConfig>& r)
{
    REQUIRE_FALSE(r);
    CHECK(r.error().message.starts_with(kOrigin.string() + ":" + std::to_string(r.error().line) + ": "));
    return r.error().line;
}

} // namespace

TEST_CASE("the shipped config loads and describes the demo hall")
{
    auto cfg = load_config(HK_SOURCE_DIR "/config/kiosk.toml");
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->hall_id == "demo-hall-001");
    CHECK(cfg->hall_name.in(Lang::zh_Hant) == "幸福街道黨群服務中心");
    CHECK(cfg->site_profile == SiteProfile::hall);
    CHECK(cfg->home.size() == 6);
    CHECK(cfg->disabled_services() == std::vector{ServiceId::service_directory});
    CHECK(cfg->devices_file == std::filesystem::path(HK_SOURCE_DIR "/config/devices.toml"));
}

TEST_CASE("a minimal config gets the documented defaults")
{
    auto cfg = parse(kHall);
    REQUIRE(cfg);
    CHECK(cfg->timings.idle_timeout == Millis(90'000));
    CHECK(cfg->timings.warning == Millis(20'000));
    CHECK(cfg->default_lang == Lang::zh_Hans);
    CHECK(cfg->languages.size() == 3);
    CHECK(cfg->fullscreen);
    CHECK(cfg->renderer == RendererKind::software);
    CHECK(cfg->central_url == "http://127.0.0.1:8443");
    CHECK(cfg->home.front() == ServiceId::file_request);
    CHECK(cfg->devices_file == "/etc/hallkiosk/devices.toml");
    // One text for every language.
    CHECK(cfg->hall_name.in(Lang::en) == "测试中心");
}

TEST_CASE("the traffic-point profile shows its own home screen")
{
    auto def = parse("[hall]\nid = \"t-1\"\nname = \"交通服务站\"\nsite_profile = \"traffic-point\"\n");
    REQUIRE(def);
    CHECK(def->home.front() == ServiceId::traffic_request);
    auto configured = parse("[hall]\nid = \"t-1\"\nname = \"站\"\nsite_profile = \"traffic-point\"\n"
                            "[profiles.hall]\nhome = [\"file_request\"]\n"
                            "[profiles.traffic-point]\nhome = [\"traffic_safety\", \"rate_service\"]\n");
    REQUIRE(configured);
    CHECK(configured->home == std::vector{ServiceId::traffic_safety, ServiceId::rate_service});
}

TEST_CASE("a text missing in one language falls back to Simplified Chinese")
{
    auto cfg = parse("[hall]\nid = \"h\"\nname = { zh-Hans = \"简\", en = \"E\" }\n");
    REQUIRE(cfg);
    CHECK(cfg->hall_name.in(Lang::zh_Hant) == "简");
    CHECK(cfg->hall_name.in(Lang::en) == "E");
}

TEST_CASE("config errors name the line of the fault")
{
    CHECK(error_line(parse(kHall + "\n[session]\nidle_timout_s = 60\n")) == 6); // unknown key
    CHECK(error_line(parse(kHall + "[session]\nidle_timeout_s = \"60\"\n")) == 5); // wrong type
    CHECK(error_line(parse(kHall + "[session]\nidle_timeout_s = 5\n")) == 5);    // out of range
    CHECK(error_line(parse(kHall + "[session]\nidle_timeout_s = 30\nwarning_s = 30\n")) == 6);
    CHECK(error_line(parse(kHall + "[languages]\ndefault = \"fr\"\n")) == 5);
    CHECK(error_line(parse(kHall + "[languages]\ndefault = \"en\"\noffered = [\"zh-Hans\"]\n")) == 5);
    CHECK(error_line(parse(kHall + "[languages]\noffered = [\"en\",\n \"en\"]\n")) == 6);
    CHECK(error_line(parse(kHall + "[profiles.hall]\nhome = [\"rate_service\", \"rate_service\"]\n")) == 5);
    CHECK(error_line(parse(kHall + "[profiles.hall]\nhome = [\"rate_service\", \"lottery\"]\n")) == 5);
    CHECK(error_line(parse(kHall + "[services.lottery]\nenabled = false\n")) == 4);
    CHECK(error_line(parse(kHall + "[central]\nurl = \"http://central.example\"\n")) == 5);
    CHECK(error_line(parse(kHall + "[display]\nrenderer = \"vulkan\"\n")) == 5);
    CHECK(error_line(parse(kHall + "[kiosk]\nx = 1\n")) == 4);              // unknown table
    CHECK(error_line(parse("[hall]\nid = \"bad id!\"\nname = \"x\"\n")) == 2);
    CHECK(error_line(parse("[hall]\nid = \"h\"\nname = { zh-Hans = \"x\", fr = \"y\" }\n")) == 3);
    CHECK(error_line(parse("[hall]\nid = \"h\"\nname = { en = \"y\" }\n")) == 3);
    CHECK(error_line(parse("[hall]\nid = \"h\"\n\nname = \"unterminated\n")) == 4); // TOML syntax
    CHECK(error_line(parse("[session]\nidle_timeout_s = 60\n")) == 1);             // no [hall]
}

TEST_CASE("an over-long text is refused")
{
    std::string name;
    for (int i = 0; i < 201; ++i)
        name += "长";
    CHECK(error_line(parse("[hall]\nid = \"h\"\nname = \"" + name + "\"\n")) == 3);
}

TEST_CASE("a file that cannot be read says so")
{
    auto cfg = load_config("/nonexistent/kiosk.toml");
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.find("/nonexistent/kiosk.toml") != std::string::npos);
}
