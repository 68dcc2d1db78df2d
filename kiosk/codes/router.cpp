// The router: hostile input first meets size, control and UTF-8 checks, then the prefix decides
// which parser sees it.
#include "router.hpp"

#include "token.hpp"
#include "token_verifier.hpp"
#include "utf8.hpp"

#include <algorithm>

namespace hk::codes {

namespace {

enum class Family { unknown, token, tracking };

bool control(char c)
{
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 || b == 0x7F;
}

bool valid_utf8(std::string_view s)
{
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t at = pos;
        const char32_t cp = utf8::next(s, pos);
        // A malformed sequence is the only way a byte >= 0x80 gives one step of one byte.
        if (cp == utf8::kReplacement && pos == at + 1)
            return false;
    }
    return true;
}

// "HK" + letters + digits + "." : ours, of some version.
bool has_prefix(std::string_view data, std::string_view letters)
{
    if (!data.starts_with(letters))
        return false;
    std::size_t i = letters.size();
    const std::size_t digits_from = i;
    while (i < data.size() && data[i] >= '0' && data[i] <= '9')
        ++i;
    return i > digits_from && i < data.size() && data[i] == '.';
}

// The dot-separated part `index` of data (empty when there is none).
std::string_view part(std::string_view data, int index)
{
    for (int i = 0; i < index; ++i) {
        const std::size_t dot = data.find('.');
        if (dot == std::string_view::npos)
            return {};
        data.remove_prefix(dot + 1);
    }
    return data.substr(0, data.find('.'));
}

// Whether the token got far enough that its type letter and kid are known good.
bool parts_read(Reason r)
{
    switch (r) {
    case Reason::not_ours:
    case Reason::syntax_oversized:
    case Reason::syntax_bytes:
    case Reason::invalid_utf8:
    case Reason::unknown_version:
    case Reason::syntax_parts: return false;
    default: return true;
    }
}

Rejected reject(Reason reason, Family family, std::string_view data)
{
    std::string kind = "unknown";
    std::string kid;
    if (family == Family::tracking) {
        kind = "tracking";
    } else if (family == Family::token) {
        kind = "token";
        if (parts_read(reason)) {
            const std::string_view type = part(data, 1);
            if (type == "P")
                kind = "pass";
            else if (type == "B")
                kind = "badge";
            else if (type == "T")
                kind = "ticket";
            kid = std::string(part(data, 3));
        }
    }
    std::string line = "code rejected: reason=" + std::string(reason_name(reason)) + " kind=" + kind;
    if (!kid.empty())
        line += " kid=" + kid;
    line += " bytes=" + std::to_string(data.size());
    return Rejected{reason, std::move(line)};
}

} // namespace

RoutedCode route(std::string_view data, const RouterContext& ctx)
{
    if (data.size() > kMaxCodeBytes)
        return reject(Reason::syntax_oversized, Family::unknown, data);
    if (std::any_of(data.begin(), data.end(), control))
        return reject(Reason::syntax_bytes, Family::unknown, data);
    if (!valid_utf8(data))
        return reject(Reason::invalid_utf8, Family::unknown, data);

    if (has_prefix(data, "HKT")) {
        auto code = parse_tracking_qr(data);
        if (const auto* r = std::get_if<Reason>(&code))
            return reject(*r, Family::tracking, data);
        return std::get<TrackingCode>(std::move(code));
    }
    if (has_prefix(data, "HK")) {
        // Read for a rating, a pass used at check-in is still the pass that is rated.
        const VerifyContext verify{ctx.keys, ctx.hall, ctx.now, ctx.rating ? nullptr : ctx.replay_guard,
                                   ctx.rating ? kRatingGraceSeconds : 0};
        auto code = verify_token(data, verify);
        if (const auto* r = std::get_if<Reason>(&code))
            return reject(*r, Family::token, data);
        if (auto* pass = std::get_if<BookingPass>(&code))
            return std::move(*pass);
        if (auto* ticket = std::get_if<QueueTicket>(&code))
            return std::move(*ticket);
        return std::get<StaffBadge>(std::move(code));
    }
    return reject(Reason::not_ours, Family::unknown, data);
}

} // namespace hk::codes
