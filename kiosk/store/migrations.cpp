// The schema steps. Times are Unix milliseconds; hashes are lower-case hex.
#include "migrations.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <string>

namespace hk::store {

namespace {

// Version 1: the outbox and settings.
// outbox.sealed holds the signed record (a JWS that may carry a resident's name, ID number or
// phone) encrypted with AES-256-GCM: nonce (12) | ciphertext | tag (16), with "<id>|<seq>" as
// associated data. It is set to NULL when the central side has acknowledged the record; a
// rejected record keeps it, for staff. Only what is not personal is stored in clear.
constexpr std::string_view kOutbox = R"sql(
CREATE TABLE outbox (
    seq             INTEGER PRIMARY KEY CHECK (seq > 0),
    id              TEXT    NOT NULL UNIQUE,
    type            TEXT    NOT NULL,
    created_at_ms   INTEGER NOT NULL,
    hash            TEXT    NOT NULL,
    sealed          BLOB,
    state           TEXT    NOT NULL DEFAULT 'waiting'
                    CHECK (state IN ('waiting', 'accepted', 'duplicate', 'rejected')),
    reason          TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_attempt_ms INTEGER,
    CHECK (state IN ('accepted', 'duplicate') OR sealed IS NOT NULL)
);
CREATE INDEX outbox_by_state ON outbox (state, seq);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql";

// Version 2: what the kiosk caches from the central side. catalogue holds one document per
// name (venues, slots, activities, request categories, communities, trusted keys).
constexpr std::string_view kCaches = R"sql(
CREATE TABLE catalogue (
    name        TEXT PRIMARY KEY,
    etag        TEXT,
    body        BLOB    NOT NULL,
    fetched_ms  INTEGER NOT NULL
);
CREATE TABLE request_status (
    tracking_number TEXT PRIMARY KEY,
    status_json     TEXT    NOT NULL,
    fetched_ms      INTEGER NOT NULL
);
)sql";

// Version 3: the local logs. audit rows wait here for their turn as signed records.
constexpr std::string_view kLogs = R"sql(
CREATE TABLE print_jobs (
    job_id  INTEGER PRIMARY KEY,
    what    TEXT    NOT NULL,
    at_ms   INTEGER NOT NULL,
    result  TEXT    NOT NULL
);
CREATE TABLE audit (
    event_id INTEGER PRIMARY KEY,
    who      TEXT    NOT NULL,
    what     TEXT    NOT NULL,
    at_ms    INTEGER NOT NULL,
    result   TEXT    NOT NULL
);
)sql";

constexpr std::array kSteps{
    Migration{"outbox and settings", kOutbox},
    Migration{"catalogue and request status caches", kCaches},
    Migration{"print job and audit logs", kLogs},
};

} // namespace

std::span<const Migration> migrations()
{
    return kSteps;
}

int latest_schema_version()
{
    return static_cast<int>(kSteps.size());
}

SqlResult<int> migrate(Database& db, std::span<const Migration> steps, SchemaTooNew* too_new)
{
    const int known = static_cast<int>(steps.size());
    const auto too_new_at = [&](std::int64_t found) {
        if (too_new != nullptr)
            *too_new = SchemaTooNew{static_cast<int>(found), known};
        return static_cast<int>(found);
    };
    // Looked at first without the write lock, so a newer database is refused even when read-only.
    auto version = db.query_int("PRAGMA user_version");
    if (!version)
        return std::unexpected(version.error());
    if (*version > known)
        return too_new_at(*version);
    while (*version < known) {
        auto tx = Transaction::begin(db);
        if (!tx)
            return std::unexpected(tx.error());
        // Read again under the write lock: another process may have migrated meanwhile.
        version = db.query_int("PRAGMA user_version");
        if (!version)
            return std::unexpected(version.error());
        if (*version > known)
            return too_new_at(*version);
        if (*version == known)
            break;
        const int v = static_cast<int>(*version);
        const Migration& step = steps[static_cast<std::size_t>(v)];
        if (auto r = db.exec(std::string(step.sql)); !r)
            return std::unexpected(r.error());
        if (auto r = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !r)
            return std::unexpected(r.error());
        if (auto r = tx->commit(); !r)
            return std::unexpected(r.error());
        spdlog::info("store: schema {} -> {} ({})", v, v + 1, step.what);
        *version = v + 1;
    }
    return known;
}

} // namespace hk::store
