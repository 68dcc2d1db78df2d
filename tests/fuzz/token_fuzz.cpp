// Fuzz target for the code router (kiosk/codes/router.cpp) and the token and tracking code
// parsers behind it: never a crash; every token that parses serialises back to the same bytes,
// every tracking code too; what is accepted (a pass, a badge, a queue ticket) is what the text's
// claims say and fits this kiosk; a rejection's log line is the fixed words, the reason, the
// kind, the kid when the token's parts are good, and the length: no other byte of the input.
//
// Input: the whole input is one scanned code. The kiosk it is scanned at is fixed: hall H0101,
// now 1780000000, a replay guard that has seen pass USED1, and the trusted keys below: "fz-ec"
// (ES256) and "fz-ed" (EdDSA), and "fz-old", the Ed25519 key again, past its not_after. These are
// test keys, published here with their private halves so that new seeds can be signed with
// hk::codes::sign_token; no real system trusts them.
#include "fuzz_expect.hpp"
#include "router.hpp"
#include "token.hpp"
#include "token_verifier.hpp"

#include <openssl/pem.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

using namespace hk::codes;

using hk::fuzz::expect;

namespace {

constexpr std::string_view kHall = "H0101";
constexpr std::int64_t kNow = 1'780'000'000;

constexpr std::string_view kEs256Pem = "-----BEGIN PRIVATE KEY-----\n"
                                       "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgKr+Nzcx0L7RvFvq1\n"
                                       "C7vJrhxPzCcaa3eGOX/732I9dVWhRANCAASvQkTUV6GW8P/9Mb9gOnnqzfNJ6/W/\n"
                                       "UQYo5WuxH0HRENu8oZPvCYFRPN3k620Iqig307Wmatqi31AbSvlmqdm0\n"
                                       "-----END PRIVATE KEY-----\n";

constexpr std::string_view kEd25519Pem = "-----BEGIN PRIVATE KEY-----\n"
                                         "MC4CAQAwBQYDK2VwBCIEIGf9T+xe/wdSvdmFrfSkYd6s2Dgb0WmekCz3blXTpuFx\n"
                                         "-----END PRIVATE KEY-----\n";

PkeyPtr private_key(std::string_view pem)
{
    BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
    PkeyPtr key(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
    BIO_free(bio);
    expect(key != nullptr, "a test key does not load");
    return key;
}

class SeenOnce final : public ReplayGuard {
public:
    bool seen(std::string_view pass_id) override { return used_.contains(pass_id); }
    bool consume(std::string_view pass_id, std::int64_t) override { return used_.emplace(pass_id).second; }

private:
    std::set<std::string, std::less<>> used_{"USED1"};
};

const TrustedKeys& trusted()
{
    static const TrustedKeys keys = [] {
        TrustedKeys k;
        const PkeyPtr ec = private_key(kEs256Pem);
        const PkeyPtr ed = private_key(kEd25519Pem);
        expect(!k.add("fz-ec", Algorithm::es256, ec.get()), "fz-ec is not added");
        expect(!k.add("fz-ed", Algorithm::eddsa, ed.get()), "fz-ed is not added");
        expect(!k.add("fz-old", Algorithm::eddsa, ed.get(), kNow - 1), "fz-old is not added");
        return k;
    }();
    return keys;
}

// The dot-separated part `index` of text, if there is one.
std::optional<std::string_view> part(std::string_view text, int index)
{
    for (int i = 0; i < index; ++i) {
        const std::size_t dot = text.find('.');
        if (dot == std::string_view::npos)
            return std::nullopt;
        text.remove_prefix(dot + 1);
    }
    return text.substr(0, text.find('.'));
}

// "code rejected: reason=R kind=K[ kid=X] bytes=N", where only X comes from the input: the
// input's own fourth part, a good kid, and only for the kinds a token's type names.
void check_log_line(const Rejected& r, std::string_view input)
{
    std::string_view line = r.log_line;
    const std::string head = "code rejected: reason=" + std::string(reason_name(r.reason)) + " kind=";
    expect(line.starts_with(head), "a log line without its reason");
    line.remove_prefix(head.size());
    const std::string tail = " bytes=" + std::to_string(input.size());
    expect(line.ends_with(tail), "a log line without the input's length");
    line.remove_suffix(tail.size());

    const std::size_t space = line.find(' ');
    const std::string_view kind = line.substr(0, space);
    expect(kind == "unknown" || kind == "token" || kind == "pass" || kind == "badge" || kind == "ticket" ||
               kind == "tracking",
           "a log line of an unknown kind");
    const std::string_view letter = kind == "pass" ? "P" : kind == "badge" ? "B" : kind == "ticket" ? "T" : "";
    if (!letter.empty())
        expect(part(input, 1) == letter, "a log line's kind is not the token's type");
    if (space == std::string_view::npos)
        return;
    std::string_view kid = line.substr(space);
    expect(kid.starts_with(" kid="), "a log line with more than its fields");
    kid.remove_prefix(5);
    expect(kind != "unknown" && kind != "tracking", "a kid in the log line of what is no token");
    expect(valid_kid(kid) && part(input, 3) == kid, "a log line holds bytes that are not the token's kid");
}

// An accepted pass, badge or ticket is what its own text's claims say, under a key fit to sign it.
template <typename Code> void check_accepted(std::string_view input, TokenType type, const Code& code)
{
    const auto parsed = parse_token(input);
    expect(std::holds_alternative<ParsedToken>(parsed), "an accepted token does not parse");
    const auto& t = std::get<ParsedToken>(parsed);
    const auto read = read_claims(type, t.claims, t.kid);
    expect(t.type == type && std::holds_alternative<Code>(read) && std::get<Code>(read) == code,
           "an accepted token is not what its claims say");
    const TrustedKey* key = trusted().find(t.kid);
    expect(key && key->alg == t.alg, "a token accepted under a key of another algorithm");
    expect(!key->not_after || *key->not_after >= kNow, "a token accepted under an expired key");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    SeenOnce guard;
    const RouterContext ctx{trusted(), std::string(kHall), kNow, &guard};
    const RoutedCode routed = route(input, ctx);

    const auto parsed = parse_token(input);
    if (const auto* t = std::get_if<ParsedToken>(&parsed))
        expect(serialise_token(*t) == input, "a token that parses does not serialise to the same bytes");
    const auto tracking = parse_tracking_qr(input);
    if (const auto* c = std::get_if<TrackingCode>(&tracking))
        expect(format_tracking_qr(*c) == input, "a tracking code does not format to the same bytes");

    if (const auto* r = std::get_if<Rejected>(&routed)) {
        check_log_line(*r, input);
    } else if (const auto* p = std::get_if<BookingPass>(&routed)) {
        check_accepted(input, TokenType::pass, *p);
        expect(p->hall == kHall, "a pass accepted for another hall");
        expect(p->nbf <= kNow + kLeewaySeconds && p->exp >= kNow - kLeewaySeconds && p->exp > p->nbf,
               "a pass accepted outside its time");
        expect(!p->once || !guard.seen(p->pass_id), "a used single-use pass accepted");
    } else if (const auto* b = std::get_if<StaffBadge>(&routed)) {
        check_accepted(input, TokenType::badge, *b);
        expect(b->hall == kHall || b->hall == "ALL", "a badge accepted for another hall");
        expect(b->nbf <= kNow + kLeewaySeconds && b->exp >= kNow - kLeewaySeconds && b->exp > b->nbf,
               "a badge accepted outside its time");
    } else if (const auto* q = std::get_if<QueueTicket>(&routed)) {
        check_accepted(input, TokenType::ticket, *q);
        expect(q->hall == kHall, "a ticket accepted for another hall");
        expect(q->nbf <= kNow + kLeewaySeconds && q->exp >= kNow - kLeewaySeconds && q->exp > q->nbf,
               "a ticket accepted outside its time");
    } else {
        const auto& c = std::get<TrackingCode>(routed);
        expect(format_tracking_qr(c) == input && valid_tracking_number(c.number), "a tracking code accepted wrongly");
    }
    return 0;
}
