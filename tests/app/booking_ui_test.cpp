// Booking venues, checking in, signing up to activities and "my bookings" end to end, as residents
// do it: the real hallkiosk binary in demo mode driven by scripts under SDL's offscreen driver,
// enrolled with the reference central server on a loopback port over mutual TLS. The central side
// holds, confirms and cancels; what it stored is read back with central-admin. Every run keeps its
// screenshots (build tree: screenshots/bookings/...) and the receipts the printer made.
#include "booking_fixtures.hpp"
#include "enrolled_kiosk.hpp"

#include "booking_desk.hpp"
#include "device_identity.hpp"
#include "rfc3339.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <future>
#include <regex>
#include <sstream>
#include <thread>

using namespace hk;
using namespace hk::test;
namespace fs = std::filesystem;

namespace {

std::string kiosk_id(int number)
{
    return "test-hall-001-" + std::to_string(number);
}

// kiosk-test.toml with booking offered (it switches book_venue off for the not-offered screen's
// tests), as kiosk `number` of the test hall.
std::string booking_config(const fs::path& dir, int number)
{
    std::ifstream in(HK_SOURCE_DIR "/tests/data/kiosk-test.toml");
    std::stringstream out;
    bool skipping = false;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.front() == '[')
            skipping = line == "[services.book_venue]";
        if (!skipping)
            out << line << '\n';
    }
    out << "[central]\nkiosk_id = \"" << kiosk_id(number) << "\"\nkiosk_number = " << number << '\n';
    fs::create_directories(dir);
    const fs::path file = dir / ("kiosk-" + std::to_string(number) + ".toml");
    std::ofstream(file) << out.str();
    return file.string();
}

// Each test's configs in a folder of its own (tests run side by side).
fs::path configs_dir(const std::string& test)
{
    return fs::path(HK_TEST_OUTPUT) / "bookings" / ("configs-" + test);
}

// The date `days` from now as the kiosk's date strip names it (the kiosk's local date).
std::string kiosk_date(int days)
{
    const std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
    std::tm tm{};
    localtime_r(&t, &tm);
    char out[16];
    std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
    return out;
}

// A day two days ahead that is not one of the sample meeting room's blackout days: its morning
// slots are always far enough ahead, whatever the hour.
std::string booking_day()
{
    for (int d = 2;; ++d) {
        const std::string day = kiosk_date(d);
        if (day.substr(5) != "10-01" && day.substr(5) != "10-02")
            return day;
    }
}

// central-admin's list (bookings or signups) as rows of columns, the header left out.
std::vector<std::vector<std::string>> listed(const EnrolledKiosk& k, const std::string& what)
{
    const Run r = k.admin(what + " list '" + k.central().data_dir().string() + "'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(r.output);
    std::string line;
    std::getline(in, line); // the header
    while (std::getline(in, line)) {
        std::vector<std::string> cols;
        std::istringstream l(line);
        for (std::string c; std::getline(l, c, '\t');)
            cols.push_back(c);
        if (!cols.empty())
            rows.push_back(cols);
    }
    return rows;
}

// From the home screen: the day `day` of `venue`, answered.
std::string venue_day(const std::string& day, const std::string& venue)
{
    return "tap home.tile.book_venue\ntap booking.date." + day + "\ntap booking.venue." + venue +
           "\nawait answer\n";
}

// The demo card `n` read again for a step that asks for it.
std::string read_card(int n)
{
    return "tap demo.open\ntap demo.card.take\ntap demo.card." + std::to_string(n) + "\ntap demo.close\n";
}

// What the desk answered to the question `ask` puts to it (with the callback it is given).
template <typename T, typename Ask> uplink::DeskAnswer<T> answered(Ask ask)
{
    std::promise<uplink::DeskAnswer<T>> done;
    ask([&](uplink::DeskAnswer<T> a) { done.set_value(std::move(a)); });
    return done.get_future().get();
}

// Another resident holds `start` of the sample meeting room through `desk`, as another kiosk would.
uplink::DeskAnswer<uplink::Hold> other_resident_holds(uplink::BookingDesk& desk, const std::string& start)
{
    return answered<uplink::Hold>([&](auto done) {
        desk.hold("V-meeting-1", start, 2, uplink::Resident{"李秀英", "440304195803120046"}, "test-hall-001", done);
    });
}

// An 18-digit resident ID number with its check character (GB 11643), from 17 digits.
std::string id_number(const std::string& first17)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17[static_cast<std::size_t>(i)] - '0') * kWeights[i];
    return first17 + "10X98765432"[sum % 11];
}

bool has_line(const Run& r, const std::string& text)
{
    return r.output.find(text) != std::string::npos;
}

} // namespace

TEST_CASE("a venue booked on the touch screen is held, confirmed centrally and printed as a signed pass")
{
    EnrolledKiosk k("bookings/venue", {}, booking_config(configs_dir("venue"), 1), kiosk_id(1));
    const std::string day = booking_day();
    const Run r = k.script("book", "await catalogue\ntap attract.start\ntap home.tile.book_venue\nshot venues\n"
                                   "tap booking.date." + day + "\ntap booking.type.meeting_room\nshot venues-filtered\n"
                                   "tap booking.venue.V-meeting-1\nawait answer\nshot day\n"
                                   "tap booking.slot.0900\nshot card\n" + read_card(1) + "shot group\n"
                                   "tap booking.group.plus\ntap booking.group.plus\ntap booking.next\nawait answer\n"
                                   "shot confirm\ntap booking.confirm\nawait answer\nshot done\nawait printed\n"
                                   "tap top.lang.en\nshot done-en\ntap nav.back\n" + venue_day(day, "V-meeting-1") +
                                   "shot day-after\ntap top.lang.zh-Hant\nshot day-after-hant\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // Exactly one booking, confirmed for the resident whose card was read, for three people.
    const auto rows = listed(k, "bookings");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0][1] == "V-meeting-1");
    CHECK(rows[0][2] == day + "T09:00:00+08:00");
    CHECK(rows[0][4] == "confirmed");
    CHECK(rows[0][6] == "3");
    CHECK(rows[0][7] == "test-hall-001");
    // Its pass came out of the printer, with the central side's signed code.
    const auto receipts = k.receipts("book");
    REQUIRE(receipts.size() == 1);
    const auto code = qr_on(receipts[0]);
    REQUIRE(code);
    CHECK(code->starts_with("HK1."));
    // The ID number went to the central side only: never to the log.
    CHECK_FALSE(has_line(r, "110105199007071236"));
    // The pass, scanned at the kiosk two days early, is checked with the central key and said to
    // be not valid yet; a pass altered by one character is not for this kiosk.
    std::string forged = *code;
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    const Run s = k.script("scan-early", "await catalogue\nscan " + *code + "\nshot early\nscan " + forged +
                                             "\nshot forged\n");
    INFO(s.output);
    REQUIRE(s.status == 0);
    CHECK(has_line(s, "not_yet_valid"));
    CHECK(has_line(s, "bad_signature"));
}

TEST_CASE("the third booking of a week is refused by rule, my bookings lists the two and cancels one centrally")
{
    EnrolledKiosk k("bookings/weekly", {}, booking_config(configs_dir("weekly"), 1), kiosk_id(1));
    const std::string day = booking_day();
    const std::string book = "tap booking.next\nawait answer\ntap booking.confirm\nawait answer\nawait printed\n";
    const Run r = k.script("two", "await catalogue\ntap attract.start\n" + venue_day(day, "V-meeting-1") + "tap booking.slot.0900\n" +
                                      read_card(1) + book + "tap nav.back\n" + venue_day(day, "V-meeting-1") +
                                      "tap booking.slot.1100\n" + read_card(1) + book + "shot second\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    auto rows = listed(k, "bookings");
    REQUIRE(rows.size() == 2);
    const std::string first = rows[0][2].find("T09:00") != std::string::npos ? rows[0][0] : rows[1][0];

    const Run third = k.script("third", "await catalogue\ntap attract.start\n" + venue_day(day, "V-meeting-1") +
                                            "tap booking.slot.1300\n" + read_card(1) +
                                            "tap booking.next\nawait answer\nshot refused\n"
                                            "tap booking.mine\nawait answer\nshot mine\n"
                                            "tap mine.cancel." + first + "\nshot cancel\ntap mine.confirm_cancel\n"
                                            "await answer\nshot cancelled\ntap mine.again\nawait answer\n"
                                            "shot mine-after\n");
    INFO(third.output);
    REQUIRE(third.status == 0);
    CHECK(has_line(third, "refused by rule weekly_limit"));
    rows = listed(k, "bookings");
    REQUIRE(rows.size() == 2);
    for (const auto& row : rows)
        CHECK(row[4] == (row[0] == first ? "cancelled" : "confirmed"));
    // The cancelled slot is free again: the same day's 09:00 can be booked (by someone else).
    auto desk = desk_of(k);
    CHECK(other_resident_holds(*desk, day + "T09:00:00+08:00").kind == uplink::DeskAnswer<uplink::Hold>::Kind::done);
}

TEST_CASE("two kiosks racing for the same slot: one holds it, the other is told it was just taken")
{
    auto central = std::make_shared<RunningCentral>(false);
    EnrolledKiosk a("bookings/race-a", central, booking_config(configs_dir("race"), 1), kiosk_id(1));
    EnrolledKiosk b("bookings/race-b", central, booking_config(configs_dir("race"), 2), kiosk_id(2));
    const std::string day = booking_day();
    // Both show the slot free and stand on their group step; then both ask at once.
    const auto script = [&](int card) {
        return "await catalogue\ntap attract.start\n" + venue_day(day, "V-meeting-1") + "shot day\ntap booking.slot.1500\n" +
               read_card(card) + "shot ready\nrelease go\ntap booking.next\nawait answer\nshot result\n";
    };
    std::future<Run> ra = std::async(std::launch::async, [&] { return a.script("race", script(0)); });
    std::future<Run> rb = std::async(std::launch::async, [&] { return b.script("race", script(1)); });
    // Released once both stand ready (bounded: the scripts give up after 20 s themselves).
    for (int i = 0; i < 600; ++i) {
        if (fs::exists(a.dir() / "race" / "ready.png") && fs::exists(b.dir() / "race" / "ready.png"))
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::ofstream(a.dir() / "race" / "go") << "go";
    std::ofstream(b.dir() / "race" / "go") << "go";
    const Run out_a = ra.get();
    const Run out_b = rb.get();
    INFO(out_a.output);
    INFO(out_b.output);
    REQUIRE(out_a.status == 0);
    REQUIRE(out_b.status == 0);
    const bool a_held = has_line(out_a, "booking: holding") && !has_line(out_a, "refused by rule taken");
    const bool b_held = has_line(out_b, "booking: holding") && !has_line(out_b, "refused by rule taken");
    CHECK(a_held != b_held); // exactly one holds it
    CHECK((has_line(out_a, "refused by rule taken") || has_line(out_b, "refused by rule taken")));
}

namespace {

// The sample catalogue with a reading corner open day and night (slots of an hour, no notice),
// in `dir`: a check-in can then always be tried within the hour it is booked for.
fs::path catalogue_with_night_venue(const fs::path& dir)
{
    fs::create_directories(dir);
    for (const auto& e : fs::directory_iterator(central::test::sample_catalogue()))
        fs::copy_file(e.path(), dir / e.path().filename(), fs::copy_options::overwrite_existing);
    add_night_venue(dir);
    return dir;
}

} // namespace

TEST_CASE("check-in: the pass of the hour checks in once, is refused when used again, forged or expired")
{
    // The central side's clock 70 minutes behind: the slot of the hour now has not begun for it,
    // so it can be booked, and its pass (valid from half an hour before the start to the end) is
    // good now by the kiosk's own clock.
    const std::int64_t behind = 70 * 60;
    auto central = std::make_shared<RunningCentral>(
        false, central::kMaxBodyBytes, [behind] { return now_unix() - behind; },
        catalogue_with_night_venue(fs::path(HK_TEST_OUTPUT) / "bookings" / "night-catalogue"));
    EnrolledKiosk k("bookings/checkin", central, booking_config(configs_dir("checkin"), 1), kiosk_id(1));
    const std::time_t hall = std::time(nullptr) + 8 * 3600; // the hall's time (+08:00)
    std::tm tm{};
    gmtime_r(&hall, &tm);
    char hhmm[8], date[16];
    std::strftime(hhmm, sizeof hhmm, "%H00", &tm);
    std::strftime(date, sizeof date, "%Y-%m-%d", &tm);
    const Run r = k.script("book", "await catalogue\ntap attract.start\n" + venue_day(date, "V-night") + "shot day\ntap booking.slot." +
                                       hhmm + "\n" + read_card(1) +
                                       "tap booking.next\nawait answer\ntap booking.confirm\nawait answer\n"
                                       "shot done\nawait printed\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto receipts = k.receipts("book");
    REQUIRE(receipts.size() == 1);
    const auto pass = qr_on(receipts[0]);
    REQUIRE(pass);
    std::string forged = *pass;
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    const Run s = k.script("scan", "await catalogue\ntap attract.start\nscan " + *pass + "\nshot checked-in\nscan " +
                                       *pass + "\nshot used\nscan " + forged +
                                       "\nshot forged\ntap demo.open\ntap demo.scan.4\ntap demo.close\n"
                                       "shot expired\nawait sent\n");
    INFO(s.output);
    REQUIRE(s.status == 0);
    CHECK(has_line(s, "checkin: booking"));
    CHECK(has_line(s, "already_used"));
    CHECK(has_line(s, "bad_signature"));
    CHECK(has_line(s, "expired"));
    // The check-in reached the central side, signed and chained, and marks the booking.
    const auto rows = listed(k, "bookings");
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() >= 10);
    CHECK_FALSE(rows[0][9].empty());
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1);
    CHECK(chain[0].header.type == "checkin");
    CHECK(chain[0].body.at("ref") == rows[0][0]);
}

TEST_CASE("activities: a full one puts the resident on its waiting list with a slip, one for others refuses, my bookings cancels")
{
    EnrolledKiosk k("bookings/activities", {}, booking_config(configs_dir("activities"), 1), kiosk_id(1));
    // Three residents take the legal advice day's three places from another kiosk of the hall.
    auto desk = desk_of(k);
    for (const char* digits : {"11010519800101001", "11010519800101002", "11010519800101003"}) {
        const auto a = answered<uplink::Signup>([&](auto done) {
            desk->sign_up("A-2027-033", uplink::Resident{"居民", id_number(digits)}, done);
        });
        INFO(a.error);
        REQUIRE(a.kind == uplink::DeskAnswer<uplink::Signup>::Kind::done);
        CHECK(a.value->state == "confirmed");
    }
    const Run r = k.script("signup", "await catalogue\ntap attract.start\ntap home.tile.activities\nshot list\n"
                                     "tap activity.A-2027-033\nawait answer\nshot full\ntap activity.signup\n" +
                                         read_card(1) +
                                         "await answer\nshot waiting\nawait printed\ntap nav.back\n"
                                         "tap home.tile.activities\ntap activity.A-2027-031\nawait answer\n"
                                         "shot seniors\ntap activity.signup\n" +
                                         read_card(1) + "await answer\nshot not-eligible\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has_line(r, "refused by rule not_eligible"));
    auto rows = listed(k, "signups");
    REQUIRE(rows.size() == 4);
    const auto mine = std::ranges::find_if(rows, [](const auto& row) { return row.size() > 2 && row[2] == "waiting"; });
    REQUIRE(mine != rows.end());
    const std::string signup = (*mine)[0];
    CHECK(k.receipts("signup").size() == 1); // the slip

    const Run c = k.script("cancel", "await catalogue\ntap attract.start\ntap home.tile.activities\n"
                                     "tap booking.mine\n" +
                                         read_card(1) + "await answer\nshot mine\ntap mine.cancel." + signup +
                                         "\nshot cancel\ntap mine.confirm_cancel\nawait answer\nshot cancelled\n"
                                         "tap mine.again\nawait answer\nshot mine-after\n");
    INFO(c.output);
    REQUIRE(c.status == 0);
    rows = listed(k, "signups");
    const auto after = std::ranges::find_if(rows, [&](const auto& row) { return row[0] == signup; });
    REQUIRE(after != rows.end());
    CHECK((*after)[2] == "cancelled");
}

TEST_CASE("offline: booking says it needs the network, the seats are not known, my bookings cannot look")
{
    EnrolledKiosk k("bookings/offline", {}, booking_config(configs_dir("offline"), 1), kiosk_id(1));
    const Run fetched = k.script("fetch", "await catalogue\n");
    INFO(fetched.output);
    REQUIRE(fetched.status == 0);
    const std::string day = booking_day();
    const Run r = k.script("offline",
                           "await catalogue\ntap attract.start\n" + venue_day(day, "V-meeting-1") +
                               "shot day-offline\ntap booking.again\nawait answer\nshot again\ntap booking.home\n"
                               "tap home.tile.activities\ntap activity.A-2027-033\nawait answer\n"
                               "shot seats-unknown\ntap nav.back\ntap booking.mine\n" +
                               read_card(1) + "await answer\nshot mine-offline\n",
                           "https://127.0.0.1:9");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has_line(r, "no slots for V-meeting-1"));
    CHECK(has_line(r, "activities: no seats for A-2027-033"));
    CHECK(has_line(r, "mine: no answer"));
    CHECK(listed(k, "bookings").empty());
}

TEST_CASE("a hold the resident leaves is let go at once, and one left to run out says so on screen")
{
    EnrolledKiosk k("bookings/hold", {}, booking_config(configs_dir("hold"), 1), kiosk_id(1));
    const std::string day = booking_day();
    // The idle prompt comes after 45 s of nothing; answering it keeps the resident's session while
    // the hold's three minutes run.
    std::string idle;
    for (int i = 0; i < 3; ++i)
        idle += "wait 50000\ntap idle.continue\n";
    idle += "wait 25000\n"; // 175 s: past the 170 s the kiosk counts
    const Run r = k.script("hold", "await catalogue\ntap attract.start\n" + venue_day(day, "V-meeting-1") +
                                       "tap booking.slot.1700\n" + read_card(1) +
                                       "tap booking.next\nawait answer\nshot held\ntap nav.back\nshot let-go\n"
                                       "tap nav.back\nawait answer\ntap booking.slot.1900\ntap booking.next\n"
                                       "await answer\nshot held-again\n" +
                                       idle + "shot ran-out\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(has_line(r, "booking: the resident let the hold go"));
    CHECK(has_line(r, "booking: the hold ran out before it was confirmed"));
    // The slot left is free again for the next resident at once, not after its three minutes.
    auto desk = desk_of(k);
    const auto a = other_resident_holds(*desk, day + "T17:00:00+08:00");
    INFO(a.error);
    CHECK(a.kind == uplink::DeskAnswer<uplink::Hold>::Kind::done);
    CHECK(listed(k, "bookings").empty()); // nothing was ever confirmed
}
