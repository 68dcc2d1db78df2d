// Tests of the catalogue and request status pulls against a loopback HTTPS server.
#include "pulls.hpp"

#include "test_central.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

struct PullRig : Served {
    std::unique_ptr<store::Store> store = [this] {
        store::StoreOptions o;
        o.dir = dir.path() / "state";
        std::array<std::uint8_t, 32> key{};
        auto s = store::Store::open(o, key);
        REQUIRE(s);
        return std::move(*s);
    }();
    HttpClient http = [this] {
        HttpOptions o;
        o.base_url = central.url();
        o.ca_file = pki.file("ca.pem");
        auto c = HttpClient::open(o);
        REQUIRE(c);
        return std::move(*c);
    }();
};

const std::string kVenues = R"({"name":"venues","version":"v1","items":[{"id":"V1"}]})";

} // namespace

TEST_CASE("a catalogue is stored with its ETag and asked for again with If-None-Match")
{
    PullRig rig;
    rig.central.set([](const httplib::Request& req, httplib::Response& res) {
        if (req.path != "/v1/catalogue/venues")
            return;
        if (req.get_header_value("If-None-Match") == "\"v1\"") {
            res.status = 304;
            return;
        }
        res.set_header("ETag", "\"v1\"");
        res.set_content(kVenues, "application/json");
    });
    auto first = pull_catalogue(rig.http, *rig.store, "venues");
    REQUIRE(first);
    CHECK(*first == PullOutcome::updated);
    auto cached = rig.store->catalogue("venues");
    REQUIRE(cached);
    REQUIRE(*cached);
    CHECK((*cached)->etag == "\"v1\"");
    CHECK((*cached)->body == kVenues);

    auto second = pull_catalogue(rig.http, *rig.store, "venues");
    REQUIRE(second);
    CHECK(*second == PullOutcome::unchanged);
    CHECK(rig.central.if_none_match() == std::vector<std::string>{"", "\"v1\""});
    CHECK(rig.store->catalogue("venues")->value().body == kVenues);
}

TEST_CASE("a catalogue that fails its check or an error status leaves the stored one")
{
    PullRig rig;
    REQUIRE(rig.store->put_catalogue("venues", "\"v1\"", kVenues));
    SUBCASE("a document of another catalogue")
    {
        rig.central.set([](const httplib::Request&, httplib::Response& res) {
            res.set_header("ETag", "\"v2\"");
            res.set_content(R"({"name":"keys","version":"v2","items":[]})", "application/json");
        });
    }
    SUBCASE("a 500")
    {
        rig.central.set([](const httplib::Request&, httplib::Response& res) { res.status = 500; });
    }
    CHECK_FALSE(pull_catalogue(rig.http, *rig.store, "venues"));
    CHECK(rig.store->catalogue("venues")->value().etag == "\"v1\"");
    CHECK(rig.store->catalogue("venues")->value().body == kVenues);
    CHECK_FALSE(pull_catalogue(rig.http, *rig.store, "../records"));
}

TEST_CASE("a 304 to a kiosk that holds nothing of that name is no answer")
{
    PullRig rig;
    rig.central.set([](const httplib::Request&, httplib::Response& res) { res.status = 304; });
    CHECK_FALSE(pull_catalogue(rig.http, *rig.store, "activities"));
    CHECK_FALSE(rig.store->catalogue("activities")->has_value());
}

TEST_CASE("a request's status is fetched with its check code and cached, and an unknown one is nothing")
{
    PullRig rig;
    const std::string doc = R"({"tracking":"R2026-0001","status":"accepted","category":"traffic.streetlight",)"
                            R"("due":"2026-03-03T08:30:00Z","rated":false,"stages":[]})";
    rig.central.set([&doc](const httplib::Request& req, httplib::Response& res) {
        if (req.path == "/v1/requests/R2026-0001" && req.get_param_value("check") == "123456")
            res.set_content(doc, "application/json");
        else
            res.status = 404;
    });
    auto found = request_status(rig.http, *rig.store, "R2026-0001", "123456");
    REQUIRE(found);
    REQUIRE(*found);
    CHECK((*found)->status == RequestState::accepted);
    CHECK(rig.store->request_status(status_cache_key("R2026-0001", "123456"))->value().status_json == doc);
    auto cached = cached_request_status(*rig.store, "R2026-0001", "123456");
    REQUIRE(cached);
    REQUIRE(*cached);
    CHECK((*cached)->doc.status == RequestState::accepted);
    // Offline too, the number without its check code shows nothing.
    CHECK_FALSE(rig.store->request_status("R2026-0001")->has_value());
    CHECK_FALSE(cached_request_status(*rig.store, "R2026-0001", "654321")->has_value());

    auto wrong = request_status(rig.http, *rig.store, "R2026-0001", "654321");
    REQUIRE(wrong);
    CHECK_FALSE(*wrong);

    const int asked = rig.central.requests();
    CHECK_FALSE(request_status(rig.http, *rig.store, "R2026/../x", "123456"));
    CHECK_FALSE(request_status(rig.http, *rig.store, "R2026-0001", "12345"));
    CHECK_FALSE(request_status(rig.http, *rig.store, "R2026-0001", "12345a"));
    CHECK(rig.central.requests() == asked); // refused before anything was sent
}
