// Tests of the schema steps: a new database gets the newest schema, an older one is brought up
// to date, a newer one is refused with its version named.
#include "migrations.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::store;
using namespace hk::store::test;

namespace {

std::int64_t user_version(const std::filesystem::path& file)
{
    auto db = Database::open(file);
    REQUIRE(db);
    auto v = db->query_int("PRAGMA user_version");
    REQUIRE(v);
    return *v;
}

bool has_table(Database& db, std::string_view name)
{
    auto q = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    REQUIRE(q);
    q->bind(1, name);
    REQUIRE(*q->step());
    return q->integer(0) == 1;
}

} // namespace

TEST_CASE("the schema has at least two steps, so that migrating an older database is exercised")
{
    CHECK(latest_schema_version() >= 2);
    CHECK(static_cast<int>(migrations().size()) == latest_schema_version());
}

TEST_CASE("a new database gets every table at the newest schema version")
{
    TempDir dir;
    open_store(dir.state()).reset();
    CHECK(user_version(dir.db()) == latest_schema_version());
    auto db = Database::open(dir.db());
    REQUIRE(db);
    for (std::string_view t : {"outbox", "settings", "catalogue", "request_status", "print_jobs", "audit"})
        CHECK_MESSAGE(has_table(*db, t), t);
}

TEST_CASE("a database made by the first step only is migrated at open, its records kept")
{
    TempDir dir;
    std::filesystem::create_directories(dir.state());
    {
        auto db = Database::open(dir.db());
        REQUIRE(db);
        auto v = migrate(*db, migrations().first(1), nullptr);
        REQUIRE(v);
        CHECK(*v == 1);
        CHECK_FALSE(has_table(*db, "catalogue"));
        REQUIRE(db->exec("INSERT INTO settings (key, value) VALUES ('hall', 'futian-01')"));
    }
    CHECK(user_version(dir.db()) == 1);
    open_store(dir.state()).reset();
    CHECK(user_version(dir.db()) == latest_schema_version());
    auto db = Database::open(dir.db());
    REQUIRE(db);
    CHECK(has_table(*db, "catalogue"));
    CHECK(has_table(*db, "audit"));
    auto q = db->prepare("SELECT value FROM settings WHERE key = 'hall'");
    REQUIRE(q);
    REQUIRE(*q->step());
    CHECK(q->text(0) == "futian-01");
}

TEST_CASE("migrating a database already at the newest version changes nothing")
{
    TempDir dir;
    std::filesystem::create_directories(dir.state());
    auto db = Database::open(dir.db());
    REQUIRE(db);
    REQUIRE(migrate(*db, migrations(), nullptr));
    auto again = migrate(*db, migrations(), nullptr);
    REQUIRE(again);
    CHECK(*again == latest_schema_version());
}

TEST_CASE("a database from a newer hallkiosk is refused with both versions named, and left as it was")
{
    TempDir dir;
    open_store(dir.state()).reset();
    const int newer = latest_schema_version() + 1;
    {
        auto db = Database::open(dir.db());
        REQUIRE(db);
        REQUIRE(db->exec("PRAGMA user_version = " + std::to_string(newer)));
    }
    const Refusal r = refused_open(dir.state());
    CHECK(r.fault == Fault::newer_schema);
    const std::string expected = "the database was written by a newer hallkiosk (schema " + std::to_string(newer) +
                                 "; this one knows up to " + std::to_string(latest_schema_version()) +
                                 "); install that version or restore a backup";
    CHECK_MESSAGE(r.message.find(expected) != std::string::npos, r.message);
    CHECK(user_version(dir.db()) == newer);

    SchemaTooNew too_new{0, 0};
    auto db = Database::open(dir.db());
    REQUIRE(db);
    auto v = migrate(*db, migrations(), &too_new);
    REQUIRE(v);
    CHECK(too_new.found == newer);
    CHECK(too_new.known == latest_schema_version());
}
