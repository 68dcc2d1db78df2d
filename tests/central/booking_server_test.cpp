// The booking endpoints over HTTPS on the running server: passes the kiosk's verifier accepts,
// check-in records, client certificates, staff lists, and many kiosks racing for the same slots
// and places.
#include "booking_support.hpp"
#include "central_support.hpp"
#include "pass_key.hpp"
#include "token_verifier.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;
namespace codes = hk::codes;

namespace {

constexpr const char* kJsonType = "application/json";

Json json_of(const httplib::Result& r)
{
    REQUIRE(r);
    return r->body.empty() ? Json() : Json::parse(r->body);
}

// Holds and confirms over HTTP: the 201 answer of the confirm.
Json book(const RunningCentral& central, const std::string& venue, const std::string& start, int who)
{
    auto client = central.client();
    auto held = client->Post("/v1/holds", hold_body(venue, start, 4, who), kJsonType);
    REQUIRE(held);
    REQUIRE_MESSAGE(held->status == 201, held->body);
    auto made = client->Post("/v1/holds/" + json_of(held)["hold"].get<std::string>() + "/confirm", "", kJsonType);
    REQUIRE(made);
    REQUIRE_MESSAGE(made->status == 201, made->body);
    return json_of(made);
}

// The trusted keys a kiosk makes from the served keys catalogue.
codes::TrustedKeys served_keys(const RunningCentral& central)
{
    const Json keys = json_of(central.client()->Get("/v1/catalogue/keys"));
    codes::TrustedKeys trusted;
    for (const auto& k : keys["items"]) {
        const auto problem = trusted.add_pem(k["kid"].get<std::string>(), codes::Algorithm::es256,
                                             k["public_key"].get<std::string>());
        REQUIRE_MESSAGE(!problem, *problem);
    }
    return trusted;
}

std::string pass_id_of(const std::string& pass)
{
    const auto from = pass.find("id=") + 3;
    return pass.substr(from, pass.find('~', from) - from);
}

} // namespace

TEST_CASE("the keys catalogue serves the pass key after the configured keys, with its own version")
{
    RunningCentral central(true, kMaxBodyBytes, [] { return kMonday10am; });
    auto r = central.client()->Get("/v1/catalogue/keys");
    REQUIRE(r);
    const Json body = json_of(r);
    REQUIRE(body["items"].size() == 2);
    CHECK(body["items"][0]["kid"] == "district-2026");
    CHECK(body["items"][1]["kid"] == "central-pass-1");
    CHECK(body["items"][1]["alg"] == "ES256");
    CHECK(body["items"][1]["not_after"].is_null());
    CHECK(body["items"][1]["public_key"].get<std::string>().starts_with("-----BEGIN PUBLIC KEY-----"));
    // Not the file's hash: the version follows what is served.
    CHECK(r->get_header_value("ETag") == "\"" + body["version"].get<std::string>() + "\"");
    CHECK(body["version"] != loaded_sample().find("keys")->version);
    CHECK(std::filesystem::exists(central.data_dir() / kPassKeyFile));
}

TEST_CASE("a booking's pass verifies with the kiosk's verifier and the served key, with the booking's claims")
{
    RunningCentral central(true, kMaxBodyBytes, [] { return kMonday10am; });
    const Json made = book(central, "V-meeting-1", "2027-03-02T13:00:00+08:00", 1);
    const codes::TrustedKeys keys = served_keys(central);
    const std::int64_t start = kMonday10am + 27 * 3600;
    const std::string pass = made["pass"];
    const auto verified = codes::verify_token(pass, {keys, "demo-hall-001", start, nullptr});
    REQUIRE(std::holds_alternative<codes::BookingPass>(verified));
    const auto& p = std::get<codes::BookingPass>(verified);
    CHECK(p.ref == made["booking"]["id"]);
    CHECK(p.hall == "demo-hall-001");
    CHECK(p.nbf == start - 30 * 60);
    CHECK(p.exp == start + 2 * 3600);
    CHECK(p.once);
    CHECK(p.kid == "central-pass-1");
    CHECK(p.pass_id == pass_id_of(pass));
    const auto elsewhere = codes::verify_token(pass, {keys, "hall-elsewhere", start, nullptr});
    REQUIRE(std::holds_alternative<codes::Reason>(elsewhere));
    CHECK(std::get<codes::Reason>(elsewhere) == codes::Reason::wrong_hall);
    const auto early = codes::verify_token(pass, {keys, "demo-hall-001", start - 3600, nullptr});
    REQUIRE(std::holds_alternative<codes::Reason>(early));
    CHECK(std::get<codes::Reason>(early) == codes::Reason::not_yet_valid);
}

TEST_CASE("a checkin record marks the booking checked in, and a second check-in of the pass is refused")
{
    RunningCentral central(true, kMaxBodyBytes, [] { return kMonday10am; });
    TestKiosk kiosk(central.scratch(), "kiosk-0412-03");
    central.register_kiosk(kiosk);
    const Json made = book(central, "V-meeting-1", "2027-03-02T13:00:00+08:00", 1);
    const Json checkin = {{"pass", pass_id_of(made["pass"])},
                          {"ref", made["booking"]["id"]},
                          {"hall", "demo-hall-001"},
                          {"at", "2027-03-02T12:50:00+08:00"}};
    Json extra = checkin;
    extra["seat"] = 3;
    Json wrong_pass = checkin;
    wrong_pass["pass"] = "P0000";
    Json no_booking = checkin;
    no_booking["ref"] = "B-none";
    const auto results = results_of(central.upload(
        kiosk.id(), {kiosk.next(checkin, "checkin"), kiosk.next(checkin, "checkin"), kiosk.next(extra, "checkin"),
                     kiosk.next(wrong_pass, "checkin"), kiosk.next(no_booking, "checkin")}));
    CHECK(results[0]["status"] == "accepted");
    CHECK(results[1]["reason"] == "already checked in");
    CHECK(results[2]["reason"] == "seat: not a member of this record");
    CHECK(results[3]["reason"] == "pass: not the pass of that booking");
    CHECK(results[4]["reason"] == "ref: no such booking");
    auto store = central.store();
    auto s = store.database().prepare("SELECT checked_in_at, checkin_record FROM bookings WHERE id = ?1");
    REQUIRE(s);
    s->bind(1, made["booking"]["id"].get<std::string>());
    REQUIRE(s->step().value());
    CHECK(s->text(0) == "2027-03-02T04:50:00Z");
    CHECK(s->text(1) == results[0]["id"]);
}

TEST_CASE("booking needs a kiosk's client certificate where unenrolled kiosks are not allowed")
{
    RunningCentral central(false, kMaxBodyBytes, [] { return kMonday10am; });
    auto r = central.client()->Post("/v1/holds", hold_body("V-meeting-1", "2027-03-02T13:00:00+08:00", 4, 1),
                                    kJsonType);
    REQUIRE(r);
    CHECK(r->status == 401);
}

TEST_CASE("central-admin lists bookings and sign-ups with the residents' names masked")
{
    RunningCentral central(true, kMaxBodyBytes, [] { return kMonday10am; });
    book(central, "V-meeting-1", "2027-03-02T13:00:00+08:00", 1);
    book(central, "V-court-1", "2027-03-03T18:00:00+08:00", 2);
    auto signed_up = central.client()->Post("/v1/signups", signup_body("A-2027-033", resident(1)), kJsonType);
    REQUIRE(signed_up);
    REQUIRE(signed_up->status == 201);
    const std::string admin = std::string(HK_CENTRAL_ADMIN) + " ";
    const std::string data = "'" + central.data_dir().string() + "'";
    const auto all = hk::uplink::test::run(admin + "bookings list " + data);
    REQUIRE_MESSAGE(all.status == 0, all.output);
    CHECK(all.output.find("V-meeting-1\t2027-03-02T13:00:00+08:00") != std::string::npos);
    CHECK(all.output.find("V-court-1") != std::string::npos);
    CHECK(all.output.find("王**") != std::string::npos);
    CHECK(all.output.find("王建国") == std::string::npos);
    const auto one_day = hk::uplink::test::run(admin + "bookings list " + data + " --date 2027-03-03");
    CHECK(one_day.output.find("V-meeting-1") == std::string::npos);
    CHECK(one_day.output.find("V-court-1") != std::string::npos);
    const auto signups = hk::uplink::test::run(admin + "signups list " + data + " --activity A-2027-033");
    REQUIRE_MESSAGE(signups.status == 0, signups.output);
    CHECK(signups.output.find("A-2027-033\tconfirmed\t王**") != std::string::npos);
    CHECK(hk::uplink::test::run(admin + "bookings list " + data + " --date 2027-3-3").status == 1);
    CHECK(hk::uplink::test::run(admin + "bookings show " + data).status == 2);
}

TEST_CASE("eight kiosks racing for the same slots and places never get one twice")
{
    RunningCentral central(true, kMaxBodyBytes, [] { return kMonday10am; });
    constexpr int kKiosks = 8;
    constexpr int kRounds = 5;
    constexpr int kSlotsPerRound = 3;
    constexpr int kPlaces = 3; // A-2027-033
    constexpr int kWaitlist = 2;
    // Court slots: 16:00, 17:00, 18:00 on Tuesday 2 March and the four days after (Saturday's
    // opening is earlier: 08:00, 09:00, 10:00).
    std::vector<std::vector<std::string>> slots(kRounds);
    for (int r = 0; r < kRounds; ++r)
        for (int k = 0; k < kSlotsPerRound; ++k) {
            const int hour = (r == 4 ? 8 : 16) + k;
            char text[40];
            std::snprintf(text, sizeof text, "2027-03-%02d T%02d:00:00+08:00", 2 + r, hour);
            std::string start(text);
            start.erase(10, 1);
            slots[static_cast<std::size_t>(r)].push_back(start);
        }

    std::mutex counts_mutex;
    std::map<std::string, int> counts; // "hold 201", "hold 409 taken", "confirm 201", "signup confirmed", ...
    std::vector<std::string> waited; // ID numbers of residents put on the waiting list
    std::atomic<int> requests{0};
    std::vector<std::unique_ptr<httplib::SSLClient>> clients;
    for (int k = 0; k < kKiosks; ++k)
        clients.push_back(central.client());
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k)
        kiosks.emplace_back([&, k] {
            auto& client = *clients[static_cast<std::size_t>(k)];
            std::map<std::string, int> mine;
            std::pair<std::string, std::string> kept; // a confirmed sign-up: its id and the resident's ID number
            std::vector<std::string> waiting_residents;
            const auto note = [&](const std::string& what) { ++mine[what]; };
            for (int r = 0; r < kRounds; ++r) {
                for (const auto& start : slots[static_cast<std::size_t>(r)]) {
                    // A resident of its own for each attempt, so that only the slot stands in the way.
                    const int who = (r * kSlotsPerRound + static_cast<int>(&start - &slots[r][0])) * kKiosks + k;
                    auto held = client.Post("/v1/holds", hold_body("V-court-1", start, 4, who), kJsonType);
                    ++requests;
                    if (!held) {
                        note("hold failed");
                        continue;
                    }
                    const Json body = Json::parse(held->body);
                    note("hold " + std::to_string(held->status) + (held->status == 409 ? " " + body.value("rule", "") : ""));
                    if (held->status != 201)
                        continue;
                    auto made = client.Post("/v1/holds/" + body["hold"].get<std::string>() + "/confirm", "", kJsonType);
                    ++requests;
                    note(made ? "confirm " + std::to_string(made->status) : "confirm failed");
                }
                // The place won last round is given up first, so that the waiting list moves under the race.
                if (!kept.first.empty()) {
                    auto gone = client.Post("/v1/signups/" + kept.first + "/cancel", id_body(kept.second), kJsonType);
                    ++requests;
                    note(gone ? "cancel " + std::to_string(gone->status) : "cancel failed");
                    kept = {};
                }
                const Json who = resident(500 + r * kKiosks + k);
                auto signed_up = client.Post("/v1/signups", signup_body("A-2027-033", who), kJsonType);
                ++requests;
                if (!signed_up) {
                    note("signup failed");
                    continue;
                }
                const Json body = Json::parse(signed_up->body);
                if (signed_up->status != 201) {
                    note("signup " + std::to_string(signed_up->status) + " " + body.value("rule", ""));
                    continue;
                }
                const std::string state = body["signup"]["state"];
                note("signup " + state);
                if (state == "confirmed")
                    kept = {body["signup"]["id"].get<std::string>(), who["id_number"].get<std::string>()};
                else
                    waiting_residents.push_back(who["id_number"]);
            }
            std::lock_guard lock(counts_mutex);
            for (const auto& [what, n] : mine)
                counts[what] += n;
            waited.insert(waited.end(), waiting_residents.begin(), waiting_residents.end());
        });
    for (auto& t : kiosks)
        t.join();
    const auto elapsed_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();

    const int attempts = kKiosks * kRounds * kSlotsPerRound;
    const int slots_offered = kRounds * kSlotsPerRound;
    CAPTURE(Json(counts).dump());
    CHECK(counts["hold 201"] == slots_offered); // holds never expire here: one winner a slot
    CHECK(counts["hold 409 taken"] == attempts - slots_offered);
    CHECK(counts["confirm 201"] == slots_offered);
    CHECK(counts["hold failed"] + counts["confirm failed"] + counts["signup failed"] + counts["cancel failed"] == 0);
    const int signups = counts["signup confirmed"] + counts["signup waiting"] + counts["signup 409 full"];
    CHECK(signups == kKiosks * kRounds);
    CHECK(counts["cancel 200"] > 0);

    auto store = central.store();
    auto& db = store.database();
    CHECK(db.query_int("SELECT count(*) FROM bookings WHERE state = 'confirmed'").value() == slots_offered);
    CHECK(db.query_int("SELECT count(*) FROM (SELECT venue, start FROM bookings WHERE state = 'confirmed' "
                       "GROUP BY venue, start HAVING count(*) > 1)")
              .value() == 0);
    const auto confirmed = db.query_int("SELECT count(*) FROM signups WHERE state = 'confirmed'").value();
    const auto waiting = db.query_int("SELECT count(*) FROM signups WHERE state = 'waiting'").value();
    CHECK(confirmed <= kPlaces);
    CHECK(waiting <= kWaitlist);
    CHECK((waiting == 0 || confirmed == kPlaces)); // no one waits while a place is free
    CHECK(db.query_int("SELECT count(*) FROM signups").value() == counts["signup confirmed"] + counts["signup waiting"]);
    CHECK(db.query_int("SELECT count(*) FROM signups WHERE state = 'cancelled'").value() == counts["cancel 200"]);
    const Json seats = json_of(central.client()->Get("/v1/activities/A-2027-033/seats"));
    CHECK(seats["taken"] == confirmed);
    CHECK(seats["waiting"] == waiting);
    // Waiting positions, as the residents see them, run 1, 2, ... without a gap; the others who
    // waited were promoted.
    std::vector<int> positions;
    int promoted = 0;
    for (const auto& id_number : waited) {
        const Json found =
            json_of(central.client()->Post("/v1/residents/lookup", id_body(id_number), kJsonType))["signups"];
        REQUIRE(found.size() == 1);
        if (found[0]["state"] == "waiting")
            positions.push_back(found[0]["position"]);
        else
            ++promoted;
    }
    std::sort(positions.begin(), positions.end());
    for (std::size_t i = 0; i < positions.size(); ++i)
        CHECK(positions[i] == static_cast<int>(i + 1));
    CHECK(static_cast<std::int64_t>(positions.size()) == waiting);
    CHECK(promoted > 0);
    std::printf("booking race: %d kiosks, %d rounds, %d requests in %lld ms; %d slots confirmed once each, %d holds "
                "refused as taken; sign-ups %d confirmed, %d waiting (%d promoted), %d full, %d cancelled\n",
                kKiosks, kRounds, requests.load(), static_cast<long long>(elapsed_ms), counts["confirm 201"],
                counts["hold 409 taken"], counts["signup confirmed"], counts["signup waiting"],
                promoted, counts["signup 409 full"], counts["cancel 200"]);
}
