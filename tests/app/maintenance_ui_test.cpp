// Maintenance mode end to end, as hall staff use it: the real hallkiosk binary in demo mode driven
// by scripts under SDL's offscreen driver, enrolled with the reference central server on a loopback
// port. The hidden corner held, a staff badge (demo mode's samples, signed with the demo key) and
// the PIN of the sample staff catalogue; wrong PINs and the lockout across a restart; badges
// refused; what each role sees; the test page printed; the sync page with the central side down;
// the diagnostic bundle; and every action an audit record in the kiosk's chain at the central side.
// Every run keeps its screenshots (build tree: screenshots/maintenance/...).
#include "enrolled_kiosk.hpp"

#include "diagnostic_bundle.hpp"

#include <doctest/doctest.h>

#include <regex>
#include <sstream>

using namespace hk;
using namespace hk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHall = "test-hall-001";
// The sample staff catalogue's PINs (config/central-sample/staff.json).
constexpr const char* kStaffPin = "246810";
constexpr const char* kTechPin = "135790";
constexpr const char* kAdminPin = "975310";
// Demo mode's sample codes (demo.scan.<index>): the staff badge S0042, T0007's, A0001's, S0042's
// expired one, and a badge of another centre's staff.
constexpr int kStaffBadge = 1;
constexpr int kTechBadge = 13;
constexpr int kAdminBadge = 14;
constexpr int kExpiredBadge = 15;
constexpr int kOtherHallBadge = 16;

fs::path test_dir(const std::string& test)
{
    return fs::path(HK_TEST_OUTPUT) / "maintenance" / ("setup-" + test);
}

// The sample catalogue with the staff of the demo hall moved to the test hall.
fs::path staff_catalogue(const std::string& test)
{
    const fs::path dir = test_dir(test) / "catalogue";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& f : fs::directory_iterator(HK_SOURCE_DIR "/config/central-sample"))
        fs::copy_file(f.path(), dir / f.path().filename());
    std::ifstream in(dir / "staff.json");
    std::stringstream staff;
    staff << in.rdbuf();
    in.close();
    std::ofstream(dir / "staff.json")
        << std::regex_replace(staff.str(), std::regex("\"demo-hall-001\""), std::string("\"") + kHall + "\"");
    return dir;
}

std::shared_ptr<RunningCentral> central_for(const std::string& test)
{
    return std::make_shared<RunningCentral>(false, central::kMaxBodyBytes, central::Clock{}, staff_catalogue(test));
}

std::string badge(int index)
{
    return "tap demo.open\ntap demo.scan." + std::to_string(index) + "\ntap demo.close\n";
}

std::string pin(const std::string& digits)
{
    std::string out;
    for (char c : digits)
        out += "tap maint.pin." + std::string(1, c) + "\n";
    return out + "tap maint.pin.ok\nawait maintenance\n";
}

// Into maintenance mode and signed in with badge `index` and `digits`.
std::string sign_in(int index, const std::string& digits)
{
    return "await catalogue\nhold attract.staff 3500\n" + badge(index) + pin(digits);
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// The audit records of the kiosk's chain at the central side (verified, linked), as "action result".
std::vector<std::string> audit_trail(const EnrolledKiosk& k)
{
    std::vector<std::string> out;
    for (const auto& r : k.verified_chain())
        if (r.header.type == "audit")
            out.push_back(r.body.at("action").get<std::string>() + " " + r.body.at("result").get<std::string>());
    return out;
}

} // namespace

TEST_CASE("hall staff sign in with badge and PIN, see their pages, print the test page, and every step reaches the central side as a chained audit record")
{
    EnrolledKiosk k("maintenance/staff", central_for("staff"));
    const Run r = k.script("staff", sign_in(kStaffBadge, kStaffPin) +
                                        "shot menu\ntap maint.page.devices\ntap maint.dev.test_print\nawait printed\n"
                                        "shot devices\ntap maint.dev.test_scan\n" + badge(0) +
                                        "await maintenance\nshot test-scan\ntap maint.dev.test_card\n"
                                        "tap demo.open\ntap demo.card.take\ntap demo.card.0\ntap demo.close\n"
                                        "await maintenance\nshot test-card\ntap maint.back\ntap maint.page.sync\nshot sync\ntap maint.back\n"
                                        "tap maint.page.catalogue\nshot catalogue\ntap maint.back\n"
                                        "tap maint.page.power\nshot power\ntap maint.leave\nshot left\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_FALSE(has(r.output, kStaffPin)); // the PIN never reaches the log
    // The test scan said what the code was and did not use it: the pass is not checked in.
    CHECK(has(r.output, "test_scan ok pass"));
    CHECK_FALSE(has(r.output, "checkin:"));
    CHECK(has(r.output, "test_card ok read"));
    CHECK(fs::exists(k.dir() / "staff" / "menu.png"));
    // The test page came out of the printer (its picture is the demo printer's).
    CHECK(k.receipts("staff").size() == 1);

    const auto trail = audit_trail(k);
    const std::vector<std::string> expected{"enter ok",     "login ok", "page ok", "test_print ok", "test_scan ok",
                                            "test_card ok", "page ok",  "page ok", "page ok",       "leave ok"};
    CHECK(trail == expected);
    // Who and what, as central-admin lists it.
    const Run listed = k.admin("audit list '" + k.central().data_dir().string() + "' --staff S0042");
    INFO(listed.output);
    REQUIRE(listed.status == 0);
    CHECK(has(listed.output, "test_print"));
    CHECK(has(listed.output, "login"));

    // Hall staff have no logs, configuration or identity page.
    const Run logs = k.script("staff-logs", sign_in(kStaffBadge, kStaffPin) + "tap maint.page.logs\n");
    CHECK(logs.status == 3);
    CHECK(has(logs.output, "no widget 'maint.page.logs'"));
}

TEST_CASE("each role sees its own pages: technicians the logs and configuration, administrators the identity too")
{
    EnrolledKiosk k("maintenance/roles", central_for("roles"));
    Run r = k.script("tech", sign_in(kTechBadge, kTechPin) +
                                 "shot menu\ntap maint.page.logs\nshot logs\ntap maint.back\ntap maint.page.config\n"
                                 "shot config\ntap maint.config.idle_timeout.120\nshot config-changed\ntap maint.back\n"
                                 "tap maint.page.power\nshot power\ntap maint.back\ntap maint.page.identity\n");
    INFO(r.output);
    CHECK(r.status == 3);
    CHECK(has(r.output, "no widget 'maint.page.identity'"));
    CHECK(has(r.output, "config_change ok idle_timeout 60 -> 120"));

    // Narrower paper from the next receipt on, and the traffic service point's home screen, at once.
    r = k.script("tech-settings", sign_in(kTechBadge, kTechPin) +
                                      "tap maint.page.config\ntap maint.config.hall_name\ntap kb.mode.letters\n"
                                      "tap kb.key.h\ntap kb.key.a\ntap kb.key.l\ntap kb.key.l\nshot name\n"
                                      "tap kb.key.done\nshot name-kept\ntap maint.config.paper_width.58\n"
                                      "tap maint.config.site_profile.traffic-point\nshot settings\ntap maint.back\n"
                                      "tap maint.page.devices\ntap maint.dev.test_print\nawait printed\n"
                                      "tap maint.leave\ntap attract.start\nshot home\ntap home.tile.traffic_safety\n");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(has(r.output, "config_change ok paper_width auto -> 58"));
    CHECK(has(r.output, "config_change ok site_profile hall -> traffic-point"));
    CHECK(has(r.output, "config_change ok hall_name zh-Hans -> hall"));
    const auto printed = k.receipts("tech-settings");
    REQUIRE(printed.size() == 1);
    // Laid out 384 dots wide (58 mm), whatever the printer said: the page's text and rules stop at
    // dot 384 of the simulated 80 mm roll (its top third; the barcode below is the printer's own).
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(printed[0].c_str(), &w, &h, &n, 1);
    REQUIRE(px);
    int rightmost = 0;
    for (int y = 0; y < h / 3; ++y)
        for (int x = 0; x < w; ++x)
            if (px[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x)] < 128)
                rightmost = std::max(rightmost, x);
    stbi_image_free(px);
    CHECK(w == 576);
    CHECK(rightmost < 384);
    CHECK(rightmost > 300);

    r = k.script("admin", sign_in(kAdminBadge, kAdminPin) +
                              "shot menu\ntap maint.page.identity\nshot identity\ntap maint.back\n"
                              "tap maint.page.power\nshot power\ntap maint.power.exit_desktop\nshot confirm\n"
                              "tap maint.power.cancel\ntap maint.leave\nshot attract\nawait sent\n");
    INFO(r.output);
    CHECK(r.status == 0);
    // What the technician set is taken at this start.
    CHECK(has(r.output, "maintenance: settings changed by staff apply over config"));
    CHECK(fs::exists(k.dir() / "admin" / "identity.png"));
    // The idle timeout the technician chose was kept: this start uses it.
    r = k.script("kept", sign_in(kAdminBadge, kAdminPin) + "tap maint.page.config\ntap maint.config.idle_timeout.90\n"
                                                           "tap maint.leave\n");
    INFO(r.output);
    CHECK(r.status == 0);
    CHECK(has(r.output, "config_change ok idle_timeout 120 -> 90"));
}

TEST_CASE("five wrong PINs lock maintenance mode, and the lockout outlives a restart")
{
    EnrolledKiosk k("maintenance/lockout", central_for("lockout"));
    std::string script = sign_in(kStaffBadge, "1111");
    for (int i = 0; i < 3; ++i)
        script += pin("1111");
    script += "shot fourth-wrong\n" + pin("2222") + "shot locked\n";
    Run r = k.script("wrong", script);
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "S0042 locked_out refused"));

    // A restart: still locked, and the badge is not even asked for.
    r = k.script("restart", "await catalogue\nhold attract.staff 3500\nshot still-locked\n" + badge(kStaffBadge) +
                                "shot no-pin-pad\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "maintenance: locked for"));
    const auto trail = audit_trail(k);
    const std::vector<std::string> expected{"enter ok",       "pin_wrong refused",  "pin_wrong refused",
                                            "pin_wrong refused", "pin_wrong refused", "locked_out refused",
                                            "enter refused"};
    CHECK(trail == expected);
}

TEST_CASE("an expired badge and another centre's badge are refused, and said why, and an idle mode leaves by itself")
{
    EnrolledKiosk k("maintenance/badges", central_for("badges"));
    const Run r = k.script("refused", "await catalogue\nhold attract.staff 3500\n" + badge(kExpiredBadge) +
                                          "shot expired\n" + badge(kOtherHallBadge) + "shot other-hall\n" +
                                          badge(0) + "shot a-pass\ntap maint.leave\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "badge_refused refused expired"));
    CHECK(has(r.output, "badge_refused refused wrong_hall"));
    CHECK(has(r.output, "badge_refused refused not_a_badge"));
    // Signed in and then left alone: the mode leaves by itself after three idle minutes.
    const Run idle = k.script("idle", sign_in(kStaffBadge, kStaffPin) + "tap maint.page.sync\nwait 179000\n"
                                                                     "shot still-open\nwait 2000\nshot left\n"
                                                                     "tap attract.start\nawait sent\n");
    INFO(idle.output);
    REQUIRE(idle.status == 0);
    CHECK(audit_trail(k) == std::vector<std::string>{"enter ok", "badge_refused refused", "badge_refused refused",
                                                     "badge_refused refused", "enter ok", "login ok", "page ok",
                                                     "idle_leave ok"});
}

TEST_CASE("the sync page with the central side down: records wait, sync now is audited, and nothing is lost once it is back")
{
    EnrolledKiosk k("maintenance/sync", central_for("sync"));
    Run r = k.script("first", "await catalogue\n"); // the staff catalogue is kept on the kiosk
    REQUIRE(r.status == 0);
    r = k.script("down", sign_in(kStaffBadge, kStaffPin) + "tap maint.page.sync\ntap maint.sync.now\nwait 3000\n"
                                                            "shot sync-down\ntap maint.leave\n",
                 "https://127.0.0.1:9");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "sync_now ok"));
    CHECK(audit_trail(k).empty()); // nothing reached the central side
    r = k.script("back", "await sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto trail = audit_trail(k);
    CHECK(trail == std::vector<std::string>{"enter ok", "login ok", "page ok", "sync_now ok", "leave ok"});
}

TEST_CASE("the diagnostic bundle: written by a technician, signed by the kiosk, without secrets or personal data")
{
    EnrolledKiosk k("maintenance/bundle", central_for("bundle"));
    const Run r = k.script("export", sign_in(kTechBadge, kTechPin) +
                                         "tap maint.page.logs\ntap maint.log.level.1\nshot warnings\n"
                                         "tap maint.log.level.0\ntap maint.export.0\nawait maintenance\nshot exported\n"
                                         "tap maint.leave\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::vector<fs::path> bundles;
    for (const auto& e : fs::directory_iterator(k.state() / "exports"))
        bundles.push_back(e.path());
    REQUIRE(bundles.size() == 1);
    std::ifstream in(bundles[0]);
    std::stringstream text;
    text << in.rdbuf();
    // Checked with the key the central side registered for the kiosk.
    auto store = k.central().store();
    auto key = store.kiosk(k.kiosk_id());
    REQUIRE(key);
    REQUIRE(*key);
    auto verified = app::verify_diagnostic_bundle(text.str(), (*key)->jwk);
    REQUIRE_MESSAGE(verified, (verified ? "" : verified.error().message));
    const nlohmann::json& p = verified->payload;
    CHECK(p.at("kiosk") == k.kiosk_id());
    CHECK(p.at("log").is_array());
    CHECK_FALSE(p.at("log").empty());
    CHECK(p.contains("devices"));
    CHECK(p.contains("config"));
    // No PIN, no key, nothing of the staff catalogue's hashes.
    for (const char* secret : {kTechPin, kStaffPin, kAdminPin, "PRIVATE KEY", "pbkdf2-sha256$"})
        CHECK_FALSE(has(text.str(), secret));
    CHECK(has(r.output, "export_bundle ok"));
}

TEST_CASE("a kiosk started without a certificate says it awaits enrolment, an administrator enrols it from the screen, and the records kept meanwhile reach the central side")
{
    EnrolledKiosk k(EnrolledKiosk::Unenrolled{}, "maintenance/enrol", central_for("enrol"));
    // Hall staff see the band too, and the sync page says why nothing is sent.
    Run r = k.script("staff", sign_in(kStaffBadge, kStaffPin) + "shot menu\ntap maint.page.sync\nshot sync\n"
                                                                "tap maint.leave\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "kiosk test-hall-001-1 awaits enrolment: key "));
    CHECK(has(r.output, "records wait in the store"));

    // The administrator writes the request of the kiosk's key to its own folder (in English this
    // time, for the pictures).
    k.set_demo_args("--lang en");
    r = k.script("request", sign_in(kAdminBadge, kAdminPin) + "shot menu\ntap maint.page.identity\nshot identity\n"
                                                              "tap maint.id.write_csr.0\nshot written\ntap maint.leave\n");
    k.set_demo_args("");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "write_csr ok key "));
    std::vector<fs::path> requests;
    for (const auto& e : fs::directory_iterator(k.state() / "exports"))
        if (e.path().string().ends_with(".csr.pem"))
            requests.push_back(e.path());
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].filename().string().starts_with(k.kiosk_id() + "-"));

    // The district issues the certificate; staff bring it back as <kiosk id>.crt.pem.
    k.issue(requests[0], k.state() / "exports" / (k.kiosk_id() + ".crt.pem"));
    CHECK(audit_trail(k).empty()); // nothing reached the central side yet

    r = k.script("install", sign_in(kAdminBadge, kAdminPin) + "tap maint.page.identity\nshot identity\n"
                                                              "tap maint.id.install.0\nshot installed\ntap maint.back\n"
                                                              "shot menu\ntap maint.leave\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has(r.output, "install_certificate ok key "));
    CHECK(has(r.output, " enrolled"));
    // Sent in this run, without a restart: everything kept since the first start, in one chain.
    const std::vector<std::string> expected{
        "enter ok", "login ok", "page ok", "leave ok",                           // staff
        "enter ok", "login ok", "page ok", "write_csr ok", "leave ok",           // the request
        "enter ok", "login ok", "page ok", "install_certificate ok", "leave ok"}; // the install
    CHECK(audit_trail(k) == expected);

    // From the next start on the kiosk is enrolled.
    r = k.script("enrolled", "await catalogue\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_FALSE(has(r.output, "awaits enrolment"));
}
