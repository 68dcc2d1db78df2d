// What went wrong with the store, in kinds a kiosk acts on differently, each with a sentence for
// hall staff. A storage fault (full, read-only, locked, corrupt, I/O) stops new submissions.
#pragma once

#include "database.hpp"

#include <string>
#include <string_view>

namespace hk::store {

enum class Fault {
    none,
    disk_full,     // SQLITE_FULL: the disk, or the size the database may grow to, is used up
    read_only,     // SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN: the file cannot be written
    locked,        // SQLITE_BUSY or SQLITE_LOCKED past the busy timeout: another program holds it
    corrupt,       // SQLITE_CORRUPT, SQLITE_NOTADB, or PRAGMA quick_check finding damage
    io,            // SQLITE_IOERR and anything else the disk or SQLite reports
    newer_schema,  // written by a newer hallkiosk: refused, never guessed at
    undecryptable, // a sealed record failed its AES-GCM tag: tampered with, or the wrong key
    bad_use,       // a caller's mistake (unknown record id, a data key of the wrong size)
};

// True for the faults after which the store stops taking submissions until checked again.
bool stops_submissions(Fault f);

Fault fault_of(const SqlError& e);

// The kind's name for logs and tests ("disk_full").
std::string_view name(Fault f);

// One sentence for staff on what happened and what to do, without SQLite's own wording.
std::string staff_message(Fault f);

} // namespace hk::store
