// Tests of the claims grammar and the pass, badge and ticket claim sets.
#include "claims.hpp"

#include "test_keys.hpp"

#include <doctest/doctest.h>

using namespace hk::codes;
using namespace hk::codes::test;

namespace {

Reason reason_of(TokenType type, std::string_view text)
{
    const auto claims = split_claims(text);
    if (!claims)
        return Reason::syntax_claims;
    const auto read = read_claims(type, *claims, "k1");
    return std::holds_alternative<Reason>(read) ? std::get<Reason>(read) : Reason::not_ours;
}

} // namespace

TEST_CASE("claims split into name=value pairs in their order and join back")
{
    const auto claims = split_claims("id=A1~hall=H2~ref=~exp=9");
    REQUIRE(claims);
    CHECK(*claims == std::vector<Claim>{{"id", "A1"}, {"hall", "H2"}, {"ref", ""}, {"exp", "9"}});
    CHECK(join_claims(*claims) == "id=A1~hall=H2~ref=~exp=9");
}

TEST_CASE("the claims grammar refuses bad names, bad values and empty pairs")
{
    CHECK_FALSE(split_claims(""));
    CHECK_FALSE(split_claims("id"));
    CHECK_FALSE(split_claims("=A1"));
    CHECK_FALSE(split_claims("Id=A1"));
    CHECK_FALSE(split_claims("toolongnm=1"));
    CHECK(split_claims("eightchr=1"));
    CHECK_FALSE(split_claims("id=A=1"));
    CHECK_FALSE(split_claims("id=A.1"));
    CHECK_FALSE(split_claims("id=A1~"));
    CHECK_FALSE(split_claims("~id=A1"));
    CHECK_FALSE(split_claims("id=A1~~hall=H"));
    CHECK(split_claims("id=" + std::string(64, 'x')));
    CHECK_FALSE(split_claims("id=" + std::string(65, 'x')));
}

TEST_CASE("a pass reads its claims, once and nbf optional")
{
    const auto read = read_claims(TokenType::pass, pass_claims(), "k1");
    REQUIRE(std::holds_alternative<BookingPass>(read));
    const auto& p = std::get<BookingPass>(read);
    CHECK(p.pass_id == "PQ7XK2");
    CHECK(p.hall == kHall);
    CHECK(p.ref == "BK20260528-0042");
    CHECK(p.nbf == kNow - 3600);
    CHECK(p.exp == kNow + 3600);
    CHECK(p.once);
    CHECK(p.kid == "k1");

    const auto plain = read_claims(TokenType::pass, *split_claims("id=A~hall=H~ref=R~exp=5"), "k1");
    REQUIRE(std::holds_alternative<BookingPass>(plain));
    CHECK(std::get<BookingPass>(plain).nbf == 0);
    CHECK_FALSE(std::get<BookingPass>(plain).once);
}

TEST_CASE("a badge reads its claims and role")
{
    const auto read = read_claims(TokenType::badge, badge_claims("ALL", "admin"), "k2");
    REQUIRE(std::holds_alternative<StaffBadge>(read));
    const auto& b = std::get<StaffBadge>(read);
    CHECK(b.staff_id == "S0042");
    CHECK(b.hall == "ALL");
    CHECK(b.role == StaffRole::admin);
    CHECK(b.exp == kNow + 86400);
    CHECK(b.kid == "k2");
}

TEST_CASE("a ticket reads its claims, staff and nbf optional")
{
    const auto read = read_claims(TokenType::ticket, ticket_claims(), "k3");
    REQUIRE(std::holds_alternative<QueueTicket>(read));
    CHECK(std::get<QueueTicket>(read) == QueueTicket{"20260528-A017", std::string(kHall), "W-0101-03", "S0042",
                                                     kNow - 3600, kNow - 3600 + 7 * 86400, "k3"});

    const auto plain = read_claims(TokenType::ticket, *split_claims("exp=5~win=W1~hall=H~id=T1"), "k3");
    REQUIRE(std::holds_alternative<QueueTicket>(plain));
    CHECK(std::get<QueueTicket>(plain) == QueueTicket{"T1", "H", "W1", "", 0, 5, "k3"});
}

TEST_CASE("a ticket without a required claim, with one twice or empty, or with another type's claim is refused")
{
    const std::vector<Claim> good = ticket_claims();
    for (std::size_t i = 0; i < good.size(); ++i) {
        CAPTURE(good[i].name);
        const bool optional = good[i].name == "staff" || good[i].name == "nbf";
        std::vector<Claim> without = good;
        without.erase(without.begin() + static_cast<std::ptrdiff_t>(i));
        // not_ours stands for "read" here.
        CHECK(reason_of(TokenType::ticket, join_claims(without)) ==
              (optional ? Reason::not_ours : Reason::syntax_claims));
        std::vector<Claim> twice = good;
        twice.push_back(good[i]);
        CHECK(reason_of(TokenType::ticket, join_claims(twice)) == Reason::syntax_claims);
        std::vector<Claim> empty = good;
        empty[i].value.clear();
        CHECK(reason_of(TokenType::ticket, join_claims(empty)) == Reason::syntax_claims);
    }
    for (const char* other : {"ref=R", "once=0", "role=staff", "seat=12", "window=W1"}) {
        CAPTURE(other);
        CHECK(reason_of(TokenType::ticket, join_claims(good) + "~" + other) == Reason::syntax_claims);
    }
    CHECK(reason_of(TokenType::ticket, "id=T~hall=H~win=W~exp=05") == Reason::syntax_claims);
    // A pass's or a badge's claims are not a ticket's, nor a ticket's theirs.
    CHECK(reason_of(TokenType::ticket, join_claims(pass_claims())) == Reason::syntax_claims);
    CHECK(reason_of(TokenType::ticket, join_claims(badge_claims())) == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, join_claims(good)) == Reason::syntax_claims);
    CHECK(reason_of(TokenType::badge, join_claims(good)) == Reason::syntax_claims);
}

TEST_CASE("unknown, duplicated, missing or empty required claims are refused")
{
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R~exp=5~seat=12") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R~exp=5~role=staff") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::badge, "id=A~hall=H~role=staff~exp=5~once=1") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=A~id=B~hall=H~ref=R~exp=5") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=~hall=H~ref=R~exp=5") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::badge, "id=A~hall=H~exp=5") == Reason::syntax_claims);
}

TEST_CASE("times are 1 to 10 digits without a leading zero, once is 0 or 1, roles are known")
{
    CHECK(read_unix_time("0") == 0);
    CHECK(read_unix_time("9999999999") == 9'999'999'999);
    CHECK_FALSE(read_unix_time("10000000000"));
    CHECK_FALSE(read_unix_time("0123"));
    CHECK_FALSE(read_unix_time("-5"));
    CHECK_FALSE(read_unix_time("1e9"));
    CHECK_FALSE(read_unix_time(""));
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R~exp=05") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R~exp=5~nbf=x") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R~exp=5~once=2") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::pass, "id=A~hall=H~ref=R~exp=5~once=") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::badge, "id=A~hall=H~role=root~exp=5") == Reason::syntax_claims);
    CHECK(reason_of(TokenType::badge, "id=A~hall=H~role=Admin~exp=5") == Reason::syntax_claims);
}
