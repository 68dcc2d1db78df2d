// The central side's SQLite database: schema, kiosks, records, request status, ratings,
// questionnaires, audit events.
#include "central_store.hpp"

#include "jwk.hpp"
#include "record_intake.hpp"

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
CREATE TABLE IF NOT EXISTS earlier_keys (
  kiosk TEXT NOT NULL,
  kid TEXT NOT NULL,
  jwk TEXT NOT NULL,
  below_seq INTEGER,
  PRIMARY KEY (kiosk, kid)
);
)sql";
// earlier_keys: the keys a kiosk was registered with before its current one (kiosks.jwk), in the
// order they were replaced (rowid). below_seq is the lowest seq held from that kiosk signed by a
// key that replaced it, NULL while there is none (docs/records.md, "Verification"). A new table
// with nothing to carry over, so made on any database by IF NOT EXISTS, with no schema version.

// Version 2 (PRAGMA user_version): refused records held with their reason, a request's category,
// due time and record, and ratings. A database made before it is brought up to it on opening.
constexpr int kSchemaVersion = 5;
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

// Version 4: ratings of every subject (docs/protocol.md, "Ratings"), with what a low one carries
// and its follow-up; a request's hall, which its ratings count for; questionnaires and their
// answers. Rows of before keep their key: a request's tracking number under subject_kind request.
constexpr std::string_view kSchemaTo4 = R"sql(
ALTER TABLE requests ADD COLUMN hall TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN hall TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN window_id TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN staff TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';
ALTER TABLE ratings ADD COLUMN text TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN callback_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN consent_version TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN consent_at TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN rater TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN visit TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN follow_up TEXT NOT NULL DEFAULT 'none'
  CHECK (follow_up IN ('none', 'open', 'rectified'));
ALTER TABLE ratings ADD COLUMN follow_up_note TEXT NOT NULL DEFAULT '';
ALTER TABLE ratings ADD COLUMN follow_up_at TEXT NOT NULL DEFAULT '';
UPDATE ratings SET follow_up = 'open' WHERE level <= 2;
CREATE INDEX ratings_by_hall ON ratings (hall, at);
CREATE TABLE questionnaires (
  id TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  published_at TEXT NOT NULL,
  withdrawn_at TEXT NOT NULL DEFAULT ''
);
CREATE TABLE questionnaire_answers (
  record TEXT PRIMARY KEY,
  questionnaire TEXT NOT NULL,
  hall TEXT NOT NULL,
  at TEXT NOT NULL,
  lang TEXT NOT NULL,
  answers TEXT NOT NULL
);
CREATE INDEX answers_by_questionnaire ON questionnaire_answers (questionnaire);
PRAGMA user_version = 4;
)sql";

// Version 5: staff's audit events (docs/protocol.md, "Staff audit records"), one row per audit
// record taken. Audit records held from before it were stored without their body read, and stay
// so: they are in records, not here.
constexpr std::string_view kSchemaTo5 = R"sql(
CREATE TABLE audit_events (
  record TEXT PRIMARY KEY,
  kiosk TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  hall TEXT NOT NULL,
  staff TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('', 'staff', 'tech', 'admin')),
  action TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('ok', 'refused', 'failed')),
  detail TEXT NOT NULL
);
CREATE INDEX audit_events_by_time ON audit_events (at, kiosk, seq);
PRAGMA user_version = 5;
)sql";

constexpr std::string_view kRecordColumns = "id, kiosk, seq, prev, type, at, jws, hash, flag, received_at, refusal";
constexpr std::string_view kRequestColumns =
    "tracking, check_code, status, stages, category, due, record, "
    "EXISTS (SELECT 1 FROM ratings WHERE subject_kind = 'request' AND subject = tracking), hall";
constexpr std::string_view kRatingColumns =
    "subject_kind, subject, level, at, record, hall, window_id, staff, reasons, text, callback_phone, "
    "consent_version, consent_at, rater, visit, lang, follow_up, follow_up_note, follow_up_at";
constexpr std::string_view kQuestionnaireColumns = "id, body, published_at, withdrawn_at";
constexpr std::string_view kAnswerColumns = "record, questionnaire, hall, at, lang, answers";
constexpr std::string_view kAuditColumns = "record, kiosk, seq, at, hall, staff, role, action, result, detail";

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
    return RequestStatus{s.text(0), s.text(1), s.text(2),         std::move(stages), s.text(4),
                         s.text(5), s.text(6), s.integer(7) != 0, s.text(8)};
}

// A JSON column as stored by this file; `fallback` for text that is not JSON of its kind.
nlohmann::json json_column(const std::string& text, nlohmann::json fallback)
{
    auto v = nlohmann::json::parse(text, nullptr, false);
    return v.is_discarded() || v.type() != fallback.type() ? fallback : v;
}

Rating read_rating(const store::Statement& s)
{
    Rating r;
    r.subject_kind = s.text(0);
    r.subject = s.text(1);
    r.level = static_cast<int>(s.integer(2));
    r.at = s.text(3);
    r.record = s.text(4);
    r.hall = s.text(5);
    r.window = s.text(6);
    r.staff = s.text(7);
    r.reasons = json_column(s.text(8), nlohmann::json::array());
    r.text = s.text(9);
    r.callback_phone = s.text(10);
    r.consent_version = s.text(11);
    r.consent_at = s.text(12);
    r.rater = s.text(13);
    r.visit = s.text(14);
    r.lang = s.text(15);
    r.follow_up = s.text(16);
    r.follow_up_note = s.text(17);
    r.follow_up_at = s.text(18);
    return r;
}

StoredQuestionnaire read_questionnaire(const store::Statement& s)
{
    return StoredQuestionnaire{s.text(0), json_column(s.text(1), nlohmann::json::object()), s.text(2), s.text(3)};
}

QuestionnaireAnswer read_answer(const store::Statement& s)
{
    return QuestionnaireAnswer{s.text(0), s.text(1), s.text(2),
                               s.text(3), s.text(4), json_column(s.text(5), nlohmann::json::array())};
}

AuditEvent read_audit_event(const store::Statement& s)
{
    return AuditEvent{s.text(0), s.text(1), s.integer(2), s.text(3), s.text(4),
                      s.text(5), s.text(6), s.text(7),    s.text(8), s.text(9)};
}

// Requests opened before version 4 get their hall from the record that opened them, and their
// ratings that hall, so that the hall's satisfaction counts them.
Result<void> fill_request_halls(store::Database& db)
{
    auto s = db.prepare("SELECT q.tracking, r.id, r.jws FROM requests q JOIN records r ON r.id = q.record "
                        "WHERE q.hall = ''");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    std::vector<std::pair<std::string, std::string>> halls;
    for (;;) {
        auto row = s->step();
        if (!row)
            return std::unexpected(sql_error(row.error()));
        if (!*row)
            break;
        StoredRecord opened;
        opened.id = s->text(1);
        opened.jws = s->text(2);
        auto body = stored_body(opened);
        if (body && body->contains("hall") && (*body)["hall"].is_string())
            halls.emplace_back(s->text(0), (*body)["hall"].get<std::string>());
    }
    s->reset();
    auto set = db.prepare("UPDATE requests SET hall = ?2 WHERE tracking = ?1");
    if (!set)
        return std::unexpected(sql_error(set.error()));
    for (const auto& [tracking, hall] : halls) {
        set->bind(1, tracking).bind(2, hall);
        if (auto r = set->run(); !r)
            return std::unexpected(sql_error(r.error()));
        set->reset();
    }
    if (auto r = db.exec("UPDATE ratings SET hall = (SELECT hall FROM requests WHERE tracking = ratings.subject) "
                         "WHERE subject_kind = 'request' AND hall = '' "
                         "AND EXISTS (SELECT 1 FROM requests WHERE tracking = ratings.subject)");
        !r)
        return std::unexpected(sql_error(r.error()));
    return {};
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
    if (*version < 4) {
        if (auto r = db.exec(std::string(kSchemaTo4)); !r)
            return std::unexpected(sql_error(r.error()));
        if (auto r = fill_request_halls(db); !r)
            return r;
    }
    if (*version < 5)
        if (auto r = db.exec(std::string(kSchemaTo5)); !r)
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
    auto tx = store::Transaction::begin(db_);
    if (!tx)
        return std::unexpected(sql_error(tx.error()));
    // The key being replaced stays as an earlier one, for the records the kiosk signed with it
    // and has not sent yet; a key registered again leaves the earlier ones and becomes current.
    const std::string text = jwk.dump();
    const auto run = [&](const char* sql) -> Result<void> {
        auto s = db_.prepare(sql);
        if (!s)
            return std::unexpected(sql_error(s.error()));
        s->bind(1, kiosk_id).bind(2, *kid);
        if (auto r = s->run(); !r)
            return std::unexpected(sql_error(r.error()));
        return {};
    };
    if (auto r = run("INSERT INTO earlier_keys (kiosk, kid, jwk) SELECT id, kid, jwk FROM kiosks "
                     "WHERE id = ?1 AND kid != ?2 ON CONFLICT (kiosk, kid) DO NOTHING");
        !r)
        return std::unexpected(r.error());
    if (auto r = run("DELETE FROM earlier_keys WHERE kiosk = ?1 AND kid = ?2"); !r)
        return std::unexpected(r.error());
    auto s = db_.prepare("INSERT INTO kiosks (id, jwk, kid) VALUES (?1, ?2, ?3) "
                         "ON CONFLICT (id) DO UPDATE SET jwk = excluded.jwk, kid = excluded.kid");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, kiosk_id).bind(2, text).bind(3, *kid);
    if (auto r = s->run(); !r)
        return std::unexpected(sql_error(r.error()));
    if (auto r = tx->commit(); !r)
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

Result<std::vector<EarlierKey>> CentralStore::earlier_keys(std::string_view kiosk_id)
{
    auto s = db_.prepare("SELECT jwk, kid, below_seq FROM earlier_keys WHERE kiosk = ?1 ORDER BY rowid");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, kiosk_id);
    std::vector<EarlierKey> keys;
    for (;;) {
        auto row = s->step();
        if (!row)
            return std::unexpected(sql_error(row.error()));
        if (!*row)
            return keys;
        auto jwk = nlohmann::json::parse(s->text(0), nullptr, false);
        if (jwk.is_discarded())
            return fail("database: an earlier key of kiosk " + std::string(kiosk_id) + " is not JSON");
        EarlierKey key{std::move(jwk), s->text(1), std::nullopt};
        if (!s->is_null(2))
            key.below_seq = s->integer(2);
        keys.push_back(std::move(key));
    }
}

Result<void> CentralStore::note_signed(std::string_view kiosk_id, std::string_view kid, std::int64_t seq)
{
    // The keys replaced before `kid` was: all earlier ones when `kid` is the current key.
    auto s = db_.prepare("UPDATE earlier_keys SET below_seq = min(coalesce(below_seq, ?3), ?3) "
                         "WHERE kiosk = ?1 AND rowid < coalesce((SELECT rowid FROM earlier_keys "
                         "WHERE kiosk = ?1 AND kid = ?2), 9223372036854775807)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, kiosk_id).bind(2, kid).bind(3, seq);
    if (auto r = s->run(); !r)
        return std::unexpected(sql_error(r.error()));
    return {};
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
    auto s = db_.prepare("INSERT OR IGNORE INTO requests (tracking, check_code, status, stages, category, due, record, "
                         "hall) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string stages = r.stages.dump();
    s->bind(1, r.tracking).bind(2, r.check).bind(3, r.status).bind(4, stages);
    s->bind(5, r.category).bind(6, r.due).bind(7, r.record).bind(8, r.hall);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<std::optional<RequestStatus>> CentralStore::request(std::string_view tracking)
{
    return row_by_key(db_, "SELECT " + std::string(kRequestColumns) + " FROM requests WHERE tracking = ?1", tracking,
                      read_request);
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
    auto s =
        db_.prepare("INSERT INTO ratings (" + std::string(kRatingColumns) +
                    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, '', '') "
                    "ON CONFLICT (subject_kind, subject) DO NOTHING");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string reasons = r.reasons.dump();
    s->bind(1, r.subject_kind).bind(2, r.subject).bind(3, std::int64_t{r.level}).bind(4, r.at).bind(5, r.record);
    s->bind(6, r.hall).bind(7, r.window).bind(8, r.staff).bind(9, reasons).bind(10, r.text);
    s->bind(11, r.callback_phone).bind(12, r.consent_version).bind(13, r.consent_at).bind(14, r.rater);
    s->bind(15, r.visit).bind(16, r.lang).bind(17, r.level <= 2 ? "open" : "none");
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    auto changed = db_.query_int("SELECT changes()");
    if (!changed)
        return std::unexpected(sql_error(changed.error()));
    return *changed == 1;
}

Result<bool> CentralStore::rated(std::string_view subject_kind, std::string_view subject)
{
    auto s = db_.prepare("SELECT EXISTS (SELECT 1 FROM ratings WHERE subject_kind = ?1 AND subject = ?2)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, subject_kind).bind(2, subject);
    auto row = s->step();
    if (!row)
        return std::unexpected(sql_error(row.error()));
    return *row && s->integer(0) != 0;
}

Result<std::vector<Rating>> CentralStore::ratings(bool follow_up_only)
{
    auto s = db_.prepare("SELECT " + std::string(kRatingColumns) + " FROM ratings " +
                         (follow_up_only ? "WHERE level <= 2 " : "") + "ORDER BY rowid");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    return all_rows(*s, read_rating);
}

Result<std::optional<Rating>> CentralStore::rating_by_record(std::string_view record)
{
    return row_by_key(db_, "SELECT " + std::string(kRatingColumns) + " FROM ratings WHERE record = ?1", record,
                      read_rating);
}

Result<void> CentralStore::set_rectified(std::string_view record, std::string_view note, std::string_view at)
{
    auto s = db_.prepare("UPDATE ratings SET follow_up = 'rectified', follow_up_note = ?2, follow_up_at = ?3 "
                         "WHERE record = ?1");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, record).bind(2, note).bind(3, at);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<std::array<std::int64_t, 5>> CentralStore::level_counts(std::string_view hall, std::string_view from,
                                                               std::string_view to)
{
    // Times are all written alike (format_rfc3339_utc), so that text order is time order.
    auto s = db_.prepare("SELECT level, count(*) FROM ratings WHERE hall = ?1 AND at >= ?2 AND at < ?3 GROUP BY level");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, hall).bind(2, from).bind(3, to);
    std::array<std::int64_t, 5> counts{};
    auto rows = all_rows(*s, [](const store::Statement& st) { return std::pair(st.integer(0), st.integer(1)); });
    if (!rows)
        return std::unexpected(rows.error());
    for (const auto& [level, n] : *rows)
        if (level >= 1 && level <= 5)
            counts.at(static_cast<std::size_t>(level - 1)) = n;
    return counts;
}

Result<std::vector<StoredQuestionnaire>> CentralStore::questionnaires()
{
    auto s = db_.prepare("SELECT " + std::string(kQuestionnaireColumns) + " FROM questionnaires ORDER BY rowid");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    return all_rows(*s, read_questionnaire);
}

Result<std::optional<StoredQuestionnaire>> CentralStore::questionnaire(std::string_view id)
{
    return row_by_key(db_, "SELECT " + std::string(kQuestionnaireColumns) + " FROM questionnaires WHERE id = ?1", id,
                      read_questionnaire);
}

Result<void> CentralStore::add_questionnaire(const StoredQuestionnaire& q)
{
    auto s =
        db_.prepare("INSERT INTO questionnaires (" + std::string(kQuestionnaireColumns) + ") VALUES (?1, ?2, ?3, ?4)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string body = q.body.dump();
    s->bind(1, q.id).bind(2, body).bind(3, q.published_at).bind(4, q.withdrawn_at);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<void> CentralStore::set_withdrawn(std::string_view id, std::string_view at)
{
    auto s = db_.prepare("UPDATE questionnaires SET withdrawn_at = ?2 WHERE id = ?1");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, id).bind(2, at);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<void> CentralStore::add_questionnaire_answer(const QuestionnaireAnswer& a)
{
    auto s = db_.prepare("INSERT INTO questionnaire_answers (" + std::string(kAnswerColumns) +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    const std::string answers = a.answers.dump();
    s->bind(1, a.record).bind(2, a.questionnaire).bind(3, a.hall).bind(4, a.at).bind(5, a.lang).bind(6, answers);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<std::vector<QuestionnaireAnswer>> CentralStore::questionnaire_answers(std::string_view id)
{
    auto s = db_.prepare("SELECT " + std::string(kAnswerColumns) +
                         " FROM questionnaire_answers WHERE questionnaire = ?1 ORDER BY rowid");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, id);
    return all_rows(*s, read_answer);
}

Result<void> CentralStore::add_audit_event(const AuditEvent& e)
{
    auto s = db_.prepare("INSERT INTO audit_events (" + std::string(kAuditColumns) +
                         ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!s)
        return std::unexpected(sql_error(s.error()));
    s->bind(1, e.record).bind(2, e.kiosk).bind(3, e.seq).bind(4, e.at).bind(5, e.hall);
    s->bind(6, e.staff).bind(7, e.role).bind(8, e.action).bind(9, e.result).bind(10, e.detail);
    if (auto done = s->run(); !done)
        return std::unexpected(sql_error(done.error()));
    return {};
}

Result<std::vector<AuditEvent>> CentralStore::audit_events(std::optional<std::string_view> hall,
                                                           std::optional<std::string_view> staff)
{
    // Times are all written alike (format_rfc3339_utc), so that text order is time order.
    std::string sql = "SELECT " + std::string(kAuditColumns) + " FROM audit_events WHERE 1 ";
    sql += hall ? "AND hall = ?1 " : "";
    sql += staff ? "AND staff = ?2 " : "";
    sql += "ORDER BY at, kiosk, seq";
    auto s = db_.prepare(sql);
    if (!s)
        return std::unexpected(sql_error(s.error()));
    if (hall)
        s->bind(1, *hall);
    if (staff)
        s->bind(2, *staff);
    return all_rows(*s, read_audit_event);
}

} // namespace hk::central
