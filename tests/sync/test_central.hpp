// What the sync client tests share: a throwaway PKI made with the openssl command line (a CA, a
// server certificate for 127.0.0.1 and localhost, a client certificate, and a second CA with its
// own server certificate), and a loopback HTTPS server (cpp-httplib) on an ephemeral port whose
// answers each test sets.
#pragma once

#include "store.hpp"
#include "uplink_support.hpp"

#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hk::uplink::test {

inline void shell(const std::string& command)
{
    const int rc = std::system((command + " >/dev/null 2>&1").c_str());
    REQUIRE_MESSAGE(rc == 0, command);
}

// ca.pem, server.pem/server.key (issued by ca), client.pem/client.key (issued by ca), and
// other-ca.pem with other-server.pem/other-server.key (issued by other-ca).
struct Pki {
    std::filesystem::path dir;
    std::filesystem::path file(const char* name) const { return dir / name; }
};

inline void make_ca(const std::filesystem::path& dir, const std::string& name)
{
    const std::string d = dir.string() + "/";
    shell("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=" + name +
          " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -keyout " + d +
          name + ".key -out " + d + name + ".pem");
}

inline void issue(const std::filesystem::path& dir, const std::string& ca, const std::string& name,
                  const std::string& extensions)
{
    const std::string d = dir.string() + "/";
    std::ofstream(d + name + ".ext") << extensions << "\n";
    shell("openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=" + name + " -keyout " + d + name +
          ".key -out " + d + name + ".csr");
    shell("openssl x509 -req -days 2 -in " + d + name + ".csr -CA " + d + ca + ".pem -CAkey " + d + ca +
          ".key -CAcreateserial -extfile " + d + name + ".ext -out " + d + name + ".pem");
}

inline Pki make_pki(const std::filesystem::path& dir)
{
    make_ca(dir, "ca");
    issue(dir, "ca", "server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth");
    issue(dir, "ca", "client", "extendedKeyUsage=clientAuth");
    make_ca(dir, "other-ca");
    issue(dir, "other-ca", "other-server", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth");
    return Pki{dir};
}

// "Sun, 06 Nov 1994 08:49:37 GMT" for `unix_seconds`.
inline std::string http_date(std::int64_t unix_seconds)
{
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::array<char, 64> text{};
    const std::size_t n = std::strftime(text.data(), text.size(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return std::string(text.data(), n);
}

// The test's records carry their id as the JWS's middle part, so that the server can answer
// for them without verifying anything: "h.<id>.s".
inline store::MakeJws id_jws()
{
    return [](const store::Slot& s) -> Result<std::string> { return "h." + std::string(s.id) + ".s"; };
}

inline std::vector<std::string> ids_in(const std::string& upload)
{
    std::vector<std::string> ids;
    const auto doc = nlohmann::json::parse(upload);
    for (const auto& jws : doc.at("records")) {
        const std::string text = jws.get<std::string>();
        ids.push_back(text.substr(2, text.size() - 4));
    }
    return ids;
}

// An answer with `status` for every record of `upload`.
inline std::string answer_all(const std::string& upload, const std::string& status)
{
    nlohmann::json results = nlohmann::json::array();
    for (const std::string& id : ids_in(upload))
        results.push_back({{"id", id}, {"status", status}});
    return nlohmann::json{{"results", results}}.dump();
}

// A loopback HTTPS server on an ephemeral port. `handler` answers every request (any method,
// any path) until changed; `hold()` makes it keep requests waiting until release() or ten
// seconds pass.
class TestCentral {
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

    TestCentral(const std::filesystem::path& cert, const std::filesystem::path& key,
                const std::filesystem::path& client_ca = {})
        : server_(cert.c_str(), key.c_str(), client_ca.empty() ? nullptr : client_ca.c_str())
    {
        REQUIRE(server_.is_valid());
        const auto handle = [this](const httplib::Request& req, httplib::Response& res) { serve(req, res); };
        server_.Get(".*", handle);
        server_.Post(".*", handle);
        server_.Delete(".*", handle);
        port_ = server_.bind_to_any_port("127.0.0.1");
        REQUIRE(port_ > 0);
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        for (int i = 0; i < 500 && !server_.is_running(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        REQUIRE(server_.is_running());
    }
    ~TestCentral()
    {
        release();
        server_.stop();
        thread_.join();
    }
    TestCentral(const TestCentral&) = delete;
    TestCentral& operator=(const TestCentral&) = delete;

    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

    void set(Handler h)
    {
        const std::lock_guard lock(mutex_);
        handler_ = std::move(h);
    }
    void hold()
    {
        const std::lock_guard lock(mutex_);
        holding_ = true;
    }
    void release()
    {
        {
            const std::lock_guard lock(mutex_);
            holding_ = false;
        }
        released_.notify_all();
    }
    // Requests that reached the handler, and those of them still held.
    int requests() const
    {
        const std::lock_guard lock(mutex_);
        return requests_;
    }
    int held() const
    {
        const std::lock_guard lock(mutex_);
        return held_;
    }
    std::vector<std::string> bodies() const
    {
        const std::lock_guard lock(mutex_);
        return bodies_;
    }
    std::vector<std::string> if_none_match() const
    {
        const std::lock_guard lock(mutex_);
        return if_none_match_;
    }

private:
    void serve(const httplib::Request& req, httplib::Response& res)
    {
        Handler h;
        {
            std::unique_lock lock(mutex_);
            ++requests_;
            bodies_.push_back(req.body);
            if_none_match_.push_back(req.get_header_value("If-None-Match"));
            ++held_;
            released_.wait_for(lock, std::chrono::seconds(10), [this] { return !holding_; });
            --held_;
            h = handler_;
        }
        if (h)
            h(req, res);
        else
            res.status = 404;
    }

    httplib::SSLServer server_;
    int port_ = 0;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::condition_variable released_;
    Handler handler_;
    bool holding_ = false;
    int requests_ = 0;
    int held_ = 0;
    std::vector<std::string> bodies_;
    std::vector<std::string> if_none_match_;
};

// A scratch folder with the PKI and a server presenting the CA's server certificate.
struct Served {
    ScratchDir dir;
    Pki pki = make_pki(dir.path());
    TestCentral central{pki.file("server.pem"), pki.file("server.key")};
};

} // namespace hk::uplink::test
