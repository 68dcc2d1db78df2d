// Tests of the store's outbox: enqueue, the chain, sealing at rest, acknowledgement, statistics,
// and two threads sharing the store.
#include "store.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <sys/stat.h>
#include <thread>

using namespace hk;
using namespace hk::store;
using namespace hk::store::test;

TEST_CASE("records enqueued come back from waiting in seq order with their JWS")
{
    TempDir dir;
    auto store = open_store(dir.state());
    std::vector<Entry> entries;
    for (int i = 0; i < 3; ++i) {
        auto e = store->enqueue("request", stand_in());
        REQUIRE(e);
        entries.push_back(*e);
    }
    CHECK(entries[0].seq == 1);
    CHECK(entries[1].seq == 2);
    CHECK(entries[2].seq == 3);
    CHECK(entries[0].id != entries[1].id);
    CHECK(entries[0].id.size() == 36);
    CHECK(entries[0].id[14] == '4'); // a version 4 UUID

    auto waiting = store->waiting(10);
    REQUIRE(waiting);
    REQUIRE(waiting->size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const OutboxRecord& r = (*waiting)[i];
        CHECK(r.seq == entries[i].seq);
        CHECK(r.id == entries[i].id);
        CHECK(r.type == "request");
        CHECK(r.hash == entries[i].hash);
        CHECK(r.hash == sha256_hex(r.jws));
        CHECK(r.jws.find(kMarkerId) != std::string::npos);
    }
    auto first_two = store->waiting(2);
    REQUIRE(first_two);
    CHECK(first_two->size() == 2);
}

TEST_CASE("each record is made with the previous record's hash, the first with none")
{
    TempDir dir;
    auto store = open_store(dir.state());
    std::vector<std::string> prevs;
    for (int i = 0; i < 4; ++i) {
        auto e = store->enqueue("booking", [&](const Slot& s) -> Result<std::string> {
            prevs.emplace_back(s.prev_hash);
            return stand_in_jws(s);
        });
        REQUIRE(e);
    }
    auto records = store->waiting(10);
    REQUIRE(records);
    REQUIRE(records->size() == 4);
    CHECK(prevs[0].empty());
    for (std::size_t i = 1; i < 4; ++i)
        CHECK(prevs[i] == (*records)[i - 1].hash);
}

TEST_CASE("the chain and the seq carry on after the store is reopened")
{
    TempDir dir;
    std::string last_hash;
    {
        auto store = open_store(dir.state());
        REQUIRE(store->enqueue("request", stand_in()));
        auto e = store->enqueue("request", stand_in());
        REQUIRE(e);
        last_hash = e->hash;
    }
    auto store = open_store(dir.state());
    std::string prev;
    auto e = store->enqueue("rating", [&](const Slot& s) -> Result<std::string> {
        prev = std::string(s.prev_hash);
        return stand_in_jws(s);
    });
    REQUIRE(e);
    CHECK(e->seq == 3);
    CHECK(prev == last_hash);
}

TEST_CASE("a record whose JWS could not be made is not stored and takes no seq")
{
    TempDir dir;
    auto store = open_store(dir.state());
    auto bad = store->enqueue("request", [](const Slot&) -> Result<std::string> { return fail("no signing key"); });
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "no signing key");
    CHECK(store->accepting());
    auto e = store->enqueue("request", stand_in());
    REQUIRE(e);
    CHECK(e->seq == 1);
    CHECK(store->stats()->waiting == 1);
}

TEST_CASE("the personal data of a record is not in the database files in clear")
{
    TempDir dir;
    auto store = open_store(dir.state());
    for (int i = 0; i < 5; ++i)
        REQUIRE(store->enqueue("request", stand_in()));
    // While the store is open the records sit in the -wal file; closed, in the main file.
    const std::string wal = file_bytes(dir.state() / "kiosk.db-wal");
    CHECK(wal.size() > 5 * 1500);
    CHECK(wal.find(kMarkerId) == std::string::npos);
    CHECK(wal.find("eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9") == std::string::npos);
    // The clear columns are there: the test would pass on an empty file otherwise.
    const auto some = store->waiting(1);
    REQUIRE(some);
    CHECK(wal.find((*some)[0].hash) != std::string::npos);
    store.reset();
    const std::string main = file_bytes(dir.db());
    CHECK(main.find(kMarkerId) == std::string::npos);
    CHECK(main.find((*some)[0].hash) != std::string::npos);
}

TEST_CASE("the folder and the database file are private to the kiosk's user")
{
    TempDir dir;
    auto store = open_store(dir.state());
    REQUIRE(store->enqueue("request", stand_in()));
    struct stat st {};
    REQUIRE(::stat(dir.state().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    REQUIRE(::stat(dir.db().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    REQUIRE(::stat((dir.state() / "kiosk.db-wal").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("an accepted or duplicate record leaves waiting and loses its JWS, while a rejected one keeps it")
{
    TempDir dir;
    auto store = open_store(dir.state());
    auto a = store->enqueue("request", stand_in());
    auto b = store->enqueue("request", stand_in());
    auto c = store->enqueue("request", stand_in());
    auto d = store->enqueue("request", stand_in());
    REQUIRE((a && b && c && d));
    REQUIRE(store->mark(a->id, Ack::accepted));
    REQUIRE(store->mark(b->id, Ack::duplicate));
    REQUIRE(store->mark(c->id, Ack::rejected, "signature does not verify"));

    auto waiting = store->waiting(10);
    REQUIRE(waiting);
    REQUIRE(waiting->size() == 1);
    CHECK((*waiting)[0].id == d->id);

    auto rejected = store->rejected();
    REQUIRE(rejected);
    REQUIRE(rejected->size() == 1);
    CHECK((*rejected)[0].id == c->id);
    CHECK((*rejected)[0].reason == "signature does not verify");
    CHECK((*rejected)[0].hash == sha256_hex((*rejected)[0].jws));
    CHECK((*rejected)[0].attempts == 1);

    // Only the rejected and the waiting records still hold a sealed JWS.
    store.reset();
    auto db = Database::open(dir.db());
    REQUIRE(db);
    auto q = db->prepare("SELECT seq FROM outbox WHERE sealed IS NOT NULL ORDER BY seq");
    REQUIRE(q);
    std::vector<std::int64_t> sealed;
    while (*q->step())
        sealed.push_back(q->integer(0));
    CHECK(sealed == std::vector<std::int64_t>{c->seq, d->seq});
}

TEST_CASE("marking a record again with the same answer changes nothing, and with another answer it fails")
{
    TempDir dir;
    auto store = open_store(dir.state());
    auto a = store->enqueue("request", stand_in());
    REQUIRE(a);
    REQUIRE(store->mark(a->id, Ack::rejected, "bad chain"));
    CHECK(store->mark(a->id, Ack::rejected, "bad chain"));
    auto again = store->mark(a->id, Ack::accepted);
    REQUIRE_FALSE(again);
    CHECK(again.error().message.find("already rejected") != std::string::npos);
    CHECK(store->rejected()->size() == 1);
    CHECK_FALSE(store->mark("00000000-0000-4000-8000-000000000000", Ack::accepted));
    CHECK(store->accepting());
}

TEST_CASE("a batch of answers is recorded whole, or not at all when one of them cannot be")
{
    TempDir dir;
    auto store = open_store(dir.state());
    std::vector<Entry> e;
    for (int i = 0; i < 4; ++i)
        e.push_back(*store->enqueue("request", stand_in()));
    const std::vector<Answer> bad{{e[0].id, Ack::accepted, {}},
                                  {"00000000-0000-4000-8000-000000000000", Ack::accepted, {}}};
    auto refused = store->mark(bad);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("no outbox record") != std::string::npos);
    CHECK(store->stats()->waiting == 4);

    const std::vector<Answer> good{{e[0].id, Ack::accepted, {}},
                                   {e[1].id, Ack::duplicate, {}},
                                   {e[2].id, Ack::rejected, "chain fork at seq 3"}};
    REQUIRE(store->mark(good));
    auto s = store->stats();
    REQUIRE(s);
    CHECK(s->waiting == 1);
    CHECK(s->rejected == 1);
    CHECK(s->last_acknowledged_seq == 2);
    CHECK(store->rejected()->front().reason == "chain fork at seq 3");
}

TEST_CASE("stats count waiting and rejected records and name the last acknowledged seq")
{
    TempDir dir;
    std::int64_t now = 1'700'000'000'000;
    StoreOptions options;
    options.now_ms = [&] { return now; };
    auto store = open_store(dir.state(), 0, options);
    auto empty = store->stats();
    REQUIRE(empty);
    CHECK(empty->waiting == 0);
    CHECK_FALSE(empty->oldest_waiting_ms);
    CHECK(empty->last_acknowledged_seq == 0);

    std::vector<Entry> e;
    for (int i = 0; i < 5; ++i) {
        now += 1000;
        e.push_back(*store->enqueue("request", stand_in()));
    }
    REQUIRE(store->mark(e[0].id, Ack::accepted));
    REQUIRE(store->mark(e[2].id, Ack::duplicate));
    REQUIRE(store->mark(e[1].id, Ack::rejected, "unknown venue"));
    auto s = store->stats();
    REQUIRE(s);
    CHECK(s->waiting == 2);
    CHECK(s->oldest_waiting_ms == 1'700'000'004'000);
    CHECK(s->rejected == 1);
    CHECK(s->last_acknowledged_seq == 3);
}

TEST_CASE("records sealed under one key fail to open under another, naming the first seq")
{
    TempDir dir;
    {
        auto store = open_store(dir.state(), 0);
        REQUIRE(store->enqueue("request", stand_in()));
        REQUIRE(store->enqueue("request", stand_in()));
    }
    auto store = open_store(dir.state(), 1);
    auto waiting = store->waiting(10);
    REQUIRE_FALSE(waiting);
    CHECK(waiting.error().message.find("seq 1 ") != std::string::npos);
    CHECK(store->health().fault == Fault::undecryptable);
    // The database itself is sound: new records are still taken.
    CHECK(store->accepting());
}

TEST_CASE("a sealed JWS moved to another row fails to open there")
{
    TempDir dir;
    {
        auto store = open_store(dir.state());
        REQUIRE(store->enqueue("request", stand_in()));
        REQUIRE(store->enqueue("request", stand_in()));
    }
    {
        auto db = Database::open(dir.db());
        REQUIRE(db);
        REQUIRE(db->exec("UPDATE outbox SET sealed = (SELECT sealed FROM outbox WHERE seq = 1) WHERE seq = 2"));
    }
    auto store = open_store(dir.state());
    auto waiting = store->waiting(10);
    REQUIRE_FALSE(waiting);
    CHECK(waiting.error().message.find("seq 2 ") != std::string::npos);
}

TEST_CASE("a data key of the wrong size is refused at open")
{
    TempDir dir;
    const std::array<std::uint8_t, 16> short_key{};
    const Refusal r = refused_open(dir.state(), short_key);
    CHECK(r.fault == Fault::bad_use);
    CHECK(r.message.find("16 bytes") != std::string::npos);
}

TEST_CASE("one thread enqueueing while another reads and marks keeps every record once")
{
    TempDir dir;
    auto store = open_store(dir.state());
    constexpr int kRecords = 200;
    std::atomic<bool> done{false};
    std::atomic<int> failures{0};
    std::thread writer([&] {
        for (int i = 0; i < kRecords; ++i)
            if (!store->enqueue("rating", stand_in(400)))
                ++failures;
        done = true;
    });
    std::int64_t marked = 0;
    std::int64_t expect_seq = 1;
    bool in_order = true;
    for (;;) {
        const bool finished = done.load();
        auto batch = store->waiting(16);
        REQUIRE(batch);
        for (const OutboxRecord& r : *batch) {
            in_order = in_order && r.seq == expect_seq++;
            REQUIRE(store->mark(r.id, Ack::accepted));
            ++marked;
        }
        if (finished && batch->empty())
            break;
    }
    writer.join();
    CHECK(failures == 0);
    CHECK(in_order);
    CHECK(marked == kRecords);
    auto s = store->stats();
    REQUIRE(s);
    CHECK(s->waiting == 0);
    CHECK(s->last_acknowledged_seq == kRecords);
}
