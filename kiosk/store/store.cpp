// The store: opening and checking kiosk.db, and the outbox.
#include "store.hpp"

#include "database.hpp"
#include "migrations.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hk::store {

namespace {

std::string_view state_name(Ack a)
{
    switch (a) {
    case Ack::accepted: return "accepted";
    case Ack::duplicate: return "duplicate";
    case Ack::rejected: return "rejected";
    }
    return "rejected";
}

// A version 4 UUID (RFC 9562 section 5.4) from OpenSSL's random generator.
std::optional<std::string> new_uuid()
{
    std::array<unsigned char, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        return std::nullopt;
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            s.push_back('-');
        s.push_back(kHex[b[i] >> 4]);
        s.push_back(kHex[b[i] & 0x0F]);
    }
    return s;
}

// The associated data binding a sealed JWS to its row.
std::string aad_of(std::string_view id, std::int64_t seq)
{
    return std::string(id) + "|" + std::to_string(seq);
}

Fault fault_of_errno(int e)
{
    switch (e) {
    case ENOSPC:
    case EDQUOT: return Fault::disk_full;
    case EACCES:
    case EPERM:
    case EROFS: return Fault::read_only;
    default: return Fault::io;
    }
}

std::string newer_schema(std::int64_t found, int known)
{
    return "the database was written by a newer hallkiosk (schema " + std::to_string(found) + "; this one knows up to " +
           std::to_string(known) + "); install that version or restore a backup";
}

struct OpenFailure {
    Fault fault;
    std::string message;
};

std::unexpected<Error> open_failed(Fault* out, Fault f, std::string detail)
{
    if (out != nullptr)
        *out = f;
    return fail("store: " + staff_message(f) + " [" + detail + "]");
}

// The folder (0700) and the file (0600) exist before SQLite opens it: SQLite would create the
// file with 0644, and its -wal and -shm files take the main file's mode.
std::optional<OpenFailure> prepare_files(const std::filesystem::path& dir, const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) {
        std::filesystem::create_directories(dir, ec);
        if (ec)
            return OpenFailure{fault_of_errno(ec.value()), "cannot create " + dir.string() + ": " + ec.message()};
        std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    }
    const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return OpenFailure{fault_of_errno(errno), "cannot open " + file.string() + ": " + std::strerror(errno)};
    ::close(fd);
    return std::nullopt;
}

} // namespace

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options, std::span<const std::uint8_t> data_key,
                                           Fault* fault)
{
    auto key = DataKey::from(data_key);
    if (!key)
        return open_failed(fault, Fault::bad_use,
                           "the data key has " + std::to_string(data_key.size()) + " bytes, not 32");
    const std::filesystem::path file = options.dir / kFileName;
    if (auto f = prepare_files(options.dir, file))
        return open_failed(fault, f->fault, f->message);

    auto db = Database::open(file);
    if (!db)
        return open_failed(fault, fault_of(db.error()), file.string() + ": " + db.error().message);
    db->busy_timeout(options.busy_timeout_ms);
    const auto sql_failed = [&](std::string_view what, const SqlError& e) {
        return open_failed(fault, fault_of(e), file.string() + ": " + std::string(what) + ": " + e.message);
    };

    // The version first: a file that is not a database fails here, and a newer schema is refused
    // before anything is changed.
    auto version = db->query_int("PRAGMA user_version");
    if (!version)
        return sql_failed("reading the schema version", version.error());
    if (*version > latest_schema_version())
        return open_failed(fault, Fault::newer_schema, newer_schema(*version, latest_schema_version()));

    auto mode = db->prepare("PRAGMA journal_mode = WAL");
    if (!mode)
        return sql_failed("setting WAL mode", mode.error());
    if (auto row = mode->step(); !row || !*row || mode->text(0) != "wal")
        return row ? open_failed(fault, Fault::io, file.string() + ": WAL mode refused")
                   : sql_failed("setting WAL mode", row.error());
    mode->reset();
    std::string pragmas = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";
    if (options.max_pages > 0)
        pragmas += " PRAGMA max_page_count = " + std::to_string(options.max_pages) + ";";
    if (auto r = db->exec(pragmas); !r)
        return sql_failed("setting pragmas", r.error());

    auto check = db->prepare("PRAGMA quick_check");
    if (!check)
        return sql_failed("checking", check.error());
    auto row = check->step();
    if (!row)
        return sql_failed("checking", row.error());
    if (*row && check->text(0) != "ok")
        return open_failed(fault, Fault::corrupt, file.string() + ": quick_check: " + check->text(0));
    check->reset();

    SchemaTooNew too_new{0, 0};
    auto migrated = migrate(*db, migrations(), &too_new);
    if (!migrated)
        return sql_failed("migrating the schema", migrated.error());
    if (too_new.found != 0)
        return open_failed(fault, Fault::newer_schema, newer_schema(too_new.found, too_new.known));

    if (fault != nullptr)
        *fault = Fault::none;
    return std::unique_ptr<Store>(new Store(std::make_unique<Database>(std::move(*db)), *key, options));
}

Store::Store(std::unique_ptr<Database> db, DataKey key, StoreOptions options)
    : db_(std::move(db)), key_(std::move(key)), options_(std::move(options))
{
}

Store::~Store() = default;

std::int64_t Store::now_ms() const
{
    if (options_.now_ms)
        return options_.now_ms();
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

Health Store::health() const
{
    const std::lock_guard lock(health_mutex_);
    Health h = health_;
    h.accepting = accepting_.load();
    return h;
}

std::unexpected<Error> Store::failed(Fault f, std::string_view what, std::string_view detail)
{
    const std::string message = "store: " + std::string(what) + ": " + staff_message(f) + " [" + std::string(detail) + "]";
    {
        const std::lock_guard lock(health_mutex_);
        health_.fault = f;
        health_.message = message;
    }
    if (stops_submissions(f)) {
        if (accepting_.exchange(false))
            spdlog::error("store: new submissions stopped: {}", message);
    }
    return fail(message);
}

std::unexpected<Error> Store::failed(std::string_view what, const SqlError& e)
{
    return failed(fault_of(e), what, e.message);
}

Result<void> Store::check()
{
    const std::lock_guard lock(mutex_);
    auto q = db_->prepare("PRAGMA quick_check");
    if (!q)
        return failed("check", q.error());
    auto row = q->step();
    if (!row)
        return failed("check", row.error());
    if (*row && q->text(0) != "ok")
        return failed(Fault::corrupt, "check", "quick_check: " + q->text(0));
    q->reset();
    // A small durable write: the lock can be taken, and the disk takes a commit.
    auto tx = Transaction::begin(*db_);
    if (!tx)
        return failed("check", tx.error());
    auto put = db_->prepare("INSERT INTO settings (key, value) VALUES ('store.checked_at_ms', ?1) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    if (!put)
        return failed("check", put.error());
    if (auto r = put->bind(1, std::to_string(now_ms())).run(); !r)
        return failed("check", r.error());
    if (auto r = tx->commit(); !r)
        return failed("check", r.error());
    {
        const std::lock_guard hl(health_mutex_);
        health_ = Health{};
    }
    if (!accepting_.exchange(true))
        spdlog::info("store: checked; new submissions are taken again");
    return {};
}

Result<Entry> Store::enqueue(std::string_view type, const MakeJws& make_jws)
{
    if (!accepting_.load())
        return fail("store: not taking submissions: " + health().message);
    const std::lock_guard lock(mutex_);
    auto tx = Transaction::begin(*db_);
    if (!tx)
        return failed("enqueue", tx.error());
    auto last = db_->prepare("SELECT seq, hash FROM outbox ORDER BY seq DESC LIMIT 1");
    if (!last)
        return failed("enqueue", last.error());
    auto row = last->step();
    if (!row)
        return failed("enqueue", row.error());
    Entry entry;
    entry.seq = *row ? last->integer(0) + 1 : 1;
    const std::string prev_hash = *row ? last->text(1) : std::string();
    last->reset();
    auto id = new_uuid();
    if (!id)
        return failed(Fault::io, "enqueue", "no random bytes for a record id");
    entry.id = *id;

    auto jws = make_jws(Slot{entry.id, entry.seq, prev_hash});
    if (!jws)
        return std::unexpected(jws.error()); // the caller's own failure; the transaction rolls back
    entry.hash = sha256_hex(*jws);
    auto sealed = seal(key_, *jws, aad_of(entry.id, entry.seq));
    OPENSSL_cleanse(jws->data(), jws->size());
    if (!sealed)
        return failed(Fault::io, "enqueue", "AES-GCM encryption failed");

    auto insert = db_->prepare("INSERT INTO outbox (seq, id, type, created_at_ms, hash, sealed) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return failed("enqueue", insert.error());
    insert->bind(1, entry.seq).bind(2, entry.id).bind(3, type).bind(4, now_ms()).bind(5, entry.hash).bind_blob(6, *sealed);
    if (auto r = insert->run(); !r)
        return failed("enqueue", r.error());
    if (auto r = tx->commit(); !r)
        return failed("enqueue", r.error());
    return entry;
}

Result<std::vector<OutboxRecord>> Store::read_records(std::string_view sql, std::int64_t limit)
{
    auto q = db_->prepare(sql);
    if (!q)
        return failed("reading the outbox", q.error());
    q->bind(1, limit);
    std::vector<OutboxRecord> out;
    for (;;) {
        auto row = q->step();
        if (!row)
            return failed("reading the outbox", row.error());
        if (!*row)
            break;
        OutboxRecord r;
        r.seq = q->integer(0);
        r.id = q->text(1);
        r.type = q->text(2);
        r.created_at_ms = q->integer(3);
        r.hash = q->text(4);
        r.attempts = static_cast<int>(q->integer(6));
        r.reason = q->text(7);
        auto jws = unseal(key_, q->blob(5), aad_of(r.id, r.seq));
        if (!jws)
            return failed(Fault::undecryptable, "reading the outbox",
                          "outbox record seq " + std::to_string(r.seq) + " failed AES-GCM authentication");
        r.jws = std::move(*jws);
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<OutboxRecord>> Store::waiting(std::size_t limit)
{
    const std::lock_guard lock(mutex_);
    return read_records("SELECT seq, id, type, created_at_ms, hash, sealed, attempts, reason FROM outbox "
                        "WHERE state = 'waiting' ORDER BY seq LIMIT ?1",
                        static_cast<std::int64_t>(limit));
}

Result<std::vector<OutboxRecord>> Store::rejected()
{
    const std::lock_guard lock(mutex_);
    return read_records("SELECT seq, id, type, created_at_ms, hash, sealed, attempts, reason FROM outbox "
                        "WHERE state = 'rejected' ORDER BY seq LIMIT ?1",
                        -1);
}

Result<void> Store::mark(std::string_view id, Ack ack, std::string_view reason)
{
    const Answer one{std::string(id), ack, std::string(reason)};
    return mark(std::span(&one, 1));
}

Result<void> Store::mark(std::span<const Answer> answers)
{
    const std::lock_guard lock(mutex_);
    auto tx = Transaction::begin(*db_);
    if (!tx)
        return failed("mark", tx.error());
    for (const Answer& a : answers)
        if (auto r = apply(a); !r)
            return r;
    if (auto r = tx->commit(); !r)
        return failed("mark", r.error());
    return {};
}

Result<void> Store::apply(const Answer& a)
{
    auto q = db_->prepare("SELECT state FROM outbox WHERE id = ?1");
    if (!q)
        return failed("mark", q.error());
    auto row = q->bind(1, a.id).step();
    if (!row)
        return failed("mark", row.error());
    if (!*row)
        return fail("store: mark: no outbox record has id " + a.id);
    const std::string state = q->text(0);
    q->reset();
    if (state != "waiting") {
        if (state == state_name(a.ack))
            return {};
        return fail("store: mark: record " + a.id + " is already " + state + ", not to be marked " +
                    std::string(state_name(a.ack)));
    }
    // Acknowledged records lose their JWS now; secure_delete zeroes the freed bytes in the file.
    auto u = db_->prepare("UPDATE outbox SET state = ?1, reason = ?2, attempts = attempts + 1, last_attempt_ms = ?3, "
                          "sealed = CASE WHEN ?1 = 'rejected' THEN sealed ELSE NULL END WHERE id = ?4");
    if (!u)
        return failed("mark", u.error());
    u->bind(1, state_name(a.ack)).bind(3, now_ms()).bind(4, a.id);
    if (a.reason.empty())
        u->bind_null(2);
    else
        u->bind(2, a.reason);
    if (auto r = u->run(); !r)
        return failed("mark", r.error());
    return {};
}

Result<OutboxStats> Store::stats()
{
    const std::lock_guard lock(mutex_);
    auto q = db_->prepare("SELECT (SELECT count(*) FROM outbox WHERE state = 'waiting'),"
                          "       (SELECT min(created_at_ms) FROM outbox WHERE state = 'waiting'),"
                          "       (SELECT count(*) FROM outbox WHERE state = 'rejected'),"
                          "       (SELECT coalesce(max(seq), 0) FROM outbox WHERE state IN ('accepted', 'duplicate'))");
    if (!q)
        return failed("stats", q.error());
    auto row = q->step();
    if (!row)
        return failed("stats", row.error());
    OutboxStats s;
    s.waiting = q->integer(0);
    if (!q->is_null(1))
        s.oldest_waiting_ms = q->integer(1);
    s.rejected = q->integer(2);
    s.last_acknowledged_seq = q->integer(3);
    return s;
}

} // namespace hk::store
