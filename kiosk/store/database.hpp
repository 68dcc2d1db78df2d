// A small RAII wrapper over SQLite's C API: one connection, prepared statements, transactions.
// Errors carry SQLite's result code, so the store can tell a full disk from a corrupt file.
#pragma once

#include <cstdint>
#include <expected>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace hk::store {

struct SqlError {
    int code = 0; // SQLite's extended result code
    std::string message;
};

template <typename T>
using SqlResult = std::expected<T, SqlError>;

class Statement {
public:
    explicit Statement(sqlite3_stmt* s) : stmt_(s) {}
    ~Statement();
    Statement(Statement&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQL's ?1, ?2. Text and blobs are copied by SQLite.
    Statement& bind(int i, std::int64_t v);
    Statement& bind(int i, std::string_view text);
    Statement& bind_blob(int i, std::span<const std::uint8_t> bytes);
    Statement& bind_null(int i);

    // True when a row is there to read, false when the statement is done.
    SqlResult<bool> step();
    // Steps to the end, for statements that return no rows.
    SqlResult<void> run();
    // Ends a statement read only in part, so that it holds no read lock (a COMMIT on the same
    // connection fails while a statement is mid-way). Bindings stay.
    void reset();

    // Columns are 0-based, as in SQLite's C API.
    bool is_null(int col) const;
    std::int64_t integer(int col) const;
    std::string text(int col) const;
    std::vector<std::uint8_t> blob(int col) const;

private:
    sqlite3_stmt* stmt_;
};

class Database {
public:
    // Opens (creating when missing) the file, read-write. The file itself is not touched until
    // the first statement: a file that is not a database shows up there (SQLITE_NOTADB).
    static SqlResult<Database> open(const std::filesystem::path& file);

    Database() = default;
    ~Database();
    Database(Database&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    Database& operator=(Database&& o) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    SqlResult<Statement> prepare(std::string_view sql);
    // One or more statements without parameters or results (schema, pragmas).
    SqlResult<void> exec(const std::string& sql);
    // The first column of the first row of a statement without parameters, as an integer.
    SqlResult<std::int64_t> query_int(std::string_view sql);

    void busy_timeout(int ms);
    sqlite3* handle() const { return db_; }
    bool in_transaction() const;

private:
    explicit Database(sqlite3* db) : db_(db) {}
    SqlError error(int code) const;

    sqlite3* db_ = nullptr;
};

// BEGIN on construction (IMMEDIATE takes the write lock at once, so a busy database fails here
// and not halfway); ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    enum class Kind { deferred, immediate };
    static SqlResult<Transaction> begin(Database& db, Kind kind = Kind::immediate);

    ~Transaction();
    Transaction(Transaction&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    SqlResult<void> commit();

private:
    explicit Transaction(Database& db) : db_(&db) {}
    Database* db_;
};

} // namespace hk::store
