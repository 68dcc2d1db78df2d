// Tests of the fault kinds: SQLite's codes sorted, which kinds stop submissions, and that each
// kind has its own sentence for staff.
#include "fault.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <set>

using namespace hk::store;

TEST_CASE("SQLite's codes, extended ones included, map to the store's fault kinds")
{
    CHECK(fault_of({SQLITE_FULL, ""}) == Fault::disk_full);
    CHECK(fault_of({SQLITE_READONLY_DBMOVED, ""}) == Fault::read_only);
    CHECK(fault_of({SQLITE_CANTOPEN, ""}) == Fault::read_only);
    CHECK(fault_of({SQLITE_BUSY_SNAPSHOT, ""}) == Fault::locked);
    CHECK(fault_of({SQLITE_LOCKED, ""}) == Fault::locked);
    CHECK(fault_of({SQLITE_CORRUPT_INDEX, ""}) == Fault::corrupt);
    CHECK(fault_of({SQLITE_NOTADB, ""}) == Fault::corrupt);
    CHECK(fault_of({SQLITE_IOERR_FSYNC, ""}) == Fault::io);
    CHECK(fault_of({SQLITE_CONSTRAINT_UNIQUE, ""}) == Fault::bad_use);
}

TEST_CASE("storage faults stop submissions, but a record that fails to decrypt and a caller's mistake do not")
{
    for (Fault f : {Fault::disk_full, Fault::read_only, Fault::locked, Fault::corrupt, Fault::io, Fault::newer_schema})
        CHECK_MESSAGE(stops_submissions(f), name(f));
    for (Fault f : {Fault::none, Fault::undecryptable, Fault::bad_use})
        CHECK_FALSE_MESSAGE(stops_submissions(f), name(f));
}

TEST_CASE("every fault kind has a name and a sentence of its own")
{
    std::set<std::string> names;
    std::set<std::string> messages;
    const Fault all[] = {Fault::none,         Fault::disk_full,     Fault::read_only, Fault::locked, Fault::corrupt,
                         Fault::io,           Fault::newer_schema,  Fault::undecryptable, Fault::bad_use};
    for (Fault f : all) {
        names.emplace(name(f));
        messages.insert(staff_message(f));
    }
    CHECK(names.size() == std::size(all));
    CHECK(messages.size() == std::size(all));
    CHECK(staff_message(Fault::disk_full).find("full") != std::string::npos);
    CHECK(staff_message(Fault::locked).find("locked") != std::string::npos);
    CHECK(staff_message(Fault::corrupt).find("damaged") != std::string::npos);
}
