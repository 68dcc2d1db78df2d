// Claim grammar and the pass, badge and ticket claim sets. Unknown names are refused rather than
// ignored: a token that needs new claims comes with a new version (HK2).
#include "claims.hpp"

#include <algorithm>

namespace hk::codes {

namespace {

bool value_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

} // namespace

std::optional<std::int64_t> read_unix_time(std::string_view v)
{
    if (v.empty() || v.size() > kMaxTimeDigits || (v.size() > 1 && v[0] == '0'))
        return std::nullopt;
    std::int64_t t = 0;
    for (const char c : v) {
        if (c < '0' || c > '9')
            return std::nullopt;
        t = t * 10 + (c - '0');
    }
    return t;
}

namespace {

std::optional<StaffRole> read_role(std::string_view v)
{
    for (const StaffRole r : {StaffRole::staff, StaffRole::tech, StaffRole::admin})
        if (v == role_name(r))
            return r;
    return std::nullopt;
}

// One claim set's names, each with whether it must be there.
struct Known {
    std::string_view name;
    bool required;
};
constexpr Known kPassClaims[] = {{"id", true},   {"hall", true}, {"ref", true},
                                 {"nbf", false}, {"exp", true},  {"once", false}};
constexpr Known kBadgeClaims[] = {{"id", true}, {"hall", true}, {"role", true}, {"nbf", false}, {"exp", true}};
constexpr Known kTicketClaims[] = {{"id", true},     {"hall", true}, {"win", true},
                                   {"staff", false}, {"nbf", false}, {"exp", true}};

// Whether the names are exactly a set the type allows: known, once each, the required ones
// present and not empty.
bool names_fit(std::span<const Known> known, std::span<const Claim> claims)
{
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const bool is_known =
            std::any_of(known.begin(), known.end(), [&](const Known& k) { return k.name == claims[i].name; });
        if (!is_known)
            return false;
        for (std::size_t j = 0; j < i; ++j)
            if (claims[j].name == claims[i].name)
                return false;
    }
    for (const Known& k : known) {
        if (!k.required)
            continue;
        const auto it = std::find_if(claims.begin(), claims.end(), [&](const Claim& c) { return c.name == k.name; });
        if (it == claims.end() || it->value.empty())
            return false;
    }
    return true;
}

const std::string* find(std::span<const Claim> claims, std::string_view name)
{
    const auto it = std::find_if(claims.begin(), claims.end(), [&](const Claim& c) { return c.name == name; });
    return it == claims.end() ? nullptr : &it->value;
}

// nbf (optional) and exp (required) as numbers; false when either is malformed.
bool read_times(std::span<const Claim> claims, std::int64_t& nbf, std::int64_t& exp)
{
    const auto e = read_unix_time(*find(claims, "exp"));
    if (!e)
        return false;
    exp = *e;
    if (const std::string* n = find(claims, "nbf")) {
        const auto v = read_unix_time(*n);
        if (!v)
            return false;
        nbf = *v;
    }
    return true;
}

} // namespace

bool valid_claim_name(std::string_view name)
{
    return !name.empty() && name.size() <= kMaxClaimName &&
           std::all_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool valid_claim_value(std::string_view value)
{
    return value.size() <= kMaxClaimValue && std::all_of(value.begin(), value.end(), value_char);
}

std::optional<std::vector<Claim>> split_claims(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    std::vector<Claim> claims;
    while (true) {
        const std::size_t end = std::min(text.find('~'), text.size());
        const std::string_view pair = text.substr(0, end);
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos)
            return std::nullopt;
        const std::string_view name = pair.substr(0, eq);
        const std::string_view value = pair.substr(eq + 1);
        if (!valid_claim_name(name) || !valid_claim_value(value))
            return std::nullopt;
        claims.push_back(Claim{std::string(name), std::string(value)});
        if (end == text.size())
            return claims;
        text.remove_prefix(end + 1);
    }
}

std::string join_claims(std::span<const Claim> claims)
{
    std::string out;
    for (const Claim& c : claims) {
        if (!out.empty())
            out += '~';
        out += c.name;
        out += '=';
        out += c.value;
    }
    return out;
}

std::string_view role_name(StaffRole role)
{
    switch (role) {
    case StaffRole::staff: return "staff";
    case StaffRole::tech: return "tech";
    case StaffRole::admin: return "admin";
    }
    return "staff";
}

std::variant<BookingPass, StaffBadge, QueueTicket, Reason> read_claims(TokenType type, std::span<const Claim> claims,
                                                                       std::string_view kid)
{
    if (type == TokenType::pass) {
        if (!names_fit(kPassClaims, claims))
            return Reason::syntax_claims;
        BookingPass p;
        if (!read_times(claims, p.nbf, p.exp))
            return Reason::syntax_claims;
        if (const std::string* once = find(claims, "once")) {
            if (*once != "0" && *once != "1")
                return Reason::syntax_claims;
            p.once = *once == "1";
        }
        p.pass_id = *find(claims, "id");
        p.hall = *find(claims, "hall");
        p.ref = *find(claims, "ref");
        p.kid = std::string(kid);
        return p;
    }
    if (type == TokenType::ticket) {
        if (!names_fit(kTicketClaims, claims))
            return Reason::syntax_claims;
        QueueTicket t;
        if (!read_times(claims, t.nbf, t.exp))
            return Reason::syntax_claims;
        // An empty staff would be a second way of naming no one.
        if (const std::string* staff = find(claims, "staff")) {
            if (staff->empty())
                return Reason::syntax_claims;
            t.staff = *staff;
        }
        t.ticket_id = *find(claims, "id");
        t.hall = *find(claims, "hall");
        t.window = *find(claims, "win");
        t.kid = std::string(kid);
        return t;
    }
    if (!names_fit(kBadgeClaims, claims))
        return Reason::syntax_claims;
    StaffBadge b;
    const auto role = read_role(*find(claims, "role"));
    if (!role || !read_times(claims, b.nbf, b.exp))
        return Reason::syntax_claims;
    b.role = *role;
    b.staff_id = *find(claims, "id");
    b.hall = *find(claims, "hall");
    b.kid = std::string(kid);
    return b;
}

} // namespace hk::codes
