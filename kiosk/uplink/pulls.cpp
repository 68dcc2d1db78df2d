// Catalogue and request status pulls: a bad answer never replaces what the store holds.
#include "pulls.hpp"

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
    if (!url_safe(tracking, 64))
        return fail("not a tracking number");
    if (check.size() != 6 || !std::ranges::all_of(check, [](char c) { return c >= '0' && c <= '9'; }))
        return fail("a check code is six digits");
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
    if (auto put = store.put_request_status(tracking, response->body); !put)
        return std::unexpected(put.error());
    return std::optional<RequestStatusDocument>(std::move(std::get<RequestStatusDocument>(doc)));
}

} // namespace hk::uplink
