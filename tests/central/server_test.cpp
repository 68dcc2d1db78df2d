// The protocol over HTTPS against the server running in-process (docs/protocol.md).
#include "central_support.hpp"

#include "rfc3339.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace hk::central;
using namespace hk::central::test;

namespace {

std::vector<StoredRecord> stored(const RunningCentral& central, const std::string& kiosk)
{
    auto records = central.store().records(std::string_view(kiosk));
    REQUIRE(records);
    return *records;
}

} // namespace

TEST_CASE("a registered kiosk's records are accepted in order and stored as a clean chain")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-0412-03");
    central.register_kiosk(kiosk);
    const std::vector<std::string> batch = {kiosk.next(), kiosk.next(), kiosk.next()};

    auto answer = central.upload(kiosk.id(), batch);
    const auto results = results_of(answer);
    REQUIRE(results.size() == 3);
    for (const auto& r : results) {
        CHECK(r["status"] == "accepted");
        CHECK_FALSE(r.contains("reason"));
    }
    const auto held = stored(central, kiosk.id());
    REQUIRE(held.size() == 3);
    for (std::size_t i = 0; i < held.size(); ++i) {
        CHECK(held[i].id == results[i]["id"]);
        CHECK(held[i].jws == batch[i]);
        CHECK(held[i].seq == static_cast<std::int64_t>(i + 1));
        CHECK(held[i].flag == ChainFlag::ok);
        CHECK(held[i].hash == kiosk.hash_of(batch[i]));
    }
}

TEST_CASE("every answer carries a Date header in the form of RFC 7231")
{
    RunningCentral central;
    const std::regex imf(R"([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)");
    auto health = central.client()->Get("/v1/health");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(std::regex_match(health->get_header_value("Date"), imf));
    const auto body = nlohmann::json::parse(health->body);
    CHECK(body["ok"] == true);
    CHECK(hk::uplink::valid_rfc3339_utc(body["time"].get<std::string>()));

    auto missing = central.client()->Get("/v1/catalogue/nothing");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(std::regex_match(missing->get_header_value("Date"), imf));
}

TEST_CASE("a record sent again is a duplicate and stored once")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    const std::string first = kiosk.next();
    const std::string second = kiosk.next();
    CHECK(results_of(central.upload(kiosk.id(), {first}))[0]["status"] == "accepted");

    const auto again = results_of(central.upload(kiosk.id(), {first, second}));
    CHECK(again[0]["status"] == "duplicate");
    CHECK(again[1]["status"] == "accepted");
    const auto held = stored(central, kiosk.id());
    REQUIRE(held.size() == 2);
    CHECK(held[1].flag == ChainFlag::ok); // the duplicate did not disturb the chain
}

TEST_CASE("records are rejected with a reason and never stored")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    TestKiosk other(central.scratch(), "kiosk-2");
    central.register_kiosk(kiosk);
    central.register_kiosk(other);

    SUBCASE("a bad signature")
    {
        std::string jws = kiosk.next();
        jws.back() = jws.back() == 'A' ? 'Q' : 'A';
        const auto r = results_of(central.upload(kiosk.id(), {jws}))[0];
        CHECK(r["status"] == "rejected");
        CHECK(r["reason"] == "the signature does not verify");
    }
    SUBCASE("an unknown kiosk")
    {
        TestKiosk stranger(central.scratch(), "kiosk-9");
        const std::string jws = stranger.next();
        const auto r = results_of(central.upload(stranger.id(), {jws}))[0];
        CHECK(r["status"] == "rejected");
        CHECK(r["reason"] == "unknown kiosk kiosk-9");
        CHECK(r["id"] == hk::uplink::verify_record(jws, stranger.identity().key())->header.id);
    }
    SUBCASE("signed by another kiosk's key (kid mismatch)")
    {
        const std::string jws = other.record_at(1, "", audit_body(), "audit", kiosk.id());
        const auto r = results_of(central.upload(kiosk.id(), {jws}))[0];
        CHECK(r["status"] == "rejected");
        CHECK(r["reason"].get<std::string>().find("kid") != std::string::npos);
    }
    SUBCASE("a record of another kiosk in this kiosk's upload")
    {
        const std::string jws = other.next();
        // Registered under both ids with the same key, so that only the payload's kiosk differs.
        auto s = central.store();
        REQUIRE(s.register_kiosk("kiosk-3", other.identity().public_jwk()));
        const auto r = results_of(central.upload("kiosk-3", {jws}))[0];
        CHECK(r["status"] == "rejected");
        CHECK(r["reason"] == "a record of kiosk kiosk-2 uploaded by kiosk kiosk-3");
    }
    SUBCASE("a malformed JWS")
    {
        const auto r = results_of(central.upload(kiosk.id(), {"not.a-record"}))[0];
        CHECK(r["status"] == "rejected");
        CHECK(r["id"] == "");
    }
    CHECK(stored(central, kiosk.id()).empty());
    CHECK(stored(central, "kiosk-3").empty());
}

TEST_CASE("an id reused with other content is rejected and the first record kept")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    const std::string first = kiosk.next();
    REQUIRE(results_of(central.upload(kiosk.id(), {first}))[0]["status"] == "accepted");

    // The same id, seq and prev with another body: signed properly, but not the same record.
    auto verified = hk::uplink::verify_record(first, kiosk.identity().key());
    REQUIRE(verified);
    auto reused = hk::uplink::make_record(kiosk.identity(), verified->header, {{"text", "另一件事"}});
    REQUIRE(reused);
    const auto r = results_of(central.upload(kiosk.id(), {*reused}))[0];
    CHECK(r["status"] == "rejected");
    CHECK(r["reason"] == "id reused with other content");
    const auto held = stored(central, kiosk.id());
    REQUIRE(held.size() == 1);
    CHECK(held[0].jws == first);
}

TEST_CASE("a gap and a fork are stored flagged, and answered as accepted")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    const std::string r1 = kiosk.next();
    const std::string r2 = kiosk.next();
    const std::string r3 = kiosk.next();
    const std::string r4 = kiosk.next();
    // r3 is missing: r4 leaves a gap. Then a record that claims seq 5 after a record nobody has.
    const std::string forked = kiosk.record_at(5, std::string(64, '0'), audit_body("page", "sync"));
    const auto results = results_of(central.upload(kiosk.id(), {r1, r2, r4, forked}));
    for (const auto& r : results)
        CHECK(r["status"] == "accepted");

    auto held = stored(central, kiosk.id());
    REQUIRE(held.size() == 4);
    CHECK(held[0].flag == ChainFlag::ok);
    CHECK(held[1].flag == ChainFlag::ok);
    CHECK(held[2].flag == ChainFlag::gap);
    CHECK(held[3].flag == ChainFlag::fork);

    // r3 arriving late fills the gap: it links to r2.
    CHECK(results_of(central.upload(kiosk.id(), {r3}))[0]["status"] == "accepted");
    held = stored(central, kiosk.id());
    REQUIRE(held.size() == 5);
    CHECK(held[2].seq == 3);
    CHECK(held[2].flag == ChainFlag::ok);
}

TEST_CASE("a second record at a seq already held is a fork")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    const std::string r1 = kiosk.next();
    const std::string r2 = kiosk.next();
    const std::string r2b = kiosk.record_at(2, kiosk.hash_of(r1), audit_body("page", "sync"));
    REQUIRE(results_of(central.upload(kiosk.id(), {r1, r2, r2b}))[2]["status"] == "accepted");
    const auto held = stored(central, kiosk.id());
    REQUIRE(held.size() == 3);
    CHECK(held[2].flag == ChainFlag::fork);
}

TEST_CASE("a batch is 1 to 100 records")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    std::vector<std::string> hundred;
    for (int i = 0; i < 100; ++i)
        hundred.push_back(kiosk.next());
    CHECK(results_of(central.upload(kiosk.id(), hundred)).size() == 100);

    auto empty = central.upload(kiosk.id(), {});
    REQUIRE(empty);
    CHECK(empty->status == 400);
    std::vector<std::string> over = hundred;
    over.push_back(kiosk.next());
    auto too_many = central.upload(kiosk.id(), over);
    REQUIRE(too_many);
    CHECK(too_many->status == 400);
    CHECK(stored(central, kiosk.id()).size() == 100);
}

TEST_CASE("a malformed envelope is answered 400")
{
    RunningCentral central;
    for (const std::string body :
         {"", "[]", "{\"kiosk\":\"k\"}", "{\"kiosk\":\"k\",\"records\":[1]}",
          "{\"kiosk\":\"k\",\"records\":[\"a\"],\"more\":1}", "{\"kiosk\":\"k\",\"kiosk\":\"j\",\"records\":[\"a\"]}",
          "{\"kiosk\":\"\",\"records\":[\"a\"]}"}) {
        CAPTURE(body);
        auto r = central.client()->Post("/v1/records", body, "application/json");
        REQUIRE(r);
        CHECK(r->status == 400);
        CHECK(nlohmann::json::parse(r->body).contains("error"));
    }
}

TEST_CASE("a body over the size limit is answered 413")
{
    RunningCentral central(true, 64 * 1024);
    const nlohmann::json envelope = {{"kiosk", "k"}, {"records", {std::string(70 * 1024, 'a')}}};
    auto r = central.client()->Post("/v1/records", envelope.dump(), "application/json");
    REQUIRE(r);
    CHECK(r->status == 413);
    CHECK_FALSE(r->get_header_value("Date").empty()); // httplib's own answer carries it too
}

TEST_CASE("catalogues are served with an ETag and 304 when it matches")
{
    RunningCentral central;
    for (const auto name : kCatalogueNames) {
        CAPTURE(name);
        const std::string path = "/v1/catalogue/" + std::string(name);
        auto full = central.client()->Get(path);
        REQUIRE(full);
        CHECK(full->status == 200);
        const auto body = nlohmann::json::parse(full->body);
        CHECK(body["name"] == name);
        CHECK(body["items"].is_array());
        CHECK_FALSE(body["items"].empty());
        const std::string etag = full->get_header_value("ETag");
        CHECK(etag == "\"" + body["version"].get<std::string>() + "\"");

        auto same = central.client()->Get(path, {{"If-None-Match", etag}});
        REQUIRE(same);
        CHECK(same->status == 304);
        CHECK(same->body.empty());
        auto stale = central.client()->Get(path, {{"If-None-Match", "\"0123\""}});
        REQUIRE(stale);
        CHECK(stale->status == 200);
    }
}

TEST_CASE("a request's status is found with its check code and with nothing else")
{
    RunningCentral central;
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    central.register_kiosk(kiosk);
    const std::string number = tracking_number(1);
    REQUIRE(results_of(central.upload(kiosk.id(), {kiosk.next(request_body(number), "request")}))[0]["status"] ==
            "accepted");

    auto found = central.client()->Get("/v1/requests/" + number + "?check=482913");
    REQUIRE(found);
    REQUIRE(found->status == 200);
    const auto status = nlohmann::json::parse(found->body);
    // Exactly the members of the protocol, each of its type.
    CHECK(status ==
          nlohmann::json{
              {"tracking", number},
              {"status", "submitted"},
              {"category", "traffic.streetlight"},
              {"due", "2026-03-02T08:30:00Z"}, // filed_at + 24 hours
              {"stages", {{{"stage", "submitted"}, {"at", "2026-03-01T08:30:00Z"}, {"unit", "kiosk-1"}, {"note", ""}}}},
              {"rated", false}});

    auto wrong = central.client()->Get("/v1/requests/" + number + "?check=482914");
    auto none = central.client()->Get("/v1/requests/" + number);
    auto unknown = central.client()->Get("/v1/requests/" + tracking_number(2) + "?check=482913");
    REQUIRE(wrong);
    REQUIRE(none);
    REQUIRE(unknown);
    CHECK(wrong->status == 404);
    CHECK(none->status == 404);
    CHECK(unknown->status == 404);
    CHECK(wrong->body == unknown->body); // the same answer for both
}

TEST_CASE("kiosk client certificates: the district CA's for the uploading kiosk only")
{
    RunningCentral central(false);
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    const auto dir = central.scratch().path();
    const auto cert = enrol(central, kiosk);
    const nlohmann::json envelope = {{"kiosk", kiosk.id()}, {"records", {kiosk.next()}}};
    const std::string key_file = kiosk.identity().key_file().string();

    SUBCASE("without one, when the server asks for enrolment")
    {
        auto r = central.client()->Post("/v1/records", envelope.dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 401);
    }
    SUBCASE("the kiosk's own")
    {
        auto r = central.client(cert.string(), key_file)->Post("/v1/records", envelope.dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(results_of(r)[0]["status"] == "accepted");
    }
    SUBCASE("one for another kiosk id")
    {
        const nlohmann::json as_other = {{"kiosk", "kiosk-2"}, {"records", {kiosk.next()}}};
        auto r = central.client(cert.string(), key_file)->Post("/v1/records", as_other.dump(), "application/json");
        REQUIRE(r);
        CHECK(r->status == 403);
    }
    SUBCASE("one from another CA is refused in the handshake")
    {
        ScratchDir elsewhere;
        REQUIRE(init_authority(elsewhere.path(), now_unix()));
        auto csr = kiosk.identity().make_csr(kiosk.id(), "Futian");
        REQUIRE(csr);
        auto foreign = issue_kiosk_certificate(elsewhere.path(), *csr, kiosk.id(), now_unix());
        REQUIRE(foreign);
        hk::uplink::test::write_file(dir / "foreign.pem", foreign->pem);
        auto r = central.client((dir / "foreign.pem").string(), key_file)
                     ->Post("/v1/records", envelope.dump(), "application/json");
        CHECK_FALSE(r);
    }
}

TEST_CASE("a client that does not trust the district CA does not connect")
{
    RunningCentral central;
    ScratchDir elsewhere;
    REQUIRE(init_authority(elsewhere.path(), now_unix()));
    httplib::SSLClient c("127.0.0.1", central.port());
    c.set_ca_cert_path((elsewhere.path() / kCaCertFile).string());
    c.enable_server_certificate_verification(true);
    CHECK_FALSE(c.Get("/v1/health"));
}

TEST_CASE("a kiosk that reconnects resumes its TLS session and is still known by its certificate")
{
    // libcurl offers the session it had whenever it reconnects; refusing that must not be how
    // the server answers a kiosk (it would fail every other connection).
    RunningCentral central(false);
    TestKiosk kiosk(central.scratch(), "kiosk-1");
    const auto dir = central.scratch().path();
    const auto cert = enrol(central, kiosk);

    // One upload of the kiosk's next record as HTTP/1.1 text, in a file for s_client's input.
    const auto request = [&](const std::string& name) {
        const std::string body = nlohmann::json{{"kiosk", kiosk.id()}, {"records", {kiosk.next()}}}.dump();
        const std::string head = "POST /v1/records HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                 "Content-Type: application/json\r\nContent-Length: " +
                                 std::to_string(body.size()) + "\r\n\r\n";
        hk::uplink::test::write_file(dir / name, head + body);
        return (dir / name).string();
    };
    const std::string s_client = "openssl s_client -connect 127.0.0.1:" + std::to_string(central.port()) +
                                 " -CAfile '" + central.ca_file() + "' -cert '" + cert.string() + "' -key '" +
                                 kiosk.identity().key_file().string() + "' -ign_eof ";
    const std::string session = (dir / "session.pem").string();
    const auto first = hk::uplink::test::run(s_client + "-sess_out '" + session + "' < '" + request("one.http") + "'");
    CHECK(first.output.find("HTTP/1.1 200") != std::string::npos);
    CHECK(first.output.find("\"accepted\"") != std::string::npos);
    const auto again = hk::uplink::test::run(s_client + "-sess_in '" + session + "' < '" + request("two.http") + "'");
    CHECK_MESSAGE(again.output.find("Reused, TLS") != std::string::npos, again.output);
    CHECK(again.output.find("HTTP/1.1 200") != std::string::npos);
    CHECK(again.output.find("\"accepted\"") != std::string::npos);
    CHECK(stored(central, kiosk.id()).size() == 2);
}
