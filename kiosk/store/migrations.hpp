// The store's schema as an ordered list of steps. Step i (0-based) takes the database from
// schema version i to i + 1; the version lives in PRAGMA user_version. Steps are only ever
// appended: a step that has shipped is never edited.
#pragma once

#include "database.hpp"

#include <span>
#include <string_view>

namespace hk::store {

struct Migration {
    std::string_view what; // for the log: "outbox and settings"
    std::string_view sql;
};

// Every step this binary knows; its size is the newest schema version.
std::span<const Migration> migrations();
int latest_schema_version();

struct SchemaTooNew {
    int found;
    int known;
};

// Applies the steps of `steps` past the database's version, each in its own transaction together
// with the new user_version, so a crash leaves the database at a whole step. A database already
// at a version beyond `steps` is left alone and reported as SchemaTooNew (through `too_new`).
// Returns the version the database is at afterwards.
SqlResult<int> migrate(Database& db, std::span<const Migration> steps, SchemaTooNew* too_new);

} // namespace hk::store
