// Tests of the router: each kind of code to its parser, hostile input refused first, and log
// lines that never carry what was scanned.
#include "router.hpp"

#include "file_replay_guard.hpp"
#include "test_keys.hpp"
#include "token_signer.hpp"
#include "token_verifier.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace hk::codes;
using namespace hk::codes::test;

namespace {

// A value no log line may ever hold.
constexpr std::string_view kSecret = "Zq9xQv7Jm";

struct Fixture {
    PkeyPtr ec = es256_key();
    PkeyPtr ed = ed25519_key();
    TrustedKeys keys;
    MemoryReplayGuard guard;
    RouterContext ctx{keys, std::string(kHall), kNow, &guard};

    Fixture()
    {
        REQUIRE_FALSE(keys.add("k1", Algorithm::es256, ec.get()));
        REQUIRE_FALSE(keys.add("ed1", Algorithm::eddsa, ed.get()));
        REQUIRE_FALSE(keys.add("gone", Algorithm::eddsa, ed.get(), kNow - 10));
    }
};

Rejected rejected(const RoutedCode& routed)
{
    REQUIRE(std::holds_alternative<Rejected>(routed));
    return std::get<Rejected>(routed);
}

std::vector<Claim> secret_pass(std::string hall = std::string(kHall))
{
    auto claims = pass_claims(std::string(kSecret), std::move(hall));
    claims[2].value = std::string(kSecret) + "R";
    return claims;
}

} // namespace

TEST_CASE("a pass, a badge, a ticket and a tracking code each come out as their own kind")
{
    Fixture f;
    const auto pass = route(sign_token(TokenType::pass, pass_claims(), "k1", f.ec.get()), f.ctx);
    REQUIRE(std::holds_alternative<BookingPass>(pass));
    CHECK(std::get<BookingPass>(pass).pass_id == "PQ7XK2");
    const auto badge = route(sign_token(TokenType::badge, badge_claims(), "ed1", f.ed.get()), f.ctx);
    REQUIRE(std::holds_alternative<StaffBadge>(badge));
    CHECK(std::get<StaffBadge>(badge).role == StaffRole::tech);
    const auto ticket = route(sign_token(TokenType::ticket, ticket_claims(), "ed1", f.ed.get()), f.ctx);
    REQUIRE(std::holds_alternative<QueueTicket>(ticket));
    CHECK(std::get<QueueTicket>(ticket).window == "W-0101-03");
    CHECK(std::get<QueueTicket>(ticket).staff == "S0042");
    const std::string number = *make_tracking_number({2026, 5, 28}, 42);
    const auto tracking = route("HKT1." + number + ".483920", f.ctx);
    REQUIRE(std::holds_alternative<TrackingCode>(tracking));
    CHECK(std::get<TrackingCode>(tracking).number == number);
}

TEST_CASE("anything without a prefix of ours is not ours")
{
    Fixture f;
    for (const std::string_view data :
         {"", "https://example.org/x", "6901234567892", "HK", "HK.", "HKT.1", "hk1.P.ES256", "HKX1.a", "二维码"})
        CHECK(rejected(route(data, f.ctx)).reason == Reason::not_ours);
}

TEST_CASE("oversized, control characters and invalid UTF-8 are refused before the prefix is read")
{
    Fixture f;
    CHECK(rejected(route(std::string(1025, 'x'), f.ctx)).reason == Reason::syntax_oversized);
    CHECK(rejected(route("HK1" + std::string(1022, 'x'), f.ctx)).reason == Reason::syntax_oversized);
    CHECK(rejected(route(std::string("HK1.P\0.x", 8), f.ctx)).reason == Reason::syntax_bytes);
    CHECK(rejected(route("HK1.P.ES256\r\n", f.ctx)).reason == Reason::syntax_bytes);
    CHECK(rejected(route("plain\x1b[31m", f.ctx)).reason == Reason::syntax_bytes);
    CHECK(rejected(route("abc\xff", f.ctx)).reason == Reason::invalid_utf8);
    CHECK(rejected(route("HK1.\xc0\xaf", f.ctx)).reason == Reason::invalid_utf8);  // overlong '/'
    CHECK(rejected(route("x\xed\xa0\x80", f.ctx)).reason == Reason::invalid_utf8); // a surrogate
    CHECK(rejected(route("\xe4\xb8", f.ctx)).reason == Reason::invalid_utf8);      // cut short
    // Valid UTF-8 but not ASCII inside a token is the token's syntax fault.
    CHECK(rejected(route("HK1.P.二.k1.a=b.AA", f.ctx)).reason == Reason::syntax_bytes);
}

TEST_CASE("a newer version of our codes is unknown_version, for tokens and tracking codes")
{
    Fixture f;
    CHECK(rejected(route("HK2.P.ES256.k1.id=A.AA", f.ctx)).reason == Reason::unknown_version);
    CHECK(rejected(route("HKT2.26052800000421.483920", f.ctx)).reason == Reason::unknown_version);
}

TEST_CASE("a single-use pass consumed at check-in is refused when scanned again, after a restart too")
{
    Fixture f;
    char pattern[] = "/tmp/hk-router-XXXXXX";
    REQUIRE(::mkdtemp(pattern));
    const std::filesystem::path dir = pattern;
    const std::string token = sign_token(TokenType::pass, pass_claims(), "k1", f.ec.get());
    {
        auto guard = FileReplayGuard::open(dir, kNow);
        REQUIRE(guard);
        RouterContext ctx{f.keys, std::string(kHall), kNow, guard->get()};
        const auto first = route(token, ctx);
        REQUIRE(std::holds_alternative<BookingPass>(first));
        CHECK((*guard)->consume(std::get<BookingPass>(first).pass_id, std::get<BookingPass>(first).exp));
    }
    auto guard = FileReplayGuard::open(dir, kNow + 60);
    REQUIRE(guard);
    RouterContext ctx{f.keys, std::string(kHall), kNow + 60, guard->get()};
    CHECK(rejected(route(token, ctx)).reason == Reason::already_used);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a rejection's log line holds the reason, kind, kid and length, for every reason")
{
    Fixture f;
    const std::string s(kSecret);
    const std::string claims = join_claims(secret_pass());
    auto expired = secret_pass();
    expired[4].value = std::to_string(kNow - 86400);
    auto future = secret_pass();
    future[3].value = std::to_string(kNow + 86400);
    future[4].value = std::to_string(kNow + 90000);
    const std::string used = sign_token(TokenType::pass, secret_pass(), "k1", f.ec.get());
    f.guard.consume(s, kNow);
    const PkeyPtr forger = es256_key();
    const std::string number = *make_tracking_number({2026, 5, 28}, 42);
    std::string bad_number = number;
    bad_number.back() = bad_number.back() == '9' ? '0' : static_cast<char>(bad_number.back() + 1);

    const std::vector<std::pair<Reason, std::string>> cases = {
        {Reason::not_ours, "https://x.example/" + s},
        {Reason::syntax_oversized, "HK1.P.ES256.k1.id=" + s + std::string(1100, 'x')},
        {Reason::syntax_bytes, "HK1.P.ES256.k1.id=" + s + "\n"},
        {Reason::invalid_utf8, "HK1.P.ES256.k1.id=" + s + "\xff"},
        {Reason::unknown_version, "HK7." + s},
        {Reason::syntax_parts, "HK1.P.ES256.k1." + claims},
        {Reason::syntax_base64, "HK1.P.ES256.k1." + claims + "." + s + "="},
        {Reason::unknown_type, "HK1.Q.ES256.k1." + claims + ".AA"},
        {Reason::syntax_claims, "HK1.P.ES256.k1.id=" + s + "~" + s + "=1.AA"},
        {Reason::wrong_algorithm, "HK1.P.HS256.k1." + claims + ".AA"},
        {Reason::unknown_key, sign_token(TokenType::pass, secret_pass(), "nokey", f.ec.get())},
        {Reason::key_expired, sign_token(TokenType::pass, secret_pass(), "gone", f.ed.get())},
        {Reason::bad_signature, sign_token(TokenType::pass, secret_pass(), "k1", forger.get())},
        {Reason::not_yet_valid, sign_token(TokenType::pass, future, "k1", f.ec.get())},
        {Reason::expired, sign_token(TokenType::pass, expired, "k1", f.ec.get())},
        {Reason::wrong_hall, sign_token(TokenType::pass, secret_pass("H" + s), "k1", f.ec.get())},
        {Reason::already_used, used},
        {Reason::bad_check_digit, "HKT1." + bad_number + ".483920"},
    };
    REQUIRE(cases.size() == std::size(kAllReasons));
    for (const auto& [reason, data] : cases) {
        CAPTURE(reason_name(reason));
        const Rejected r = rejected(route(data, f.ctx));
        CHECK(r.reason == reason);
        CHECK(r.log_line.find(s) == std::string::npos);
        CHECK(r.log_line.find("BK2026") == std::string::npos);
        CHECK(r.log_line.find('\n') == std::string::npos);
        CHECK(r.log_line.starts_with("code rejected: reason=" + std::string(reason_name(reason)) + " kind="));
        CHECK(r.log_line.ends_with(" bytes=" + std::to_string(data.size())));
    }
}

TEST_CASE("a refused ticket's log line is of kind ticket and holds none of its claim values")
{
    Fixture f;
    const std::string s(kSecret);
    const auto secret_ticket = [&](std::string hall = std::string(kHall)) {
        auto claims = ticket_claims(std::move(hall));
        claims[0].value = s + "T";
        claims[2].value = s + "W";
        claims[3].value = s + "S";
        return claims;
    };
    auto expired = secret_ticket();
    expired[4].value = std::to_string(kNow - 9 * 86400);
    expired[5].value = std::to_string(kNow - 8 * 86400);
    auto future = secret_ticket();
    future[4].value = std::to_string(kNow + 86400);
    future[5].value = std::to_string(kNow + 8 * 86400);
    const PkeyPtr forger = ed25519_key();
    const std::vector<std::pair<Reason, std::string>> cases = {
        {Reason::syntax_claims, "HK1.T.EdDSA.ed1." + join_claims(secret_pass()) + ".AA"},
        {Reason::bad_signature, sign_token(TokenType::ticket, secret_ticket(), "ed1", forger.get())},
        {Reason::not_yet_valid, sign_token(TokenType::ticket, future, "ed1", f.ed.get())},
        {Reason::expired, sign_token(TokenType::ticket, expired, "ed1", f.ed.get())},
        {Reason::wrong_hall, sign_token(TokenType::ticket, secret_ticket("H" + s), "ed1", f.ed.get())},
        {Reason::wrong_hall, sign_token(TokenType::ticket, secret_ticket("ALL"), "ed1", f.ed.get())},
    };
    for (const auto& [reason, data] : cases) {
        CAPTURE(reason_name(reason));
        const Rejected r = rejected(route(data, f.ctx));
        CHECK(r.reason == reason);
        CHECK(r.log_line == "code rejected: reason=" + std::string(reason_name(reason)) +
                                " kind=ticket kid=ed1 bytes=" + std::to_string(data.size()));
    }
}

TEST_CASE("read for a rating, a used single-use pass is taken, and a pass until 30 days after its exp")
{
    Fixture f;
    const std::string token = sign_token(TokenType::pass, pass_claims(), "k1", f.ec.get());
    REQUIRE(f.guard.consume("PQ7XK2", kNow + 3600)); // checked in
    CHECK(rejected(route(token, f.ctx)).reason == Reason::already_used);
    RouterContext rating = f.ctx;
    rating.rating = true;
    REQUIRE(std::holds_alternative<BookingPass>(route(token, rating)));
    CHECK(std::get<BookingPass>(route(token, rating)).pass_id == "PQ7XK2");

    CHECK(kRatingGraceSeconds == 2'592'000);
    const std::int64_t exp = kNow + 3600;
    constexpr std::int64_t kDay = 86400;
    rating.now = exp + 29 * kDay;
    CHECK(std::holds_alternative<BookingPass>(route(token, rating)));
    rating.now = exp + kRatingGraceSeconds + kLeewaySeconds;
    CHECK(std::holds_alternative<BookingPass>(route(token, rating)));
    rating.now = exp + kRatingGraceSeconds + kLeewaySeconds + 1;
    CHECK(rejected(route(token, rating)).reason == Reason::expired);
    rating.now = exp + 31 * kDay;
    CHECK(rejected(route(token, rating)).reason == Reason::expired);
    // Without rating, the day after its exp, the pass is expired (its being used is not looked at:
    // time comes first).
    RouterContext plain = f.ctx;
    plain.now = exp + kDay;
    CHECK(rejected(route(token, plain)).reason == Reason::expired);
    // Its nbf holds for a rating too: a booking is not rated before it starts.
    rating.now = kNow - 3600 - kLeewaySeconds - 1;
    CHECK(rejected(route(token, rating)).reason == Reason::not_yet_valid);
    // Nor does a rating make another hall's pass good.
    rating.now = kNow;
    rating.hall = "H0102";
    CHECK(rejected(route(token, rating)).reason == Reason::wrong_hall);
}

TEST_CASE("read for a rating, a ticket is given no grace and a badge is read as ever")
{
    Fixture f;
    RouterContext rating = f.ctx;
    rating.rating = true;
    const std::string ticket = sign_token(TokenType::ticket, ticket_claims(), "ed1", f.ed.get());
    const std::int64_t exp = kNow - 3600 + 7 * 86400;
    rating.now = exp + kLeewaySeconds;
    CHECK(std::holds_alternative<QueueTicket>(route(ticket, rating)));
    rating.now = exp + kLeewaySeconds + 1;
    CHECK(rejected(route(ticket, rating)).reason == Reason::expired);
    rating.now = exp + 86400;
    CHECK(rejected(route(ticket, rating)).reason == Reason::expired);
    const std::string badge = sign_token(TokenType::badge, badge_claims(), "ed1", f.ed.get());
    rating.now = kNow + 86400 + kLeewaySeconds + 1;
    CHECK(rejected(route(badge, rating)).reason == Reason::expired);
}

TEST_CASE("the log line names the kind and kid once the token's parts are good, and not before")
{
    Fixture f;
    const auto bad_sig = rejected(route(sign_token(TokenType::badge, badge_claims(), "ed1", es256_key().get()), f.ctx));
    CHECK(bad_sig.log_line.starts_with("code rejected: reason=wrong_algorithm kind=badge kid=ed1 bytes="));
    const auto parts = rejected(route("HK1.P.ES256.k1.id=A", f.ctx));
    CHECK(parts.log_line == "code rejected: reason=syntax_parts kind=token bytes=19");
    const auto other = rejected(route("6901234567892", f.ctx));
    CHECK(other.log_line == "code rejected: reason=not_ours kind=unknown bytes=13");
    const auto tracking = rejected(route("HKT1.123", f.ctx));
    CHECK(tracking.log_line == "code rejected: reason=syntax_parts kind=tracking bytes=8");
}

TEST_CASE("the examples in docs/codes.md are accepted with the public keys printed there")
{
    std::ifstream in(std::string(HK_SOURCE_DIR) + "/docs/codes.md");
    REQUIRE(in);
    const std::string doc{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    TrustedKeys keys;
    for (const auto& [kid, alg] : {std::pair{"fz-ec", Algorithm::es256}, std::pair{"fz-ed", Algorithm::eddsa}}) {
        const std::size_t at = doc.find(std::string(kid) + " (" + std::string(algorithm_name(alg)) + ")\n");
        REQUIRE(at != std::string::npos);
        const std::string_view end_marker = "-----END PUBLIC KEY-----\n";
        const std::size_t end = doc.find(end_marker, at);
        REQUIRE(end != std::string::npos);
        const std::size_t begin = doc.find("-----BEGIN", at);
        REQUIRE_FALSE(keys.add_pem(kid, alg, std::string_view(doc).substr(begin, end + end_marker.size() - begin)));
    }
    const RouterContext ctx{keys, "H0101", 1'780'000'000, nullptr};
    int examples = 0;
    int tickets = 0;
    const std::size_t examples_at = doc.find("### Examples");
    REQUIRE(examples_at != std::string::npos);
    for (std::size_t at = doc.find("\nHK1.", examples_at); at != std::string::npos; at = doc.find("\nHK1.", at + 1)) {
        const std::string line = doc.substr(at + 1, doc.find('\n', at + 1) - at - 1);
        CAPTURE(line);
        const RoutedCode routed = route(line, ctx);
        CHECK_FALSE(std::holds_alternative<Rejected>(routed));
        tickets += std::holds_alternative<QueueTicket>(routed) ? 1 : 0;
        ++examples;
    }
    CHECK(examples == 4);
    CHECK(tickets == 1);
}
