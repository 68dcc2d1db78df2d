// Signed records: a header and a body as one JWS (RFC 7515, compact serialisation) signed by the
// kiosk's identity, and their strict verification, which the central side runs on every record.
// docs/records.md is the normative description.
#pragma once

#include "device_identity.hpp"
#include "record_header.hpp"

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <openssl/evp.h>

#include <string>
#include <string_view>

namespace hk::uplink {

inline constexpr std::string_view kRecordTyp = "hk-record+jws";
inline constexpr std::size_t kMaxRecordBytes = 256 * 1024; // the whole JWS

// The JWS of `header` and `body` (a JSON object), signed by `identity`. Fails on a header
// header_problem refuses, a body that is not an object or not UTF-8, or a record over
// kMaxRecordBytes.
[[nodiscard]] Result<std::string> make_record(const DeviceIdentity& identity, const RecordHeader& header,
                                              const nlohmann::json& body);

struct VerifiedRecord {
    RecordHeader header;
    nlohmann::json body;  // an object
    std::string kid;      // of the key that signed it
    std::string hash_hex; // lower-case hex SHA-256 of the JWS text: the next record's prev
};

// Checks `jws` against the public key of the kiosk it claims to be from: three strict base64url
// parts; a protected header of exactly alg, kid and typ, alg the key's, kid its thumbprint, typ
// kRecordTyp; the signature; then the payload, exactly the header fields and body, each of its
// type and form. Nothing of the payload is read before the signature verifies.
[[nodiscard]] Result<VerifiedRecord> verify_record(std::string_view jws, EVP_PKEY* public_key);
// The same with the key as a JWK (as the central side registers a kiosk's key).
[[nodiscard]] Result<VerifiedRecord> verify_record(std::string_view jws, const nlohmann::json& public_jwk);

// How a verified record follows the last one the central side holds from the same kiosk.
enum class ChainLink {
    linked,      // seq one more and prev its hash; or seq 1 when nothing is held yet
    duplicate,   // the same record again (same hash): delivered twice
    gap,         // seq more than one ahead (or above 1 when nothing is held): records are missing
    fork,        // seq one more naming another predecessor, or the same seq with other content
    earlier,     // a seq before the last one's: check it against the record held before it
    other_kiosk, // from another kiosk's chain
};

// `prev` is the last record held from this kiosk, nullptr when there is none yet.
ChainLink chain_check(const VerifiedRecord* prev, const VerifiedRecord& next);
std::string_view chain_link_name(ChainLink link);

} // namespace hk::uplink
