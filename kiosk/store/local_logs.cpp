// The store's local logs: print jobs (what was printed, and how it ended) and staff audit events
// (who did what in maintenance mode), read newest first for the maintenance screen.
#include "database.hpp"
#include "store.hpp"

namespace hk::store {

namespace {

constexpr std::string_view kPrintJobs = "SELECT job_id, 'printer', what, at_ms, result FROM print_jobs "
                                        "ORDER BY job_id DESC LIMIT ?1";
constexpr std::string_view kAudit = "SELECT event_id, who, what, at_ms, result FROM audit "
                                    "ORDER BY event_id DESC LIMIT ?1";

} // namespace

Result<void> Store::log_print_job(std::string_view what, std::string_view result)
{
    const std::string_view params[] = {what, result};
    return write("print job log", "INSERT INTO print_jobs (what, result, at_ms) VALUES (?1, ?2, ?3)", params, true);
}

Result<void> Store::log_audit(std::string_view who, std::string_view what, std::string_view result)
{
    const std::string_view params[] = {who, what, result};
    return write("audit log", "INSERT INTO audit (who, what, result, at_ms) VALUES (?1, ?2, ?3, ?4)", params, true);
}

Result<std::vector<LogLine>> Store::print_jobs(std::size_t limit)
{
    return read_log("print job log", kPrintJobs, limit);
}

Result<std::vector<LogLine>> Store::audit(std::size_t limit)
{
    return read_log("audit log", kAudit, limit);
}

Result<std::vector<LogLine>> Store::read_log(std::string_view what, std::string_view sql, std::size_t limit)
{
    const std::lock_guard lock(mutex_);
    auto q = db_->prepare(sql);
    if (!q)
        return failed(what, q.error());
    q->bind(1, static_cast<std::int64_t>(limit));
    std::vector<LogLine> lines;
    for (;;) {
        auto row = q->step();
        if (!row)
            return failed(what, row.error());
        if (!*row)
            return lines;
        lines.push_back(LogLine{q->integer(0), q->text(1), q->text(2), q->integer(3), q->text(4)});
    }
}

} // namespace hk::store
