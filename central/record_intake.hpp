// POST /v1/records without the HTTP: the envelope read strictly, then each record verified with
// kiosk/uplink, de-duplicated by id, placed in its kiosk's chain, its body taken (request_handling)
// and stored, one transaction a batch.
#pragma once

#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"
#include "resident_key.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace hk::central {

inline constexpr std::size_t kMaxBatchRecords = 100; // docs/protocol.md, POST /v1/records

struct Envelope {
    std::string kiosk;
    std::vector<std::string> records; // JWS compact strings, in seq order
};

// The envelope in `body`, or why it is malformed (the server answers 400): one JSON object of
// exactly "kiosk" (a string) and "records" (1 to kMaxBatchRecords strings).
[[nodiscard]] Result<Envelope> parse_envelope(std::string_view body);

enum class Outcome { accepted, duplicate, rejected };
std::string_view outcome_name(Outcome outcome);

struct RecordResult {
    std::string id; // from the payload; for a record refused before its signature checked out, its
                    // claimed id if one could be read, else ""
    Outcome outcome = Outcome::rejected;
    std::string reason;             // rejected only
    ChainFlag flag = ChainFlag::ok; // accepted only: how it was stored
};

// What records are taken into and checked against: the store, the catalogue, and the secret
// residents are known by (a rating with the rater's ID card keeps its HMAC).
struct Intake {
    CentralStore& store;
    const Catalogue& catalogue;
    const ResidentKeys& residents;
};

// Takes the records of `envelope` in order, all in one immediate transaction: either every
// accepted record is stored or (an error: the database failed) none is and the kiosk sends the
// batch again. `received_at` is stored with each record (RFC 3339 UTC). Request, rating,
// check-in, questionnaire answer and audit records are checked against the catalogue and the
// store; one whose content is refused is answered rejected but held, with its reason, so that the
// kiosk's chain stays whole, and is answered so again when sent again.
[[nodiscard]] Result<std::vector<RecordResult>> take_records(const Intake& intake, const Envelope& envelope,
                                                             std::string_view received_at);

// The body of a stored record, read again for showing it to staff (its signature was checked when
// it came in, and is not again).
[[nodiscard]] Result<nlohmann::json> stored_body(const StoredRecord& record);

// {"results": [...]} as the protocol answers.
nlohmann::json results_json(const std::vector<RecordResult>& results);

} // namespace hk::central
