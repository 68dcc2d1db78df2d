// Tests of the command line.
#include "cli.hpp"

#include <doctest/doctest.h>

#include <vector>

using namespace hk;
using namespace hk::app;

namespace {
Result<Options> parse(std::vector<std::string_view> args) { return parse_cli(args); }
} // namespace

TEST_CASE("no arguments run the kiosk full screen with the default config")
{
    auto o = parse({});
    REQUIRE(o);
    CHECK_FALSE(o->windowed);
    CHECK(o->config.empty());
    CHECK(o->script.empty());
}

TEST_CASE("every documented flag is understood, with a value after a space or an equals sign")
{
    auto o = parse({"--config", "a.toml", "--demo", "--windowed", "--lang=zh-Hant", "--size", "1080x1920", "--script",
                    "s.txt", "--screenshot-dir=out", "--log-level", "debug", "--state-dir=/tmp/st", "--demo-key",
                    "demo.pem", "--rotation", "270"});
    REQUIRE_MESSAGE(o, (o ? "" : o.error().message));
    CHECK(o->config == "a.toml");
    CHECK(o->state_dir == "/tmp/st");
    CHECK(o->demo);
    CHECK(o->windowed);
    CHECK(o->lang == Lang::zh_Hant);
    REQUIRE(o->size);
    CHECK(o->size->width == 1080);
    CHECK(o->size->height == 1920);
    CHECK(o->script == "s.txt");
    CHECK(o->screenshot_dir == "out");
    CHECK(o->log_level == "debug");
    CHECK(o->demo_key == "demo.pem");
    CHECK(o->rotation_deg == 270);
    CHECK(parse({"--rotation=90"})->rotation_deg == 90);
    CHECK_FALSE(parse({})->rotation_deg); // config's [display] rotation applies
    CHECK(parse({"--version"})->version);
    CHECK(parse({"-h"})->help);
}

TEST_CASE("bad command lines are refused with a message that says what is wrong")
{
    auto unknown = parse({"--fullscreen"});
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("--fullscreen") != std::string::npos);
    CHECK_FALSE(parse({"--lang", "fr"}));
    CHECK_FALSE(parse({"--config"}));
    CHECK_FALSE(parse({"--size", "100x100"}));
    CHECK_FALSE(parse({"--size", "1920*1080"}));
    CHECK(parse({"--demo=yes"}).error().message == "--demo takes no value");
    CHECK(parse({"--bogus=1"}).error().message == "unknown option '--bogus=1'");
    CHECK_FALSE(parse({"--screenshot-dir", "out"})); // only with --script
    CHECK_FALSE(parse({"--log-level", "loud"}));
    CHECK_FALSE(parse({"--central-url", "http://central.example.org"})); // plain http only to this machine
    CHECK_FALSE(parse({"--write-csr", "a.csr", "--install-certificate", "a.pem"}));
    CHECK(parse({"--demo-key", "demo.pem"}).error().message == "--demo-key goes with --demo");
    CHECK(parse({"--rotation", "45"}).error().message ==
          "--rotation must be 0, 90, 180 or 270 (degrees clockwise), not '45'");
    CHECK_FALSE(parse({"--rotation", "90deg"}));
    CHECK_FALSE(parse({"--rotation", "-90"}));
    CHECK_FALSE(parse({"--rotation"}));
}

TEST_CASE("the central side and enrolment can be given on the command line")
{
    auto o = parse({"--central-url", "https://127.0.0.1:4443", "--central-ca=ca.pem", "--write-csr", "k.csr"});
    REQUIRE_MESSAGE(o, (o ? "" : o.error().message));
    CHECK(o->central_url == "https://127.0.0.1:4443");
    CHECK(o->central_ca == "ca.pem");
    CHECK(o->write_csr == "k.csr");
    CHECK(o->install_certificate.empty());
    auto i = parse({"--install-certificate", "k.pem"});
    REQUIRE(i);
    CHECK(i->install_certificate == "k.pem");
}

TEST_CASE("--failure-screen takes seconds from 0 to 3600 and is off unless given")
{
    CHECK(parse({})->failure_screen_s == 0);
    CHECK(parse({"--failure-screen", "120"})->failure_screen_s == 120);
    CHECK(parse({"--failure-screen=0"})->failure_screen_s == 0);
    CHECK(parse({"--failure-screen", "3600"})->failure_screen_s == 3600);
    for (std::string_view bad : {"3601", "-1", "2m", "", "1.5", "99999999999"}) {
        auto o = parse({"--failure-screen", bad});
        REQUIRE_FALSE_MESSAGE(o, bad);
        CHECK(o.error().message ==
              "--failure-screen must be whole seconds from 0 to 3600, not '" + std::string(bad) + "'");
    }
    CHECK_FALSE(parse({"--failure-screen"}));
    // Its picture is what a test looks at, so --screenshot-dir goes with it as with --script.
    auto shots = parse({"--failure-screen", "1", "--screenshot-dir", "out"});
    REQUIRE_MESSAGE(shots, (shots ? "" : shots.error().message));
    CHECK(shots->screenshot_dir == "out");
    CHECK_FALSE(parse({"--failure-screen", "0", "--screenshot-dir", "out"}));
}

TEST_CASE("the help text names every flag")
{
    const std::string help = help_text();
    for (const char* flag : {"--config", "--demo", "--windowed", "--size", "--lang", "--script", "--screenshot-dir",
                             "--version", "--help", "--log-level", "--state-dir", "--central-url", "--central-ca",
                             "--write-csr", "--install-certificate", "--demo-key", "--failure-screen", "--rotation"})
        CHECK_MESSAGE(help.find(flag) != std::string::npos, flag);
}
