// Catalogue and request status pulls: a bad answer never replaces what the store holds.
#include "pulls.hpp"

#include "record_cipher.hpp"

#include <algorithm>

namespace hk::uplink {

namespace {

bool url_safe(std::string_view text, std::size_t max_bytes)
{
    return !text.empty() && text.size() <= max_bytes && std::ranges::all_of(text, [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    });
}

} // namespace

Result<PullOutcome> pull_catalogue(HttpClient& http, store::Store& store, std::string_view name)
{
    if (!known_catalogue(name))
        return fail("no catalogue is called " + std::string(name));
    auto cached = store.catalogue(name);
    if (!cached)
        return std::unexpected(cached.error());
    std::vector<std::string> headers;
    if (*cached && !(*cached)->etag.empty())
        headers.push_back("If-None-Match: " + (*cached)->etag);
    auto response = http.get("/v1/catalogue/" + std::string(name), headers);
    if (!response)
        return std::unexpected(response.error());
    if (response->status == 304 && !headers.empty())
        return PullOutcome::unchanged;
    if (response->status != 200)
        return fail("catalogue " + std::string(name) + ": the central side answered HTTP " +
                    std::to_string(response->status));
    auto doc = parse_catalogue(response->body, name);
    if (auto* e = std::get_if<ParseError>(&doc))
        return fail("catalogue " + std::string(name) + ": " + e->message);
    if (auto put = store.put_catalogue(name, response->etag, response->body); !put)
        return std::unexpected(put.error());
    return PullOutcome::updated;
}

Result<std::optional<RequestStatusDocument>> request_status(HttpClient& http, store::Store& store,
                                                            std::string_view tracking, std::string_view check)
{
    if (auto why = status_question_problem(tracking, check))
        return fail(*why);
    auto response = http.get("/v1/requests/" + std::string(tracking) + "?check=" + std::string(check));
    if (!response)
        return std::unexpected(response.error());
    if (response->status == 404)
        return std::optional<RequestStatusDocument>();
    if (response->status != 200)
        return fail("request status: the central side answered HTTP " + std::to_string(response->status));
    auto doc = parse_request_status(response->body, tracking);
    if (auto* e = std::get_if<ParseError>(&doc))
        return fail("request status: " + e->message);
    if (auto put = store.put_request_status(status_cache_key(tracking, check), response->body); !put)
        return std::unexpected(put.error());
    return std::optional<RequestStatusDocument>(std::move(std::get<RequestStatusDocument>(doc)));
}

std::optional<std::string> status_question_problem(std::string_view tracking, std::string_view check)
{
    if (!url_safe(tracking, 64))
        return "not a tracking number";
    if (check.size() != 6 || !std::ranges::all_of(check, [](char c) { return c >= '0' && c <= '9'; }))
        return "a check code is six digits";
    return std::nullopt;
}

std::string status_cache_key(std::string_view tracking, std::string_view check)
{
    std::string both(tracking);
    both += '.';
    both += check;
    return std::string(tracking) + "#" + store::sha256_hex(both).substr(0, 16);
}

Result<std::optional<CachedStatus>> cached_request_status(store::Store& store, std::string_view tracking,
                                                          std::string_view check)
{
    auto cached = store.request_status(status_cache_key(tracking, check));
    if (!cached)
        return std::unexpected(cached.error());
    if (!*cached)
        return std::optional<CachedStatus>();
    // What was stored was checked when it came; a document that no longer reads (a kiosk updated
    // to a stricter reader) is as good as none.
    auto doc = parse_request_status((*cached)->status_json, tracking);
    if (std::holds_alternative<ParseError>(doc))
        return std::optional<CachedStatus>();
    return std::optional<CachedStatus>(
        CachedStatus{std::move(std::get<RequestStatusDocument>(doc)), (*cached)->fetched_ms});
}

} // namespace hk::uplink
