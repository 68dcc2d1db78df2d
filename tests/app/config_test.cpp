// Tests of the kiosk configuration: the shipped file, the defaults, and line-precise errors.
#include "config.hpp"
#include "evp.hpp"

#include <doctest/doctest.h>

#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

using namespace hk;
using namespace hk::app;

namespace {

const std::filesystem::path kOrigin = "/etc/hallkiosk/kiosk.toml";

Result<KioskConfig> parse(const std::string& text)
{
    return parse_config(text, kOrigin);
}

// A valid [hall] on lines 1-3, so that `rest` starts on line 4.
std::string with_hall(const std::string& rest)
{
    return "[hall]\nid = \"hall-1\"\nname = \"测试中心\"\n" + rest;
}

// The error of a config that must be refused, after checking that its message starts with
// "<origin>:<line>: ".
Error error_of(const std::string& text)
{
    const auto cfg = parse(text);
    REQUIRE_FALSE(cfg);
    CHECK(cfg.error().message.starts_with(kOrigin.string() + ":" + std::to_string(cfg.error().line) + ": "));
    return cfg.error();
}

const std::string& text_in(const LocalText& t, Lang lang)
{
    return t.text[static_cast<std::size_t>(lang)];
}

} // namespace

TEST_CASE("the shipped config loads and describes the demo hall")
{
    const auto cfg = load_config(HK_SOURCE_DIR "/config/kiosk.toml");
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->file == std::filesystem::path(HK_SOURCE_DIR "/config/kiosk.toml"));
    CHECK(cfg->hall_id == "demo-hall-001");
    CHECK(cfg->hall_name.in(Lang::zh_Hans) == "幸福街道党群服务中心");
    CHECK(cfg->hall_name.in(Lang::zh_Hant) == "幸福街道黨群服務中心");
    CHECK(cfg->hall_name.in(Lang::en) == "Xingfu Subdistrict Community Service Centre");
    CHECK(cfg->help_desk.in(Lang::zh_Hans) == "一楼综合服务台（工作时间 9:00–18:00）");
    CHECK(cfg->help_desk.in(Lang::zh_Hant) == "一樓綜合服務台（工作時間 9:00–18:00）");
    CHECK(cfg->site_profile == SiteProfile::hall);
    CHECK(cfg->central_url == "http://127.0.0.1:8443");
    CHECK(cfg->home == std::vector{ServiceId::file_request, ServiceId::track_request, ServiceId::book_venue,
                                   ServiceId::activities, ServiceId::rate_service, ServiceId::service_directory});
    CHECK(cfg->disabled_services().empty());
    const ServiceConfig* traffic = cfg->service(ServiceId::traffic_request);
    REQUIRE(traffic);
    CHECK(traffic->groups == std::vector<std::string>{"traffic"});
    CHECK(cfg->devices_file == std::filesystem::path(HK_SOURCE_DIR "/config/devices.toml"));
}

TEST_CASE("a config with only [hall] gets the documented defaults")
{
    const auto cfg = parse(with_hall(""));
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->hall_id == "hall-1");
    CHECK(cfg->help_desk.in(Lang::zh_Hans).empty());
    CHECK(cfg->site_profile == SiteProfile::hall);
    CHECK(cfg->timings.idle_timeout == Millis(90'000));
    CHECK(cfg->timings.warning == Millis(20'000));
    CHECK(cfg->default_lang == Lang::zh_Hans);
    CHECK(cfg->languages == std::vector{Lang::zh_Hans, Lang::zh_Hant, Lang::en});
    CHECK(cfg->fullscreen);
    CHECK(cfg->renderer == RendererKind::software);
    CHECK(cfg->font_regular == "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    CHECK(cfg->font_bold == "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc");
    CHECK(cfg->central_url == "http://127.0.0.1:8443");
    CHECK(cfg->devices_file == "/etc/hallkiosk/devices.toml");
    CHECK(cfg->home == std::vector{ServiceId::file_request, ServiceId::track_request, ServiceId::book_venue,
                                   ServiceId::activities, ServiceId::rate_service, ServiceId::service_directory});
    CHECK(cfg->services.empty());
    CHECK(cfg->service(ServiceId::book_venue) == nullptr);
}

TEST_CASE("every section's values are read")
{
    const auto cfg = parse(with_hall("help_desk = \"服务台\"\n"
                                     "[session]\nidle_timeout_s = 120\nwarning_s = 30\n"
                                     "[languages]\ndefault = \"en\"\noffered = [\"en\", \"zh-Hant\"]\n"
                                     "[display]\nfullscreen = false\nrenderer = \"accelerated\"\n"
                                     "font_regular = \"/fonts/r.ttc\"\nfont_bold = \"/fonts/b.ttc\"\n"
                                     "[central]\nurl = \"https://central.example.org/kiosk\"\n"));
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->help_desk.in(Lang::en) == "服务台");
    CHECK(cfg->timings.idle_timeout == Millis(120'000));
    CHECK(cfg->timings.warning == Millis(30'000));
    CHECK(cfg->default_lang == Lang::en);
    CHECK(cfg->languages == std::vector{Lang::en, Lang::zh_Hant});
    CHECK_FALSE(cfg->fullscreen);
    CHECK(cfg->renderer == RendererKind::accelerated);
    CHECK(cfg->font_regular == "/fonts/r.ttc");
    CHECK(cfg->font_bold == "/fonts/b.ttc");
    CHECK(cfg->central_url == "https://central.example.org/kiosk");
}

TEST_CASE("the hall profile takes its home screen from [profiles.hall]")
{
    const auto cfg = parse(with_hall("[profiles.hall]\nhome = [\"rate_service\", \"file_request\"]\n"
                                     "[profiles.traffic-point]\nhome = [\"traffic_safety\"]\n"));
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->home == std::vector{ServiceId::rate_service, ServiceId::file_request});
}

TEST_CASE("the traffic-point profile picks its own home list")
{
    const std::string traffic_hall = "[hall]\nid = \"t-1\"\nname = \"交通服务站\"\nsite_profile = \"traffic-point\"\n";

    const auto built_in = parse(traffic_hall);
    REQUIRE_MESSAGE(built_in, (built_in ? "" : built_in.error().message));
    CHECK(built_in->site_profile == SiteProfile::traffic_point);
    CHECK(site_profile_name(built_in->site_profile) == "traffic-point");
    CHECK(built_in->home == std::vector{ServiceId::traffic_request, ServiceId::track_request, ServiceId::traffic_safety,
                                        ServiceId::rate_service});

    const auto configured =
        parse(traffic_hall + "[profiles.hall]\nhome = [\"file_request\"]\n"
                             "[profiles.traffic-point]\nhome = [\"traffic_safety\", \"rate_service\"]\n");
    REQUIRE_MESSAGE(configured, (configured ? "" : configured.error().message));
    CHECK(configured->home == std::vector{ServiceId::traffic_safety, ServiceId::rate_service});
}

TEST_CASE("a relative devices path is resolved against the config file's folder")
{
    const auto relative = parse(with_hall("[devices]\nfile = \"peripherals/devices.toml\"\n"));
    REQUIRE_MESSAGE(relative, (relative ? "" : relative.error().message));
    CHECK(relative->devices_file == "/etc/hallkiosk/peripherals/devices.toml");

    const auto absolute = parse(with_hall("[devices]\nfile = \"/srv/kiosk/devices.toml\"\n"));
    REQUIRE_MESSAGE(absolute, (absolute ? "" : absolute.error().message));
    CHECK(absolute->devices_file == "/srv/kiosk/devices.toml");
}

TEST_CASE("a text missing in one language copies the Simplified Chinese text")
{
    const auto cfg = parse("[hall]\nid = \"h\"\nname = { zh-Hans = \"简体\", en = \"English\" }\n");
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(text_in(cfg->hall_name, Lang::zh_Hans) == "简体");
    CHECK(text_in(cfg->hall_name, Lang::zh_Hant) == "简体");
    CHECK(text_in(cfg->hall_name, Lang::en) == "English");
}

TEST_CASE("a plain string is used as the text in every language")
{
    const auto cfg = parse("[hall]\nid = \"h\"\nname = \"测试中心\"\n");
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    for (Lang lang : kAllLangs)
        CHECK(text_in(cfg->hall_name, lang) == "测试中心");
}

TEST_CASE("a service can be switched off with a note on where to go instead")
{
    const auto cfg = parse(with_hall("[services.book_venue]\nenabled = false\n"
                                     "instead = { zh-Hans = \"请到二楼预约\", en = \"Book on the first floor\" }\n"
                                     "[services.activities]\n"));
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    CHECK(cfg->disabled_services() == std::vector{ServiceId::book_venue});
    const ServiceConfig* venue = cfg->service(ServiceId::book_venue);
    REQUIRE(venue);
    CHECK_FALSE(venue->enabled);
    REQUIRE(venue->instead);
    CHECK(venue->instead->in(Lang::en) == "Book on the first floor");
    const ServiceConfig* activities = cfg->service(ServiceId::activities);
    REQUIRE(activities);
    CHECK(activities->enabled);
    CHECK_FALSE(activities->instead);
    CHECK(cfg->service(ServiceId::rate_service) == nullptr);
}

TEST_CASE("a traffic request's category groups are read, and none is the default")
{
    const auto cfg = parse(with_hall("[services.traffic_request]\ngroups = [\"traffic\", \"safety.roads\"]\n"));
    REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
    REQUIRE(cfg->service(ServiceId::traffic_request));
    CHECK(cfg->service(ServiceId::traffic_request)->groups == std::vector<std::string>{"traffic", "safety.roads"});
    const auto empty = parse(with_hall("[services.traffic_request]\ngroups = []\n"));
    REQUIRE(empty);
    CHECK(empty->service(ServiceId::traffic_request)->groups.empty());
    CHECK(parse(with_hall(""))->service(ServiceId::traffic_request) == nullptr);
}

TEST_CASE("a traffic request group that is not a category id, or is named twice, is refused at its line")
{
    Error e = error_of(with_hall("[services.traffic_request]\n"
                                 "groups = [\n"
                                 "  \"traffic\",\n"
                                 "  \"交通\",\n" // line 7
                                 "]\n"));
    CHECK(e.line == 7);
    CHECK(e.message.contains("\"交通\" is not a category id (1 to 64 letters, digits, '.', '_' or '-')"));
    e = error_of(with_hall("[services.traffic_request]\ngroups = [\"traffic\", \"traffic\"]\n"));
    CHECK(e.line == 5);
    CHECK(e.message.contains("lists \"traffic\" twice"));
    e = error_of(with_hall("[services.traffic_request]\ngroups = \"traffic\"\n"));
    CHECK(e.message.contains("must be a list in [ ]"));
    // Only the traffic request files under chosen groups.
    e = error_of(with_hall("[services.file_request]\ngroups = [\"traffic\"]\n"));
    CHECK(e.line == 5);
    CHECK(e.message.contains("unknown key 'groups' in [services.file_request]"));
}

TEST_CASE("a misspelt key is refused, named with its line")
{
    const Error e = error_of(with_hall("\n"
                                       "[session]\n"
                                       "idle_timout_s = 60\n")); // line 6
    CHECK(e.line == 6);
    CHECK(e.message.contains("unknown key 'idle_timout_s' in [session]"));
}

TEST_CASE("an unknown table is refused, named with its line")
{
    const Error e = error_of(with_hall("[kiosk]\n" // line 4
                                       "x = 1\n"));
    CHECK(e.line == 4);
    CHECK(e.message.contains("unknown table [kiosk]"));
}

TEST_CASE("a value of the wrong type is refused")
{
    const Error e = error_of(with_hall("[session]\n"
                                       "idle_timeout_s = \"60\"\n")); // line 5
    CHECK(e.line == 5);
    CHECK(e.message.ends_with("[session] idle_timeout_s must be a whole number of seconds"));
}

TEST_CASE("an idle timeout out of range is refused")
{
    const Error e = error_of(with_hall("[session]\n"
                                       "idle_timeout_s = 5\n")); // line 5
    CHECK(e.line == 5);
    CHECK(e.message.contains("15 to 3600"));
}

TEST_CASE("a warning that is not shorter than the idle timeout is refused")
{
    const Error e = error_of(with_hall("[session]\n"
                                       "idle_timeout_s = 30\n"
                                       "warning_s = 30\n")); // line 6
    CHECK(e.line == 6);
    CHECK(e.message.contains("shorter than idle_timeout_s"));
}

TEST_CASE("an unknown language tag is refused")
{
    const Error e = error_of(with_hall("[languages]\n"
                                       "default = \"fr\"\n")); // line 5
    CHECK(e.line == 5);
    CHECK(e.message.contains("\"fr\""));
}

TEST_CASE("a default language that is not offered is refused")
{
    const Error e = error_of(with_hall("[languages]\n"
                                       "default = \"en\"\n" // line 5
                                       "offered = [\"zh-Hans\"]\n"));
    CHECK(e.line == 5);
    CHECK(e.message.contains("default en must also be offered"));
}

TEST_CASE("a language offered twice is refused at the second mention")
{
    const Error e = error_of(with_hall("[languages]\n"
                                       "offered = [\"en\",\n"
                                       "           \"en\"]\n")); // line 6
    CHECK(e.line == 6);
    CHECK(e.message.contains("twice"));
}

TEST_CASE("a service listed twice on the home screen is refused")
{
    const Error e = error_of(with_hall("[profiles.hall]\n"
                                       "home = [\"rate_service\",\n"
                                       "        \"rate_service\"]\n")); // line 6
    CHECK(e.line == 6);
    CHECK(e.message.contains("[profiles.hall] home lists \"rate_service\" twice"));
}

TEST_CASE("an unknown service on the home screen is refused")
{
    const Error e = error_of(with_hall("[profiles.traffic-point]\n"
                                       "home = [\"rate_service\", \"lottery\"]\n")); // line 5
    CHECK(e.line == 5);
    CHECK(e.message.contains("\"lottery\" is not a known service"));
}

TEST_CASE("a home screen with more than nine tiles is refused")
{
    const Error e = error_of(with_hall("[profiles.hall]\n"
                                       "home = [\"file_request\", \"track_request\", \"book_venue\", \"activities\",\n"
                                       "        \"rate_service\", \"service_directory\", \"traffic_request\",\n"
                                       "        \"traffic_safety\", \"file_request\", \"track_request\"]\n"));
    CHECK(e.line == 5);
    CHECK(e.message.contains("1 to 9"));
}

TEST_CASE("a table for an unknown service is refused")
{
    const Error e = error_of(with_hall("[services.lottery]\n" // line 4
                                       "enabled = false\n"));
    CHECK(e.line == 4);
    CHECK(e.message.contains("unknown table [services.lottery]"));
}

TEST_CASE("the central url must be https or on this machine")
{
    const Error e = error_of(with_hall("[central]\n"
                                       "url = \"http://central.example\"\n")); // line 5
    CHECK(e.line == 5);
    CHECK(e.message.contains("[central] url must be https://"));

    // "localhost" followed by more host name is another machine.
    CHECK(error_of(with_hall("[central]\nurl = \"http://localhost.example.com\"\n")).line == 5);
    CHECK(error_of(with_hall("[central]\nurl = \"https://\"\n")).line == 5);
    for (const char* url :
         {"https://platform.example.gov.cn/api", "http://127.0.0.1", "http://localhost:8443/", "http://[::1]:8443"}) {
        CAPTURE(url);
        CHECK(parse(with_hall("[central]\nurl = \"" + std::string(url) + "\"\n")));
    }
}

TEST_CASE("a hall id with spaces or punctuation is refused")
{
    const Error e = error_of("[hall]\n"
                             "id = \"bad id!\"\n" // line 2
                             "name = \"x\"\n");
    CHECK(e.line == 2);
    CHECK(e.message.contains("[hall] id must be 1 to 64 letters"));
    CHECK(error_of("[hall]\nid = \"" + std::string(65, 'a') + "\"\nname = \"x\"\n").line == 2);
    CHECK(parse("[hall]\nid = \"" + std::string(64, 'a') + "\"\nname = \"x\"\n"));
    // Signed codes name the hall in a claim, whose values cannot hold a '.'.
    CHECK(error_of("[hall]\nid = \"hall.1\"\nname = \"x\"\n").line == 2);
}

TEST_CASE("a missing hall name is reported at the [hall] header")
{
    const Error e = error_of("# kiosk\n"
                             "[hall]\n" // line 2
                             "id = \"h\"\n");
    CHECK(e.line == 2);
    CHECK(e.message.contains("[hall] needs name"));
}

TEST_CASE("a config without [hall] is refused at line 1")
{
    const Error e = error_of("[session]\n"
                             "idle_timeout_s = 60\n");
    CHECK(e.line == 1);
    CHECK(e.message.contains("[hall] is missing"));
}

TEST_CASE("a TOML syntax error is reported with its line")
{
    const Error e = error_of("[hall]\n"
                             "id = \"h\"\n"
                             "\n"
                             "name = \"unterminated\n"); // line 4
    CHECK(e.line == 4);
}

TEST_CASE("a text needs Simplified Chinese and no other languages")
{
    const Error unknown_lang = error_of("[hall]\nid = \"h\"\n"
                                        "name = { zh-Hans = \"x\", fr = \"y\" }\n"); // line 3
    CHECK(unknown_lang.line == 3);
    CHECK(unknown_lang.message.contains("unknown key 'fr' in [hall.name]"));

    const Error no_zh_hans = error_of("[hall]\nid = \"h\"\n"
                                      "name = { en = \"y\" }\n"); // line 3
    CHECK(no_zh_hans.line == 3);
    CHECK(no_zh_hans.message.contains("[hall.name] needs zh-Hans"));
}

TEST_CASE("a text longer than 200 characters is refused")
{
    std::string two_hundred;
    for (int i = 0; i < 200; ++i)
        two_hundred += "长";
    CHECK(parse("[hall]\nid = \"h\"\nname = \"" + two_hundred + "\"\n"));

    const Error e = error_of("[hall]\nid = \"h\"\n"
                             "name = \"" +
                             two_hundred + "长\"\n"); // line 3
    CHECK(e.line == 3);
    CHECK(e.message.contains("201 characters"));
}

TEST_CASE("a file that cannot be read says why")
{
    const auto missing = load_config("/nonexistent/kiosk.toml");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().message == "cannot read /nonexistent/kiosk.toml: " + std::string(std::strerror(ENOENT)));

    const auto folder = load_config(HK_SOURCE_DIR "/config");
    REQUIRE_FALSE(folder);
    CHECK(folder.error().message.starts_with("cannot read " HK_SOURCE_DIR "/config: "));
}

namespace {

// The PEM text of the public half of a new key of `type` ("EC" P-256 or "ED25519").
std::string public_pem(const char* type)
{
    codes::PkeyPtr key(std::string_view(type) == "EC" ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
    REQUIRE(key);
    BIO* bio = BIO_new(BIO_s_mem());
    REQUIRE(PEM_write_bio_PUBKEY(bio, key.get()) == 1);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(n));
    BIO_free(bio);
    return pem;
}

std::string trusted_key(std::string_view kid, std::string_view alg, const std::string& pem,
                        std::string_view extra = "")
{
    return "[[trusted_key]]\nkid = \"" + std::string(kid) + "\"\nalg = \"" + std::string(alg) + "\"\n" +
           std::string(extra) + "public_key = \"\"\"\n" + pem + "\"\"\"\n";
}

} // namespace

TEST_CASE("trusted keys, the state folder and the camera are read")
{
    const std::string text = with_hall("[state]\ndir = \"state\"\n[camera]\ndevice = \"/dev/video2\"\nwidth = 640\n"
                                       "height = 480\n" +
                                       trusted_key("district-2026", "ES256", public_pem("EC"),
                                                   "not_after = 2027-12-31T23:59:59+08:00\n") +
                                       trusted_key("district-ed", "EdDSA", public_pem("ED25519")));
    const auto cfg = parse(text);
    REQUIRE(cfg);
    CHECK(cfg->state_dir == "/etc/hallkiosk/state");
    CHECK(cfg->camera.device == "/dev/video2");
    CHECK(cfg->camera.width == 640);
    CHECK(cfg->camera.height == 480);
    REQUIRE(cfg->trusted_keys.size() == 2);
    CHECK(cfg->trusted_keys[0].kid == "district-2026");
    CHECK(cfg->trusted_keys[0].not_after == 1830268799); // 2027-12-31 15:59:59 UTC
    CHECK(cfg->trusted_keys[1].alg == "EdDSA");
    CHECK_FALSE(cfg->trusted_keys[1].not_after);
}

TEST_CASE("without [state] and [camera] the kiosk keeps its state in /var/lib/hallkiosk and uses no camera")
{
    const auto cfg = parse(with_hall(""));
    REQUIRE(cfg);
    CHECK(cfg->state_dir == "/var/lib/hallkiosk");
    CHECK(cfg->camera.device.empty());
    CHECK(cfg->trusted_keys.empty());
}

TEST_CASE("a trusted key the kiosk could not check codes with is refused at its line")
{
    // Line 4 is [[trusted_key]], 5 kid, 6 alg, then not_after or public_key.
    const std::string ec = public_pem("EC");
    CHECK(error_of(with_hall(trusted_key("k1", "HS256", ec))).line == 6);
    CHECK(error_of(with_hall(trusted_key("k1", "none", ec))).message.contains("ES256 or EdDSA"));
    const Error kind = error_of(with_hall(trusted_key("k1", "EdDSA", ec))); // an EC key said to be Ed25519
    CHECK(kind.line == 7);
    CHECK(kind.message.contains("k1"));
    CHECK(error_of(with_hall(trusted_key("k1", "ES256", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")))
              .line == 7);
    CHECK(error_of(with_hall(trusted_key("bad kid!", "ES256", ec))).line == 7);
    CHECK(error_of(with_hall(trusted_key("k1", "ES256", ec) + trusted_key("k1", "ES256", public_pem("EC")))).line ==
          16); // the second key's public_key: its PEM is four lines, then the closing quotes
    CHECK(error_of(with_hall(trusted_key("k1", "ES256", ec, "not_after = 2027-12-31T23:59:59\n"))).line == 7);
    CHECK(error_of(with_hall("[[trusted_key]]\nkid = \"k1\"\nalg = \"ES256\"\n")).message.contains("needs public_key"));
}

TEST_CASE("a camera picture size out of range is refused")
{
    CHECK(error_of(with_hall("[camera]\ndevice = \"/dev/video0\"\nwidth = 100000\n")).line == 6);
}

TEST_CASE("the kiosk id defaults to the hall's, and the identity's algorithm is one of three")
{
    const auto plain = parse(with_hall(""));
    REQUIRE(plain);
    CHECK(plain->kiosk_id == "hall-1-1");
    CHECK(plain->key_algorithm == "es256");
    CHECK(plain->central_ca.empty());
    const auto set = parse(with_hall("[central]\nkiosk_id = \"k-7\"\nca_file = \"ca.pem\"\n[identity]\nalgorithm = \"sm2\"\n"));
    REQUIRE(set);
    CHECK(set->kiosk_id == "k-7");
    CHECK(set->central_ca == "/etc/hallkiosk/ca.pem");
    CHECK(set->key_algorithm == "sm2");
    CHECK(error_of(with_hall("[identity]\nalgorithm = \"rsa\"\n")).line == 5);
    CHECK(error_of(with_hall("[central]\nkiosk_id = \"k 7\"\n")).line == 5);
}

TEST_CASE("the kiosk's number in the district is 1 to 999, 1 when not given")
{
    CHECK(parse(with_hall(""))->kiosk_number == 1);
    CHECK(parse(with_hall("[central]\nkiosk_number = 412\n"))->kiosk_number == 412);
    CHECK(error_of(with_hall("[central]\nkiosk_number = 1000\n")).line == 5);
    CHECK(error_of(with_hall("[central]\nkiosk_number = 0\n")).line == 5);
    CHECK(error_of(with_hall("[central]\nkiosk_number = \"7\"\n")).line == 5);
}

TEST_CASE("the display rotation is a quarter turn clockwise, 0 when not given, anything else refused at its line")
{
    CHECK(parse(with_hall(""))->rotation_deg == 0);
    for (int deg : {0, 90, 180, 270}) {
        const auto cfg = parse(with_hall("[display]\nrotation = " + std::to_string(deg) + "\n"));
        REQUIRE_MESSAGE(cfg, (cfg ? "" : cfg.error().message));
        CHECK(cfg->rotation_deg == deg);
    }
    const Error turned_slightly = error_of(with_hall("[display]\nfullscreen = true\nrotation = 45\n"));
    CHECK(turned_slightly.line == 6);
    CHECK(turned_slightly.message.ends_with("[display] rotation must be 0, 90, 180 or 270 degrees, not 45"));
    CHECK(error_of(with_hall("[display]\nrotation = -90\n")).line == 5);
    CHECK(error_of(with_hall("[display]\nrotation = 360\n")).line == 5);
    CHECK(error_of(with_hall("[display]\nrotation = \"90\"\n")).message.ends_with("must be a whole number of degrees"));
    CHECK(error_of(with_hall("[display]\nrotation = 90.0\n")).line == 5);
}
