// What the kiosk fetches from the central side (docs/protocol.md): catalogue documents, kept in
// the store with their ETag and asked for again with If-None-Match, and a request's status by
// tracking number and check code. Each blocks for one HTTP exchange: call them off the UI thread.
#pragma once

#include "catalogue_document.hpp"
#include "http_client.hpp"
#include "request_status_document.hpp"

#include "error.hpp"
#include "store.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace hk::uplink {

enum class PullOutcome {
    updated,   // a new document, checked and stored with its ETag
    unchanged, // 304: the stored one is current
};

// GET /v1/catalogue/<name>, If-None-Match the stored ETag. A document that fails
// parse_catalogue is an error and the stored one stays.
[[nodiscard]] Result<PullOutcome> pull_catalogue(HttpClient& http, store::Store& store, std::string_view name);

// GET /v1/requests/<tracking>?check=<check>: the status, cached in the store; nothing when the
// central side does not know the number or the check code is wrong (404, one answer for both).
// `tracking` must be 1 to 64 letters, digits and '-', `check` six digits.
[[nodiscard]] Result<std::optional<RequestStatusDocument>>
request_status(HttpClient& http, store::Store& store, std::string_view tracking, std::string_view check);

// Why `tracking` and `check` cannot be asked about (not 1 to 64 letters, digits and '-'; not six
// digits), or nothing when they can.
std::optional<std::string> status_question_problem(std::string_view tracking, std::string_view check);

// A status as last fetched, for when the central side cannot be reached. The cache is keyed by
// the tracking number and the check code together, so that offline, too, a number without its
// check code shows nothing.
struct CachedStatus {
    RequestStatusDocument doc;
    std::int64_t fetched_ms = 0;
};
[[nodiscard]] Result<std::optional<CachedStatus>> cached_request_status(store::Store& store, std::string_view tracking,
                                                                        std::string_view check);

// The cache's key for a tracking number and its check code: the number, '#', and 16 hex digits
// of the SHA-256 of both (the check code is not kept in clear).
std::string status_cache_key(std::string_view tracking, std::string_view check);

} // namespace hk::uplink
