// Tests of the sync loop against a loopback HTTPS server: answers marked in the store, every
// kind of failure leaving the batch waiting for a later attempt, backoff, clock skew, the
// thread's wake-up and stop.
#include "sync_loop.hpp"

#include "test_central.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <array>
#include <thread>

using namespace hk;
using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

constexpr std::int64_t kNowMs = 1'780'000'000'000;

std::unique_ptr<store::Store> open_store(const std::filesystem::path& dir)
{
    store::StoreOptions options;
    options.dir = dir / "state";
    options.now_ms = [] { return kNowMs - 60'000; }; // every record made a minute ago
    std::array<std::uint8_t, 32> key{};
    key.fill(7);
    auto s = store::Store::open(options, key);
    REQUIRE(s);
    return std::move(*s);
}

void enqueue(store::Store& s, int count)
{
    for (int i = 0; i < count; ++i)
        REQUIRE(s.enqueue("request", id_jws()));
}

// A server and a store with a loop wired to them; the loop's clock is kNowMs, its jitter 1.
struct Rig : Served {
    std::unique_ptr<store::Store> store = open_store(dir.path());
    SyncOptions options = [this] {
        SyncOptions o;
        o.kiosk_id = "K0001";
        o.http.base_url = central.url();
        o.http.ca_file = pki.file("ca.pem");
        o.now_ms = [] { return kNowMs; };
        o.random_unit = [] { return 1.0; };
        return o;
    }();

    std::unique_ptr<SyncLoop> loop()
    {
        auto l = SyncLoop::create(*store, options);
        REQUIRE_MESSAGE(l, (l ? std::string() : l.error().message));
        return std::move(*l);
    }
    std::int64_t waiting()
    {
        auto s = store->stats();
        REQUIRE(s);
        return s->waiting;
    }
    void answer_all_accepted()
    {
        central.set([](const httplib::Request& req, httplib::Response& res) {
            res.set_content(answer_all(req.body, "accepted"), "application/json");
        });
    }
};

} // namespace

TEST_CASE("a batch's answers mark its records accepted, duplicate and rejected")
{
    Rig rig;
    enqueue(*rig.store, 3);
    rig.central.set([](const httplib::Request& req, httplib::Response& res) {
        const auto ids = ids_in(req.body);
        REQUIRE(ids.size() == 3);
        const nlohmann::json results = nlohmann::json::array({
            {{"id", ids[0]}, {"status", "accepted"}},
            {{"id", ids[1]}, {"status", "duplicate"}},
            {{"id", ids[2]}, {"status", "rejected"}, {"reason", "bad signature"}},
        });
        res.set_content(nlohmann::json{{"results", results}}.dump(), "application/json");
    });
    auto loop = rig.loop();
    CHECK(loop->step() == SyncLoop::Step::sent);
    CHECK(loop->step() == SyncLoop::Step::idle);

    const auto upload = nlohmann::json::parse(rig.central.bodies().at(0));
    CHECK(upload["kiosk"] == "K0001");
    CHECK(upload["records"].size() == 3);
    CHECK(rig.waiting() == 0);
    auto rejected = rig.store->rejected();
    REQUIRE(rejected);
    REQUIRE(rejected->size() == 1);
    CHECK(rejected->at(0).seq == 3);
    CHECK(rejected->at(0).reason == "bad signature");

    const SyncStatus s = loop->status();
    CHECK(s.online);
    CHECK(s.answered == 3);
    CHECK(s.rejected == 1);
    CHECK(s.waiting == 0);
    CHECK(s.last_success_ms == kNowMs);
}

TEST_CASE("records left waiting by a failed attempt go out on a later one")
{
    Rig rig;
    enqueue(*rig.store, 2);
    auto loop = rig.loop();

    SUBCASE("a 500")
    {
        rig.central.set([](const httplib::Request&, httplib::Response& res) { res.status = 500; });
        CHECK(loop->step() == SyncLoop::Step::failed);
        CHECK(loop->status().last_error.find("HTTP 500") != std::string::npos);
    }
    SUBCASE("garbage instead of JSON")
    {
        rig.central.set([](const httplib::Request&, httplib::Response& res) {
            res.set_content("<html>gateway</html>", "text/html");
        });
        CHECK(loop->step() == SyncLoop::Step::failed);
        CHECK(loop->status().last_error.find("not JSON") != std::string::npos);
    }
    SUBCASE("results for fewer records than were sent")
    {
        rig.central.set([](const httplib::Request& req, httplib::Response& res) {
            const auto ids = ids_in(req.body);
            const nlohmann::json one = {{"results", {{{"id", ids[0]}, {"status", "accepted"}}}}};
            res.set_content(one.dump(), "application/json");
        });
        CHECK(loop->step() == SyncLoop::Step::failed);
        CHECK(loop->status().last_error.find("were sent") != std::string::npos);
    }
    SUBCASE("an unknown status value")
    {
        rig.central.set([](const httplib::Request& req, httplib::Response& res) {
            res.set_content(answer_all(req.body, "stored"), "application/json");
        });
        CHECK(loop->step() == SyncLoop::Step::failed);
    }
    SUBCASE("an answer slower than the time allowed")
    {
        rig.options.http.total_timeout_ms = 300;
        loop = rig.loop();
        rig.central.hold();
        CHECK(loop->step() == SyncLoop::Step::failed);
        CHECK(loop->status().last_error.find("Timeout") != std::string::npos);
        rig.central.release();
    }

    const SyncStatus failed = loop->status();
    CHECK_FALSE(failed.online);
    CHECK(failed.failures == 1);
    CHECK(failed.waiting == 2);
    CHECK(failed.oldest_waiting_age_ms == 60'000);
    CHECK(rig.waiting() == 2);

    rig.answer_all_accepted();
    CHECK(loop->step() == SyncLoop::Step::sent);
    CHECK(rig.waiting() == 0);
    CHECK(loop->status().online);
    CHECK(loop->status().failures == 0);
}

TEST_CASE("a server certificate from another CA fails the attempt and the records stay")
{
    Rig rig;
    TestCentral impostor(rig.pki.file("other-server.pem"), rig.pki.file("other-server.key"));
    impostor.set([](const httplib::Request& req, httplib::Response& res) {
        res.set_content(answer_all(req.body, "accepted"), "application/json");
    });
    enqueue(*rig.store, 2);
    rig.options.http.base_url = impostor.url();
    auto loop = rig.loop();
    CHECK(loop->step() == SyncLoop::Step::failed);
    CHECK(impostor.requests() == 0);
    CHECK(rig.waiting() == 2);
    CHECK(loop->status().last_error.find("certificate") != std::string::npos);
}

TEST_CASE("a client certificate is presented to a server that asks for one")
{
    Rig rig;
    TestCentral strict(rig.pki.file("server.pem"), rig.pki.file("server.key"), rig.pki.file("ca.pem"));
    strict.set([](const httplib::Request& req, httplib::Response& res) {
        res.set_content(answer_all(req.body, "accepted"), "application/json");
    });
    enqueue(*rig.store, 1);
    rig.options.http.base_url = strict.url();
    CHECK(rig.loop()->step() == SyncLoop::Step::failed); // no certificate yet
    CHECK(rig.waiting() == 1);

    rig.options.http.cert_file = rig.pki.file("client.pem");
    rig.options.http.key_file = rig.pki.file("client.key");
    CHECK(rig.loop()->step() == SyncLoop::Step::sent);
    CHECK(rig.waiting() == 0);
}

TEST_CASE("clock skew is read from the Date header and reported past 120 s")
{
    Rig rig;
    std::int64_t offset_s = 0;
    rig.central.set([&offset_s](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Date", http_date(kNowMs / 1000 + offset_s));
        res.set_content(answer_all(req.body, "accepted"), "application/json");
    });
    auto loop = rig.loop();
    const auto skew_after_upload = [&](std::int64_t offset) {
        offset_s = offset;
        enqueue(*rig.store, 1);
        REQUIRE(loop->step() == SyncLoop::Step::sent);
        return loop->status();
    };
    SyncStatus s = skew_after_upload(90);
    CHECK(s.skew_s == 90);
    CHECK_FALSE(s.skew_too_large);
    s = skew_after_upload(-121);
    CHECK(s.skew_s == -121);
    CHECK(s.skew_too_large);
    s = skew_after_upload(3600);
    CHECK(s.skew_too_large);
    s = skew_after_upload(0);
    CHECK(s.skew_s == 0);
    CHECK_FALSE(s.skew_too_large);
}

TEST_CASE("the waits after failures in a row double up to the cap")
{
    Rig rig;
    rig.options.backoff = Backoff{1000, 5000};
    rig.central.set([](const httplib::Request&, httplib::Response& res) { res.status = 503; });
    enqueue(*rig.store, 1);
    auto loop = rig.loop();
    std::vector<std::int64_t> delays;
    for (int i = 0; i < 5; ++i) {
        REQUIRE(loop->step() == SyncLoop::Step::failed);
        delays.push_back(loop->status().next_delay_ms);
    }
    CHECK(delays == std::vector<std::int64_t>{1000, 2000, 4000, 5000, 5000});
    CHECK(loop->status().failures == 5);
}

TEST_CASE("the thread sleeps the backoff's waits between failed attempts")
{
    Rig rig;
    rig.options.backoff = Backoff{100, 400};
    rig.options.random_unit = [] { return 0.5; };
    std::mutex m;
    std::vector<std::int64_t> slept;
    rig.options.sleep = [&](std::int64_t ms) {
        const std::lock_guard lock(m);
        slept.push_back(ms);
    };
    rig.central.set([](const httplib::Request&, httplib::Response& res) { res.status = 502; });
    enqueue(*rig.store, 1);
    auto loop = rig.loop();
    loop->start();
    REQUIRE(hk::test::wait_until([&] {
        const std::lock_guard lock(m);
        return slept.size() >= 4;
    }));
    loop->stop();
    const std::lock_guard lock(m);
    CHECK(std::vector<std::int64_t>(slept.begin(), slept.begin() + 4) == std::vector<std::int64_t>{50, 100, 200, 200});
    CHECK(rig.waiting() == 1);
}

TEST_CASE("an idle thread sends what is enqueued when notified")
{
    Rig rig;
    rig.answer_all_accepted();
    auto loop = rig.loop();
    loop->start();
    REQUIRE(hk::test::wait_until([&] { return loop->status().idle; }));
    enqueue(*rig.store, 2);
    loop->notify();
    REQUIRE(hk::test::wait_until([&] { return loop->status().answered == 2; }));
    loop->stop();
    CHECK(rig.waiting() == 0);
    CHECK(rig.central.requests() == 1);
}

TEST_CASE("staff's sync now cuts a long wait after failures short, which a notice about a new record does not")
{
    Rig rig;
    rig.options.backoff = Backoff{600'000, 600'000}; // ten minutes after a failure
    rig.central.set([](const httplib::Request&, httplib::Response& res) { res.status = 502; });
    enqueue(*rig.store, 1);
    auto loop = rig.loop();
    loop->start();
    REQUIRE(hk::test::wait_until([&] { return loop->status().failures == 1; }));
    rig.answer_all_accepted();
    loop->notify(); // no news about the network: the loop keeps waiting
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    CHECK(rig.waiting() == 1);
    loop->retry_now();
    REQUIRE(hk::test::wait_until([&] { return loop->status().answered == 1; }));
    loop->stop();
    CHECK(rig.waiting() == 0);
}

TEST_CASE("the thread drains the outbox in batches of at most 100, oldest first")
{
    Rig rig;
    rig.answer_all_accepted();
    enqueue(*rig.store, 250);
    auto waiting = rig.store->waiting(250);
    REQUIRE(waiting);
    auto loop = rig.loop();
    loop->start();
    REQUIRE(hk::test::wait_until([&] { return loop->status().answered == 250; }, std::chrono::seconds(20)));
    loop->stop();
    std::vector<std::string> sent;
    std::vector<std::size_t> sizes;
    for (const std::string& body : rig.central.bodies()) {
        const auto ids = ids_in(body);
        sizes.push_back(ids.size());
        sent.insert(sent.end(), ids.begin(), ids.end());
    }
    CHECK(sizes == std::vector<std::size_t>{100, 100, 50});
    REQUIRE(sent.size() == waiting->size());
    for (std::size_t i = 0; i < sent.size(); ++i)
        CHECK(sent[i] == (*waiting)[i].id);
    CHECK(rig.waiting() == 0);
}

TEST_CASE("stop() returns while the server still holds the upload, which stays waiting")
{
    Rig rig;
    rig.central.hold();
    rig.answer_all_accepted();
    enqueue(*rig.store, 1);
    auto loop = rig.loop();
    loop->start();
    loop->notify();
    REQUIRE(hk::test::wait_until([&] { return rig.central.held() == 1; }));
    loop->stop();
    // The server holds a request for ten seconds unless released, and the client allows fifteen:
    // the transfer was aborted, neither answered nor timed out.
    CHECK(rig.central.held() == 1);
    CHECK(rig.waiting() == 1);
    CHECK(loop->status().answered == 0);
}

TEST_CASE("a loop is refused an http URL to another machine and https without a CA")
{
    Rig rig;
    rig.options.http.base_url = "http://central.example";
    CHECK_FALSE(SyncLoop::create(*rig.store, rig.options));
    rig.options.http.base_url = rig.central.url();
    rig.options.http.ca_file.clear();
    CHECK_FALSE(SyncLoop::create(*rig.store, rig.options));
    rig.options.http.ca_file = rig.pki.file("ca.pem");
    rig.options.batch_size = 101;
    CHECK_FALSE(SyncLoop::create(*rig.store, rig.options));
}
