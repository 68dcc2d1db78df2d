// The claims of a signed token: name=value pairs joined by '~', and what they mean for a booking
// pass (P), a staff badge (B) and a queue ticket (T). Pure: no keys, no clock.
#pragma once

#include "reason.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hk::codes {

enum class TokenType { pass, badge, ticket };

struct Claim {
    std::string name;  // [a-z]{1,8}
    std::string value; // [A-Za-z0-9_-]{0,64}
    bool operator==(const Claim&) const = default;
};

inline constexpr std::size_t kMaxClaimName = 8;
inline constexpr std::size_t kMaxClaimValue = 64;
inline constexpr std::size_t kMaxTimeDigits = 10;

bool valid_claim_name(std::string_view name);
bool valid_claim_value(std::string_view value);

// Unix seconds as a claim writes them: 1 to 10 decimal digits, no leading zero ("0" itself is
// fine); nothing otherwise.
std::optional<std::int64_t> read_unix_time(std::string_view text);

// The pairs in their order; nothing when the grammar does not hold (an empty text, a pair without
// '=', a bad name or value). Names are not checked against a type here.
std::optional<std::vector<Claim>> split_claims(std::string_view text);
std::string join_claims(std::span<const Claim> claims);

// A booking pass: who may enter which hall, when, and whether only once.
struct BookingPass {
    std::string pass_id;
    std::string hall;
    std::string ref;      // booking reference
    std::int64_t nbf = 0; // unix seconds; 0 when the pass has no nbf
    std::int64_t exp = 0; // unix seconds
    bool once = false;    // single-use: check-in consumes it
    std::string kid;      // the key that signed it
    bool operator==(const BookingPass&) const = default;
};

enum class StaffRole { staff, tech, admin };
std::string_view role_name(StaffRole role);

// A staff badge: for one hall or, with hall ALL, for every hall of the district.
struct StaffBadge {
    std::string staff_id;
    std::string hall;
    StaffRole role = StaffRole::staff;
    std::int64_t nbf = 0;
    std::int64_t exp = 0;
    std::string kid;
    bool operator==(const StaffBadge&) const = default;
};

// A queue ticket: drawn at a hall's queue system, it lets its holder rate the window that served
// them. Never consumed by the kiosk: the central side keeps the one rating per ticket.
struct QueueTicket {
    std::string ticket_id;
    std::string hall;
    std::string window; // an id of the windows catalogue
    std::string staff;  // the staff member at that window; empty when the ticket names none
    std::int64_t nbf = 0;
    std::int64_t exp = 0; // until when it can be rated
    std::string kid;
    bool operator==(const QueueTicket&) const = default;
};

// The claims read for their type: syntax_claims for an unknown or duplicated name, a required
// one missing or empty (pass: id hall ref exp; badge: id hall role exp; ticket: id hall win exp),
// a ticket's staff present but empty, a time that is not 1 to 10 decimal digits without leading
// zeros, once other than 0 or 1, an unknown role.
std::variant<BookingPass, StaffBadge, QueueTicket, Reason> read_claims(TokenType type, std::span<const Claim> claims,
                                                                       std::string_view kid);

} // namespace hk::codes
