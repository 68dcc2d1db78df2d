// Why a scanned code was refused: one value per check, in the order the checks run
// (docs/codes.md), and the short name the log line carries.
#pragma once

#include <string_view>

namespace hk::codes {

enum class Reason {
    not_ours,         // no prefix of ours: some other barcode
    syntax_oversized, // more than kMaxCodeBytes
    syntax_bytes,     // a control, NUL, space or non-ASCII byte
    invalid_utf8,     // not even UTF-8 (checked by the router before anything else)
    unknown_version,  // HK2., HKT2.: made by a newer system
    syntax_parts,     // missing, empty or malformed dot-separated part (a truncated code)
    syntax_base64,    // the signature is not 64 bytes of strict base64url
    unknown_type,     // a type letter other than P, B or T
    syntax_claims,    // claims grammar, an unknown, missing or duplicated claim, a bad number
    wrong_algorithm,  // not ES256 or EdDSA, or not the algorithm the key is configured for
    unknown_key,      // no trusted key of that id
    key_expired,      // the trusted key's not_after has passed
    bad_signature,    // the signature does not verify
    not_yet_valid,    // nbf later than now + leeway
    expired,          // exp earlier than now - leeway, or exp not after nbf
    wrong_hall,       // valid at another hall (or ALL on a pass or a ticket)
    already_used,     // a single-use pass the replay guard has seen
    bad_check_digit,  // a tracking number whose Damm check digit (or date) is wrong
};

inline constexpr Reason kAllReasons[] = {
    Reason::not_ours,        Reason::syntax_oversized, Reason::syntax_bytes,  Reason::invalid_utf8,
    Reason::unknown_version, Reason::syntax_parts,     Reason::syntax_base64, Reason::unknown_type,
    Reason::syntax_claims,   Reason::wrong_algorithm,  Reason::unknown_key,   Reason::key_expired,
    Reason::bad_signature,   Reason::not_yet_valid,    Reason::expired,       Reason::wrong_hall,
    Reason::already_used,    Reason::bad_check_digit,
};

// The name in log lines and docs: [a-z0-9_] only.
std::string_view reason_name(Reason r);

// The syntax family: the code is malformed, whatever keys or time the kiosk has.
bool is_syntax(Reason r);

} // namespace hk::codes
