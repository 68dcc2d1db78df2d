// Tests of the store's caches: catalogue documents with their ETag, request status by tracking
// number, settings; each replaced by a newer put and kept across a reopen.
#include "store.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

using namespace hk::store;
using namespace hk::store::test;

namespace {

StoreOptions at(std::int64_t& now)
{
    StoreOptions o;
    o.now_ms = [&now] { return now; };
    return o;
}

} // namespace

TEST_CASE("a catalogue document is kept with its ETag and fetch time, and a newer one replaces it")
{
    TempDir dir;
    std::int64_t now = 1000;
    auto store = open_store(dir.state(), 0, at(now));
    auto none = store->catalogue("venues");
    REQUIRE(none);
    CHECK_FALSE(none->has_value());

    REQUIRE(store->put_catalogue("venues", "\"v1\"", R"([{"id":"hall-a","name":"多功能厅"}])"));
    now = 2000;
    REQUIRE(store->put_catalogue("activities", "", "[]"));
    now = 3000;
    REQUIRE(store->put_catalogue("venues", "\"v2\"", R"([{"id":"hall-b"}])"));
    store.reset();

    store = open_store(dir.state());
    auto venues = store->catalogue("venues");
    REQUIRE(venues);
    REQUIRE(venues->has_value());
    CHECK((*venues)->etag == "\"v2\"");
    CHECK((*venues)->body == R"([{"id":"hall-b"}])");
    CHECK((*venues)->fetched_ms == 3000);
    auto activities = store->catalogue("activities");
    REQUIRE(activities);
    REQUIRE(activities->has_value());
    CHECK((*activities)->etag.empty());
    CHECK((*activities)->fetched_ms == 2000);
}

TEST_CASE("a request's status is cached by tracking number")
{
    TempDir dir;
    std::int64_t now = 5000;
    auto store = open_store(dir.state(), 0, at(now));
    REQUIRE(store->put_request_status("R7K2M9Q4", R"({"status":"accepted"})"));
    now = 6000;
    REQUIRE(store->put_request_status("R7K2M9Q4", R"({"status":"dispatched"})"));
    auto s = store->request_status("R7K2M9Q4");
    REQUIRE(s);
    REQUIRE(s->has_value());
    CHECK((*s)->status_json == R"({"status":"dispatched"})");
    CHECK((*s)->fetched_ms == 6000);
    CHECK_FALSE(store->request_status("XXXXXXXX")->has_value());
}

TEST_CASE("a setting is written, replaced and read back")
{
    TempDir dir;
    auto store = open_store(dir.state());
    CHECK_FALSE(store->setting("language")->has_value());
    REQUIRE(store->put_setting("language", "zh-Hans"));
    REQUIRE(store->put_setting("language", "en"));
    auto v = store->setting("language");
    REQUIRE(v);
    CHECK(*v == std::optional<std::string>("en"));
}

TEST_CASE("a cache write refused by a lock stops submissions like an outbox write")
{
    TempDir dir;
    StoreOptions quick;
    quick.busy_timeout_ms = 20;
    auto store = open_store(dir.state(), 0, quick);
    auto other = Database::open(dir.db());
    REQUIRE(other);
    REQUIRE(other->exec("BEGIN EXCLUSIVE"));
    CHECK_FALSE(store->put_catalogue("venues", "", "[]"));
    CHECK(store->health().fault == Fault::locked);
    CHECK_FALSE(store->accepting());
}
