// Tests of the store's local logs: print jobs and staff audit events, read newest first.
#include "store.hpp"

#include "store_fixture.hpp"

#include <doctest/doctest.h>

using namespace hk::store;
using namespace hk::store::test;

TEST_CASE("print jobs are logged with their time and read back newest first, as many as asked")
{
    TempDir dir;
    std::int64_t now = 100;
    StoreOptions o;
    o.now_ms = [&now] { return now; };
    auto store = open_store(dir.state(), 0, o);
    REQUIRE(store->log_print_job("booking receipt", "printed"));
    now = 200;
    REQUIRE(store->log_print_job("request receipt", "paper out"));
    now = 300;
    REQUIRE(store->log_print_job("request receipt", "printed"));
    auto two = store->print_jobs(2);
    REQUIRE(two);
    REQUIRE(two->size() == 2);
    CHECK((*two)[0].at_ms == 300);
    CHECK((*two)[1].what == "request receipt");
    CHECK((*two)[1].result == "paper out");
    CHECK((*two)[0].number > (*two)[1].number);
    CHECK(store->print_jobs(10)->size() == 3);
}

TEST_CASE("staff audit events keep who, what and how it ended, across a reopen")
{
    TempDir dir;
    {
        auto store = open_store(dir.state());
        REQUIRE(store->log_audit("staff:0042", "opened maintenance mode", "ok"));
        REQUIRE(store->log_audit("staff:0042", "cleared the printer's paper jam", "ok"));
    }
    auto store = open_store(dir.state());
    auto lines = store->audit(10);
    REQUIRE(lines);
    REQUIRE(lines->size() == 2);
    CHECK((*lines)[0].who == "staff:0042");
    CHECK((*lines)[0].what == "cleared the printer's paper jam");
    CHECK((*lines)[1].what == "opened maintenance mode");
    CHECK(store->print_jobs(10)->empty());
}
