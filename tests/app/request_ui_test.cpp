// Filing and following requests end to end, as a resident does it: the real hallkiosk binary in
// demo mode (simulated printer, card reader and scanner) driven by scripts under SDL's offscreen
// driver, enrolled with and uploading to the reference central server on a loopback port over
// mutual TLS, and staff moving the request on with central-admin. The central side's stored record
// is checked field by field, its signature and its kiosk's chain verified; every run keeps its
// screenshots (build tree: screenshots/requests/...) and the receipts the printer made.
#include "enrolled_kiosk.hpp"

#include "certificate_authority.hpp"
#include "durable_file.hpp"
#include "jwk.hpp"
#include "tracking_code.hpp"
#include "rfc3339.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <sstream>

using namespace hk;
using namespace hk::test;
using namespace hk::central::test;
namespace fs = std::filesystem;

namespace {

// The tracking number the kiosk's log names for the request it filed.
std::string filed_tracking(const Run& r)
{
    std::smatch m;
    REQUIRE_MESSAGE(std::regex_search(r.output, m, std::regex("request: filed ([0-9]{14}) ")), r.output);
    return m[1];
}

// The script's lines tapping `digits` on the follow screen's pad.
std::string pad(const std::string& digits)
{
    std::string s;
    for (char c : digits)
        s += std::string("tap follow.key.") + c + "\n";
    return s;
}

const std::string kFileAnonymous = R"(await catalogue
tap attract.start
tap home.tile.file_request
shot category
tap req.group.traffic
shot streetlight
tap req.category.traffic.streetlight
shot place
tap req.community.C-0412
shot grids
tap req.grid.G-0412-07
tap req.phrase.traffic.streetlight.out
shot describe
tap kb.key.done
shot reporter
tap req.reporter.anonymous
shot review
tap req.submit
shot done
await printed
await sent
shot done-sent
)";

// Files kFileAnonymous at `k` and waits for it to reach the central side: its tracking number and
// check code.
std::pair<std::string, std::string> file_anonymous(const EnrolledKiosk& k)
{
    const Run filed = k.script("file", kFileAnonymous);
    INFO(filed.output);
    REQUIRE(filed.status == 0);
    return {filed_tracking(filed), k.verified_chain().at(0).body.at("check")};
}

std::string tracking_qr(const std::string& tracking, const std::string& check)
{
    return codes::format_tracking_qr({tracking, check});
}

} // namespace

TEST_CASE("an anonymous request filed on the touch screen reaches the central side as filed, signed and chained")
{
    EnrolledKiosk k("anonymous");
    const Run r = k.script("file", kFileAnonymous);
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string tracking = filed_tracking(r);

    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1);
    const uplink::VerifiedRecord& rec = chain[0];
    CHECK(rec.header.type == "request");
    CHECK(rec.header.kiosk == kKioskId);
    CHECK(rec.header.seq == 1);
    const nlohmann::json& b = rec.body;
    CHECK(b.at("tracking") == tracking);
    CHECK(b.at("hall") == "test-hall-001");
    CHECK(b.at("category") == "traffic.streetlight");
    CHECK(b.at("place") == nlohmann::json{{"kind", "community"}, {"community", "C-0412"}, {"grid", "G-0412-07"}});
    CHECK(b.at("description") == "路灯不亮");
    CHECK(b.at("phrases") == nlohmann::json{"traffic.streetlight.out"});
    CHECK(b.at("reporter") == nlohmann::json{{"kind", "anonymous"}});
    CHECK(b.at("lang") == "zh-Hans");
    // Filed when the record was made (a script's waits move the kiosk's clock a little).
    const auto filed_at = uplink::parse_rfc3339_utc(std::string(b.at("filed_at")));
    const auto made_at = uplink::parse_rfc3339_utc(rec.header.at);
    REQUIRE(filed_at);
    REQUIRE(made_at);
    CHECK(std::abs(*filed_at - *made_at) < 120);
    CHECK_FALSE(b.contains("consent"));
    const std::string check = b.at("check");

    // The receipt carries both numbers and the QR code a resident scans to follow it.
    const auto receipts = k.receipts("file");
    REQUIRE(receipts.size() == 1);
    CHECK(qr_on(receipts[0]) == tracking_qr(tracking, check));
    // The central side opened the request, due a day later (the category's 24 hours).
    auto status = k.central().store().request(tracking);
    REQUIRE(status);
    REQUIRE(*status);
    CHECK((*status)->status == "submitted");
    CHECK((*status)->check == check);
    // Screens: each step its own picture; the done screen shows the numbers.
    const fs::path shots = k.dir() / "file";
    for (const char* s : {"category", "streetlight", "place", "grids", "describe", "reporter", "review", "done"})
        CHECK_MESSAGE(looks_drawn(load(shots / (std::string(s) + ".png"))), s);
    CHECK(difference(load(shots / "review.png"), load(shots / "done.png")) > 0.05);
    // Nothing the resident wrote reaches the log.
    CHECK(r.output.find("路灯不亮") == std::string::npos);
    CHECK(r.output.find(check) == std::string::npos);
}

TEST_CASE("a named request: the card read, the number typed, consent given - stored in full centrally, masked everywhere else")
{
    EnrolledKiosk k("named");
    const Run r = k.script("file", R"(await catalogue
tap attract.start
tap home.tile.file_request
tap req.group.property
tap req.category.property.repairs
tap req.place.hall
tap req.phrase.property.repairs.lift
tap kb.key.done
tap req.reporter.named
shot consent
tap req.consent.agree
shot card
tap demo.open
tap demo.unplug.idcard
tap demo.close
shot reader-down
tap demo.open
tap demo.plug.idcard
tap demo.card.1
tap demo.close
shot phone
tap req.phone.1
tap req.phone.3
tap req.phone.8
tap req.phone.1
tap req.phone.2
tap req.phone.3
tap req.phone.4
tap req.phone.5
tap req.phone.6
tap req.phone.7
tap req.phone.9
tap req.phone.delete
tap req.phone.8
shot phone-typed
tap req.next
shot review
tap req.submit
shot done
await printed
await sent
tap demo.open
tap demo.card.take
tap demo.close
)");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string tracking = filed_tracking(r);
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1);
    const nlohmann::json& b = chain[0].body;
    CHECK(b.at("category") == "property.repairs");
    CHECK(b.at("place") == nlohmann::json{{"kind", "hall"}});
    CHECK(b.at("reporter") == nlohmann::json{{"kind", "named"},
                                             {"name", "王建国"},
                                             {"id_number", "110105199007071236"},
                                             {"phone", "13812345678"}});
    CHECK(b.at("consent").at("version") == "2026-12");
    // The receipt and the log show the name and number masked only.
    const auto receipts = k.receipts("file");
    REQUIRE(receipts.size() == 1);
    CHECK(qr_on(receipts[0]) == tracking_qr(tracking, b.at("check").get<std::string>()));
    for (const char* secret : {"王建国", "110105199007071236", "13812345678"}) {
        CAPTURE(secret);
        CHECK(r.output.find(secret) == std::string::npos);
    }
    const fs::path shots = k.dir() / "file";
    CHECK(difference(load(shots / "consent.png"), load(shots / "card.png")) > 0.05);
    // An unplugged reader is said so, with the way on without it.
    CHECK(difference(load(shots / "card.png"), load(shots / "reader-down.png")) > 0.002);
    CHECK(difference(load(shots / "phone.png"), load(shots / "phone-typed.png")) > 0.002);
}

TEST_CASE("a request typed in pinyin keeps its characters, in Traditional Chinese when the screen is")
{
    EnrolledKiosk k("pinyin");
    const Run r = k.script("file", R"(await catalogue
tap attract.start
tap top.lang.zh-Hant
tap home.tile.file_request
tap req.group.traffic
tap req.category.traffic.streetlight
tap req.place.hall
tap kb.key.l
tap kb.key.u
tap kb.key.d
tap kb.key.e
tap kb.key.n
tap kb.key.g
shot composing
tap kb.cand.0
tap kb.key.h
tap kb.key.u
tap kb.key.a
tap kb.key.i
tap kb.key.l
tap kb.key.e
tap kb.cand.0
shot typed
tap kb.key.done
tap req.reporter.anonymous
tap req.submit
shot done
await sent
)");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1);
    const std::string description = chain[0].body.at("description");
    CHECK(description == "路燈壞了");
    CHECK(chain[0].body.at("lang") == "zh-Hant");
    CHECK_FALSE(chain[0].body.contains("phrases"));
}

TEST_CASE("a request filed while the central side cannot be reached is kept, said so, and delivered later")
{
    EnrolledKiosk k("central_down");
    // A first run fetches the catalogue the later ones choose from.
    const Run first = k.script("catalogue", "await catalogue\n");
    REQUIRE(first.status == 0);
    // Nothing listens on port 9 of this machine: every attempt fails at once.
    std::string script = kFileAnonymous;
    script.replace(script.find("await sent\n"), std::string::npos, "wait 3000\nshot done-offline\n");
    const Run down = k.script("file", script, "https://127.0.0.1:9");
    INFO(down.output);
    REQUIRE(down.status == 0);
    const std::string tracking = filed_tracking(down);
    CHECK(k.central().store().records(std::string_view(kKioskId))->empty());
    CHECK(k.receipts("file").size() == 1); // the receipt prints all the same
    // The done screen says it is kept and will be sent.
    CHECK(difference(load(k.dir() / "file" / "done.png"), load(k.dir() / "file" / "done-offline.png")) > 0.001);
    // The next start with the network back delivers it.
    const Run up = k.script("later", "await sent\nshot sent\n");
    INFO(up.output);
    REQUIRE(up.status == 0);
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1);
    CHECK(chain[0].body.at("tracking") == tracking);
}

TEST_CASE("the printer out of paper holds the receipt, says so, and prints it once paper is in")
{
    EnrolledKiosk k("paper_out");
    std::string script = kFileAnonymous;
    script.replace(script.find("tap req.submit\n"), 15,
                   "tap demo.open\ntap demo.paper.out\ntap demo.close\ntap req.submit\n");
    script.replace(script.find("await printed\n"), 14,
                   "shot paper-out\ntap demo.open\ntap demo.paper.ok\ntap demo.close\nawait printed\nshot printed\n");
    const Run r = k.script("file", script);
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string tracking = filed_tracking(r);
    CHECK(r.output.find("request receipt " + tracking) != std::string::npos);
    const auto receipts = k.receipts("file");
    REQUIRE(receipts.size() == 1);
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 1); // the request itself never waited for the printer
    CHECK(qr_on(receipts[0]) == tracking_qr(tracking, chain[0].body.at("check").get<std::string>()));
    // The notice was up while the paper was out, and went with the receipt.
    const fs::path shots = k.dir() / "file";
    CHECK(difference(load(shots / "paper-out.png"), load(shots / "printed.png")) > 0.01);
}

TEST_CASE("a request followed through every stage: looked up by number and by QR code, confirmed and rated")
{
    EnrolledKiosk k("follow");
    const auto [tracking, check] = file_anonymous(k);
    const std::string look_up = "await catalogue\ntap attract.start\ntap home.tile.track_request\n" +
                                pad(tracking + check) + "tap follow.look_up\nawait answer\n";

    Run r = k.script("submitted", look_up + "shot status\n");
    REQUIRE(r.status == 0);
    k.advance(tracking, "accepted", "莲花街道城市管理办", "已派人查看");
    r = k.script("accepted", look_up + "shot status\n");
    REQUIRE(r.status == 0);
    k.advance(tracking, "dispatched", "福田区城管局照明所");
    // By the receipt's QR code, from the attract screen.
    r = k.script("dispatched", "scan " + tracking_qr(tracking, check) + "\nawait answer\nshot status\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    k.advance(tracking, "resolved", "福田区城管局照明所", "已更换灯泡，路灯恢复正常");
    r = k.script("resolved", look_up + "shot status\ntap follow.confirm\nshot rate\ntap follow.level.4\nshot thanks\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);

    // Each stage looked different on screen.
    const auto status = [&](const char* run) { return load(k.dir() / run / "status.png"); };
    CHECK(difference(status("submitted"), status("accepted")) > 0.002);
    CHECK(difference(status("accepted"), status("dispatched")) > 0.002);
    CHECK(difference(status("dispatched"), status("resolved")) > 0.002);
    // The central side has the confirmation and the rating, in the kiosk's chain.
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 3);
    CHECK(chain[1].header.type == "request_feedback");
    CHECK(chain[1].body.at("action") == "confirm");
    CHECK(chain[1].body.at("tracking") == tracking);
    CHECK(chain[2].header.type == "rating");
    CHECK(chain[2].body.at("level") == 4);
    CHECK(chain[2].body.at("subject") ==
          nlohmann::json{{"kind", "request"}, {"tracking", tracking}, {"check", check}});
    auto stored = k.central().store().request(tracking);
    REQUIRE(stored);
    CHECK((*stored)->status == "confirmed");
    CHECK((*stored)->rated);
    // Asked again, the request offers nothing more to do: confirmed and rated.
    r = k.script("after", look_up + "shot status\n");
    REQUIRE(r.status == 0);
    CHECK(difference(status("resolved"), status("after")) > 0.002);
}

TEST_CASE("a resolved request reopened with a reason goes back to staff, who take it on again")
{
    EnrolledKiosk k("reopen");
    const auto [tracking, check] = file_anonymous(k);
    k.advance(tracking, "accepted", "莲花街道城市管理办");
    k.advance(tracking, "dispatched", "福田区城管局照明所");
    k.advance(tracking, "resolved", "福田区城管局照明所", "已更换灯泡");
    const Run r = k.script("reopen", "await catalogue\nscan " + tracking_qr(tracking, check) +
                                         "\nawait answer\nshot status\ntap follow.reopen\nshot reasons\n"
                                         "tap follow.reason.came_back\nshot reopened\nawait sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 2);
    CHECK(chain[1].body.at("action") == "reopen");
    CHECK(chain[1].body.at("reason") == "问题又出现了");
    auto stored = k.central().store().request(tracking);
    REQUIRE(stored);
    CHECK((*stored)->status == "reopened");
    k.advance(tracking, "accepted", "莲花街道城市管理办", "重新派人处理");
    const Run again = k.script("again", "await catalogue\nscan " + tracking_qr(tracking, check) +
                                            "\nawait answer\nshot status\n");
    REQUIRE(again.status == 0);
    CHECK(difference(load(k.dir() / "reopen" / "status.png"), load(k.dir() / "again" / "status.png")) > 0.002);
}

TEST_CASE("a resolved request rated dissatisfied asks what went wrong and a call-back, and is kept for follow-up")
{
    EnrolledKiosk k("rate-low");
    const auto [tracking, check] = file_anonymous(k);
    k.advance(tracking, "accepted", "莲花街道城市管理办");
    k.advance(tracking, "dispatched", "福田区城管局照明所");
    k.advance(tracking, "resolved", "福田区城管局照明所", "已更换灯泡");
    std::string phone;
    for (char c : std::string("13912345678"))
        phone += "tap rate.phone." + std::string(1, c) + "\n";
    const Run r = k.script("rate-low", "await catalogue\nscan " + tracking_qr(tracking, check) +
                                           "\nawait answer\ntap follow.confirm\nshot rate\ntap follow.level.2\n"
                                           "shot reasons\ntap rate.reason.reply_slow\ntap rate.reason.many_trips\n"
                                           "tap rate.next\ntap rate.next\ntap rate.callback.yes\n" +
                                           phone + "tap rate.send\nshot thanks\ntap nav.back\nshot follow-done\n"
                                                   "await sent\n");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const auto chain = k.verified_chain();
    REQUIRE(chain.size() == 3);
    CHECK(chain[2].header.type == "rating");
    CHECK(chain[2].body.at("level") == 2);
    CHECK(chain[2].body.at("reasons") == nlohmann::json{"reply_slow", "many_trips"});
    CHECK(chain[2].body.at("callback").at("phone") == "13912345678");
    const Run listed = k.admin("ratings list '" + k.central().data_dir().string() + "' --follow-up");
    INFO(listed.output);
    REQUIRE(listed.status == 0);
    CHECK(listed.output.find(tracking) != std::string::npos);
    CHECK(listed.output.find("reply_slow,many_trips") != std::string::npos);
    CHECK(listed.output.find("\topen") != std::string::npos);
    auto stored = k.central().store().request(tracking);
    REQUIRE(stored);
    CHECK((*stored)->rated);
}
