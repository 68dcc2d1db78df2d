// UI tests: the real hallkiosk binary driven by scripts under SDL's offscreen video driver,
// its screenshots checked as pictures (size, not blank, changed where the screen changed).
#include "kiosk_run.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;
using namespace hk::test;

TEST_CASE("a resident's walk through the shell looks right at every step, landscape")
{
    const fs::path dir = fresh_dir("shell_walk");
    const Run r = run(config_args() + "--script '" HK_SOURCE_DIR "/tests/scripts/shell_walk.txt' --screenshot-dir '" +
                      dir.string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);

    const char* shots[] = {"attract", "home-zh-Hans", "home-zh-Hant", "home-en", "home-en-large",
                           "not-offered-en-large", "idle-dialog", "attract-again"};
    std::vector<Image> img;
    for (const char* s : shots) {
        img.push_back(load(dir / (std::string(s) + ".png")));
        CHECK_MESSAGE(img.back().w == 1920, s);
        CHECK_MESSAGE(img.back().h == 1080, s);
        CHECK_MESSAGE(looks_drawn(img.back()), s << " is blank");
    }
    // Every step changed the screen...
    for (std::size_t i = 1; i < img.size() - 1; ++i)
        CHECK_MESSAGE(difference(img[i - 1], img[i]) > 0.002, shots[i - 1] << " -> " << shots[i]);
    CHECK(difference(img[0], img[1]) > 0.5);      // attract to home: another screen
    CHECK(difference(img[3], img[4]) > 0.2);      // large text and high contrast change most pixels
    // ...and the idle timeout brought the attract screen back (only the clock may differ).
    CHECK(difference(img[0], img[7]) < 0.05);
    // The high-contrast theme is black; the normal one is light.
    CHECK(img[4].at(1850, 200, 0) < 40);
    CHECK(img[1].at(1850, 200, 0) > 200);
    // A PNG was written after every step too: 16 steps in the script.
    std::size_t steps = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (std::isdigit(static_cast<unsigned char>(e.path().filename().string()[0])))
            ++steps;
    CHECK(steps == 16);
}

TEST_CASE("the shell is laid out for a portrait screen")
{
    const fs::path dir = fresh_dir("portrait");
    const Run r = run(config_args() + "--size 1080x1920 --script '" HK_SOURCE_DIR
                                "/tests/scripts/shell_walk.txt' --screenshot-dir '" + dir.string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const Image home = load(dir / "home-zh-Hans.png");
    CHECK(home.w == 1080);
    CHECK(home.h == 1920);
    CHECK(looks_drawn(home));
}

TEST_CASE("a landscape panel mounted turned gets the portrait layout, upright, as a portrait window does")
{
    const fs::path dir = fresh_dir("rotation");
    std::ofstream(dir / "walk.txt") << "shot attract\ntap attract.start\nshot home\ntap top.lang.en\nshot home-en\n";
    const std::string script = "--script '" + (dir / "walk.txt").string() + "' --screenshot-dir ";
    const Run turned =
        run(config_args() + "--size 1280x720 --rotation 90 " + script + "'" + (dir / "turned").string() + "'");
    INFO(turned.output);
    REQUIRE(turned.status == 0);
    CHECK(turned.output.find("display 720x1280") != std::string::npos);
    // The same screens in a portrait window, to compare with: screenshots are the upright picture.
    const Run upright = run(config_args() + "--size 720x1280 " + script + "'" + (dir / "upright").string() + "'");
    INFO(upright.output);
    REQUIRE(upright.status == 0);
    for (const char* shot : {"attract", "home", "home-en"}) {
        const Image a = load(dir / "turned" / (std::string(shot) + ".png"));
        const Image b = load(dir / "upright" / (std::string(shot) + ".png"));
        CHECK_MESSAGE(a.w == 720, shot);
        CHECK_MESSAGE(a.h == 1280, shot);
        // Only the attract screen's clock may differ, should the minute turn between the runs.
        CHECK_MESSAGE(difference(a, b) < 0.01, shot);
    }
}

TEST_CASE("keys, the countdown's answer and finish behave as a resident expects")
{
    const fs::path dir = fresh_dir("finish_and_keys");
    const Run r = run(config_args() + "--script '" HK_SOURCE_DIR "/tests/scripts/finish_and_keys.txt' --screenshot-dir '" +
                      dir.string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // After Escape the home screen is back (no back button on home); after "still here" the
    // session went on (the later tap on finish found its button); finish shows the attract screen.
    const Image escaped = load(dir / "003-key-Escape.png");
    const Image home = load(dir / "001-tap-attract.start.png");
    CHECK(difference(escaped, home) < 0.01);
    const Image continued = load(dir / "005-tap-idle.continue.png");
    CHECK(difference(continued, home) < 0.01);
    const Image after = load(dir / "after-finish.png");
    CHECK(difference(after, home) > 0.5);
}

TEST_CASE("in demo mode the panel works the simulated devices and shows what they reported")
{
    const fs::path dir = fresh_dir("demo_panel");
    const Run r = run(config_args() + "--demo --script '" HK_SOURCE_DIR "/tests/scripts/demo_panel.txt' --screenshot-dir '" +
                      dir.string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("devices: printer is absent") != std::string::npos);
    CHECK(r.output.find("demo: printer plugged in") != std::string::npos);
    const Image home = load(dir / "home.png");
    const Image panel = load(dir / "panel.png");
    const Image scanned = load(dir / "scanned.png");
    const Image unplugged = load(dir / "printer-unplugged.png");
    const Image worked = load(dir / "worked.png");
    const Image closed = load(dir / "closed.png");
    CHECK(difference(home, panel) > 0.3);         // the panel covers the screen
    CHECK(difference(panel, scanned) > 0.0005);   // the report is listed
    CHECK(difference(scanned, unplugged) > 0.0005); // the printer's state and button changed
    CHECK(difference(unplugged, worked) > 0.001); // card, cover and paper buttons lit
    CHECK(difference(home, closed) < 0.01);       // closed: the resident's screen as it was
}

TEST_CASE("a devices file with a mistake stops the kiosk with its line")
{
    const fs::path dir = fresh_dir("bad_devices");
    std::ofstream(dir / "kiosk.toml") << "[hall]\nid = \"x\"\nname = \"测试\"\n";
    std::ofstream(dir / "devices.toml") << "[[device]]\nrole = \"printer\"\ndriver = \"escpos\"\nmodel = \"P\"\n"
                                           "vendor = 0x1FFFF\n";
    const Run r = run("--config '" + (dir / "kiosk.toml").string() + "'");
    CHECK(r.status == 2);
    CHECK(r.output.find("devices.toml:5: [[device]] vendor must be 0 to 65535, not 131071") != std::string::npos);
}

TEST_CASE("a script that taps a widget not on screen fails and names what is there")
{
    const fs::path dir = fresh_dir("missing_widget");
    std::ofstream(dir / "s.txt") << "tap attract.start\ntap home.tile.nothing_here\n";
    const Run r = run(config_args() + "--script '" + (dir / "s.txt").string() + "'");
    CHECK(r.status == 3);
    CHECK(r.output.find("home.tile.nothing_here") != std::string::npos);
    CHECK(r.output.find("nav.finish") != std::string::npos);
}

TEST_CASE("bad flags, configs and scripts exit with status 2 and a clear message")
{
    Run r = run("--no-such-flag");
    CHECK(r.status == 2);
    CHECK(r.output.find("unknown option '--no-such-flag'") != std::string::npos);

    const fs::path dir = fresh_dir("bad_input");
    std::ofstream(dir / "bad.toml") << "[hall]\nid = \"x\"\nname = \"测试\"\n\n[session]\nidle_timeout_s = \"soon\"\n";
    r = run("--config '" + (dir / "bad.toml").string() + "'");
    CHECK(r.status == 2);
    CHECK(r.output.find("bad.toml:6:") != std::string::npos);

    std::ofstream(dir / "bad.txt") << "tap attract.start\nfly away\n";
    r = run(config_args() + "--script '" + (dir / "bad.txt").string() + "'");
    CHECK(r.status == 2);
    CHECK(r.output.find("bad.txt:2:") != std::string::npos);

    r = run("--config /nonexistent/kiosk.toml");
    CHECK(r.status == 2);
}

TEST_CASE("--version and --help answer without opening a window")
{
    Run r = run("--version");
    CHECK(r.status == 0);
    CHECK(r.output == "hallkiosk " HK_VERSION "\n");
    r = run("--help");
    CHECK(r.status == 0);
    CHECK(r.output.find("--script FILE") != std::string::npos);
}

TEST_CASE("a receipt held up by the printer is announced to the resident and printed when it is ready")
{
    const fs::path dir = fresh_dir("printer_notice");
    ::setenv("TMPDIR", dir.c_str(), 1); // demo mode keeps its receipts' pictures under it
    const Run r = run(config_args() + "--demo --script '" HK_SOURCE_DIR "/tests/scripts/printer_notice.txt' --screenshot-dir '" +
                      dir.string() + "'");
    ::unsetenv("TMPDIR");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const Image home = load(dir / "home.png");
    const Image waiting = load(dir / "waiting-paper.png");
    const Image printed = load(dir / "printed.png");
    const Image waiting_cover = load(dir / "waiting-cover-en.png");
    const Image printed_en = load(dir / "printed-en.png");
    CHECK(difference(home, waiting) > 0.01);  // the notice band is up
    CHECK(difference(home, printed) < 0.002); // and gone once the receipt came out
    CHECK(difference(waiting_cover, printed_en) > 0.01);
    CHECK(r.output.find("printer: 'sample receipt DEMO-") != std::string::npos);
    CHECK(r.output.find("printer: 'test page' printed") != std::string::npos);
    // Both receipts were kept as pictures for whoever shows the kiosk.
    std::size_t pictures = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir / "hallkiosk-receipts"))
        pictures += e.path().extension() == ".png";
    CHECK(pictures == 2);
}

TEST_CASE("a card read in a session is forgotten at its end, and a card left on the reader is called back for")
{
    const fs::path dir = fresh_dir("card_reader");
    const Run r = run(config_args() + "--demo --script '" HK_SOURCE_DIR "/tests/scripts/card_reader.txt' --screenshot-dir '" +
                      dir.string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(r.output.find("idcard: a resident card was read") != std::string::npos);
    CHECK(r.output.find("the session ended with a card on the reader") != std::string::npos);
    CHECK(r.output.find("sound: ") != std::string::npos); // the chime, or why there is none
    CHECK(r.output.find("the card left on the reader was taken") != std::string::npos);
    CHECK(r.output.find("110105199007071236") == std::string::npos); // the ID number is never logged
    const Image read = load(dir / "card-read.png");
    const Image take = load(dir / "take-card.png");
    const Image taken = load(dir / "card-taken.png");
    CHECK(difference(take, taken) > 0.1); // the reminder covers the attract screen until the card is taken
    CHECK(looks_drawn(read));
}

TEST_CASE("scanned codes are routed: passes check in, badges and tickets taken, a receipt to its status, the rest refused with a notice and one log line")
{
    const fs::path dir = fresh_dir("scan_codes");
    const Run r = run(config_args() + "--demo --script '" HK_SOURCE_DIR "/tests/scripts/scan_codes.txt' --screenshot-dir '" +
                      dir.string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto count = [&](std::string_view needle) {
        std::size_t n = 0;
        for (std::size_t at = r.output.find(needle); at != std::string::npos; at = r.output.find(needle, at + 1))
            ++n;
        return n;
    };
    CHECK(count("scan: a booking pass (single use, key demo-central) from the HID POS scanner") == 1);
    // The same single-use pass shown to the camera after it checked in at the scanner: used up.
    CHECK(count("scan: a booking pass (single use, key demo-central) from the camera") == 0);
    CHECK(count("reason=already_used kind=pass kid=demo-central") == 2);
    CHECK(count("scan: a staff badge (role staff, key demo-central)") == 1);
    CHECK(count("scan: a request's tracking code") == 1);
    CHECK(count("code rejected: reason=expired kind=pass kid=demo-central") == 1);
    CHECK(count("code rejected: reason=already_used") == 2); // the demo's used pass, and the one used here
    CHECK(count("code rejected: reason=bad_signature") == 1);
    CHECK(count("code rejected: reason=wrong_hall") == 1);
    CHECK(count("code rejected: reason=not_ours") == 2); // the web address and the Chinese text
    CHECK(count("code rejected: reason=syntax_oversized") == 1);
    CHECK(count("the resident is asked to scan again") == 1);
    CHECK(count("code rejected") == 8);
    // The queue tickets: taken, and logged by their window only.
    CHECK(count("scan: a queue ticket (key demo-central) from the HID POS scanner") == 2);
    CHECK(count("scan: a queue ticket of window W-001-03") == 1);
    CHECK(count("scan: a queue ticket of window W-001-01") == 1);
    // No part of what was scanned reaches the log.
    for (const char* payload :
         {"P20260001", "S0042", "318274", "example.org", "欢迎您", "AAAAAAAAAA", "hall-elsewhere", "-A017", "-B005"}) {
        CAPTURE(payload);
        CHECK(r.output.find(payload) == std::string::npos);
    }
    const Image home = load(dir / "home.png");
    // The pass taken checks the resident in, once: a record, and the notice says so.
    CHECK(count("checkin: booking BK2026") == 1);
    CHECK(count("uplink: checkin record") == 1);
    CHECK(difference(home, load(dir / "taken.png")) > 0.01);
    CHECK(difference(home, load(dir / "receipt-status.png")) > 0.3); // a receipt's code: its status
    CHECK(count("follow: asking the status of") == 1);
    const Image expired = load(dir / "expired.png");
    CHECK(difference(home, expired) > 0.01);                          // a notice is up
    CHECK(difference(home, load(dir / "notice-gone.png")) < 0.002);   // and gone after a while
    CHECK(difference(expired, load(dir / "used.png")) > 0.002);       // each reason its own words
    CHECK(difference(load(dir / "used.png"), load(dir / "forged.png")) > 0.002);
    CHECK(difference(load(dir / "other-hall-en.png"), load(dir / "not-for-kiosk-en.png")) > 0.002);
    CHECK(difference(home, load(dir / "scan-again-zh-Hant.png")) > 0.01);
    // A ticket puts up no notice: it opens its window's rating instead.
    CHECK(difference(load(dir / "before-tickets-zh-Hant.png"), load(dir / "tickets-zh-Hant.png")) > 0.01);
    CHECK(count("rating: asking whether the window is rated already") >= 1);
}

TEST_CASE("a store that cannot be opened pauses submissions, and the screen says so")
{
    const fs::path dir = fresh_dir("store_fault");
    const fs::path state = dir / "state";
    fs::create_directories(state);
    {
        std::ofstream junk(state / "kiosk.db", std::ios::binary);
        junk << std::string(8192, 'x'); // not a database
    }
    const fs::path script = dir / "s.txt";
    {
        std::ofstream s(script);
        s << "shot attract\ntap attract.start\nshot home\ntap top.lang.en\nshot home-en\n";
    }
    const Run bad = run("--config '" HK_SOURCE_DIR "/tests/data/kiosk-test.toml' --state-dir '" + state.string() +
                        "' --script '" + script.string() + "' --screenshot-dir '" + (dir / "bad").string() + "'");
    INFO(bad.output);
    REQUIRE(bad.status == 0); // the kiosk still runs
    CHECK(bad.output.find("no submissions are taken") != std::string::npos);
    const Run good = run(config_args() + "--script '" + script.string() + "' --screenshot-dir '" +
                         (dir / "good").string() + "'");
    REQUIRE(good.status == 0);
    CHECK(good.output.find("uplink: kiosk ") != std::string::npos);
    CHECK(good.output.find("signs with key ") != std::string::npos);
    // The pill is up on the attract screen and in the top bar, and not when all is well.
    for (const char* shot : {"attract.png", "home.png", "home-en.png"}) {
        CAPTURE(shot);
        CHECK(difference(load(dir / "bad" / shot), load(dir / "good" / shot)) > 0.0005);
    }
}
