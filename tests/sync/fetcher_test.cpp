// Tests of the fetcher against a loopback HTTPS server: catalogue refreshes with ETags, backoff
// after a failed one, staff's "refresh now", and request status questions answered on the
// fetcher's thread, from the cache when the central side cannot be reached.
#include "fetcher.hpp"

#include "pulls.hpp"
#include "test_central.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <set>

using namespace hk;
using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

constexpr std::int64_t kNowMs = 1'780'000'000'000;
constexpr std::int64_t kInterval = 600'000;
const std::string kTracking = "26052800000425";
const std::string kCheck = "483920";
const std::string kStatus =
    R"({"tracking":"26052800000425","status":"accepted","category":"traffic.streetlight","due":"2026-05-29T01:00:00Z","rated":false,"stages":[{"stage":"submitted","at":"2026-05-28T01:00:00Z","unit":"K1","note":""}]})";

// A central side that serves each catalogue with an ETag (304 when it matches) and one request.
struct FetchRig : Served {
    std::int64_t now = kNowMs;
    std::unique_ptr<store::Store> store = [this] {
        store::StoreOptions o;
        o.dir = dir.path() / "state";
        o.now_ms = [this] { return now; }; // the store's clock is the fetcher's
        std::array<std::uint8_t, 32> key{};
        auto s = store::Store::open(o, key);
        REQUIRE(s);
        return std::move(*s);
    }();
    std::atomic<int> version{1};
    std::atomic<bool> broken{false};

    FetchRig()
    {
        central.set([this](const httplib::Request& req, httplib::Response& res) { serve(req, res); });
    }
    void serve(const httplib::Request& req, httplib::Response& res)
    {
        if (broken.load()) {
            res.status = 500;
            return;
        }
        const std::string prefix = "/v1/catalogue/";
        if (req.path.starts_with(prefix)) {
            const std::string name = req.path.substr(prefix.size());
            const std::string etag = "\"" + name + "-" + std::to_string(version.load()) + "\"";
            if (req.get_header_value("If-None-Match") == etag) {
                res.status = 304;
                return;
            }
            res.set_header("ETag", etag);
            res.set_content(catalogue(name), "application/json");
        } else if (req.path == "/v1/requests/" + kTracking && req.get_param_value("check") == kCheck) {
            res.set_content(kStatus, "application/json");
        } else {
            res.status = 404;
        }
    }
    static std::string catalogue(const std::string& name)
    {
        if (name == "keys")
            return R"({"name":"keys","version":"1","items":[]})";
        return R"({"name":")" + name + R"(","version":"1","items":[{"id":"x"}]})";
    }
    std::unique_ptr<Fetcher> fetcher()
    {
        FetcherOptions o;
        o.http.base_url = central.url();
        o.http.ca_file = pki.file("ca.pem");
        o.http.total_timeout_ms = 5000;
        o.refresh_interval_ms = kInterval;
        o.now_ms = [this] { return now; };
        o.random_unit = [] { return 0.5; };
        auto f = Fetcher::create(*store, o);
        REQUIRE_MESSAGE(f, (f ? "" : f.error().message));
        return std::move(*f);
    }
};

// Collects a status answer delivered on another thread.
struct Answered {
    std::mutex mutex;
    std::vector<StatusAnswer> answers;
    std::function<void(StatusAnswer)> callback()
    {
        return [this](StatusAnswer a) {
            const std::lock_guard lock(mutex);
            answers.push_back(std::move(a));
        };
    }
    std::size_t count()
    {
        const std::lock_guard lock(mutex);
        return answers.size();
    }
};

} // namespace

TEST_CASE("a refresh stores every catalogue, and the next one asks with ETags and changes nothing")
{
    FetchRig rig;
    auto f = rig.fetcher();
    std::vector<std::string> updated;
    f->on_updated([&](std::string_view name) { updated.emplace_back(name); });

    CHECK(f->refresh());
    CHECK(updated == std::vector<std::string>(kCatalogues.begin(), kCatalogues.end()));
    for (std::string_view name : kCatalogues) {
        auto doc = rig.store->catalogue(name);
        REQUIRE(doc);
        REQUIRE(*doc);
        CHECK((*doc)->etag == "\"" + std::string(name) + "-1\"");
    }
    FetcherStatus s = f->status();
    CHECK(s.last_refresh_ms == kNowMs);
    CHECK(s.next_refresh_ms == kNowMs + kInterval);
    CHECK(s.updated == kCatalogues.size());

    updated.clear();
    CHECK(f->refresh());
    CHECK(updated.empty()); // every answer a 304
    CHECK(f->status().updated == kCatalogues.size());

    rig.version = 2; // the central side publishes new catalogues
    CHECK(f->refresh());
    CHECK(updated.size() == kCatalogues.size());
    CHECK(rig.store->catalogue("venues")->value().etag == "\"venues-2\"");
}

TEST_CASE("a failed refresh keeps what the store holds and is tried again after a backoff, never past the interval")
{
    FetchRig rig;
    auto f = rig.fetcher();
    REQUIRE(f->refresh());
    rig.broken = true;
    rig.version = 2;
    rig.now += 1000;
    CHECK_FALSE(f->refresh());
    FetcherStatus s = f->status();
    CHECK(s.failures == 1);
    CHECK(s.last_refresh_ms == kNowMs);
    CHECK(s.last_error.find("HTTP 500") != std::string::npos);
    CHECK(s.next_refresh_ms == rig.now + 500); // half (the jitter) of the 1 s base
    CHECK(rig.store->catalogue("venues")->value().etag == "\"venues-1\"");
    for (int i = 0; i < 20; ++i)
        CHECK_FALSE(f->refresh());
    CHECK(f->status().failures == 21);
    CHECK(f->status().next_refresh_ms - rig.now == 150'000); // half the 5 min cap: under the interval
    rig.broken = false;
    CHECK(f->refresh());
    CHECK(f->status().failures == 0);
    CHECK(rig.store->catalogue("venues")->value().etag == "\"venues-2\"");
}

TEST_CASE("a status question is answered found, unknown, from the cache when unreachable, or invalid")
{
    FetchRig rig;
    auto f = rig.fetcher();
    const StatusAnswer found = f->ask_status(kTracking, kCheck);
    CHECK(found.kind == StatusAnswer::Kind::found);
    REQUIRE(found.doc);
    CHECK(found.doc->status == RequestState::accepted);
    CHECK(found.fetched_ms == kNowMs);

    CHECK(f->ask_status(kTracking, "000000").kind == StatusAnswer::Kind::unknown);

    rig.broken = true;
    rig.now += 3'600'000;
    const StatusAnswer offline = f->ask_status(kTracking, kCheck);
    CHECK(offline.kind == StatusAnswer::Kind::unreachable);
    REQUIRE(offline.doc);
    CHECK(offline.doc->status == RequestState::accepted);
    CHECK(offline.fetched_ms == kNowMs); // an hour old
    const StatusAnswer other = f->ask_status(kTracking, "000000");
    CHECK(other.kind == StatusAnswer::Kind::unreachable);
    CHECK_FALSE(other.doc); // another check code shows nothing, offline too

    const int asked = rig.central.requests();
    CHECK(f->ask_status("../x", kCheck).kind == StatusAnswer::Kind::invalid);
    CHECK(f->ask_status(kTracking, "12a456").kind == StatusAnswer::Kind::invalid);
    CHECK(rig.central.requests() == asked);
}

TEST_CASE("the thread refreshes at start, answers questions, and refreshes again when staff ask")
{
    FetchRig rig;
    auto f = rig.fetcher();
    std::atomic<int> updates{0};
    f->on_updated([&](std::string_view) { ++updates; });
    f->start();
    CHECK(hk::test::wait_until([&] { return updates.load() == static_cast<int>(kCatalogues.size()); },
                               std::chrono::seconds(10)));

    Answered answered;
    f->request_status(kTracking, kCheck, answered.callback());
    CHECK(hk::test::wait_until([&] { return answered.count() == 1; }, std::chrono::seconds(10)));
    CHECK(answered.answers.at(0).kind == StatusAnswer::Kind::found);

    // An invalid question is answered at once, on the caller's thread.
    f->request_status(kTracking, "x", answered.callback());
    CHECK(answered.count() == 2);
    CHECK(answered.answers.at(1).kind == StatusAnswer::Kind::invalid);

    // The next refresh is due in ten minutes of the fetcher's clock; staff need not wait.
    rig.version = 2;
    f->refresh_now();
    CHECK(hk::test::wait_until([&] { return updates.load() == 2 * kCatalogues.size(); }, std::chrono::seconds(10)));
    f->stop();
}

TEST_CASE("stop() answers every question once, the one under way and those not yet asked")
{
    FetchRig rig;
    auto f = rig.fetcher();
    REQUIRE(f->refresh()); // nothing due at start
    rig.now += 1000;
    rig.central.hold();
    f->start();
    Answered answered;
    for (int i = 0; i < 3; ++i)
        f->request_status(kTracking, kCheck, answered.callback());
    CHECK(hk::test::wait_until([&] { return rig.central.held() == 1; }, std::chrono::seconds(10)));
    f->stop();
    rig.central.release();
    REQUIRE(answered.count() == 3);
    for (const StatusAnswer& a : answered.answers)
        CHECK(a.kind == StatusAnswer::Kind::unreachable);
    f->request_status(kTracking, kCheck, answered.callback()); // after stop: answered at once
    CHECK(answered.count() == 4);
}
