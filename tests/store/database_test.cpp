// Tests of the SQLite wrapper: statements bind and read back, a transaction not committed is
// rolled back, and errors carry SQLite's code.
#include "database.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

using namespace hk::store;
using namespace hk::store::test;

namespace {

Database scratch(const TempDir& dir)
{
    auto db = Database::open(dir.path / "scratch.db");
    REQUIRE(db);
    REQUIRE(db->exec("CREATE TABLE t (n INTEGER, s TEXT, b BLOB)"));
    return std::move(*db);
}

} // namespace

TEST_CASE("integers, text with a NUL byte and blobs are stored and read back as bound")
{
    TempDir dir;
    Database db = scratch(dir);
    const std::string text("ab\0cd", 5);
    const std::vector<std::uint8_t> blob{0, 1, 2, 255};
    auto ins = db.prepare("INSERT INTO t VALUES (?1, ?2, ?3)");
    REQUIRE(ins);
    REQUIRE(ins->bind(1, std::int64_t{-9'000'000'000}).bind(2, text).bind_blob(3, blob).run());
    auto q = db.prepare("SELECT n, s, b FROM t");
    REQUIRE(q);
    REQUIRE(*q->step());
    CHECK(q->integer(0) == -9'000'000'000);
    CHECK(q->text(1) == text);
    CHECK(q->blob(2) == blob);
    CHECK_FALSE(*q->step());
}

TEST_CASE("an empty blob is stored as a blob, a null as null")
{
    TempDir dir;
    Database db = scratch(dir);
    auto ins = db.prepare("INSERT INTO t (n, b) VALUES (?1, ?2)");
    REQUIRE(ins);
    REQUIRE(ins->bind(1, std::int64_t{1}).bind_blob(2, {}).run());
    auto ins2 = db.prepare("INSERT INTO t (n, b) VALUES (?1, ?2)");
    REQUIRE(ins2);
    REQUIRE(ins2->bind(1, std::int64_t{2}).bind_null(2).run());
    auto q = db.prepare("SELECT b, typeof(b) FROM t ORDER BY n");
    REQUIRE(q);
    REQUIRE(*q->step());
    CHECK_FALSE(q->is_null(0));
    CHECK(q->text(1) == "blob");
    CHECK(q->blob(0).empty());
    REQUIRE(*q->step());
    CHECK(q->is_null(0));
    CHECK(q->text(1) == "null");
}

TEST_CASE("a transaction dropped without commit is rolled back, a committed one stays")
{
    TempDir dir;
    Database db = scratch(dir);
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx);
        REQUIRE(db.exec("INSERT INTO t (n) VALUES (1)"));
        CHECK(db.in_transaction());
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(*db.query_int("SELECT count(*) FROM t") == 0);
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx);
        REQUIRE(db.exec("INSERT INTO t (n) VALUES (2)"));
        REQUIRE(tx->commit());
    }
    CHECK(*db.query_int("SELECT count(*) FROM t") == 1);
}

TEST_CASE("a failing statement reports SQLite's code and message")
{
    TempDir dir;
    Database db = scratch(dir);
    REQUIRE(db.exec("CREATE UNIQUE INDEX t_n ON t (n)"));
    REQUIRE(db.exec("INSERT INTO t (n) VALUES (7)"));
    auto dup = db.exec("INSERT INTO t (n) VALUES (7)");
    REQUIRE_FALSE(dup);
    CHECK(dup.error().code == SQLITE_CONSTRAINT_UNIQUE);
    CHECK(dup.error().message.find("UNIQUE") != std::string::npos);
    auto bad = db.prepare("SELEC 1");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().code == SQLITE_ERROR);
}

TEST_CASE("an immediate transaction fails at begin as busy while another connection writes")
{
    TempDir dir;
    Database db = scratch(dir);
    auto other = Database::open(dir.path / "scratch.db");
    REQUIRE(other);
    REQUIRE(other->exec("BEGIN IMMEDIATE"));
    db.busy_timeout(10);
    auto tx = Transaction::begin(db);
    REQUIRE_FALSE(tx);
    CHECK((tx.error().code & 0xFF) == SQLITE_BUSY);
    CHECK_FALSE(db.in_transaction());
}
