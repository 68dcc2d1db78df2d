// The store's storage faults: a full database or disk, a locked database, a corrupt file. Each
// is its own kind, leaves nothing half-written, and stops submissions until check() passes.
#include "store.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/mount.h>

using namespace hk;
using namespace hk::store;
using namespace hk::store::test;

namespace {

struct Filled {
    std::vector<std::int64_t> seqs; // stored
    std::string error;              // of the enqueue that failed
};

// Enqueues until an enqueue fails, as it must within `at_most`, after at least a few records.
Filled fill(Store& store, int at_most = 100000)
{
    Filled f;
    for (int i = 0; i < at_most && f.error.empty(); ++i) {
        if (auto e = store.enqueue("request", stand_in()))
            f.seqs.push_back(e->seq);
        else
            f.error = e.error().message;
    }
    REQUIRE_FALSE(f.error.empty());
    REQUIRE(f.seqs.size() > 5);
    return f;
}

std::unique_ptr<Store> capped_store(const TempDir& dir, std::int64_t pages)
{
    StoreOptions capped;
    capped.max_pages = pages;
    return open_store(dir.state(), 0, capped);
}

void check_intact(Store& store, const std::vector<std::int64_t>& seqs)
{
    auto all = store.waiting(1'000'000);
    REQUIRE_MESSAGE(all.has_value(), (all ? std::string() : all.error().message));
    REQUIRE(all->size() == seqs.size());
    for (std::size_t i = 0; i < seqs.size(); ++i) {
        CHECK((*all)[i].seq == seqs[i]);
        CHECK((*all)[i].hash == sha256_hex((*all)[i].jws));
    }
}

void write_at(const std::filesystem::path& file, long offset, std::string_view bytes)
{
    std::FILE* f = std::fopen(file.c_str(), "r+b");
    REQUIRE(f != nullptr);
    REQUIRE(std::fseek(f, offset, SEEK_SET) == 0);
    REQUIRE(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    std::fclose(f);
}

} // namespace

TEST_CASE("a database at its size cap fails the enqueue as full, keeps the earlier records and stops submissions")
{
    TempDir dir;
    auto store = capped_store(dir, 40);
    const auto [seqs, error] = fill(*store);
    CHECK(error.find("full") != std::string::npos);
    const Health h = store->health();
    CHECK(h.fault == Fault::disk_full);
    CHECK_FALSE(h.accepting);
    CHECK_FALSE(store->accepting());

    auto refused = store->enqueue("request", stand_in());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("not taking submissions") != std::string::npos);
    // Reading and acknowledging go on: that is how the kiosk gets out of a full disk.
    check_intact(*store, seqs);
    REQUIRE(store->mark(store->waiting(1)->front().id, Ack::accepted));

    store.reset();
    auto reopened = open_store(dir.state());
    auto all = reopened->waiting(1'000'000);
    REQUIRE(all);
    CHECK(all->size() == seqs.size() - 1);
    CHECK(reopened->accepting());
    auto next = reopened->enqueue("request", stand_in());
    REQUIRE(next);
    CHECK(next->seq == seqs.back() + 1);
}

TEST_CASE("check() takes submissions again once the fault has gone")
{
    TempDir dir;
    auto store = capped_store(dir, 30);
    const auto seqs = fill(*store).seqs;
    REQUIRE_FALSE(store->accepting());
    // Acknowledged records give back the pages their sealed JWS took; then the check's write fits.
    const auto all = store->waiting(1'000'000);
    REQUIRE(all);
    for (const OutboxRecord& r : *all)
        REQUIRE(store->mark(r.id, Ack::accepted));
    REQUIRE(store->check());
    CHECK(store->accepting());
    CHECK(store->health().fault == Fault::none);
    auto e = store->enqueue("request", stand_in());
    REQUIRE_MESSAGE(e.has_value(), (e ? std::string() : e.error().message));
    CHECK(e->seq == seqs.back() + 1);
}

TEST_CASE("a database on a full filesystem fails the enqueue as full and keeps the earlier records")
{
    if (::geteuid() != 0) {
        MESSAGE("skipped: mounting a small tmpfs needs root");
        return;
    }
    TempDir dir;
    const std::filesystem::path mnt = dir.path / "tiny";
    std::filesystem::create_directories(mnt);
    if (::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=256k,mode=0700") != 0) {
        MESSAGE("skipped: mounting a tmpfs is not permitted here: " << std::strerror(errno));
        return;
    }
    struct Unmount {
        std::filesystem::path at;
        ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
    } unmount{mnt};
    {
        auto store = open_store(mnt / "state");
        const auto [seqs, error] = fill(*store, 1000);
        MESSAGE(seqs.size() << " records fitted; then: " << error);
        CHECK(store->health().fault == Fault::disk_full);
        CHECK_FALSE(store->accepting());
        check_intact(*store, seqs);
        store.reset();

        auto reopened = open_store(mnt / "state");
        check_intact(*reopened, seqs);
    }
}

TEST_CASE("an enqueue blocked by another connection's lock fails as locked after the busy timeout and writes nothing")
{
    TempDir dir;
    StoreOptions quick;
    quick.busy_timeout_ms = 50;
    auto store = open_store(dir.state(), 0, quick);
    REQUIRE(store->enqueue("request", stand_in()));

    auto other = Database::open(dir.db());
    REQUIRE(other);
    REQUIRE(other->exec("BEGIN EXCLUSIVE"));
    auto blocked = store->enqueue("request", stand_in());
    REQUIRE_FALSE(blocked);
    CHECK(blocked.error().message.find("locked") != std::string::npos);
    CHECK(store->health().fault == Fault::locked);
    CHECK_FALSE(store->accepting());
    REQUIRE(other->exec("ROLLBACK"));

    auto s = store->stats();
    REQUIRE(s);
    CHECK(s->waiting == 1);
    REQUIRE(store->check());
    auto e = store->enqueue("request", stand_in());
    REQUIRE(e);
    CHECK(e->seq == 2);
}

TEST_CASE("a database file with damaged pages is refused at open as corrupt")
{
    TempDir dir;
    {
        auto store = open_store(dir.state());
        for (int i = 0; i < 20; ++i)
            REQUIRE(store->enqueue("request", stand_in()));
    } // the last connection closing folds the -wal file into the main file
    const auto size = std::filesystem::file_size(dir.db());
    REQUIRE(size > 8 * 4096);
    // Everything after the first page (the header and the schema): the tables' pages.
    write_at(dir.db(), 4096, std::string(size - 4096, '\x5a'));

    const Refusal r = refused_open(dir.state());
    CHECK(r.fault == Fault::corrupt);
    CHECK(r.message.find("damaged") != std::string::npos);
}

TEST_CASE("a file that is not a database is refused at open as corrupt")
{
    TempDir dir;
    std::filesystem::create_directories(dir.state());
    {
        std::ofstream out(dir.db(), std::ios::binary);
        for (int i = 0; i < 300; ++i)
            out << "this is a log line, not a database\n";
    }
    const Refusal r = refused_open(dir.state());
    CHECK(r.fault == Fault::corrupt);
    CHECK(r.message.find("damaged") != std::string::npos);
    // Refused, not repaired: the file is as it was.
    CHECK(file_bytes(dir.db()).starts_with("this is a log line"));
}
