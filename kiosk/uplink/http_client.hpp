// HTTPS to the central platform through libcurl (OpenSSL): the central CA pinned from a file and
// nothing else trusted, the kiosk's certificate for mutual TLS once it has one, bounded time and
// size, no redirects. One client per thread; a transfer can be aborted from another thread.
#pragma once

#include "error.hpp"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

struct HttpOptions {
    std::string base_url;            // is_central_url (kiosk/core/central_url.hpp)
    std::filesystem::path ca_file;   // the central CA (PEM); the only certificate trusted
    std::filesystem::path cert_file; // the kiosk's certificate (PEM); empty before enrolment
    std::filesystem::path key_file;  // its private key (PEM)
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 15000;
    std::size_t max_body_bytes = 1024 * 1024; // a longer answer is aborted
    // When it turns true, a transfer under way stops within about a second (libcurl's progress
    // callback runs at least once a second) and fails.
    const std::atomic<bool>* abort = nullptr;
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::string etag; // the ETag header, as sent
    std::string date; // the Date header, as sent
};

class HttpClient {
public:
    static Result<HttpClient> open(HttpOptions options);
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;
    ~HttpClient();

    // Any HTTP status is a response; an error is a failure to get one (DNS, connect, TLS,
    // timeout, too large, aborted), with libcurl's words for it.
    [[nodiscard]] Result<HttpResponse> post_json(std::string_view path, std::string_view body);
    [[nodiscard]] Result<HttpResponse> get(std::string_view path, const std::vector<std::string>& headers = {});
    [[nodiscard]] Result<HttpResponse> del(std::string_view path);

private:
    struct Impl;
    explicit HttpClient(std::unique_ptr<Impl> impl);
    // `post_body`: nothing for a GET; read by libcurl during the call, not copied.
    Result<HttpResponse> perform(std::string_view path, const std::string_view* post_body,
                                 const std::vector<std::string>& headers, bool del = false);
    std::unique_ptr<Impl> impl_;
};

} // namespace hk::uplink
