// Tests of the scan router: demo mode's sample codes each routed as the panel says they are, and
// what the resident is told for each reason a code is refused.
#include "demo_codes.hpp"
#include "memory_replay_guard.hpp"
#include "scan_router.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <openssl/pem.h>

using namespace hk;
using namespace hk::app;

namespace {

constexpr std::int64_t kNow = 1'796'000'000; // 2026-11-30

struct Fixture {
    DemoCodes demo = DemoCodes::make("hall-1", kNow);
    std::unique_ptr<ScanRouter> router;

    Fixture()
    {
        codes::TrustedKeys keys;
        REQUIRE_FALSE(keys.add(DemoCodes::kKeyId, codes::Algorithm::es256, demo.key()));
        auto guard = std::make_unique<codes::MemoryReplayGuard>();
        guard->consume(demo.used_pass_id(), demo.used_pass_exp());
        router = std::make_unique<ScanRouter>(std::move(keys), "hall-1", std::move(guard), [] { return kNow; });
    }

    RoutedScan route(ui::DemoCodeKind kind)
    {
        for (const DemoCode& c : demo.codes())
            if (c.kind == kind)
                return router->route(
                    {c.code, c.aim_id, scanner::ScanEvent::Source::hid_pos, std::chrono::steady_clock::now()});
        FAIL("no sample of that kind");
        return {};
    }
};

codes::Reason reason_of(const RoutedScan& r)
{
    const auto* rejected = std::get_if<codes::Rejected>(&r.code);
    REQUIRE(rejected);
    return rejected->reason;
}

} // namespace

TEST_CASE("the demo's sample codes are what the panel calls them")
{
    Fixture f;
    using K = ui::DemoCodeKind;
    const RoutedScan pass = f.route(K::booking_pass);
    REQUIRE(std::holds_alternative<codes::BookingPass>(pass.code));
    CHECK(std::get<codes::BookingPass>(pass.code).once);
    CHECK(std::get<codes::BookingPass>(pass.code).hall == "hall-1");
    CHECK(notice_for(pass.code) == ui::ScanNotice::none);
    CHECK(pass.latency >= std::chrono::nanoseconds(0));
    const RoutedScan badge = f.route(K::staff_badge);
    REQUIRE(std::holds_alternative<codes::StaffBadge>(badge.code));
    CHECK(std::get<codes::StaffBadge>(badge.code).role == codes::StaffRole::staff);
    CHECK(std::holds_alternative<codes::TrackingCode>(f.route(K::request_receipt).code));
    CHECK(reason_of(f.route(K::used_pass)) == codes::Reason::already_used);
    CHECK(reason_of(f.route(K::expired_pass)) == codes::Reason::expired);
    CHECK(reason_of(f.route(K::other_hall_pass)) == codes::Reason::wrong_hall);
    CHECK(reason_of(f.route(K::forged_pass)) == codes::Reason::bad_signature);
    CHECK(reason_of(f.route(K::web_address)) == codes::Reason::not_ours);
    CHECK(reason_of(f.route(K::chinese_text)) == codes::Reason::not_ours);
    CHECK(reason_of(f.route(K::oversized)) == codes::Reason::syntax_oversized);
    // The cut-off sample is a good pass: what goes wrong is the scan.
    CHECK(std::holds_alternative<codes::BookingPass>(f.route(K::cut_off).code));
    // Queue tickets drawn as the demo starts, ratable for 7 days, taken without a notice.
    const RoutedScan third = f.route(K::ticket_window_3);
    REQUIRE(std::holds_alternative<codes::QueueTicket>(third.code));
    const auto& t3 = std::get<codes::QueueTicket>(third.code);
    CHECK(t3.hall == "hall-1");
    CHECK(t3.window == "W-001-03");
    CHECK(t3.staff == "S0042");
    CHECK(t3.nbf == kNow);
    CHECK(t3.exp == kNow + 7 * 24 * 3600);
    CHECK(notice_for(third.code) == ui::ScanNotice::none);
    const RoutedScan first = f.route(K::ticket_window_1);
    REQUIRE(std::holds_alternative<codes::QueueTicket>(first.code));
    CHECK(std::get<codes::QueueTicket>(first.code).window == "W-001-01");
    CHECK(std::get<codes::QueueTicket>(first.code).staff.empty());
    CHECK(std::get<codes::QueueTicket>(first.code).ticket_id != t3.ticket_id);
    for (const DemoCode& c : f.demo.codes())
        CHECK(c.cut_off == (c.kind == K::cut_off));
}

TEST_CASE("the resident is told why only when the signature checked out")
{
    using R = codes::Reason;
    const auto notice = [](R r) { return notice_for(codes::RoutedCode{codes::Rejected{r, ""}}); };
    CHECK(notice(R::expired) == ui::ScanNotice::expired);
    CHECK(notice(R::not_yet_valid) == ui::ScanNotice::not_yet_valid);
    CHECK(notice(R::wrong_hall) == ui::ScanNotice::other_hall);
    CHECK(notice(R::already_used) == ui::ScanNotice::already_used);
    for (R r : codes::kAllReasons) {
        if (r == R::expired || r == R::not_yet_valid || r == R::wrong_hall || r == R::already_used)
            continue;
        CAPTURE(codes::reason_name(r));
        CHECK(notice(r) == ui::ScanNotice::not_for_kiosk);
    }
    CHECK(notice_for(codes::RoutedCode{codes::TrackingCode{"26120100000421", "318274"}}) == ui::ScanNotice::none);
    CHECK(notice_for(codes::RoutedCode{codes::QueueTicket{"20261130-A017", "hall-1", "W-001-03", "", 0, kNow, "k1"}}) ==
          ui::ScanNotice::none);
    CHECK(ScanRouter::problem({"a HID POS code stopped half way", scanner::ScanEvent::Source::hid_pos}) ==
          ui::ScanNotice::scan_again);
}

TEST_CASE("a sample code that cannot be made is not offered: every sample is an ASCII code a wedge scanner can type")
{
    const DemoCodes demo = DemoCodes::make("hall-1", kNow);
    REQUIRE(demo.codes().size() == 17);
    // The panel's buttons are demo.scan.<index>: the samples keep their places.
    CHECK(demo.codes()[10].kind == ui::DemoCodeKind::cut_off);
    CHECK(demo.codes()[11].kind == ui::DemoCodeKind::ticket_window_3);
    CHECK(demo.codes()[12].kind == ui::DemoCodeKind::ticket_window_1);
    CHECK(demo.codes()[13].kind == ui::DemoCodeKind::badge_tech);
    CHECK(demo.codes()[16].kind == ui::DemoCodeKind::badge_other_hall);
    for (const DemoCode& c : demo.codes()) {
        CAPTURE(static_cast<int>(c.kind));
        CHECK_FALSE(c.code.empty());
        if (c.kind == ui::DemoCodeKind::chinese_text)
            continue;
        for (char ch : c.code)
            CHECK((ch > 0x20 && ch < 0x7F));
    }
}

TEST_CASE("the keys catalogue adds the central platform's ES256 and EdDSA keys, config's keys first")
{
    const DemoCodes demo = DemoCodes::make("hall-1", kNow);
    BIO* bio = BIO_new(BIO_s_mem());
    REQUIRE(PEM_write_bio_PUBKEY(bio, demo.key()) == 1);
    char* data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    const std::string pem(data, static_cast<std::size_t>(len));
    BIO_free(bio);

    const nlohmann::json catalogue = {
        {"name", "keys"},
        {"version", "7"},
        {"items",
         {{{"kid", "district-2026"}, {"alg", "ES256"}, {"public_key", pem}, {"not_after", "2027-12-31T16:00:00Z"}},
          {{"kid", "district-open"}, {"alg", "ES256"}, {"public_key", pem}, {"not_after", nullptr}},
          {{"kid", "district-sm2"}, {"alg", "SM2SM3"}, {"public_key", pem}, {"not_after", nullptr}},
          {{"kid", "from-config"}, {"alg", "ES256"}, {"public_key", pem}, {"not_after", nullptr}},
          {{"kid", "broken"}, {"alg", "EdDSA"}, {"public_key", pem}, {"not_after", nullptr}}}}};
    codes::TrustedKeys keys;
    REQUIRE_FALSE(keys.add("from-config", codes::Algorithm::es256, demo.key(), kNow));

    CHECK(add_catalogue_keys(keys, catalogue.dump()) == 2);
    CHECK(keys.size() == 3);
    REQUIRE(keys.find("district-2026"));
    CHECK(keys.find("district-2026")->not_after == 1'830'268'800);
    REQUIRE(keys.find("district-open"));
    CHECK_FALSE(keys.find("district-open")->not_after);
    CHECK_FALSE(keys.find("district-sm2"));             // codes are never SM2-signed
    CHECK(keys.find("from-config")->not_after == kNow); // config's key kept as it was
    CHECK_FALSE(keys.find("broken"));                   // a P-256 key named EdDSA
    CHECK(add_catalogue_keys(keys, "not json") == 0);
}
