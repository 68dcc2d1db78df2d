// Tests of the HTTPS client's bounds: size, redirects, headers read, the URL and CA rules.
#include "http_client.hpp"

#include "test_central.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

struct ClientRig : Served {
    HttpOptions options = [this] {
        HttpOptions o;
        o.base_url = central.url() + "/";
        o.ca_file = pki.file("ca.pem");
        o.max_body_bytes = 1000;
        return o;
    }();
    HttpClient client()
    {
        auto c = HttpClient::open(options);
        REQUIRE(c);
        return std::move(*c);
    }
};

} // namespace

TEST_CASE("an answer's status, body, ETag and Date are read, and a body past the limit is an error")
{
    ClientRig rig;
    std::size_t size = 1000;
    rig.central.set([&size](const httplib::Request&, httplib::Response& res) {
        res.set_header("ETag", "\"e1\"");
        res.set_header("Date", "Sun, 06 Nov 1994 08:49:37 GMT");
        res.status = 201;
        res.set_content(std::string(size, 'x'), "text/plain");
    });
    HttpClient c = rig.client();
    auto r = c.get("/v1/health");
    REQUIRE(r);
    CHECK(r->status == 201);
    CHECK(r->body.size() == 1000);
    CHECK(r->etag == "\"e1\"");
    CHECK(r->date == "Sun, 06 Nov 1994 08:49:37 GMT");

    size = 1001;
    auto big = c.get("/v1/health");
    REQUIRE_FALSE(big);
    CHECK(big.error().message.find("over 1000 bytes") != std::string::npos);
}

TEST_CASE("a redirect is returned as it is, not followed")
{
    ClientRig rig;
    rig.central.set([](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/v1/records")
            res.set_redirect("/elsewhere", 307);
        else
            res.set_content("followed", "text/plain");
    });
    auto r = rig.client().post_json("/v1/records", "{}");
    REQUIRE(r);
    CHECK(r->status == 307);
    CHECK(rig.central.requests() == 1);
}

TEST_CASE("a POST carries its JSON body and content type")
{
    ClientRig rig;
    std::string seen_type;
    rig.central.set([&seen_type](const httplib::Request& req, httplib::Response& res) {
        seen_type = req.get_header_value("Content-Type");
        res.set_content(req.body, "application/json");
    });
    auto r = rig.client().post_json("/v1/records", R"({"kiosk":"K1"})");
    REQUIRE(r);
    CHECK(r->body == R"({"kiosk":"K1"})");
    CHECK(seen_type == "application/json");
}

TEST_CASE("a client is refused plain http to another machine, https without a CA, a certificate without its key")
{
    HttpOptions o;
    o.base_url = "http://central.example.org";
    CHECK_FALSE(HttpClient::open(o));
    o.base_url = "https://central.example.org";
    CHECK_FALSE(HttpClient::open(o));
    o.ca_file = "/nonexistent/ca.pem";
    CHECK(HttpClient::open(o));
    o.cert_file = "/nonexistent/kiosk.pem";
    CHECK_FALSE(HttpClient::open(o));
    o.base_url = "http://127.0.0.1:1";
    o.cert_file.clear();
    CHECK(HttpClient::open(o));
}

TEST_CASE("the system's CAs are not trusted in place of the pinned one")
{
    ClientRig rig;
    rig.options.ca_file = rig.pki.file("other-ca.pem");
    rig.central.set([](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "text/plain"); });
    auto r = rig.client().get("/v1/health");
    CHECK_FALSE(r);
    CHECK(rig.central.requests() == 0);
}

TEST_CASE("an error names the address without its query, which may carry a check code")
{
    ClientRig rig;
    rig.central.set([](const httplib::Request&, httplib::Response& res) { res.set_content(std::string(2000, 'x'), "text/plain"); });
    HttpClient c = rig.client();
    auto big = c.get("/v1/requests/26112300101235?check=482913");
    REQUIRE_FALSE(big);
    CHECK(big.error().message.find("/v1/requests/26112300101235") != std::string::npos);
    CHECK(big.error().message.find("482913") == std::string::npos);
}
