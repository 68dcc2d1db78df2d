// Names of the rejection reasons, as the log lines and docs/codes.md spell them.
#include "reason.hpp"

namespace hk::codes {

std::string_view reason_name(Reason r)
{
    switch (r) {
    case Reason::not_ours: return "not_ours";
    case Reason::syntax_oversized: return "syntax_oversized";
    case Reason::syntax_bytes: return "syntax_bytes";
    case Reason::invalid_utf8: return "invalid_utf8";
    case Reason::unknown_version: return "unknown_version";
    case Reason::syntax_parts: return "syntax_parts";
    case Reason::syntax_base64: return "syntax_base64";
    case Reason::unknown_type: return "unknown_type";
    case Reason::syntax_claims: return "syntax_claims";
    case Reason::wrong_algorithm: return "wrong_algorithm";
    case Reason::unknown_key: return "unknown_key";
    case Reason::key_expired: return "key_expired";
    case Reason::bad_signature: return "bad_signature";
    case Reason::not_yet_valid: return "not_yet_valid";
    case Reason::expired: return "expired";
    case Reason::wrong_hall: return "wrong_hall";
    case Reason::already_used: return "already_used";
    case Reason::bad_check_digit: return "bad_check_digit";
    }
    return "unknown_reason";
}

bool is_syntax(Reason r)
{
    switch (r) {
    case Reason::syntax_oversized:
    case Reason::syntax_bytes:
    case Reason::invalid_utf8:
    case Reason::syntax_parts:
    case Reason::syntax_base64:
    case Reason::syntax_claims: return true;
    default: return false;
    }
}

} // namespace hk::codes
