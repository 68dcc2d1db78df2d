// central-admin run as people run it: init, register, enrol, records.
#include "central_support.hpp"

#include "durable_file.hpp"
#include "jwk.hpp"
#include "record_intake.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::run;
using hk::uplink::test::ScratchDir;
using hk::uplink::test::write_file;

namespace {

hk::uplink::test::Run admin(const std::string& args)
{
    return run(std::string(HK_CENTRAL_ADMIN) + " " + args);
}

} // namespace

TEST_CASE("central-admin sets up a data folder, registers and enrols kiosks and lists their records")
{
    ScratchDir dir;
    const std::string data = (dir.path() / "data").string();
    auto init = admin("init '" + data + "'");
    REQUIRE_MESSAGE(init.status == 0, init.output);
    CHECK(std::filesystem::exists(dir.path() / "data" / kDatabaseFile));
    CHECK(admin("init '" + data + "'").status == 1);

    test::TestKiosk first(dir, "kiosk-1");
    write_file(dir.path() / "kiosk-1.jwk", first.identity().public_jwk().dump());
    auto reg = admin("register '" + data + "' --kiosk kiosk-1 --jwk '" + (dir.path() / "kiosk-1.jwk").string() + "'");
    REQUIRE_MESSAGE(reg.status == 0, reg.output);
    CHECK(reg.output == "registered kiosk kiosk-1, kid " + first.identity().kid() + "\n");

    test::TestKiosk second(dir, "kiosk-2", hk::uplink::KeyAlg::eddsa);
    write_file(dir.path() / "kiosk-2.csr", second.identity().make_csr("kiosk-2", "Futian").value());
    const auto cert = dir.path() / "kiosk-2.pem";
    auto enrol = admin("enrol '" + data + "' --kiosk kiosk-2 --csr '" + (dir.path() / "kiosk-2.csr").string() +
                       "' --out '" + cert.string() + "'");
    REQUIRE_MESSAGE(enrol.status == 0, enrol.output);
    CHECK(
        run("openssl verify -CAfile '" + data + "/" + std::string(kCaCertFile) + "' '" + cert.string() + "'").status ==
        0);

    {
        auto store = CentralStore::open(dir.path() / "data");
        REQUIRE(store);
        auto registered = store->kiosk("kiosk-2");
        REQUIRE(registered);
        REQUIRE(*registered);
        CHECK((*registered)->kid == second.identity().kid());
        const std::string r1 = first.next();
        const std::string r2 = first.next();
        const std::string r3 = first.next();
        const Catalogue catalogue = test::loaded_sample();
        const ResidentKeys residents = test::residents_of(dir.path() / "data");
        const Intake intake{*store, catalogue, residents};
        REQUIRE(take_records(intake, Envelope{"kiosk-1", {r1, r3}}, "2026-03-01T08:31:00Z"));
        REQUIRE(
            take_records(intake, Envelope{"kiosk-2", {second.next({{"stars", 5}}, "rating")}}, "2026-03-01T08:32:00Z"));
    }
    auto all = admin("records '" + data + "'");
    REQUIRE(all.status == 0);
    CHECK(all.output.find("kiosk-1\t1\tok\taudit\t") != std::string::npos);
    CHECK(all.output.find("kiosk-1\t3\tgap\taudit\t") != std::string::npos);
    // A rating whose body is not one is held in the chain, with why it was refused.
    CHECK(all.output.find("kiosk-2\t1\tok\trating\t") != std::string::npos);
    CHECK(all.output.find("\tstars: not a member of this record\n") != std::string::npos);
    auto one = admin("records '" + data + "' --kiosk kiosk-2");
    REQUIRE(one.status == 0);
    CHECK(one.output.find("kiosk-1") == std::string::npos);
    CHECK(one.output.find("kiosk-2\t1\tok\trating\t") != std::string::npos);
    CHECK(one.output.starts_with("kiosk\tseq\tflag\ttype\tat\tid\treceived_at\trefused\n"));
}

TEST_CASE("central-admin refuses unknown commands and keys it cannot verify with")
{
    ScratchDir dir;
    CHECK(admin("").status == 2);
    CHECK(admin("revoke '" + dir.path().string() + "'").status == 2);
    CHECK(admin("register '" + dir.path().string() + "' --kiosk k").status == 2);
    write_file(dir.path() / "bad.jwk", R"({"kty":"RSA","n":"AQAB","e":"AQAB"})");
    CHECK(admin("register '" + dir.path().string() + "' --kiosk k --jwk '" + (dir.path() / "bad.jwk").string() + "'")
              .status == 1);
}

namespace {

// A data folder with the CA, kiosk-1 registered, and the named request `number` taken from it
// (the server's intake, without HTTP).
struct AdminRig {
    ScratchDir dir;
    std::string data = (dir.path() / "data").string();
    test::TestKiosk kiosk{dir, "kiosk-1"};

    explicit AdminRig(const std::string& number)
    {
        REQUIRE(admin("init '" + data + "'").status == 0);
        send(test::named_request_body(number), "request");
    }
    // The result of the kiosk's next record: "accepted" or the reason it was rejected.
    std::string send(const nlohmann::json& body, const std::string& type)
    {
        auto store = CentralStore::open(data);
        REQUIRE(store);
        REQUIRE(store->register_kiosk(kiosk.id(), kiosk.identity().public_jwk()));
        const Catalogue catalogue = test::loaded_sample();
        const ResidentKeys residents = test::residents_of(data);
        auto results = take_records(Intake{*store, catalogue, residents},
                                    Envelope{kiosk.id(), {kiosk.next(body, type)}}, "2026-03-05T10:00:05Z");
        REQUIRE(results);
        const auto& r = results->at(0);
        return r.outcome == Outcome::rejected ? r.reason : std::string(outcome_name(r.outcome));
    }
    hk::uplink::test::Run request(const std::string& args) const
    {
        const auto space = args.find(' ');
        return admin("request " + args.substr(0, space) + " '" + data + "'" +
                     (space == std::string::npos ? "" : args.substr(space)));
    }
};

} // namespace

TEST_CASE("central-admin moves a request through every stage and shows it with personal fields masked")
{
    const std::string number = test::tracking_number(3);
    AdminRig rig(number);
    for (const char* to : {"accepted", "dispatched", "resolved"}) {
        CAPTURE(to);
        auto r = rig.request("advance " + number + " --to " + to + " --unit '莲花街道城管科' --note '已派人处理'");
        REQUIRE_MESSAGE(r.status == 0, r.output);
        CHECK(r.output == "request " + number + " is " + to + "\n");
    }
    REQUIRE(rig.send({{"tracking", number}, {"check", "482913"}, {"action", "confirm"}, {"at", "2026-03-05T10:00:00Z"}},
                     "request_feedback") == "accepted");
    REQUIRE(rig.send({{"subject", {{"kind", "request"}, {"tracking", number}, {"check", "482913"}}},
                      {"level", 5},
                      {"at", "2026-03-05T10:01:00Z"}},
                     "rating") == "accepted");
    auto closed = rig.request("advance " + number + " --to closed --unit 莲花街道");
    REQUIRE_MESSAGE(closed.status == 0, closed.output);

    auto list = rig.request("list");
    REQUIRE(list.status == 0);
    const std::string row = number + "\tclosed\ttraffic.streetlight\t2026-03-02T08:30:00Z\t";
    CHECK(list.output.starts_with("tracking\tstatus\tcategory\tdue\tlast_change\trated\n" + row));
    CHECK(list.output.ends_with("Z\tyes\n")); // last change: the close, just now

    auto show = rig.request("show " + number);
    REQUIRE_MESSAGE(show.status == 0, show.output);
    for (const std::string& line :
         {"tracking:\t" + number + "\n", std::string("status:\tclosed\n"), std::string("rated:\tyes\n"),
          std::string("kiosk:\tkiosk-1\n"), std::string("hall:\tdemo-hall-001\n"),
          std::string("place:\tcommunity C-0412, grid G-0412-07, 彩田路口\n"),
          std::string("reporter:\tnamed: 张**, ID 1101**********002X, phone 138****5678 (consent 2026-01 at "
                      "2026-03-01T08:29:40Z)\n"),
          std::string("description:\n  路灯不亮，晚上很黑\n"),
          std::string("  2026-03-01T08:30:00Z\tsubmitted\tkiosk-1\t\n"),
          std::string("\tdispatched\t莲花街道城管科\t已派人处理\n"), std::string("Z\tconfirmed\tkiosk-1\t\n"),
          std::string("Z\tclosed\t莲花街道\t\n")}) {
        CAPTURE(line);
        CHECK(show.output.find(line) != std::string::npos);
    }
    // Personal fields never in full.
    for (const char* plain : {"张小三", "11010519491231002X", "13812345678"})
        CHECK(show.output.find(plain) == std::string::npos);
}

TEST_CASE("central-admin refuses moves that are not staff's to make, and says why")
{
    const std::string number = test::tracking_number(4);
    AdminRig rig(number);
    auto confirm = rig.request("advance " + number + " --to confirmed --unit 街道办");
    CHECK(confirm.status == 1);
    CHECK(confirm.output == "central-admin: only the resident confirms or reopens a request, from a kiosk\n");
    auto skip = rig.request("advance " + number + " --to resolved --unit 街道办");
    CHECK(skip.status == 1);
    CHECK(skip.output == "central-admin: a request at submitted cannot move to resolved\n");
    auto unknown = rig.request("advance " + test::tracking_number(5) + " --to accepted --unit 街道办");
    CHECK(unknown.status == 1);
    CHECK(unknown.output == "central-admin: no request " + test::tracking_number(5) + "\n");
    CHECK(rig.request("advance " + number + " --to lost --unit 街道办").status == 1);
    CHECK(rig.request("show " + test::tracking_number(5)).status == 1);
    // Malformed command lines: usage, exit 2.
    CHECK(rig.request("advance " + number + " --to accepted").status == 2);
    CHECK(rig.request("advance " + number + " --unit 街道办").status == 2);
    CHECK(rig.request("advance " + number + " --to accepted --unit 街道办 --colour red").status == 2);
    CHECK(rig.request("list extra").status == 2);
    CHECK(rig.request("reopen " + number).status == 2);
    CHECK(admin("request").status == 2);

    auto show = rig.request("show " + number);
    REQUIRE(show.status == 0);
    CHECK(show.output.find("status:\tsubmitted\n") != std::string::npos);
}

TEST_CASE("central-admin lists staff's audit events in time order, of one hall or one staff member")
{
    ScratchDir dir;
    const std::string data = (dir.path() / "data").string();
    REQUIRE(admin("init '" + data + "'").status == 0);
    test::TestKiosk first(dir, "kiosk-1");
    test::TestKiosk second(dir, "kiosk-2");
    {
        auto store = CentralStore::open(data);
        REQUIRE(store);
        REQUIRE(store->register_kiosk(first.id(), first.identity().public_jwk()));
        REQUIRE(store->register_kiosk(second.id(), second.identity().public_jwk()));
        nlohmann::json other_hall = test::audit_body("login", "", "S0042", "staff");
        other_hall["hall"] = "hall-2";
        first.set_time("2026-03-01T09:00:00Z");
        const std::vector<std::string> ones = {
            first.next(test::audit_body("badge_refused", "wrong_hall", "", "", "refused")),
            first.next(test::audit_body("config_change", "idle_timeout 120 -> 90", "T0007", "tech"))};
        second.set_time("2026-03-01T08:00:00Z");
        const std::vector<std::string> twos = {second.next(other_hall),
                                               second.next(test::audit_body("dance"))}; // refused: not listed
        const Catalogue catalogue = test::loaded_sample();
        const ResidentKeys residents = test::residents_of(data);
        const Intake intake{*store, catalogue, residents};
        REQUIRE(take_records(intake, Envelope{"kiosk-1", ones}, "2026-03-01T09:01:00Z"));
        REQUIRE(take_records(intake, Envelope{"kiosk-2", twos}, "2026-03-01T09:01:00Z"));
    }
    const std::string heading = "at\tkiosk\tseq\tstaff\trole\taction\tresult\tdetail\n";
    const std::string login = "2026-03-01T08:00:00Z\tkiosk-2\t1\tS0042\tstaff\tlogin\tok\t\n";
    const std::string refused = "2026-03-01T09:00:00Z\tkiosk-1\t1\t\t\tbadge_refused\trefused\twrong_hall\n";
    const std::string change =
        "2026-03-01T09:00:00Z\tkiosk-1\t2\tT0007\ttech\tconfig_change\tok\tidle_timeout 120 -> 90\n";
    auto all = admin("audit list '" + data + "'");
    REQUIRE_MESSAGE(all.status == 0, all.output);
    CHECK(all.output == heading + login + refused + change);
    auto hall = admin("audit list '" + data + "' --hall demo-hall-001");
    REQUIRE(hall.status == 0);
    CHECK(hall.output == heading + refused + change);
    auto staff = admin("audit list '" + data + "' --staff S0042");
    REQUIRE(staff.status == 0);
    CHECK(staff.output == heading + login);
    auto both = admin("audit list '" + data + "' --staff T0007 --hall demo-hall-001");
    REQUIRE(both.status == 0);
    CHECK(both.output == heading + change);
    CHECK(admin("audit list '" + data + "' --hall hall-3").output == heading);

    // Malformed command lines: usage, exit 2; a data folder that cannot be opened: exit 1.
    const std::vector<std::string> malformed = {"audit", "audit list", "audit show '" + data + "'",
                                                "audit list '" + data + "' --hall",
                                                "audit list '" + data + "' --kiosk kiosk-1"};
    for (const auto& args : malformed) {
        CAPTURE(args);
        const auto r = admin(args);
        CHECK(r.status == 2);
        CHECK(r.output.find("central-admin audit list DATA_DIR [--hall HALL] [--staff ID]") != std::string::npos);
    }
    write_file(dir.path() / "not-a-folder", "x");
    CHECK(admin("audit list '" + (dir.path() / "not-a-folder").string() + "'").status == 1);
}

TEST_CASE("central-admin enrol of an enrolled kiosk with a new key's request keeps the key it replaces")
{
    ScratchDir dir;
    const std::string data = (dir.path() / "data").string();
    REQUIRE(admin("init '" + data + "'").status == 0);
    test::TestKiosk kiosk(dir, "kiosk-1");
    const auto enrol = [&](const std::string& csr) {
        write_file(dir.path() / "kiosk-1.csr", csr);
        return admin("enrol '" + data + "' --kiosk kiosk-1 --csr '" + (dir.path() / "kiosk-1.csr").string() +
                     "' --out '" + (dir.path() / "kiosk-1.pem").string() + "'");
    };
    REQUIRE(enrol(kiosk.identity().make_csr("kiosk-1", "Futian").value()).status == 0);

    auto maintenance = hk::uplink::DeviceIdentity::load_or_create(kiosk.state_dir(), hk::uplink::KeyAlg::es256);
    REQUIRE(maintenance);
    auto request = maintenance->make_next_key_request("kiosk-1", "Futian");
    REQUIRE(request);
    auto again = enrol(request->csr);
    REQUIRE_MESSAGE(again.status == 0, again.output);
    CHECK(again.output.find("kid " + request->kid) != std::string::npos);
    auto installed = maintenance->install_certificate(hk::uplink::read_small_file(dir.path() / "kiosk-1.pem").value(),
                                                      test::now_unix());
    REQUIRE(installed);
    CHECK(installed->at_next_start);

    auto store = CentralStore::open(data);
    REQUIRE(store);
    CHECK(store->kiosk("kiosk-1").value()->kid == request->kid);
    auto earlier = store->earlier_keys("kiosk-1");
    REQUIRE(earlier);
    REQUIRE(earlier->size() == 1);
    CHECK((*earlier)[0].kid == kiosk.identity().kid());
    CHECK_FALSE((*earlier)[0].below_seq);
}
