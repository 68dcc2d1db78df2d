// What every record carries besides its body: its idempotency key, where it stands in this
// kiosk's chain, its kind and time. docs/records.md is the normative description.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hk::uplink {

inline constexpr std::int64_t kMaxSeq = 9007199254740991; // 2^53 - 1: exact in every JSON reader

struct RecordHeader {
    std::string id;       // UUID version 4, lower case: the idempotency key (new_record_id)
    std::string kiosk;    // the kiosk's id, as enrolled
    std::int64_t seq = 0; // 1, 2, 3 ... per kiosk, no gaps
    std::string prev;     // lower-case hex SHA-256 of the previous record's JWS; "" for seq 1
    std::string type;     // request | request_feedback | booking | checkin | rating | questionnaire_answer | audit
    std::string at;       // RFC 3339 UTC, when the kiosk made it

    bool operator==(const RecordHeader&) const = default;
};

// A fresh UUID version 4 (RFC 9562 section 5.4) from OpenSSL's random generator.
std::string new_record_id();

// Why `header` is not one a record may carry, or nothing when it is: id a lower-case UUID v4,
// kiosk 1 to 64 bytes of A-Z a-z 0-9 - _ ., seq 1 to kMaxSeq, prev "" exactly for seq 1 and
// otherwise 64 lower-case hex digits, type one of the six, at valid_rfc3339_utc.
std::optional<std::string> header_problem(const RecordHeader& header);

} // namespace hk::uplink
