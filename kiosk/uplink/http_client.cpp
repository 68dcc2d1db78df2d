// libcurl easy interface, one handle per client (reset before each request, which keeps its
// connection: a drain of many batches pays for one TLS handshake).
#include "http_client.hpp"

#include "central_url.hpp"

#include <curl/curl.h>

#include <mutex>

namespace hk::uplink {

namespace {

constexpr std::string_view kUserAgent = "hallkiosk-uplink/1";

// curl_global_init once for the process, before the first handle (it is not thread-safe before
// 7.84, and Debian's may be built without the thread-safe variant).
void global_init()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    HttpResponse* response;
    std::size_t max_body;
    bool too_large = false;
    const std::atomic<bool>* abort;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t->response->body.size() + n > t->max_body) {
        t->too_large = true;
        return 0; // CURLE_WRITE_ERROR
    }
    t->response->body.append(data, n);
    return n;
}

// "Name: value\r\n" lines; the names compared without case (RFC 7230 section 3.2).
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user)
{
    auto* t = static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    std::string_view line(data, n);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.remove_suffix(1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos)
        return n;
    std::string name(line.substr(0, colon));
    for (char& c : name)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
        value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t'))
        value.remove_suffix(1);
    if (name == "etag")
        t->response->etag = value;
    else if (name == "date")
        t->response->date = value;
    return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    const auto* t = static_cast<Transfer*>(user);
    return t->abort && t->abort->load() ? 1 : 0; // non-zero: CURLE_ABORTED_BY_CALLBACK
}

struct SlistFree {
    void operator()(curl_slist* p) const { curl_slist_free_all(p); }
};

} // namespace

struct HttpClient::Impl {
    HttpOptions options;
    CURL* curl = nullptr;
    ~Impl()
    {
        if (curl)
            curl_easy_cleanup(curl);
    }
};

HttpClient::HttpClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;
HttpClient::~HttpClient() = default;

Result<HttpClient> HttpClient::open(HttpOptions options)
{
    if (!is_central_url(options.base_url))
        return fail("the central URL must be https (plain http only to this machine): " + options.base_url);
    if (options.base_url.starts_with("https://") && options.ca_file.empty())
        return fail("no central CA file to pin");
    if (options.cert_file.empty() != options.key_file.empty())
        return fail("a client certificate needs its key, and a key its certificate");
    while (options.base_url.ends_with('/'))
        options.base_url.pop_back();
    global_init();
    auto impl = std::make_unique<Impl>();
    impl->options = std::move(options);
    impl->curl = curl_easy_init();
    if (!impl->curl)
        return fail("libcurl could not make a handle");
    return HttpClient(std::move(impl));
}

Result<HttpResponse> HttpClient::post_json(std::string_view path, std::string_view body)
{
    return perform(path, &body, {"Content-Type: application/json"});
}

Result<HttpResponse> HttpClient::get(std::string_view path, const std::vector<std::string>& headers)
{
    return perform(path, nullptr, headers);
}

Result<HttpResponse> HttpClient::del(std::string_view path)
{
    return perform(path, nullptr, {}, true);
}

Result<HttpResponse> HttpClient::perform(std::string_view path, const std::string_view* post_body,
                                         const std::vector<std::string>& headers, bool del)
{
    const HttpOptions& o = impl_->options;
    CURL* c = impl_->curl;
    curl_easy_reset(c);
    HttpResponse response;
    Transfer transfer{&response, o.max_body_bytes, false, o.abort};
    const std::string url = o.base_url + std::string(path);
    std::unique_ptr<curl_slist, SlistFree> header_list;
    for (const std::string& h : headers) {
        curl_slist* grown = curl_slist_append(header_list.get(), h.c_str());
        if (!grown)
            return fail("out of memory for request headers");
        (void)header_list.release();
        header_list.reset(grown);
    }
    // "Expect: 100-continue" would cost a round trip (or a second's wait) per large batch.
    if (post_body) {
        curl_slist* grown = curl_slist_append(header_list.get(), "Expect:");
        if (!grown)
            return fail("out of memory for request headers");
        (void)header_list.release();
        header_list.reset(grown);
    }

    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, o.base_url.starts_with("https://") ? "https" : "http");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, std::string(kUserAgent).c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_body_bytes));
    // Only the pinned CA: the bundle replaced by it, and Debian's default CA folder switched off.
    curl_easy_setopt(c, CURLOPT_CAINFO, o.ca_file.empty() ? nullptr : o.ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_CAPATH, nullptr);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!o.cert_file.empty()) {
        curl_easy_setopt(c, CURLOPT_SSLCERT, o.cert_file.c_str());
        curl_easy_setopt(c, CURLOPT_SSLKEY, o.key_file.c_str());
    }
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &transfer);
    if (header_list)
        curl_easy_setopt(c, CURLOPT_HTTPHEADER, header_list.get());
    if (del)
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "DELETE");
    if (post_body) {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, post_body->data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(post_body->size()));
    }

    const CURLcode rc = curl_easy_perform(c);
    // Errors name the address without its query, which may carry a request's check code.
    const std::string where = url.substr(0, url.find('?'));
    if (transfer.too_large || rc == CURLE_FILESIZE_EXCEEDED)
        return fail("the answer from " + where + " is over " + std::to_string(o.max_body_bytes) + " bytes");
    if (rc == CURLE_ABORTED_BY_CALLBACK)
        return fail("the transfer to " + where + " was stopped");
    if (rc != CURLE_OK)
        return fail(std::string(curl_easy_strerror(rc)) + " (" + where + ")");
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

} // namespace hk::uplink
