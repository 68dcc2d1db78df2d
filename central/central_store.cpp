// The central side's SQLite database: schema, kiosks, records, request status, ratings.
#include "central_store.hpp"

#include "jwk.hpp"

namespace hk::central {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS kiosks (
  id TEXT PRIMARY KEY,
  jwk TEXT NOT NULL,
  kid TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
  id TEXT PRIMARY KEY,
  kiosk TEXT NOT NULL,
  seq INTEGER NOT NULL,
  prev TEXT NOT NULL,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  jws TEXT NOT NULL,
  hash TEXT NOT NULL,
  flag TEXT NOT NULL CHECK (flag IN ('ok', 'gap', 'fork')),
  received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_by_kiosk ON records (kiosk, seq);
CREATE TABLE IF NOT EXISTS requests (
  tracking TEXT PRIMARY KEY,
  check_code TEXT NOT NULL,
  status TEXT NOT NULL,
  stages TEXT NOT NULL
);
)sql";

// Version 2 (PRAGMA user_version): refused records held with their reason, a request's category,
// due time and record, and ratings. A database made before it is brought up to it on opening.
constexpr int kSchemaVersion = 3;
constexpr std::string_view kSchemaTo2 = R"sql(
ALTER TABLE records ADD COLUMN refusal TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN due TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN record TEXT NOT NULL DEFAULT '';
CREATE TABLE ratings (
  subject_kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  at TEXT NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (subject_kind, subject)
);
PRAGMA user_version = 2;
)sql";

// Version 3: venue holds and bookings, activity sign-ups (booking_engine). A resident is the
// HMAC of their ID number (resident_key); the name is kept for staff. At most one confirmed
// booking per slot and one live sign-up per resident and activity, whatever the code above does.
constexpr std::string_view kSchemaTo3 = R"sql(
CREATE TABLE holds (
  id TEXT PRIMARY KEY,
  venue TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  resident TEXT NOT NULL,
  name TEXT NOT NULL,
  group_size INTEGER NOT NULL,
  hall TEXT NOT NULL,
  kiosk TEXT NOT NULL,
  expires INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('held', 'confirmed', 'released')),
  booking TEXT NOT NULL DEFAULT ''
);
CREATE INDEX holds_by_slot ON holds (venue, start);
CREATE INDEX holds_by_resident ON holds (resident, start);
CREATE TABLE bookings (
  id TEXT PRIMARY KEY,
  venue TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  resident TEXT NOT NULL,
  name TEXT NOT NULL,
  group_size INTEGER NOT NULL,
  hall TEXT NOT NULL,
  kiosk TEXT NOT NULL,
  cancel_until INTEGER NOT NULL,
  pass_id TEXT NOT NULL,
  pass TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('confirmed', 'cancelled')),
  booked_at INTEGER NOT NULL,
  checked_in_at TEXT NOT NULL DEFAULT '',
  checkin_record TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX bookings_one_per_slot ON bookings (venue, start) WHERE state = 'confirmed';
CREATE INDEX bookings_by_resident ON bookings (resident, start);
CREATE TABLE signups (
  id TEXT PRIMARY KEY,
  activity TEXT NOT NULL,
  resident TEXT NOT NULL,
  name TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('confirmed', 'waiting', 'cancelled')),
  signed_at INTEGER NOT NULL,
  kiosk TEXT NOT NULL
);
CREATE UNIQUE INDEX signups_one_per_resident ON signups (activity, resident) WHERE state != 'cancelled';
CREATE INDEX signups_by_activity ON signups (activity, state);
PRAGMA user_version = 3;
)sql";

constexpr std::string_view kRecordColumns = "id, kiosk, seq, prev, type, at, jws, hash, flag, received_at, refusal";
constexpr std::string_view kRequestColumns =
    "tracking, check_code, status, stages, category, due, record, "
    "EXISTS (SELECT 1 FROM ratings WHERE subject_kind = 'request' AND subject = tracking)";

Error sql_error(const store::SqlError& e)
{
    return Error{"database: " + e.message};
}

ChainFlag flag_from_name(std::string_view name)
{
    if (name == "gap")
        return ChainFlag::gap;
    if (name == "fork")
        return ChainFlag::fork;
    return ChainFlag::ok;
}

StoredRecord read_record(const store::Statement& s)
{
    return StoredRecord{s.text(0), s.text(1), s.integer(2),
                        s.text(3), s.text(4), s.text(5),
                        s.text(6), s.text(7), flag_from_name(s.text(8)),
                        s.text(9), s.text(10)};
}

RequestStatus read_request(const store::Statement& s)
{
    auto stages = nlohmann::json::parse(s.text(3), nullptr, false);
    if (stages.is_discarded() || !stages.is_array())
        stages = nlohmann::json::array();
    return RequestStatus{s.text(0), s.text(1), s.text(2), std::move(stages),
                         s.text(4), s.text(5), s.text(6), s.integer(7) != 0};
}

// The schema made or brought up to kSchemaVersion, in one immediate transaction so that a server
// and an admin command opening the same new database at once do not both change it.
Result<void> make_schema(store::Database& db)
{
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return std::unexpected(sql_error(tx.error()));
    if (auto r = db.exec(std::string(kSchema)); !r)
        return std::unexpected(sql_error(r.error()));
    auto version = db.query_int("PRAGMA user_version");
    if (!version)
        return std::unexpected(sql_error(version.error()));
    if (*version > kSchemaVersion)
        return fail("database: made by a later version of hallkiosk-central (schema " + std::to_string(*version) + ")");
    if (*version < 2)
        if (auto r = db.exec(std::string(kSchemaTo2)); !r)
            return std::unexpected(sql_error(r.error()));
    if (*version < 3)
        if (auto r = db.exec(std::string(kSchemaTo3)); !r)
            return std::unexpected(sql_error(r.error()));
    if (auto r = tx->commit(); !r)
        return std::unexpected(sql_error(r.error()));
    return {};
}

// Every row of `s`, each read by `read`.
template <typename Read> auto all_rows(store::Statement& s, Read read) -> Result<std::vector<decltype(read(s))>>
{
    std::vector<decltype(read(s))> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return std::unexpected(sql_error(row.error()));
        if (!*row)
            return out;
        out.push_back(read(s));
    }
}

// The first row of a record query with its parameters bound by `bind`, or nothing.
template <typename Bind>
Result<std::optional<StoredRecord>> one_record(store::Database& db, const std::string& where, Bind bind)
{
    auto s = db.prepare("SELECT " + std::string(kRecordColumns) + " FROM records " + where);
    if (!s)
        return std::unexpected(sql_error(s.error()));
    bind(*s);
    auto row = s->step();
    if (!row)
        return std::unexpected(sql_error(row.error()));
    if (!*row)
        return std::optional<StoredRecord>{};
    return std::optional<StoredRecord>{read_record(*s)};
}

} // namespace

std::string_view chain_flag_name(ChainFlag flag)
{
    switch (flag) {
    case ChainFlag::ok: return "ok";
    case ChainFlag::gap: return "gap";
    case ChainFlag::fork: return "fork";
    }
    return "?";
}

Result<CentralStore> CentralStore::open(const std::filesystem::path& data_dir)
{
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec)
        return fail("cannot create the data folder " + data_dir.string() + ": " + ec.message());
    auto db = store::Database::open(data_dir / kDatabaseFile);
    if (!db)
        return std::unexpected(sql_error(db.error()));
    db->busy_timeout(5000);
    auto mode = db->prepare("PRAGMA journal_mode = WAL");
    if (!mode)
        return std::unexpected(sql_error(mode.error()));
    if (auto row = mode->step(); !row || !*row || mode->text(0) != "wal")
        return fail("database: " + (data_dir / kDatabaseFile).string() + " cannot be put in WAL mode");
    mode->reset();
    if (auto r = db->exec("PRAGMA synchronous = FULL;"); !r)
        return std::unexpected(sql_error(r.error()));
    if (auto r = make_schema(*db); !r)
        return std::unexpected(r.error());
    return CentralStore(std::move(*db));
}

Result<KioskKey> CentralStore::register_kiosk(std::string_view kiosk_id, const nlohmann::json& jwk)
{
    if (kiosk_id.empty() || kiosk_id.size() > 64)
        return fail("a kiosk id is 1 to 64 characters");
    if (auto key = uplink::jwk_to_pkey(jwk); !key)
        return std::unexpected(key.error());
    auto kid = uplink::jwk_thumbprint(jwk);
    if (!kid)
        return std::unexpected(kid.error());
    auto s = db_.prepare("INSERT INTO kiosks (id, jwk, kid) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (id) DO UPDATE SET jwk = excluded.jwk, kid = excluded.kid");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string text = jwk.dump();
    s->bind(1, kiosk_id).bind(2, text).bind(3, *kid);
    if (auto r = s->run(); !r)
        return std::unexpected(sql_error(r.error()));
    return KioskKey{std::string(kiosk_id), jwk, *kid};
}

Result<std::optional<KioskKey>> CentralStore::kiosk(std::string_view kiosk_id)
{
    auto s = db_.prepare("SELECT jwk, kid FROM kiosks WHERE id = ?1");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, kiosk_id);
    auto row = s->step();
    if (!row)
        return std::unexpected(sql_error(row.error()));
    if (!*row)
        return std::optional<KioskKey>{};
    auto jwk = nlohmann::json::parse(s->text(0), nullptr, false);
    if (jwk.is_discarded())
        return fail("database: the key of kiosk " + std::string(kiosk_id) + " is not JSON");
    return std::optional<KioskKey>{KioskKey{std::string(kiosk_id), std::move(jwk), s->text(1)}};
}

Result<std::optional<StoredRecord>> CentralStore::record_by_id(std::string_view id)
{
    return one_record(db_, "WHERE id = ?1", [&](store::Statement& s) { s.bind(1, id); });
}

Result<std::optional<StoredRecord>> CentralStore::last_record(std::string_view kiosk_id)
{
    return one_record(db_, "WHERE kiosk = ?1 ORDER BY seq DESC, rowid DESC LIMIT 1",
                      [&](store::Statement& s) { s.bind(1, kiosk_id); });
}

Result<std::optional<StoredRecord>> CentralStore::record_at(std::string_view kiosk_id, std::int64_t seq)
{
    return one_record(db_, "WHERE kiosk = ?1 AND seq = ?2 ORDER BY rowid LIMIT 1",
                      [&](store::Statement& s) { s.bind(1, kiosk_id).bind(2, seq); });
}

Result<void> CentralStore::insert_record(const StoredRecord& r)
{
    auto s = db_.prepare("INSERT INTO records (" + std::string(kRecordColumns) +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, r.id).bind(2, r.kiosk).bind(3, r.seq).bind(4, r.prev).bind(5, r.type).bind(6, r.at);
    s->bind(7, r.jws).bind(8, r.hash).bind(9, chain_flag_name(r.flag)).bind(10, r.received_at);
    s->bind(11, r.refusal);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<std::vector<StoredRecord>> CentralStore::records(std::optional<std::string_view> kiosk_id)
{
    std::string sql = "SELECT " + std::string(kRecordColumns) + " FROM records ";
    sql += kiosk_id ? "WHERE kiosk = ?1 " : "";
    sql += "ORDER BY kiosk, seq, rowid";
    auto s = db_.prepare(sql);
    if (!s)
        return std::unexpected(sql_error(s.error()));
    if (kiosk_id)
        s->bind(1, *kiosk_id);
    return all_rows(*s, read_record);
}

Result<void> CentralStore::add_request(const RequestStatus& r)
{
    auto s = db_.prepare("INSERT OR IGNORE INTO requests (tracking, check_code, status, stages, category, due, record) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string stages = r.stages.dump();
    s->bind(1, r.tracking).bind(2, r.check).bind(3, r.status).bind(4, stages);
    s->bind(5, r.category).bind(6, r.due).bind(7, r.record);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<std::optional<RequestStatus>> CentralStore::request(std::string_view tracking)
{
    auto s = db_.prepare("SELECT " + std::string(kRequestColumns) + " FROM requests WHERE tracking = ?1");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, tracking);
    auto row = s->step();
    if (!row)
        return std::unexpected(sql_error(row.error()));
    if (!*row)
        return std::optional<RequestStatus>{};
    return std::optional<RequestStatus>{read_request(*s)};
}

Result<std::vector<RequestStatus>> CentralStore::requests()
{
    auto s = db_.prepare("SELECT " + std::string(kRequestColumns) + " FROM requests ORDER BY tracking");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    return all_rows(*s, read_request);
}

Result<void> CentralStore::update_request(const RequestStatus& r)
{
    auto s = db_.prepare("UPDATE requests SET status = ?2, stages = ?3 WHERE tracking = ?1");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string stages = r.stages.dump();
    s->bind(1, r.tracking).bind(2, r.status).bind(3, stages);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<bool> CentralStore::add_rating(const Rating& r)
{
    // Only the subject's key may conflict quietly (OR IGNORE would pass over a failed CHECK too).
    auto s = db_.prepare("INSERT INTO ratings (subject_kind, subject, level, at, record) VALUES (?1, ?2, ?3, ?4, ?5) "
                         "ON CONFLICT (subject_kind, subject) DO NOTHING");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, r.subject_kind).bind(2, r.subject).bind(3, std::int64_t{r.level}).bind(4, r.at).bind(5, r.record);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    auto changed = db_.query_int("SELECT changes()");
    if (!changed)
        return std::unexpected(sql_error(changed.error()));
    return *changed == 1;
}

} // namespace hk::central
