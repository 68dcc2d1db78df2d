// SQLite's C API behind Database, Statement and Transaction.
#include "database.hpp"

#include <sqlite3.h>

namespace hk::store {

namespace {

SqlError error_of(sqlite3* db, int code)
{
    const char* text = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    return SqlError{code, text != nullptr ? text : sqlite3_errstr(code)};
}

} // namespace

Statement::~Statement()
{
    sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int i, std::int64_t v)
{
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}

Statement& Statement::bind(int i, std::string_view text)
{
    sqlite3_bind_text64(stmt_, i, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement& Statement::bind_blob(int i, std::span<const std::uint8_t> bytes)
{
    // A zero-length blob with a null pointer would bind NULL; the empty string keeps it a blob.
    const void* data = bytes.empty() ? static_cast<const void*>("") : bytes.data();
    sqlite3_bind_blob64(stmt_, i, data, bytes.size(), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_null(int i)
{
    sqlite3_bind_null(stmt_, i);
    return *this;
}

SqlResult<bool> Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_step gives the primary code; the connection has the extended one and the text.
    sqlite3* db = sqlite3_db_handle(stmt_);
    SqlError e = error_of(db, sqlite3_extended_errcode(db));
    sqlite3_reset(stmt_);
    return std::unexpected(std::move(e));
}

SqlResult<void> Statement::run()
{
    for (;;) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
    }
}

void Statement::reset()
{
    sqlite3_reset(stmt_);
}

bool Statement::is_null(int col) const
{
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

std::int64_t Statement::integer(int col) const
{
    return sqlite3_column_int64(stmt_, col);
}

std::string Statement::text(int col) const
{
    const auto* p = sqlite3_column_text(stmt_, col);
    const int n = sqlite3_column_bytes(stmt_, col);
    if (p == nullptr)
        return {};
    return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
}

std::vector<std::uint8_t> Statement::blob(int col) const
{
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
    const int n = sqlite3_column_bytes(stmt_, col);
    if (p == nullptr)
        return {};
    return std::vector<std::uint8_t>(p, p + n);
}

SqlResult<Database> Database::open(const std::filesystem::path& file)
{
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                   nullptr);
    if (rc != SQLITE_OK) {
        SqlError e = error_of(db, db != nullptr ? sqlite3_extended_errcode(db) : rc);
        sqlite3_close(db);
        return std::unexpected(std::move(e));
    }
    sqlite3_extended_result_codes(db, 1);
    return Database(db);
}

Database::~Database()
{
    sqlite3_close_v2(db_);
}

Database& Database::operator=(Database&& o) noexcept
{
    if (this != &o) {
        sqlite3_close_v2(db_);
        db_ = o.db_;
        o.db_ = nullptr;
    }
    return *this;
}

SqlError Database::error(int code) const
{
    return error_of(db_, db_ != nullptr ? sqlite3_extended_errcode(db_) : code);
}

SqlResult<Statement> Database::prepare(std::string_view sql)
{
    sqlite3_stmt* s = nullptr;
    const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(error(rc));
    return Statement(s);
}

SqlResult<void> Database::exec(const std::string& sql)
{
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(error(rc));
    return {};
}

SqlResult<std::int64_t> Database::query_int(std::string_view sql)
{
    auto s = prepare(sql);
    if (!s)
        return std::unexpected(s.error());
    auto row = s->step();
    if (!row)
        return std::unexpected(row.error());
    return *row ? s->integer(0) : 0;
}

void Database::busy_timeout(int ms)
{
    sqlite3_busy_timeout(db_, ms);
}

bool Database::in_transaction() const
{
    return db_ != nullptr && sqlite3_get_autocommit(db_) == 0;
}

SqlResult<Transaction> Transaction::begin(Database& db, Kind kind)
{
    auto r = db.exec(kind == Kind::immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    if (!r)
        return std::unexpected(r.error());
    return Transaction(db);
}

Transaction::~Transaction()
{
    // SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR); then there is
    // nothing left to undo.
    if (db_ != nullptr && db_->in_transaction())
        (void)db_->exec("ROLLBACK");
}

SqlResult<void> Transaction::commit()
{
    auto r = db_->exec("COMMIT");
    if (!r)
        return r; // still open when COMMIT was busy: the destructor rolls it back
    db_ = nullptr;
    return {};
}

} // namespace hk::store
