// SQLite's result codes sorted into the store's fault kinds, and what staff are told of each.
#include "fault.hpp"

#include <sqlite3.h>

namespace hk::store {

bool stops_submissions(Fault f)
{
    switch (f) {
    case Fault::disk_full:
    case Fault::read_only:
    case Fault::locked:
    case Fault::corrupt:
    case Fault::io:
    case Fault::newer_schema: return true;
    case Fault::none:
    case Fault::undecryptable:
    case Fault::bad_use: return false;
    }
    return true;
}

Fault fault_of(const SqlError& e)
{
    switch (e.code & 0xFF) {
    case SQLITE_OK: return Fault::none;
    case SQLITE_FULL: return Fault::disk_full;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH: return Fault::read_only;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Fault::locked;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Fault::corrupt;
    case SQLITE_MISUSE:
    case SQLITE_RANGE:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH: return Fault::bad_use;
    default: return Fault::io;
    }
}

std::string_view name(Fault f)
{
    switch (f) {
    case Fault::none: return "none";
    case Fault::disk_full: return "disk_full";
    case Fault::read_only: return "read_only";
    case Fault::locked: return "locked";
    case Fault::corrupt: return "corrupt";
    case Fault::io: return "io";
    case Fault::newer_schema: return "newer_schema";
    case Fault::undecryptable: return "undecryptable";
    case Fault::bad_use: return "bad_use";
    }
    return "unknown";
}

std::string staff_message(Fault f)
{
    switch (f) {
    case Fault::none: return "The kiosk's database is working.";
    case Fault::disk_full:
        return "The disk holding the kiosk's database is full. New submissions are paused and nothing already "
               "submitted is lost; free space on the disk, then run the store check.";
    case Fault::read_only:
        return "The kiosk's database cannot be written (the file or its folder is read-only, or belongs to another "
               "user). New submissions are paused; fix the permissions, then run the store check.";
    case Fault::locked:
        return "The kiosk's database is locked by another program. New submissions are paused; stop the other "
               "program (a second kiosk process, a backup tool), then run the store check.";
    case Fault::corrupt:
        return "The kiosk's database file is damaged. New submissions are paused; keep the file for inspection and "
               "restore the last backup.";
    case Fault::io:
        return "The kiosk's database could not be read or written (a disk error). New submissions are paused; check "
               "the disk, then run the store check.";
    case Fault::newer_schema:
        return "The kiosk's database was written by a newer hallkiosk. Install that version or restore a backup.";
    case Fault::undecryptable:
        return "A stored record could not be decrypted: it was changed on disk, or the kiosk's data key is not the "
               "one it was written with.";
    case Fault::bad_use: return "The kiosk's software used its database wrongly; report this with the log.";
    }
    return "The kiosk's database reported an unknown fault.";
}

} // namespace hk::store
