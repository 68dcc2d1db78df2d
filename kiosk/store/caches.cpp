// The store's caches of what the central side serves: catalogue documents by name with their
// ETag, request status by tracking number, and the kiosk's own settings.
#include "database.hpp"
#include "store.hpp"

namespace hk::store {

Result<void> Store::write(std::string_view what, std::string_view sql, std::span<const std::string_view> params,
                          bool stamped)
{
    const std::lock_guard lock(mutex_);
    auto tx = Transaction::begin(*db_);
    if (!tx)
        return failed(what, tx.error());
    auto q = db_->prepare(sql);
    if (!q)
        return failed(what, q.error());
    for (std::size_t i = 0; i < params.size(); ++i)
        q->bind(static_cast<int>(i + 1), params[i]);
    if (stamped)
        q->bind(static_cast<int>(params.size() + 1), now_ms());
    if (auto r = q->run(); !r)
        return failed(what, r.error());
    if (auto r = tx->commit(); !r)
        return failed(what, r.error());
    return {};
}

Result<void> Store::put_catalogue(std::string_view name, std::string_view etag, std::string_view body)
{
    const std::string_view params[] = {name, etag, body};
    return write("catalogue", "INSERT INTO catalogue (name, etag, body, fetched_ms) VALUES (?1, nullif(?2, ''), ?3, ?4) "
                              "ON CONFLICT (name) DO UPDATE SET etag = excluded.etag, body = excluded.body, "
                              "fetched_ms = excluded.fetched_ms",
                 params, true);
}

Result<std::optional<CatalogueDoc>> Store::catalogue(std::string_view name)
{
    const std::lock_guard lock(mutex_);
    auto q = db_->prepare("SELECT coalesce(etag, ''), CAST(body AS BLOB), fetched_ms FROM catalogue WHERE name = ?1");
    if (!q)
        return failed("catalogue", q.error());
    auto row = q->bind(1, name).step();
    if (!row)
        return failed("catalogue", row.error());
    if (!*row)
        return std::nullopt;
    const auto body = q->blob(1);
    return CatalogueDoc{std::string(name), q->text(0), std::string(body.begin(), body.end()), q->integer(2)};
}

Result<void> Store::put_request_status(std::string_view tracking_number, std::string_view status_json)
{
    const std::string_view params[] = {tracking_number, status_json};
    return write("request status",
                 "INSERT INTO request_status (tracking_number, status_json, fetched_ms) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (tracking_number) DO UPDATE SET status_json = excluded.status_json, "
                 "fetched_ms = excluded.fetched_ms",
                 params, true);
}

Result<std::optional<RequestStatus>> Store::request_status(std::string_view tracking_number)
{
    const std::lock_guard lock(mutex_);
    auto q = db_->prepare("SELECT status_json, fetched_ms FROM request_status WHERE tracking_number = ?1");
    if (!q)
        return failed("request status", q.error());
    auto row = q->bind(1, tracking_number).step();
    if (!row)
        return failed("request status", row.error());
    if (!*row)
        return std::nullopt;
    return RequestStatus{std::string(tracking_number), q->text(0), q->integer(1)};
}

Result<void> Store::put_setting(std::string_view key, std::string_view value)
{
    const std::string_view params[] = {key, value};
    return write("settings", "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 params, false);
}

Result<std::optional<std::string>> Store::setting(std::string_view key)
{
    const std::lock_guard lock(mutex_);
    auto q = db_->prepare("SELECT value FROM settings WHERE key = ?1");
    if (!q)
        return failed("settings", q.error());
    auto row = q->bind(1, key).step();
    if (!row)
        return failed("settings", row.error());
    if (!*row)
        return std::nullopt;
    return q->text(0);
}

} // namespace hk::store
