// Parsing of hallkiosk's command line.
#include "cli.hpp"

#include "central_url.hpp"
#include "display_rotation.hpp"

#include <algorithm>
#include <charconv>
#include <iterator>

namespace hk::app {
namespace {

std::optional<Size> parse_size(std::string_view s)
{
    const auto x = s.find('x');
    if (x == std::string_view::npos)
        return std::nullopt;
    Size size;
    auto [p1, e1] = std::from_chars(s.data(), s.data() + x, size.width);
    auto [p2, e2] = std::from_chars(s.data() + x + 1, s.data() + s.size(), size.height);
    if (e1 != std::errc{} || e2 != std::errc{} || p1 != s.data() + x || p2 != s.data() + s.size())
        return std::nullopt;
    if (size.width < 320 || size.height < 320 || size.width > 8192 || size.height > 8192)
        return std::nullopt;
    return size;
}

std::optional<int> parse_rotation(std::string_view s)
{
    int deg = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), deg);
    if (ec != std::errc{} || end != s.data() + s.size() || !is_rotation(deg))
        return std::nullopt;
    return deg;
}

} // namespace

Result<Options> parse_cli(std::span<const std::string_view> args)
{
    Options o;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view arg = args[i];
        std::string_view value;
        bool has_inline_value = false;
        if (arg.starts_with("--")) {
            if (auto eq = arg.find('='); eq != std::string_view::npos) {
                value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                has_inline_value = true;
            }
        }
        static constexpr std::string_view kValued[] = {
            "--config",    "--lang",          "--size",        "--rotation",   "--script",    "--screenshot-dir",
            "--log-level", "--state-dir",     "--central-url", "--central-ca", "--write-csr", "--install-certificate",
            "--demo-key",  "--failure-screen"};
        if (std::ranges::find(kValued, arg) == std::end(kValued)) {
            bool* flag = arg == "--help" || arg == "-h" ? &o.help
                         : arg == "--version"            ? &o.version
                         : arg == "--demo"               ? &o.demo
                         : arg == "--windowed"           ? &o.windowed
                                                         : nullptr;
            if (!flag)
                return fail("unknown option '" + std::string(args[i]) + "'");
            if (has_inline_value)
                return fail(std::string(arg) + " takes no value");
            *flag = true;
            continue;
        }

        // "--flag value" or "--flag=value"
        if (!has_inline_value) {
            if (i + 1 >= args.size())
                return fail(std::string(arg) + " needs a value");
            value = args[++i];
        }
        if (arg == "--config") {
            o.config = std::string(value);
        } else if (arg == "--lang") {
            o.lang = lang_from_tag(value);
            if (!o.lang)
                return fail("--lang must be zh-Hans, zh-Hant or en, not '" + std::string(value) + "'");
        } else if (arg == "--size") {
            o.size = parse_size(value);
            if (!o.size)
                return fail("--size must be WIDTHxHEIGHT between 320 and 8192, like 1080x1920, not '" +
                            std::string(value) + "'");
        } else if (arg == "--rotation") {
            o.rotation_deg = parse_rotation(value);
            if (!o.rotation_deg)
                return fail("--rotation must be " + std::string(kRotationChoices) + " (degrees clockwise), not '" +
                            std::string(value) + "'");
        } else if (arg == "--script") {
            o.script = std::string(value);
        } else if (arg == "--screenshot-dir") {
            o.screenshot_dir = std::string(value);
        } else if (arg == "--state-dir") {
            o.state_dir = std::string(value);
        } else if (arg == "--central-url") {
            if (!is_central_url(value))
                return fail("--central-url must be https://…, or http:// to this machine (127.0.0.1, localhost or "
                            "[::1]), not '" + std::string(value) + "'");
            o.central_url = std::string(value);
        } else if (arg == "--central-ca") {
            o.central_ca = std::string(value);
        } else if (arg == "--demo-key") {
            o.demo_key = std::string(value);
        } else if (arg == "--write-csr") {
            o.write_csr = std::string(value);
        } else if (arg == "--install-certificate") {
            o.install_certificate = std::string(value);
        } else if (arg == "--failure-screen") {
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), o.failure_screen_s);
            if (ec != std::errc{} || end != value.data() + value.size() || o.failure_screen_s < 0 ||
                o.failure_screen_s > kMaxFailureScreenS)
                return fail("--failure-screen must be whole seconds from 0 to " + std::to_string(kMaxFailureScreenS) +
                            ", not '" + std::string(value) + "'");
        } else if (arg == "--log-level") {
            if (value != "debug" && value != "info" && value != "warn" && value != "error")
                return fail("--log-level must be debug, info, warn or error");
            o.log_level = std::string(value);
        }
    }
    if (!o.demo_key.empty() && !o.demo)
        return fail("--demo-key goes with --demo");
    if (!o.screenshot_dir.empty() && o.script.empty() && o.failure_screen_s == 0)
        return fail("--screenshot-dir goes with --script or --failure-screen");
    if (!o.write_csr.empty() && !o.install_certificate.empty())
        return fail("--write-csr and --install-certificate are two steps: give one at a time");
    return o;
}

std::string help_text()
{
    return R"(Usage: hallkiosk [OPTIONS]

The self-service kiosk of a community service hall. Runs full screen.

Options:
  --config FILE          configuration file (default: /etc/hallkiosk/kiosk.toml,
                         or config/kiosk.toml of the source tree in a development build)
  --demo                 demo mode: marked as a demonstration on screen
  --demo-key FILE        with --demo: sign the sample codes with this P-256 key (PEM)
                         instead of one made at start, so that a central side that
                         trusts it (kid demo-central) verifies the sample queue tickets
  --windowed             run in a window instead of full screen
  --size WxH             window size in pixels, e.g. 1080x1920 for a portrait screen
  --rotation DEG         turn the picture and touch DEG degrees clockwise (0, 90, 180
                         or 270) for a panel mounted turned, instead of config's
                         [display] rotation
  --lang LANG            language residents see first: zh-Hans, zh-Hant or en
  --log-level LEVEL      debug, info, warn or error (default info)
  --script FILE          run a UI script headless and exit (for tests): lines of
                           tap WIDGET_ID | wait MS | key NAME | shot NAME | # comment
  --screenshot-dir DIR   with --script: write a PNG after every step; with
                         --failure-screen: write start-failure.png if the start fails
  --state-dir DIR        keep the kiosk's state (identity, records, used passes) in
                         DIR instead of config's [state] dir
  --central-url URL      send records to URL instead of config's [central] url
  --central-ca FILE      the central side's CA (PEM) instead of config's [central] ca_file
  --failure-screen SECONDS
                         when the kiosk cannot start (config, devices table,
                         translations, fonts), show an out-of-service screen with
                         the reason for SECONDS (0 to 3600), then exit with the
                         same status; 0, the default, exits at once. For a service
                         manager that starts the kiosk again

Enrolment (each makes the kiosk's key pair when there is none yet, then exits):
  --write-csr FILE       write the kiosk's certificate request (PEM) to FILE, for the
                         district's platform team to issue the kiosk's certificate
  --install-certificate FILE
                         install the certificate (PEM) the district issued for this kiosk
  --version              print the version and exit
  -h, --help             print this help and exit

Exit status: 0 ok, 1 could not start, 2 bad command line, config or script,
3 a script tapped a widget that is not on screen.
)";
}

} // namespace hk::app
