// Rating the service end to end, as residents do it: the real hallkiosk binary in demo mode driven
// by scripts under SDL's offscreen driver, enrolled with the reference central server on a loopback
// port over mutual TLS. The visit rated low with reasons, words and a call-back, then the
// questionnaire; windows by number, with the ID card, and from a queue ticket scanned on the
// attract screen, the same ticket refused a second time at this kiosk and at another; a booking
// pass that cannot be rated yet. What the central side stored is read back with central-admin.
// Every run keeps its screenshots (build tree: screenshots/ratings/...).
#include "booking_fixtures.hpp"
#include "enrolled_kiosk.hpp"

#include "booking_desk.hpp"
#include "device_identity.hpp"
#include "token_signer.hpp"

#include <openssl/pem.h>

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <future>
#include <regex>
#include <sstream>

using namespace hk;
using namespace hk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kHall = "test-hall-001";

std::string kiosk_id(int number)
{
    return std::string(kHall) + "-" + std::to_string(number);
}

// kiosk-test.toml as kiosk `number` of the test hall.
std::string rating_config(const fs::path& dir, int number)
{
    std::ifstream in(HK_SOURCE_DIR "/tests/data/kiosk-test.toml");
    std::stringstream out;
    bool skipping = false; // kiosk-test.toml switches booking off for the not-offered screen's tests
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

fs::path test_dir(const std::string& test)
{
    return fs::path(HK_TEST_OUTPUT) / "ratings" / ("setup-" + test);
}

struct QueueKey {
    codes::PkeyPtr key{EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")};
    std::string public_pem() const
    {
        BIO* bio = BIO_new(BIO_s_mem());
        PEM_write_bio_PUBKEY(bio, key.get());
        char* data = nullptr;
        const long n = BIO_get_mem_data(bio, &data);
        std::string out(data, static_cast<std::size_t>(n));
        BIO_free(bio);
        return out;
    }
    // The private key as PEM, written to `file`.
    void write_private(const fs::path& file) const
    {
        BIO* bio = BIO_new_file(file.c_str(), "w");
        REQUIRE(bio);
        REQUIRE(PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1);
        BIO_free(bio);
    }
    // A queue ticket of the test hall's window `window`, as the hall's queue system prints it.
    std::string ticket(const std::string& id, const std::string& window) const
    {
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        const std::vector<codes::Claim> claims{{"id", id},     {"hall", kHall},
                                               {"win", window}, {"staff", "S0042"},
                                               {"nbf", std::to_string(now - 3600)},
                                               {"exp", std::to_string(now + 7 * 86400)}};
        return codes::sign_token(codes::TokenType::ticket, claims, "test-queue", key.get());
    }
};

// The sample catalogue with the windows moved to the test hall and the queue system's key trusted
// (under `kid`).
fs::path rating_catalogue(const std::string& test, const QueueKey& queue, const std::string& kid = "test-queue")
{
    const fs::path dir = test_dir(test) / "catalogue";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& f : fs::directory_iterator(HK_SOURCE_DIR "/config/central-sample"))
        fs::copy_file(f.path(), dir / f.path().filename());
    std::ifstream win_in(dir / "windows.json");
    std::stringstream windows;
    windows << win_in.rdbuf();
    win_in.close();
    std::ofstream(dir / "windows.json")
        << std::regex_replace(windows.str(), std::regex("\"demo-hall-001\""), std::string("\"") + kHall + "\"");
    std::ifstream keys_in(dir / "keys.json");
    auto keys = nlohmann::json::parse(keys_in);
    keys_in.close();
    keys.push_back({{"kid", kid}, {"alg", "ES256"}, {"public_key", queue.public_pem()}, {"not_after", nullptr}});
    std::ofstream(dir / "keys.json") << keys.dump(2);
    return dir;
}

// central-admin's table (ratings list, ...) as rows of columns, the header left out.
std::vector<std::vector<std::string>> table(const EnrolledKiosk& k, const std::string& command)
{
    const Run r = k.admin(command);
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::vector<std::vector<std::string>> rows;
    std::istringstream in(r.output);
    std::string line;
    std::getline(in, line);
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

std::vector<std::vector<std::string>> ratings(const EnrolledKiosk& k, bool follow_up = false)
{
    return table(k, "ratings list '" + k.central().data_dir().string() + "'" + (follow_up ? " --follow-up" : ""));
}

std::string digits(const std::string& prefix, const std::string& number)
{
    std::string out;
    for (char c : number)
        out += "tap " + prefix + std::string(1, c) + "\n";
    return out;
}

std::string read_card(int n)
{
    return "tap demo.open\ntap demo.card.take\ntap demo.card." + std::to_string(n) + "\ntap demo.close\n";
}

bool has(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the visit rated very dissatisfied: reasons, words and a call-back reach the central side for follow-up, then the questionnaire")
{
    QueueKey queue;
    auto central = std::make_shared<RunningCentral>(false, central::kMaxBodyBytes, central::Clock{},
                                                    rating_catalogue("visit", queue));
    EnrolledKiosk k("ratings/visit", central, rating_config(test_dir("visit"), 1), kiosk_id(1));
    const Run r = k.script("visit", "await catalogue\ntap attract.start\ntap home.tile.rate_service\nshot subject\n"
                                    "tap rate.what.visit\nshot level\ntap rate.level.1\nshot reasons\n"
                                    "tap rate.reason.wait_long\ntap rate.reason.guidance_unclear\nshot reasons-chosen\n"
                                    "tap rate.next\ntap kb.mode.letters\ntap kb.key.s\ntap kb.key.l\ntap kb.key.o\n"
                                    "tap kb.key.w\nshot words\ntap rate.next\nshot callback\ntap rate.callback.yes\n" +
                                        digits("rate.phone.", "13812345678") +
                                        "shot phone\ntap rate.send\nshot thanks\ntap rate.questions\nshot q1\n"
                                        "tap rate.q.option.partly\ntap rate.q.next\ntap rate.q.option.kiosk\n"
                                        "tap rate.q.option.guide\nshot q2\ntap rate.q.next\ntap rate.q.scale.4\nshot q3\n"
                                        "tap rate.q.next\nshot q4\ntap rate.q.send\nshot finished\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // The phone number went into the signed record only, never into the log.
    CHECK_FALSE(has(r.output, "13812345678"));

    const auto low = ratings(k, true);
    REQUIRE(low.size() == 1);
    REQUIRE(low[0].size() >= 9);
    CHECK(low[0][2] == kHall);
    CHECK(has(low[0][3], "visit"));
    CHECK(low[0][4] == "1");
    CHECK(low[0][5] == "wait_long,guidance_unclear");
    CHECK(low[0][6] == "slow");
    CHECK(low[0][7] == "13812345678");
    CHECK(low[0][8] == "open");

    const Run results = k.admin("questionnaires results '" + k.central().data_dir().string() + "' Q-2026-12");
    INFO(results.output);
    REQUIRE(results.status == 0);
    CHECK(std::regex_search(results.output, std::regex("found\\tsingle\\tanswered 1\\n(  \\w+\\t0\\n)*  partly\\t1")));
    CHECK(std::regex_search(results.output, std::regex("  kiosk\\t1")));
    CHECK(std::regex_search(results.output, std::regex("  guide\\t1")));
    CHECK(std::regex_search(results.output, std::regex("ease\\tscale\\tanswered 1\\n(  \\d\\t0\\n)*  4\\t1")));
    CHECK(std::regex_search(results.output, std::regex("idea\\ttext\\tanswered 0")));
    const auto chain = k.verified_chain(); // the rating and the answers, each taken
    REQUIRE(chain.size() == 2);
    CHECK(chain[0].header.type == "rating");
    CHECK(chain[1].header.type == "questionnaire_answer");
    CHECK_FALSE(chain[1].body.contains("visit")); // the answers are anonymous
}

TEST_CASE("windows: by number, with the ID card, and from a queue ticket, and the same ticket refused politely a second time here and at another kiosk")
{
    QueueKey queue;
    auto central = std::make_shared<RunningCentral>(false, central::kMaxBodyBytes, central::Clock{},
                                                    rating_catalogue("windows", queue));
    EnrolledKiosk k("ratings/windows", central, rating_config(test_dir("windows"), 1), kiosk_id(1));
    const std::string ticket = queue.ticket("20261202-A017", "W-001-03");

    // Window 3 by its number, anonymously; then window 5, which asks for the ID card.
    Run r = k.script("by-number", "await catalogue\ntap attract.start\ntap home.tile.rate_service\n"
                                  "tap rate.what.window\nshot windows\ntap rate.window.3\nshot level\n"
                                  "tap rate.level.5\nshot thanks\ntap rate.again\ntap rate.what.window\n"
                                  "tap rate.window.3\nshot again-refused\ntap rate.again\ntap rate.what.window\n"
                                  "tap rate.window.5\nshot card\n" +
                                      read_card(1) + "await answer\nshot card-level\ntap rate.level.4\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);

    // The ticket from the attract screen: checked, rated dissatisfied with a reason, no call-back.
    r = k.script("ticket", "await catalogue\nscan " + ticket +
                               "\nawait answer\nshot ticket-level\ntap rate.level.2\ntap rate.reason.staff_attitude\n"
                               "tap rate.next\ntap rate.next\ntap rate.callback.no\nshot thanks\nawait sent\n"
                               "tap rate.finish\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_FALSE(has(r.output, "20261202-A017")); // the ticket's id stays out of the log
    // Again at this kiosk: refused at once, from its own memory, politely.
    r = k.script("ticket-again", "scan " + ticket + "\nawait answer\nshot already\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // Refused by this kiosk's own memory or by the central side's check, whichever answers first;
    // either way no second rating is made (three in all, below).
    CHECK((has(r.output, "rated at this kiosk already") || has(r.output, "asking whether the window is rated already")));

    // At another kiosk of the hall: the central side's check says it is rated.
    EnrolledKiosk other("ratings/windows-other", central, rating_config(test_dir("windows"), 2), kiosk_id(2));
    r = other.script("ticket-elsewhere", "await catalogue\nscan " + ticket + "\nawait answer\nshot already\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK_FALSE(has(r.output, "rated at this kiosk already"));
    CHECK(has(r.output, "rating: asking whether the window is rated already"));

    const auto all = ratings(k);
    REQUIRE(all.size() == 3);
    int by_number = 0, with_card = 0, ticketed = 0;
    for (const auto& row : all) {
        REQUIRE(row.size() >= 9);
        CHECK(row[2] == kHall);
        by_number += has(row[3], "W-001-03") && row[4] == "5";
        with_card += has(row[3], "W-001-05") && row[4] == "4";
        ticketed += has(row[3], "W-001-03") && row[4] == "2" && row[5] == "staff_attitude" && row[8] == "open";
        CHECK_FALSE(has(row[3], "110105199007071236")); // never the rater's ID number
    }
    CHECK(by_number == 1);
    CHECK(with_card == 1);
    CHECK(ticketed == 1);
    const fs::path shots = k.dir();
    CHECK(fs::exists(shots / "by-number" / "again-refused.png"));
    CHECK(fs::exists(other.dir() / "ticket-elsewhere" / "already.png"));
}

TEST_CASE("demo mode's sample queue ticket, signed with the demo key the central side trusts, is rated and kept")
{
    // As scripts/demo sets it up: a demo key in a file, trusted centrally under the demo's kid.
    QueueKey demo;
    fs::create_directories(test_dir("demo-key"));
    const fs::path key_file = test_dir("demo-key") / "demo-codes-key.pem";
    demo.write_private(key_file);
    auto central = std::make_shared<RunningCentral>(false, central::kMaxBodyBytes, central::Clock{},
                                                    rating_catalogue("demo-key", demo, "demo-central"));
    EnrolledKiosk k("ratings/demo-key", central, rating_config(test_dir("demo-key"), 1), kiosk_id(1));
    k.set_demo_args("--demo-key '" + key_file.string() + "'");
    const Run r = k.script("ticket", "await catalogue\ntap demo.open\ntap demo.scan.11\ntap demo.close\n"
                                     "await answer\nshot level\ntap rate.level.5\nshot thanks\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    // The central side serves the demo key back: the same key, taken without a warning.
    CHECK_FALSE(has(r.output, "has the kid of a key already trusted"));
    const auto all = ratings(k);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].size() >= 5);
    CHECK(has(all[0][3], "W-001-03"));
    CHECK(all[0][4] == "5");
    CHECK(k.verified_chain().size() == 1);
}

TEST_CASE("a venue is rated from its booking pass once it has begun, once, and the pass does not check in")
{
    QueueKey queue;
    // A 24-hour venue, and the central side's clock 70 minutes behind while the slot of the hour is
    // booked (it has not begun for the central side, so it can be booked); then the clock is right
    // again, the booking has begun, and it can be rated.
    const fs::path catalogue = rating_catalogue("pass", queue);
    add_night_venue(catalogue);
    auto behind = std::make_shared<std::atomic<std::int64_t>>(70 * 60);
    auto central = std::make_shared<RunningCentral>(
        false, central::kMaxBodyBytes, [behind] { return now_unix() - behind->load(); }, catalogue);
    EnrolledKiosk k("ratings/pass", central, rating_config(test_dir("pass"), 1), kiosk_id(1));

    // Booked as the kiosk would book it.
    auto desk = desk_of(k);
    const auto book = [&](std::time_t when) {
        const std::time_t hall = when + 8 * 3600; // the hall's time (+08:00)
        std::tm tm{};
        gmtime_r(&hall, &tm);
        char start[32];
        std::strftime(start, sizeof start, "%Y-%m-%dT%H:00:00+08:00", &tm);
        std::promise<uplink::DeskAnswer<uplink::Hold>> held;
        desk->hold("V-night", start, 2, uplink::Resident{"李秀英", "440304195803120046"}, kHall,
                      [&](uplink::DeskAnswer<uplink::Hold> a) { held.set_value(std::move(a)); });
        const auto h = held.get_future().get();
        INFO(h.error);
        REQUIRE(h.kind == uplink::DeskAnswer<uplink::Hold>::Kind::done);
        std::promise<uplink::DeskAnswer<uplink::Confirmed>> confirmed;
        desk->confirm(h.value->id, [&](uplink::DeskAnswer<uplink::Confirmed> a) { confirmed.set_value(std::move(a)); });
        const auto c = confirmed.get_future().get();
        REQUIRE(c.kind == uplink::DeskAnswer<uplink::Confirmed>::Kind::done);
        return c.value->pass;
    };
    const std::string now_pass = book(std::time(nullptr));
    const std::string later_pass = book(std::time(nullptr) + 2 * 86400);
    behind->store(0);

    const Run r = k.script("pass", "await catalogue\ntap attract.start\ntap home.tile.rate_service\n"
                                   "tap rate.what.booking\nshot pass\nscan " +
                                       later_pass + "\nshot too-early\ntap booking.again\ntap rate.what.booking\nscan " +
                                       now_pass +
                                       "\nawait answer\nshot level\ntap rate.level.4\nshot thanks\nawait sent\n"
                                       "tap rate.again\ntap rate.what.booking\nscan " +
                                       now_pass + "\nawait answer\nshot already\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK((has(r.output, "rated at this kiosk already") || has(r.output, "asking whether the booking is rated already")));
    const auto rows = ratings(k);
    REQUIRE(rows.size() == 1);
    REQUIRE(rows[0].size() >= 5);
    CHECK(has(rows[0][3], "booking"));
    CHECK(rows[0][4] == "4");
    // Read to rate, never to check in.
    for (const auto& record : k.verified_chain())
        CHECK(record.header.type == "rating");
    const fs::path shots = k.dir() / "pass";
    CHECK(fs::exists(shots / "too-early.png"));
    CHECK(fs::exists(shots / "already.png"));
}
