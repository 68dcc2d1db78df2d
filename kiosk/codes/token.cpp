// Parsing and writing the token text. The version is read first because it decides the grammar
// of all the rest: an HK2 token is "from a newer system", not "malformed".
#include "token.hpp"

#include "base64url.hpp"

#include <algorithm>
#include <array>

namespace hk::codes {

namespace {

constexpr std::size_t kParts = 6;

bool all_digits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::string_view algorithm_name(Algorithm alg)
{
    return alg == Algorithm::es256 ? "ES256" : "EdDSA";
}

std::optional<Algorithm> algorithm_from_name(std::string_view name)
{
    if (name == "ES256")
        return Algorithm::es256;
    if (name == "EdDSA")
        return Algorithm::eddsa;
    return std::nullopt;
}

char type_letter(TokenType type)
{
    switch (type) {
    case TokenType::pass: return 'P';
    case TokenType::badge: return 'B';
    case TokenType::ticket: return 'T';
    }
    return 'P';
}

bool valid_kid(std::string_view kid)
{
    return !kid.empty() && kid.size() <= kMaxKid && std::all_of(kid.begin(), kid.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::variant<ParsedToken, Reason> parse_token(std::string_view text)
{
    if (text.size() > kMaxCodeBytes)
        return Reason::syntax_oversized;
    if (!std::all_of(text.begin(), text.end(), token_byte))
        return Reason::syntax_bytes;

    const std::size_t first_dot = text.find('.');
    const std::string_view version = text.substr(0, first_dot);
    if (version != kTokenVersion) {
        const bool versioned = version.starts_with("HK") && all_digits(version.substr(2));
        return versioned && first_dot != std::string_view::npos ? Reason::unknown_version : Reason::syntax_parts;
    }

    std::array<std::string_view, kParts> parts;
    std::size_t n = 0;
    for (std::string_view rest = text;;) {
        const std::size_t dot = rest.find('.');
        if (n == kParts)
            return Reason::syntax_parts;
        parts[n++] = rest.substr(0, dot);
        if (dot == std::string_view::npos)
            break;
        rest.remove_prefix(dot + 1);
    }
    if (n != kParts || std::any_of(parts.begin(), parts.end(), [](std::string_view p) { return p.empty(); }) ||
        !valid_kid(parts[3]))
        return Reason::syntax_parts;

    ParsedToken t;
    auto sig = base64url_decode(parts[5]);
    if (!sig)
        return Reason::syntax_base64;
    t.signature = std::move(*sig);

    if (parts[1] == "P")
        t.type = TokenType::pass;
    else if (parts[1] == "B")
        t.type = TokenType::badge;
    else if (parts[1] == "T")
        t.type = TokenType::ticket;
    else
        return Reason::unknown_type;

    auto claims = split_claims(parts[4]);
    if (!claims)
        return Reason::syntax_claims;
    t.claims = std::move(*claims);
    const auto read = read_claims(t.type, t.claims, parts[3]);
    if (const auto* r = std::get_if<Reason>(&read))
        return *r;

    const auto alg = algorithm_from_name(parts[2]);
    if (!alg)
        return Reason::wrong_algorithm;
    t.alg = *alg;
    // Checked after the algorithm: an HS256 token's 32-byte MAC is the wrong algorithm first.
    if (t.signature.size() != kSignatureBytes)
        return Reason::syntax_base64;
    t.kid = std::string(parts[3]);
    t.signed_part = std::string(text.substr(0, text.size() - parts[5].size() - 1));
    return t;
}

std::string serialise_token(const ParsedToken& token)
{
    return signed_part_of(token.type, token.alg, token.kid, join_claims(token.claims)) + "." +
           base64url_encode(token.signature);
}

std::string signed_part_of(TokenType type, Algorithm alg, std::string_view kid, std::string_view claims)
{
    std::string out(kTokenVersion);
    out += '.';
    out += type_letter(type);
    out += '.';
    out += algorithm_name(alg);
    out += '.';
    out += kid;
    out += '.';
    out += claims;
    return out;
}

} // namespace hk::codes
