// Ratings of every subject taken through the record intake, each once, and refused as the
// protocol words it; low ratings kept for follow-up and rectified by staff.
#include "rating_intake.hpp"

#include "rating_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

Rating stored_rating(RatingRig& rig, const std::string& kind, const std::string& key)
{
    auto s = rig.store.database().prepare("SELECT record FROM ratings WHERE subject_kind = ?1 AND subject = ?2");
    REQUIRE(s);
    s->bind(1, kind).bind(2, key);
    REQUIRE(s->step().value());
    const std::string record = s->text(0);
    s->reset();
    auto r = rig.store.rating_by_record(record);
    REQUIRE(r);
    REQUIRE(*r);
    return **r;
}

std::int64_t ratings_count(RatingRig& rig)
{
    return rig.store.database().query_int("SELECT count(*) FROM ratings").value();
}

} // namespace

TEST_CASE("a visit is rated once, anonymously, at the hall it was made")
{
    RatingRig rig;
    CHECK(rig.send(rating_body(visit_subject(), 5)) == "accepted");
    CHECK(rig.send(rating_body(visit_subject(), 1)) == "already rated");
    CHECK(rig.send(rating_body(visit_subject(kOtherVisit), 4)) == "accepted");
    const Rating r = stored_rating(rig, "visit", kVisit);
    CHECK(r.level == 5);
    CHECK(r.hall == kHall);
    CHECK(r.visit == kVisit);
    CHECK(r.at == "2027-03-02T06:00:00Z");
    CHECK(r.follow_up == "none");
    CHECK(ratings_count(rig) == 2);
}

TEST_CASE("an anonymous window is rated by its number once per visit, and another window of the visit too")
{
    RatingRig rig;
    Json body = rating_body(window_subject("W-001-03"), 4);
    body["visit"] = kVisit;
    CHECK(rig.send(body) == "accepted");
    CHECK(rig.send(body) == "already rated");
    body["subject"]["window"] = "W-001-04";
    CHECK(rig.send(body) == "accepted");
    const Rating r = stored_rating(rig, "window", std::string("W-001-03:visit:") + kVisit);
    CHECK(r.window == "W-001-03");
    CHECK(r.rater.empty());

    body.erase("visit");
    CHECK(rig.send(body) == "visit: missing");
    body["visit"] = kVisit;
    body["rater"] = resident(1);
    CHECK(rig.send(body) == "rater: not with an anonymous window");
}

TEST_CASE("a window that is not anonymous is rated with the ID card, once per resident, window and local day")
{
    RatingRig rig;
    Json body = rating_body(window_subject("W-001-05"), 3, "2027-03-02T09:00:00+08:00");
    body["rater"] = resident(1);
    CHECK(rig.send(body) == "accepted");
    // Later the same local day: the same key.
    body["at"] = "2027-03-02T23:30:00+08:00";
    CHECK(rig.send(body) == "already rated");
    // The next local day, though still 2 March in UTC.
    body["at"] = "2027-03-03T00:10:00+08:00";
    CHECK(rig.send(body) == "accepted");
    body["rater"] = resident(2);
    CHECK(rig.send(body) == "accepted");

    auto held = rig.store.ratings(false);
    REQUIRE(held);
    REQUIRE(held->size() == 3);
    const std::string hmac = rig.residents.key_of(resident_id(1));
    CHECK(held->at(0).rater == hmac);
    CHECK(held->at(0).subject == "W-001-05:" + hmac + ":2027-03-02");
    CHECK(held->at(1).subject == "W-001-05:" + hmac + ":2027-03-03");
    // The ID number itself is kept nowhere.
    CHECK(rig.store.database().query_int("SELECT count(*) FROM ratings WHERE subject LIKE '%" + resident_id(1) +
                                         "%' OR rater LIKE '%" + resident_id(1) + "%'") == 0);

    body.erase("rater");
    CHECK(rig.send(body) == "rater: missing");
    body["rater"] = resident(3);
    body["visit"] = kVisit;
    CHECK(rig.send(body) == "visit: not with a window rated with the ID card");
}

TEST_CASE("a window is rated from its queue ticket once per ticket, with the staff member the ticket names")
{
    RatingRig rig;
    const auto rate = [&](const std::string& ticket, const std::string& window = "W-001-03",
                          const std::string& at = "2027-03-02T14:00:00+08:00") {
        Json body = rating_body(window_subject(window), 2, at);
        body["subject"]["ticket"] = ticket;
        return rig.send(body);
    };
    const std::string ticket = rig.ticket("20270302-A017", "W-001-03");
    CHECK(rate(ticket) == "accepted");
    CHECK(rate(ticket) == "already rated");
    const Rating r = stored_rating(rig, "window", "ticket:demo-hall-001:20270302-A017");
    CHECK(r.window == "W-001-03");
    CHECK(r.staff == "S-0042");
    CHECK(r.follow_up == "open");
    CHECK(r.reasons == Json{"wait_long"});
    // The same window by number in the same visit is another subject.
    Json by_number = rating_body(window_subject("W-001-03"), 4);
    by_number["visit"] = kVisit;
    CHECK(rig.send(by_number) == "accepted");

    CHECK(rate(rig.ticket("20270302-A018", "W-001-04")) == "ticket: not a ticket of that window");
    CHECK(rate(rig.ticket("20270302-A019", "W-001-03", "demo-hall-002")) == "ticket: wrong_hall");
    CHECK(rate(rig.ticket("20270302-A020", "W-001-03", kHall, kMonday10am)) == "ticket: expired");
    std::string forged = rig.ticket("20270302-A021", "W-001-03");
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    CHECK(rate(forged) == "ticket: bad_signature");
    const auto [booking, pass] = rig.book("V-meeting-1", "2027-03-02T13:00:00+08:00", 1);
    CHECK(rate(pass) == "ticket: not a queue ticket");
    CHECK(rig.send(rating_body(booking_subject(rig.ticket("20270302-A022", "W-001-03")), 4)) ==
          "pass: not a booking pass");
    CHECK(rate("HK1.T.ES256.central-pass-1.id=1") == "ticket: syntax_parts");
    Json with_rater = rating_body(window_subject("W-001-03"), 4);
    with_rater["subject"]["ticket"] = rig.ticket("20270302-A023", "W-001-03");
    with_rater["rater"] = resident(1);
    CHECK(rig.send(with_rater) == "rater: not with a window subject rated by ticket");
}

TEST_CASE("a window of another hall or none is unknown")
{
    RatingRig rig;
    Json body = rating_body(window_subject("W-001-09"), 4);
    body["visit"] = kVisit;
    CHECK(rig.send(body) == "window: unknown");
    body["subject"]["window"] = "W-001-03";
    body["hall"] = "demo-hall-002";
    CHECK(rig.send(body) == "window: unknown");
    CHECK(ratings_count(rig) == 0);
}

TEST_CASE("a request is rated once from resolved on, counting for the request's hall when the rating names none")
{
    RatingRig rig;
    const std::string number = tracking_number(1);
    REQUIRE(rig.send(request_body(number), "request") == "accepted");
    Json body = rating_body(request_subject(number), 2, "2026-03-05T10:01:00Z");
    body.erase("hall");
    CHECK(rig.send(body) == "the request is submitted; only a resolved, confirmed or closed request is rated");
    for (const auto to : {RequestState::accepted, RequestState::dispatched, RequestState::resolved})
        REQUIRE(advance_request(rig.store, number, to, "莲花街道", "", rig.now));
    body["subject"]["check"] = "000000";
    CHECK(rig.send(body) == "no request with that tracking number and check code");
    body["subject"]["check"] = "482913";
    CHECK(rig.send(body) == "accepted");
    CHECK(rig.send(body) == "already rated");
    const Rating r = stored_rating(rig, "request", number);
    CHECK(r.hall == kHall);
    CHECK(r.follow_up == "open");
    CHECK(r.reasons == Json{"not_solved"});
    auto request = rig.store.request(number);
    REQUIRE(request);
    CHECK((*request)->rated);
}

TEST_CASE("a venue use is rated with its pass from the booking's start until 30 days after its end")
{
    RatingRig rig;
    // 13:00 to 15:00 on Tuesday 2 March 2027, booked on the Monday.
    const auto [booking, pass] = rig.book("V-meeting-1", "2027-03-02T13:00:00+08:00", 1);
    const auto rate_at = [&](const std::string& at, int level = 4) {
        return rig.send(rating_body(booking_subject(pass), level, at));
    };
    CHECK(rate_at("2027-03-02T11:00:00+08:00") == "pass: not rateable now");
    CHECK(rate_at("2027-03-02T12:50:00+08:00") == "pass: not rateable now");
    CHECK(rate_at("2027-04-02T15:00:00+08:00") == "pass: not rateable now");
    CHECK(rate_at("2027-03-12T10:00:00+08:00") == "accepted");
    CHECK(rate_at("2027-03-13T10:00:00+08:00", 2) == "already rated");
    const Rating r = stored_rating(rig, "booking", booking);
    CHECK(r.level == 4);
    CHECK(r.hall == kHall);

    // Another hall's kiosk, a pass that does not verify, a cancelled booking.
    Json other = rating_body(booking_subject(pass), 4, "2027-03-02T14:00:00+08:00");
    other["hall"] = "demo-hall-002";
    CHECK(rig.send(other) == "pass: wrong_hall");
    std::string forged = pass;
    forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
    CHECK(rig.send(rating_body(booking_subject(forged), 4)) == "pass: bad_signature");
    CHECK(rig.send(rating_body(booking_subject("HK1.P.ES256.x"), 4)) == "pass: syntax_parts");
    const auto [second, second_pass] = rig.book("V-meeting-1", "2027-03-03T13:00:00+08:00", 2);
    REQUIRE(rig.bookings.cancel_booking(second, id_body(resident_id(2)))->status == 200);
    CHECK(rig.send(rating_body(booking_subject(second_pass), 4, "2027-03-03T14:00:00+08:00")) ==
          "pass: the booking was cancelled");
}

TEST_CASE("a low rating carries reasons of its subject's kind, and text and a call-back only then")
{
    RatingRig rig;
    Json low = rating_body(visit_subject(), 1);
    low.erase("reasons");
    CHECK(rig.send(low) == "reasons: required with level 1 or 2");
    low["reasons"] = {"reply_slow"};
    CHECK(rig.send(low) == "reasons[0]: not a reason for a visit rating");
    low["reasons"] = {"wait_long", "too_cold"};
    CHECK(rig.send(low) == "reasons[1]: not a reason of the catalogue");
    low["reasons"] = {"wait_long", "wait_long"};
    CHECK(rig.send(low) == "reasons[1]: named twice");
    low["reasons"] = Json::array();
    CHECK(rig.send(low) == "reasons: not 1 to 8 reason ids");
    low["reasons"] = {"wait_long", "not_clean"};
    low["text"] = "等了一个多小时\n没有人叫号";
    low["callback"] = {{"phone", "13812345678"},
                       {"consent", {{"version", "2026-01"}, {"at", "2027-03-02T14:00:00+08:00"}}}};
    low["lang"] = "zh-Hans";
    Json bad = low;
    bad["callback"]["phone"] = "23812345678";
    CHECK(rig.send(bad) == "callback.phone: not 11 digits starting with 1");
    bad = low;
    bad["callback"]["consent"].erase("version");
    CHECK(rig.send(bad) == "callback.consent.version: missing");
    bad = low;
    bad["text"] = std::string(301, 'x');
    CHECK(rig.send(bad) == "text: not 1 to 300 characters");
    CHECK(rig.send(low) == "accepted");
    const Rating r = stored_rating(rig, "visit", kVisit);
    CHECK(r.follow_up == "open");
    CHECK(r.reasons == Json{"wait_long", "not_clean"});
    CHECK(r.text == "等了一个多小时\n没有人叫号");
    CHECK(r.callback_phone == "13812345678");
    CHECK(r.consent_version == "2026-01");
    CHECK(r.consent_at == "2027-03-02T06:00:00Z");
    CHECK(r.lang == "zh-Hans");

    Json high = rating_body(visit_subject(kOtherVisit), 3);
    for (const char* member : {"reasons", "text", "callback"}) {
        Json b = high;
        b[member] = low[member];
        CHECK(rig.send(b) == std::string(member) + ": only with level 1 or 2");
    }
    CHECK(rig.send(high) == "accepted");
    CHECK(stored_rating(rig, "visit", kOtherVisit).follow_up == "none");
}

TEST_CASE("staff rectify an open low rating once, with a note")
{
    RatingRig rig;
    REQUIRE(rig.send(rating_body(visit_subject(), 2)) == "accepted");
    REQUIRE(rig.send(rating_body(visit_subject(kOtherVisit), 5)) == "accepted");
    auto all = rig.store.ratings(false);
    REQUIRE(all);
    REQUIRE(all->size() == 2);
    const std::string low = all->at(0).record;
    const std::string high = all->at(1).record;
    CHECK(rectify_rating(rig.store, low, "", rig.now).error().message ==
          "the note is 1 to 500 characters, none a control character");
    CHECK(rectify_rating(rig.store, high, "ok", rig.now).error().message ==
          "the rating of record " + high + " is of level 5; only ratings of level 1 or 2 are followed up");
    CHECK(rectify_rating(rig.store, "no-such-record", "ok", rig.now).error().message ==
          "no rating of record no-such-record");
    auto done = rectify_rating(rig.store, low, "已约谈窗口负责人，增开一个窗口", rig.now);
    REQUIRE_MESSAGE(done, done.error().message);
    CHECK(done->follow_up == "rectified");
    CHECK(done->follow_up_note == "已约谈窗口负责人，增开一个窗口");
    CHECK(done->follow_up_at == "2027-03-01T02:00:00Z");
    CHECK(rectify_rating(rig.store, low, "again", rig.now).error().message ==
          "the rating of record " + low + " was rectified at 2027-03-01T02:00:00Z");
    auto open = rig.store.ratings(true);
    REQUIRE(open);
    CHECK(open->size() == 1);
}
