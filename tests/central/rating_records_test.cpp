// Rating bodies of every subject read strictly, refused member by member.
#include "rating_records.hpp"

#include "rating_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using namespace hk::central::test;
using Json = nlohmann::json;

namespace {

std::string refused(const Json& body)
{
    static const Catalogue catalogue = loaded_sample();
    auto r = read_rating_body(body, catalogue);
    return r ? std::string{} : r.error().message;
}

Json request_rating(int level)
{
    Json b = rating_body(request_subject(tracking_number(7)), level, "2026-03-05T10:01:00Z");
    b.erase("hall");
    return b;
}

} // namespace

TEST_CASE("a rating of each subject reads with its members")
{
    static const Catalogue catalogue = loaded_sample();
    for (int level = 1; level <= 5; ++level) {
        auto r = read_rating_body(request_rating(level), catalogue);
        REQUIRE_MESSAGE(r, r.error().message);
        CHECK(r->level == level);
        CHECK(r->subject.kind == SubjectKind::request);
        CHECK(r->subject.tracking == tracking_number(7));
        CHECK(r->subject.hall.empty());
    }
    auto visit = read_rating_body(rating_body(visit_subject(), 5), catalogue);
    REQUIRE(visit);
    CHECK(visit->subject.visit == kVisit);
    CHECK(visit->subject.hall == kHall);
    Json ticket = rating_body(window_subject("W-001-03"), 4);
    ticket["subject"]["ticket"] = "HK1.T.ES256.k.id=1~hall=h~win=w~exp=1.sig";
    auto window = read_rating_body(ticket, catalogue);
    REQUIRE(window);
    CHECK(window->subject.ticket == ticket["subject"]["ticket"]);
    Json named = rating_body(window_subject("W-001-05"), 3);
    named["rater"] = resident(1);
    auto by_card = read_rating_body(named, catalogue);
    REQUIRE(by_card);
    REQUIRE(by_card->subject.rater);
    CHECK(by_card->subject.rater->id_number == resident_id(1));
}

TEST_CASE("a rating body that breaks a rule is refused naming the member")
{
    CHECK(refused(request_rating(0)) == "level: not an integer from 1 to 5");
    CHECK(refused(request_rating(6)) == "level: not an integer from 1 to 5");
    Json b = request_rating(4);
    b["level"] = 4.5;
    CHECK(refused(b) == "level: not an integer from 1 to 5");
    b = request_rating(4);
    b["subject"]["kind"] = "venue";
    CHECK(refused(b) == "subject.kind: not visit, window, request or booking");
    b = request_rating(4);
    b["subject"]["booking"] = "x";
    CHECK(refused(b) == "subject.booking: not a member of this record");
    b = request_rating(4);
    b["subject"]["tracking"] = "26030100000000";
    CHECK(refused(b).starts_with("subject.tracking: "));
    b = request_rating(4);
    b["comment"] = "good";
    CHECK(refused(b) == "comment: not a member of this record");
    b = request_rating(4);
    b["hall"] = "hall one";
    CHECK(refused(b) == "hall: not a hall id (1 to 64 of A-Z a-z 0-9 . _ -)");

    b = rating_body(visit_subject(), 4);
    b.erase("hall");
    CHECK(refused(b) == "hall: missing");
    b = rating_body(visit_subject(), 4);
    b["subject"]["visit"] = "0123456789ABCDEF0123456789ABCDEF";
    CHECK(refused(b) == "subject.visit: not 32 lower-case hex digits");
    b = rating_body(visit_subject(), 4);
    b.erase("visit");
    CHECK(refused(b) == "visit: missing");
    b["visit"] = kOtherVisit;
    CHECK(refused(b) == "visit: not the subject's visit");
    b = rating_body(visit_subject(), 4);
    b["rater"] = resident(1);
    CHECK(refused(b) == "rater: not with a visit subject");

    b = rating_body(window_subject("W-001-05"), 4);
    b["rater"] = {{"name", "王建国"}, {"id_number", "110105199007071230"}};
    CHECK(refused(b) == "rater.id_number: not an 18-character ID number with its check character");
    b["rater"] = {{"name", "王建国"}};
    CHECK(refused(b) == "rater.id_number: missing");
    b = rating_body(window_subject("W-001-03"), 4);
    b["subject"]["ticket"] = "HK1.T";
    b["visit"] = kVisit;
    CHECK(refused(b) == "visit: not with a window subject rated by ticket");
    b = rating_body(request_subject(tracking_number(7)), 4);
    b["visit"] = kVisit;
    CHECK(refused(b) == "visit: not with a request subject");
    b = rating_body(booking_subject("HK1.P"), 4);
    b["subject"]["pass"] = "";
    CHECK(refused(b) == "subject.pass: not a booking pass's text");
    b = rating_body(visit_subject(), 4);
    b["lang"] = "fr";
    CHECK(refused(b) == "lang: not zh-Hans, zh-Hant or en");
    b = rating_body(visit_subject(), 4);
    b["at"] = "2027-03-02 14:00";
    CHECK(refused(b) == "at: not an RFC 3339 time of 2000 to 2099");
}
