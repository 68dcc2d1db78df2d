// Signed records: made and verified for each algorithm, every part of a record tampered with,
// the wrong key, alg and kid, payloads signed but malformed, and the chain check.
#include "record.hpp"

#include "base64url.hpp"
#include "uplink_support.hpp"

#include <doctest/doctest.h>

#include <fstream>

using namespace hk::uplink;
using namespace hk::uplink::test;

namespace {

RecordHeader header(std::int64_t seq = 1, std::string prev = "")
{
    return RecordHeader{new_record_id(), "kiosk-7", seq, std::move(prev), "request", "2026-03-01T08:30:00Z"};
}

const nlohmann::json kBody{{"category", "road"}, {"text", "路灯不亮"}, {"grid", 12}};

std::string b64(std::string_view text)
{
    return hk::codes::base64url_encode(bytes_of(text));
}

// A JWS of any header and payload text, really signed by `id`: for what make_record will not make.
std::string craft(const DeviceIdentity& id, std::string_view header_json, std::string_view payload_json)
{
    std::string jws = b64(header_json) + "." + b64(payload_json);
    auto sig = id.sign(jws);
    REQUIRE(sig);
    return jws + "." + hk::codes::base64url_encode(*sig);
}

std::string header_json(const DeviceIdentity& id)
{
    return R"({"alg":")" + std::string(jws_alg(id.alg())) + R"(","kid":")" + id.kid() + R"(","typ":"hk-record+jws"})";
}

std::string payload_json(const RecordHeader& h, std::string_view body = "{}")
{
    return R"({"at":")" + h.at + R"(","body":)" + std::string(body) + R"(,"id":")" + h.id + R"(","kiosk":")" + h.kiosk +
           R"(","prev":")" + h.prev + R"(","seq":)" + std::to_string(h.seq) + R"(,"type":")" + h.type + R"("})";
}

std::vector<std::string> parts(const std::string& jws)
{
    const auto a = jws.find('.');
    const auto b = jws.find('.', a + 1);
    return {jws.substr(0, a), jws.substr(a + 1, b - a - 1), jws.substr(b + 1)};
}

} // namespace

TEST_CASE("a record of each algorithm verifies and gives back its header, body and hash")
{
    ScratchDir dir;
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        const RecordHeader h = header();
        auto jws = make_record(id, h, kBody);
        REQUIRE(jws);
        const auto p = parts(*jws);
        const std::string protected_header =
            R"({"alg":")" + std::string(jws_alg(alg)) + R"(","kid":")" + id.kid() + R"(","typ":"hk-record+jws"})";
        CHECK(p[0] == b64(protected_header));
        CHECK(hk::codes::base64url_decode(p[2])->size() == 64);

        auto v = verify_record(*jws, id.key());
        REQUIRE_MESSAGE(v, v.error().message);
        CHECK(v->header == h);
        CHECK(v->body == kBody);
        CHECK(v->kid == id.kid());
        CHECK(v->hash_hex.size() == 64);
        auto by_jwk = verify_record(*jws, id.public_jwk());
        REQUIRE(by_jwk);
        CHECK(by_jwk->hash_hex == v->hash_hex);
        std::filesystem::remove_all(dir.path() / "state");
    }
}

TEST_CASE("the payload is compact JSON with sorted keys and UTF-8 as it is")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::eddsa);
    const RecordHeader h = header();
    auto jws = make_record(id, h, kBody);
    REQUIRE(jws);
    const auto payload = hk::codes::base64url_decode(parts(*jws)[1]);
    REQUIRE(payload);
    const std::string text(payload->begin(), payload->end());
    CHECK(text == payload_json(h, R"({"category":"road","grid":12,"text":"路灯不亮"})"));
}

TEST_CASE("the hash is the SHA-256 of the JWS text, as the command line computes it")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::es256);
    auto jws = make_record(id, header(), kBody);
    REQUIRE(jws);
    write_file(dir / "jws", *jws);
    const Run r = run("openssl dgst -sha256 -r " + (dir / "jws").string());
    REQUIRE(r.status == 0);
    CHECK(r.output.substr(0, 64) == verify_record(*jws, id.key())->hash_hex);
}

TEST_CASE("make_record refuses a header or body a verifier would refuse")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::es256);
    RecordHeader h = header();
    h.type = "complaint";
    CHECK_FALSE(make_record(id, h, kBody));
    CHECK_FALSE(make_record(id, header(2, ""), kBody));
    CHECK_FALSE(make_record(id, header(), nlohmann::json::array()));
    CHECK_FALSE(make_record(id, header(), nlohmann::json{{"text", "\xff\xfe"}}));
    CHECK_FALSE(make_record(id, header(), nlohmann::json{{"text", std::string(kMaxRecordBytes, 'a')}}));
}

TEST_CASE("a changed header, payload or signature, or another kiosk's key, is refused")
{
    ScratchDir dir;
    for (KeyAlg alg : {KeyAlg::es256, KeyAlg::eddsa, KeyAlg::sm2}) {
        CAPTURE(jws_alg(alg));
        const DeviceIdentity id = identity_in(dir, alg);
        const auto jws = *make_record(id, header(), kBody);
        const auto p = parts(jws);

        const auto payload_bytes = *hk::codes::base64url_decode(p[1]);
        std::string payload(payload_bytes.begin(), payload_bytes.end());
        payload.replace(payload.find("road"), 4, "rail");
        CHECK_FALSE(verify_record(p[0] + "." + b64(payload) + "." + p[2], id.key()));

        std::string sig_bytes_changed = p[2];
        sig_bytes_changed[5] = sig_bytes_changed[5] == 'A' ? 'B' : 'A';
        CHECK_FALSE(verify_record(p[0] + "." + p[1] + "." + sig_bytes_changed, id.key()));

        const std::string spaced = header_json(id).insert(1, " ");
        auto spaced_header = verify_record(b64(spaced) + "." + p[1] + "." + p[2], id.key());
        REQUIRE_FALSE(spaced_header);
        CHECK(spaced_header.error().message.find("signature") != std::string::npos);

        ScratchDir other_dir;
        const DeviceIdentity other = identity_in(other_dir, alg);
        CHECK_FALSE(verify_record(jws, other.key()));
        CHECK_FALSE(verify_record(jws, other.public_jwk()));
        std::filesystem::remove_all(dir.path() / "state");
    }
}

TEST_CASE("alg and kid must be those of the key, typ ours, and the protected header nothing more")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::es256);
    const std::string payload = payload_json(header());
    REQUIRE(verify_record(craft(id, header_json(id), payload), id.key()));

    auto check_refused = [&](const std::string& h, std::string_view why) {
        CAPTURE(h);
        auto v = verify_record(craft(id, h, payload), id.key());
        REQUIRE_FALSE(v);
        CHECK_MESSAGE(v.error().message.find(why) != std::string::npos, v.error().message);
    };
    check_refused(R"({"alg":"EdDSA","kid":")" + id.kid() + R"(","typ":"hk-record+jws"})", "alg");
    check_refused(R"({"alg":"ES384","kid":")" + id.kid() + R"(","typ":"hk-record+jws"})", "alg");
    check_refused(R"({"alg":"none","kid":")" + id.kid() + R"(","typ":"hk-record+jws"})", "alg");
    check_refused(R"({"alg":"ES256","kid":"k1","typ":"hk-record+jws"})", "kid");
    check_refused(R"({"alg":"ES256","kid":")" + id.kid() + R"(","typ":"JWT"})", "typ");
    check_refused(R"({"alg":"ES256","kid":")" + id.kid() + R"("})", "exactly");
    check_refused(R"({"alg":"ES256","crit":["b64"],"kid":")" + id.kid() + R"(","typ":"hk-record+jws"})", "exactly");
    check_refused(R"({"alg":"ES256","alg":"ES256","kid":")" + id.kid() + R"(","typ":"hk-record+jws"})", "twice");
    check_refused(R"(["ES256"])", "object");
}

TEST_CASE("an SM2 record is refused as ES256 and the other way round, though both are r||s on a 256-bit curve")
{
    ScratchDir dir;
    const DeviceIdentity sm = identity_in(dir, KeyAlg::sm2);
    const std::string payload = payload_json(header());
    const std::string as_es256 = R"({"alg":"ES256","kid":")" + sm.kid() + R"(","typ":"hk-record+jws"})";
    CHECK_FALSE(verify_record(craft(sm, as_es256, payload), sm.key()));
    CHECK(verify_record(craft(sm, header_json(sm), payload), sm.key()));
}

TEST_CASE("a signed payload that is not exactly a record is refused")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::eddsa);
    const RecordHeader h = header(3, std::string(64, 'a'));
    REQUIRE(verify_record(craft(id, header_json(id), payload_json(h)), id.key()));

    auto refused = [&](std::string payload) {
        CAPTURE(payload);
        return !verify_record(craft(id, header_json(id), payload), id.key());
    };
    std::string p = payload_json(h);
    CHECK(refused(p.substr(0, p.size() - 1) + R"(,"extra":1})"));
    CHECK(refused(std::string(p).replace(p.find(R"("seq":3)"), 7, R"("seq":3.0)")));
    CHECK(refused(std::string(p).replace(p.find(R"("seq":3)"), 7, R"("seq":"3")")));
    CHECK(refused(std::string(p).replace(p.find(R"("seq":3)"), 7, R"("seq":0)")));
    CHECK(refused(std::string(p).replace(p.find(R"("seq":3)"), 7, R"("seq":9007199254740992)")));
    CHECK(refused(std::string(p).replace(p.find(R"("body":{})"), 9, R"("body":[])")));
    CHECK(refused(std::string(p).replace(p.find(R"("type":"request")"), 16, R"("type":"other")")));
    CHECK(refused(std::string(p).replace(p.find(R"("at":")"), 26, R"("at":"2026-02-30T08:30:00Z")")));
    CHECK(refused(std::string(p).replace(p.find(R"("prev":")"), 8 + 64, R"("prev":"")")));
    CHECK(refused(std::string(p).replace(p.find(R"("kiosk":"kiosk-7")"), 17, R"("kiosk":7)")));
    CHECK(refused(R"({"at":"x","at":"y"})"));
    CHECK(refused("[]"));
    CHECK(refused("{\"at\":\"\xff\"}"));
}

TEST_CASE("JWS text that is not three strict base64url parts is refused before anything else")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::es256);
    const auto jws = *make_record(id, header(), kBody);
    const auto p = parts(jws);
    CHECK_FALSE(verify_record(p[0] + "." + p[1], id.key()));
    CHECK_FALSE(verify_record(jws + ".", id.key()));
    CHECK_FALSE(verify_record(p[0] + "=." + p[1] + "." + p[2], id.key()));
    CHECK_FALSE(verify_record(p[0] + "." + p[1] + "." + p[2] + "==", id.key()));
    CHECK_FALSE(verify_record(p[0] + "." + p[1] + "+." + p[2], id.key()));
    CHECK_FALSE(verify_record("", id.key()));
    CHECK_FALSE(verify_record(jws, nlohmann::json{{"kty", "EC"}}));
}

TEST_CASE("the chain check tells a linked record from a duplicate, a gap, a fork and another kiosk's")
{
    ScratchDir dir;
    const DeviceIdentity id = identity_in(dir, KeyAlg::es256);
    auto rec = [&](std::int64_t seq, const std::string& prev, std::string kiosk = "kiosk-7") {
        RecordHeader h = header(seq, prev);
        h.kiosk = std::move(kiosk);
        auto v = verify_record(*make_record(id, h, kBody), id.key());
        REQUIRE(v);
        return *v;
    };
    const VerifiedRecord r1 = rec(1, "");
    const VerifiedRecord r2 = rec(2, r1.hash_hex);
    const VerifiedRecord r3 = rec(3, r2.hash_hex);
    CHECK(chain_check(nullptr, r1) == ChainLink::linked);
    CHECK(chain_check(nullptr, r2) == ChainLink::gap);
    CHECK(chain_check(&r1, r2) == ChainLink::linked);
    CHECK(chain_check(&r2, r3) == ChainLink::linked);
    CHECK(chain_check(&r2, r2) == ChainLink::duplicate);
    CHECK(chain_check(&r1, r3) == ChainLink::gap);
    CHECK(chain_check(&r3, r2) == ChainLink::earlier);

    const VerifiedRecord r2_other = rec(2, r1.hash_hex); // same place, other content
    CHECK(chain_check(&r2, r2_other) == ChainLink::fork);
    const VerifiedRecord r3_elsewhere = rec(3, r2_other.hash_hex); // follows the other branch
    CHECK(chain_check(&r2, r3_elsewhere) == ChainLink::fork);
    CHECK(chain_check(&r2, rec(3, r2.hash_hex, "kiosk-8")) == ChainLink::other_kiosk);
    CHECK(chain_link_name(ChainLink::fork) == "fork");
}

namespace {

// The line after `marker` in docs/records.md that is not a code fence, without backticks.
std::string doc_example(std::string_view marker)
{
    std::ifstream doc(std::string(HK_SOURCE_DIR) + "/docs/records.md");
    std::string line;
    bool found = false;
    while (std::getline(doc, line)) {
        if (!found) {
            found = line == "<!-- " + std::string(marker) + " -->";
            continue;
        }
        if (line.starts_with("```") && line.size() > 3 && line[3] != '`')
            continue; // the opening fence of a block
        if (line == "```")
            continue;
        std::erase(line, '`');
        return line;
    }
    return {};
}

} // namespace

TEST_CASE("the example in docs/records.md, made with the command line, verifies with its JWK and has its hash")
{
    const std::string jws = doc_example("example-record");
    const auto jwk = nlohmann::json::parse(doc_example("example-jwk"), nullptr, false);
    REQUIRE(jwk.is_object());
    auto v = verify_record(jws, jwk);
    REQUIRE_MESSAGE(v, v.error().message);
    CHECK(v->hash_hex == doc_example("example-hash"));
    CHECK(v->kid == "4s5XuJNU3RCgpsZuSh8oCSLduUWYt_oGG7F3e14UnlI");
    CHECK(v->header.kiosk == "kiosk-0412-03");
    CHECK(v->header.seq == 1);
    CHECK(v->body["text"] == "路灯不亮");
    CHECK(chain_check(nullptr, *v) == ChainLink::linked);
}
