#include "central_store.hpp"

#include "central_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using hk::uplink::test::ScratchDir;

TEST_CASE("the database is in WAL mode and keeps what it holds across openings")
{
    ScratchDir dir;
    test::TestKiosk kiosk(dir, "kiosk-1");
    {
        auto store = CentralStore::open(dir.path() / "data");
        REQUIRE(store);
        CHECK(store->database().query_int("SELECT count(*) FROM kiosks") == 0);
        auto key = store->register_kiosk(kiosk.id(), kiosk.identity().public_jwk());
        REQUIRE(key);
        CHECK(key->kid == kiosk.identity().kid());
        REQUIRE(store->add_request({"R1", "123456", "submitted", nlohmann::json::array(), "traffic.streetlight",
                                    "2026-03-02T08:30:00Z", "record-1"}));
    }
    auto store = CentralStore::open(dir.path() / "data");
    REQUIRE(store);
    auto mode = store->database().prepare("PRAGMA journal_mode");
    REQUIRE(mode);
    REQUIRE(mode->step() == true);
    CHECK(mode->text(0) == "wal");
    auto found = store->kiosk(kiosk.id());
    REQUIRE(found);
    REQUIRE(*found);
    CHECK((*found)->kid == kiosk.identity().kid());
    CHECK((*found)->jwk == kiosk.identity().public_jwk());
    auto request = store->request("R1");
    REQUIRE(request);
    REQUIRE(*request);
    CHECK((*request)->check == "123456");
    CHECK((*request)->category == "traffic.streetlight");
    CHECK((*request)->due == "2026-03-02T08:30:00Z");
    CHECK((*request)->record == "record-1");
    CHECK_FALSE((*request)->rated);
    auto none = store->kiosk("kiosk-2");
    REQUIRE(none);
    CHECK_FALSE(*none);
}

TEST_CASE("a kiosk key that kiosk/uplink cannot verify with is not registered")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    CHECK_FALSE(store->register_kiosk("kiosk-1", {{"kty", "RSA"}, {"n", "AQAB"}, {"e", "AQAB"}}));
    CHECK_FALSE(store->register_kiosk("kiosk-1", {{"kty", "EC"}, {"crv", "P-256"}, {"x", "AAAA"}, {"y", "AAAA"}}));
    test::TestKiosk kiosk(dir, "kiosk-1");
    CHECK_FALSE(store->register_kiosk("", kiosk.identity().public_jwk()));
    CHECK(store->database().query_int("SELECT count(*) FROM kiosks") == 0);
}

TEST_CASE("a request seen again keeps its first status")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    RequestStatus first{"R1", "111111", "submitted", nlohmann::json::array(), "gov.residence", "", "a"};
    RequestStatus second{"R1", "222222", "closed", nlohmann::json::array(), "gov.residence", "", "b"};
    REQUIRE(store->add_request(first));
    REQUIRE(store->add_request(second));
    auto r = store->request("R1");
    REQUIRE(r);
    REQUIRE(*r);
    CHECK((*r)->check == "111111");
    CHECK((*r)->status == "submitted");
}

TEST_CASE("a database made before requests had categories and ratings is brought up to date on opening")
{
    ScratchDir dir;
    {
        // The first schema, as hallkiosk-central made it, with a request in it.
        auto db = hk::store::Database::open(dir.path() / kDatabaseFile);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE records (id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, seq INTEGER NOT NULL, "
                         "prev TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, jws TEXT NOT NULL, hash TEXT NOT "
                         "NULL, flag TEXT NOT NULL CHECK (flag IN ('ok', 'gap', 'fork')), received_at TEXT NOT NULL);"
                         "CREATE TABLE requests (tracking TEXT PRIMARY KEY, check_code TEXT NOT NULL, status TEXT NOT "
                         "NULL, stages TEXT NOT NULL);"
                         "INSERT INTO requests VALUES ('R1', '123456', 'accepted', '[]');"));
    }
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    CHECK(store->database().query_int("PRAGMA user_version") == 5);
    auto r = store->request("R1");
    REQUIRE(r);
    REQUIRE(*r);
    CHECK((*r)->status == "accepted");
    CHECK((*r)->category.empty());
    CHECK_FALSE((*r)->rated);
    CHECK(store->add_rating({"request", "R1", 3, "2026-03-05T10:00:00Z", "id-1"}) == true);
    // Opened again: nothing more to do.
    auto again = CentralStore::open(dir.path());
    REQUIRE(again);
    CHECK(again->request("R1")->value().rated);
}

TEST_CASE("a subject is rated once and the first rating kept")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    CHECK(store->add_rating({"request", "R1", 5, "2026-03-05T10:00:00Z", "id-1"}) == true);
    CHECK(store->add_rating({"request", "R1", 1, "2026-03-05T10:05:00Z", "id-2"}) == false);
    CHECK(store->add_rating({"request", "R2", 1, "2026-03-05T10:05:00Z", "id-3"}) == true);
    CHECK(store->database().query_int("SELECT level FROM ratings WHERE subject = 'R1'") == 5);
    CHECK_FALSE(store->add_rating({"request", "R3", 6, "2026-03-05T10:05:00Z", "id-4"}));
}

TEST_CASE("a version 3 database keeps its request ratings, which now count for their request's hall")
{
    ScratchDir dir;
    test::TestKiosk kiosk(dir, "kiosk-1");
    const std::string opened = kiosk.record_at(1, "", test::request_body("R1"), "request");
    {
        // Version 3 as hallkiosk-central made it (the tables this version changes), with a request
        // opened by a record and rated low, and another rated well.
        auto db = hk::store::Database::open(dir.path() / kDatabaseFile);
        REQUIRE(db);
        REQUIRE(db->exec("CREATE TABLE records (id TEXT PRIMARY KEY, kiosk TEXT NOT NULL, seq INTEGER NOT NULL, "
                         "prev TEXT NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, jws TEXT NOT NULL, hash TEXT NOT "
                         "NULL, flag TEXT NOT NULL CHECK (flag IN ('ok', 'gap', 'fork')), received_at TEXT NOT NULL, "
                         "refusal TEXT NOT NULL DEFAULT '');"
                         "CREATE TABLE requests (tracking TEXT PRIMARY KEY, check_code TEXT NOT NULL, status TEXT NOT "
                         "NULL, stages TEXT NOT NULL, category TEXT NOT NULL DEFAULT '', due TEXT NOT NULL DEFAULT '', "
                         "record TEXT NOT NULL DEFAULT '');"
                         "CREATE TABLE ratings (subject_kind TEXT NOT NULL, subject TEXT NOT NULL, level INTEGER NOT "
                         "NULL CHECK (level BETWEEN 1 AND 5), at TEXT NOT NULL, record TEXT NOT NULL, "
                         "PRIMARY KEY (subject_kind, subject));"
                         "INSERT INTO requests VALUES ('R1', '482913', 'resolved', '[]', 'traffic.streetlight', '', "
                         "'opening-record');"
                         "INSERT INTO requests VALUES ('R2', '482913', 'closed', '[]', 'traffic.streetlight', '', "
                         "'lost-record');"
                         "INSERT INTO ratings VALUES ('request', 'R1', 2, '2026-03-05T10:00:00Z', 'rating-1');"
                         "INSERT INTO ratings VALUES ('request', 'R2', 5, '2026-03-06T10:00:00Z', 'rating-2');"
                         "PRAGMA user_version = 3;"));
        auto s = db->prepare("INSERT INTO records VALUES ('opening-record', 'kiosk-1', 1, '', 'request', "
                             "'2026-03-01T08:30:00Z', ?1, 'h', 'ok', '2026-03-01T08:31:00Z', '')");
        REQUIRE(s);
        s->bind(1, opened);
        REQUIRE(s->run());
    }
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    CHECK(store->database().query_int("PRAGMA user_version") == 5);
    auto ratings = store->ratings(false);
    REQUIRE(ratings);
    REQUIRE(ratings->size() == 2);
    const Rating& low = ratings->at(0);
    CHECK(low.subject_kind == "request");
    CHECK(low.subject == "R1");
    CHECK(low.level == 2);
    CHECK(low.at == "2026-03-05T10:00:00Z");
    CHECK(low.record == "rating-1");
    CHECK(low.hall == "demo-hall-001"); // from the record that opened the request
    CHECK(low.follow_up == "open");
    CHECK(low.reasons == nlohmann::json::array());
    CHECK(ratings->at(1).hall.empty()); // its opening record is not there to say
    CHECK(ratings->at(1).follow_up == "none");
    CHECK(store->request("R1")->value().rated);
    CHECK(store->request("R1")->value().hall == "demo-hall-001");
    CHECK(store->add_rating({"request", "R1", 4, "2026-03-07T10:00:00Z", "rating-3"}) == false);
    CHECK(store->ratings(true)->size() == 1);
}

TEST_CASE("audit events are listed by time, then kiosk and seq, of one hall or one staff member")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path());
    REQUIRE(store);
    const std::vector<AuditEvent> events = {
        {"r1", "kiosk-2", 7, "2026-03-01T09:00:00Z", "hall-a", "S0042", "staff", "login", "ok", ""},
        {"r2", "kiosk-1", 3, "2026-03-01T08:00:00Z", "hall-b", "T0007", "tech", "page", "ok", "logs"},
        {"r3", "kiosk-1", 2, "2026-03-01T09:00:00Z", "hall-b", "", "", "badge_refused", "refused", "expired"},
        {"r4", "kiosk-1", 1, "2026-03-01T09:00:00Z", "hall-b", "S0042", "staff", "leave", "ok", ""}};
    for (const auto& e : events)
        REQUIRE(store->add_audit_event(e));
    const auto records = [](const hk::Result<std::vector<AuditEvent>>& listed) -> std::string {
        REQUIRE(listed);
        std::string ids;
        for (const auto& e : *listed)
            ids += e.record + " ";
        return ids;
    };
    CHECK(records(store->audit_events(std::nullopt, std::nullopt)) == "r2 r4 r3 r1 ");
    CHECK(records(store->audit_events("hall-b", std::nullopt)) == "r2 r4 r3 ");
    CHECK(records(store->audit_events(std::nullopt, "S0042")) == "r4 r1 ");
    CHECK(records(store->audit_events("hall-b", "S0042")) == "r4 ");
    CHECK(records(store->audit_events("hall-c", std::nullopt)).empty());
    const auto all = store->audit_events(std::nullopt, std::nullopt);
    REQUIRE(all);
    const AuditEvent& first = all->front();
    CHECK(first.kiosk == "kiosk-1");
    CHECK(first.seq == 3);
    CHECK(first.at == "2026-03-01T08:00:00Z");
    CHECK(first.hall == "hall-b");
    CHECK(first.staff == "T0007");
    CHECK(first.role == "tech");
    CHECK(first.action == "page");
    CHECK(first.result == "ok");
    CHECK(first.detail == "logs");
    // An event of a record already held is not stored twice.
    CHECK_FALSE(store->add_audit_event(events[0]));
}

TEST_CASE("a replaced kiosk key is kept as an earlier one, bounded by the records of the keys after it")
{
    ScratchDir dir;
    auto store = CentralStore::open(dir.path() / "data");
    REQUIRE(store);
    ScratchDir a_dir, b_dir, c_dir;
    test::TestKiosk a(a_dir, "kiosk-1"), b(b_dir, "kiosk-1"), c(c_dir, "kiosk-1");
    const auto kids = [&] {
        auto keys = store->earlier_keys("kiosk-1");
        REQUIRE(keys);
        std::string text;
        for (const auto& k : *keys) {
            text += k.kid == a.identity().kid() ? "a" : k.kid == b.identity().kid() ? "b" : "c";
            text += (k.below_seq ? std::to_string(*k.below_seq) : std::string("-")) + " ";
        }
        return text;
    };
    REQUIRE(store->register_kiosk("kiosk-1", a.identity().public_jwk()));
    CHECK(kids().empty());
    REQUIRE(store->register_kiosk("kiosk-1", a.identity().public_jwk())); // the same key again: nothing earlier
    CHECK(kids().empty());
    REQUIRE(store->register_kiosk("kiosk-1", b.identity().public_jwk()));
    CHECK(kids() == "a- ");
    REQUIRE(store->register_kiosk("kiosk-1", c.identity().public_jwk()));
    CHECK(kids() == "a- b- ");
    CHECK(store->kiosk("kiosk-1").value()->kid == c.identity().kid());

    // A record of b bounds the key replaced before it, one of the current key every earlier key;
    // a bound only ever comes down.
    REQUIRE(store->note_signed("kiosk-1", b.identity().kid(), 7));
    CHECK(kids() == "a7 b- ");
    REQUIRE(store->note_signed("kiosk-1", c.identity().kid(), 9));
    CHECK(kids() == "a7 b9 ");
    REQUIRE(store->note_signed("kiosk-1", c.identity().kid(), 8));
    CHECK(kids() == "a7 b8 ");
    REQUIRE(store->note_signed("kiosk-1", a.identity().kid(), 3)); // nothing was replaced before a
    CHECK(kids() == "a7 b8 ");
    REQUIRE(store->note_signed("kiosk-2", c.identity().kid(), 1)); // another kiosk's
    CHECK(kids() == "a7 b8 ");

    // An earlier key registered again is the current one, unbounded; the key it replaces is earlier.
    REQUIRE(store->register_kiosk("kiosk-1", a.identity().public_jwk()));
    CHECK(store->kiosk("kiosk-1").value()->kid == a.identity().kid());
    CHECK(kids() == "b8 c- ");
}
