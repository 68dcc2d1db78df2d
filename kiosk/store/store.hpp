// The kiosk's durable store: one SQLite file, kiosk.db, in the state folder. Its heart is the
// outbox: every signed record waits there, hash-chained and encrypted at rest, until the central
// side acknowledges it. Safe to call from two threads (the UI thread enqueues, the sync thread
// reads and marks); calls are serialised on one connection.
#pragma once

#include "error.hpp"
#include "fault.hpp"
#include "record_cipher.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::store {

class Database;

struct StoreOptions {
    std::filesystem::path dir; // the state folder; created with mode 0700 when missing
    // How long a call waits for another program's lock before failing with Fault::locked. A
    // submission waits this long at worst, so it stays short.
    int busy_timeout_ms = 2000;
    // A cap on the file's size in pages (SQLite's PRAGMA max_page_count; 4096-byte pages), so
    // the database cannot take the disk's last bytes from the logs. 0: no cap.
    std::int64_t max_pages = 0;
    // Unix milliseconds; the system clock when empty.
    std::function<std::int64_t()> now_ms;
};

// Where the record being enqueued goes: its idempotency key (a UUID the store made), its sequence
// number and the chain hash of the record before it ("" for the first record).
struct Slot {
    std::string_view id;
    std::int64_t seq;
    std::string_view prev_hash;
};

// Builds and signs the record for a slot: the JWS text, or an error (nothing is then stored).
using MakeJws = std::function<Result<std::string>(const Slot&)>;

struct Entry {
    std::string id;
    std::int64_t seq = 0;
    std::string hash; // lower-case hex SHA-256 of the JWS
};

struct OutboxRecord {
    std::string id;
    std::int64_t seq = 0;
    std::string type;
    std::int64_t created_at_ms = 0;
    std::string hash;
    std::string jws; // decrypted; may hold personal data, so never logged (not wiped when dropped)
    int attempts = 0;
    std::string reason; // the central side's, for a rejected record
};

enum class Ack { accepted, duplicate, rejected };

struct Answer {
    std::string id;
    Ack ack = Ack::accepted;
    std::string reason; // for a rejection
};

struct OutboxStats {
    std::int64_t waiting = 0;
    std::optional<std::int64_t> oldest_waiting_ms;
    std::int64_t rejected = 0;
    std::int64_t last_acknowledged_seq = 0; // 0 when none
};

// A catalogue document as last fetched (venues, slots, activities, request categories,
// communities, trusted keys), with the ETag to ask for a newer one with.
struct CatalogueDoc {
    std::string name;
    std::string etag; // empty when the server sent none
    std::string body;
    std::int64_t fetched_ms = 0;
};

struct RequestStatus {
    std::string tracking_number;
    std::string status_json;
    std::int64_t fetched_ms = 0;
};

// A line of a local log: a staff audit event, or a print job (its who is "printer").
struct LogLine {
    std::int64_t number = 0; // increasing
    std::string who;
    std::string what;
    std::int64_t at_ms = 0;
    std::string result;
};

// What staff see: whether submissions are taken, and the last fault with its sentence.
struct Health {
    bool accepting = true;
    Fault fault = Fault::none;
    std::string message;
};

class Store {
public:
    static constexpr std::string_view kFileName = "kiosk.db";

    // Opens kiosk.db in options.dir, checks it (PRAGMA quick_check) and brings its schema up to
    // date. `data_key` must hold 32 bytes. On failure `fault` (when given) says which kind.
    // There is no re-keying yet: rows sealed under another key fail to decrypt (undecryptable).
    static Result<std::unique_ptr<Store>> open(const StoreOptions& options, std::span<const std::uint8_t> data_key,
                                               Fault* fault = nullptr);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // False after a storage fault (full, read-only, locked, corrupt, I/O) until check() passes:
    // the kiosk then takes no new submissions rather than lose them. Never blocks.
    bool accepting() const { return accepting_.load(); }
    // The fault is the last one any call met (either thread); none after open or check().
    Health health() const;
    // Runs PRAGMA quick_check and a small durable write; on success submissions are taken again.
    Result<void> check();

    // In one immediate transaction: the next seq and the previous hash, make_jws, SHA-256,
    // encryption, insert, commit with synchronous=FULL. When it returns the record is on disk.
    // It waits while the other thread's call runs, and for another program's lock up to the busy
    // timeout; make_jws runs under the lock, so it should only build and sign.
    Result<Entry> enqueue(std::string_view type, const MakeJws& make_jws);
    // The oldest waiting records in seq order, decrypted. A record that fails to decrypt fails
    // the call (Fault::undecryptable, naming its seq): the chain cannot skip it.
    Result<std::vector<OutboxRecord>> waiting(std::size_t limit);
    // The central side's answer for a record. Accepted and duplicate records lose their sealed
    // JWS in the same transaction; a rejected one keeps it and its reason for staff. Marking a
    // record again with the answer it has is a no-op; with another answer, an error.
    Result<void> mark(std::string_view id, Ack ack, std::string_view reason = {});
    // The answers for a batch in one transaction (one fsync, not one per record): all are
    // recorded or, when any fails (an unknown id, a record already answered otherwise), none.
    Result<void> mark(std::span<const Answer> answers);
    Result<OutboxStats> stats();
    // Every rejected record with its reason and decrypted JWS, in seq order.
    Result<std::vector<OutboxRecord>> rejected();

    // The caches of what the central side serves (caches.cpp). A put replaces what was there.
    Result<void> put_catalogue(std::string_view name, std::string_view etag, std::string_view body);
    Result<std::optional<CatalogueDoc>> catalogue(std::string_view name);
    Result<void> put_request_status(std::string_view tracking_number, std::string_view status_json);
    Result<std::optional<RequestStatus>> request_status(std::string_view tracking_number);
    Result<void> put_setting(std::string_view key, std::string_view value);
    Result<std::optional<std::string>> setting(std::string_view key);

    // The local logs (local_logs.cpp): print jobs, and staff audit events until they are sent as
    // records. Neither may hold personal data. The newest `limit` lines, newest first.
    Result<void> log_print_job(std::string_view what, std::string_view result);
    Result<std::vector<LogLine>> print_jobs(std::size_t limit);
    Result<void> log_audit(std::string_view who, std::string_view what, std::string_view result);
    Result<std::vector<LogLine>> audit(std::size_t limit);

private:
    Store(std::unique_ptr<Database> db, DataKey key, StoreOptions options);
    std::int64_t now_ms() const;
    Result<std::vector<OutboxRecord>> read_records(std::string_view sql, std::int64_t limit);
    Result<void> apply(const Answer& a); // within mark's transaction
    Result<std::vector<LogLine>> read_log(std::string_view what, std::string_view sql, std::size_t limit);
    // One statement with text parameters ?1..?n in its own transaction (an upsert, a log line);
    // when `stamped`, the time now is parameter n + 1.
    Result<void> write(std::string_view what, std::string_view sql, std::span<const std::string_view> params,
                       bool stamped);
    // Records the fault (stopping submissions when it is a storage fault) and returns its error.
    std::unexpected<Error> failed(Fault f, std::string_view what, std::string_view detail);
    std::unexpected<Error> failed(std::string_view what, const SqlError& e);

    std::mutex mutex_; // the connection
    std::unique_ptr<Database> db_;
    DataKey key_;
    StoreOptions options_;
    std::atomic<bool> accepting_{true};
    mutable std::mutex health_mutex_;
    Health health_;
};

} // namespace hk::store
