// Records in: envelope, verification, idempotency, chain flags, storage.
#include "record_intake.hpp"

#include "audit_records.hpp"
#include "base64url.hpp"
#include "checkin_records.hpp"
#include "jwk.hpp"
#include "questionnaire_answers.hpp"
#include "rating_intake.hpp"
#include "record.hpp"
#include "request_handling.hpp"
#include "strict_json.hpp"

#include <optional>

namespace hk::central {
namespace {

// The payload of `jws` read without its signature checked, or nothing when it cannot be read.
std::optional<nlohmann::json> unchecked_payload(std::string_view jws)
{
    const auto first = jws.find('.');
    const auto second = first == std::string_view::npos ? first : jws.find('.', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    const auto bytes = codes::base64url_decode(jws.substr(first + 1, second - first - 1));
    if (!bytes)
        return std::nullopt;
    auto payload =
        uplink::parse_strict_object(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
    if (!payload)
        return std::nullopt;
    return std::move(*payload);
}

// The id a record claims, read without trusting it: only to label a refusal in the results.
std::string claimed_id(std::string_view jws)
{
    const auto payload = unchecked_payload(jws);
    if (!payload || !payload->contains("id") || !(*payload)["id"].is_string())
        return {};
    std::string id = (*payload)["id"].get<std::string>();
    return id.size() <= 64 ? id : std::string{};
}

// The kid a record's header names, read without trusting it: only to choose which of its kiosk's
// registered keys verify_record checks it with (and against whose thumbprint).
std::string claimed_kid(std::string_view jws)
{
    const auto dot = jws.find('.');
    const auto bytes = dot == std::string_view::npos ? std::nullopt : codes::base64url_decode(jws.substr(0, dot));
    if (!bytes)
        return {};
    auto header =
        uplink::parse_strict_object(std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()));
    if (!header || !header->contains("kid") || !(*header)["kid"].is_string())
        return {};
    return (*header)["kid"].get<std::string>();
}

// The registered key a record is checked with: the kiosk's current key, or the earlier key its
// header names, which verifies only records below `below_seq` once one is set.
struct SigningKey {
    EVP_PKEY* key = nullptr;
    uplink::PkeyPtr earlier; // owns `key` when it is an earlier key
    std::optional<std::int64_t> below_seq;
};

Result<SigningKey> signing_key(CentralStore& store, const KioskKey& kiosk, EVP_PKEY* current, std::string_view jws)
{
    SigningKey chosen{current, nullptr, std::nullopt};
    const std::string kid = claimed_kid(jws);
    if (kid.empty() || kid == kiosk.kid)
        return chosen;
    auto earlier = store.earlier_keys(kiosk.id);
    if (!earlier)
        return std::unexpected(earlier.error());
    for (const EarlierKey& k : *earlier) {
        if (k.kid != kid)
            continue;
        auto key = uplink::jwk_to_pkey(k.jwk);
        if (!key)
            return fail("an earlier key of kiosk " + kiosk.id + " is unusable: " + key.error().message);
        chosen.earlier = std::move(*key);
        chosen.key = chosen.earlier.get();
        chosen.below_seq = k.below_seq;
        break;
    }
    // A kid that is none of the kiosk's keys: the current key refuses the record, saying so.
    return chosen;
}

uplink::VerifiedRecord as_verified(const StoredRecord& r)
{
    uplink::VerifiedRecord v;
    v.header = uplink::RecordHeader{r.id, r.kiosk, r.seq, r.prev, r.type, r.at};
    v.hash_hex = r.hash;
    return v;
}

// Where `next` stands in its kiosk's chain as stored so far. Compared with the last record
// (highest seq) first; one that comes after a later one (a gap being filled) is compared with
// the record held just before its place instead.
Result<ChainFlag> place_in_chain(CentralStore& store, const uplink::VerifiedRecord& next)
{
    auto last = store.last_record(next.header.kiosk);
    if (!last)
        return std::unexpected(last.error());
    std::optional<uplink::VerifiedRecord> held;
    if (*last)
        held = as_verified(**last);
    uplink::ChainLink link = uplink::chain_check(held ? &*held : nullptr, next);
    if (link == uplink::ChainLink::earlier) {
        auto same = store.record_at(next.header.kiosk, next.header.seq);
        if (!same)
            return std::unexpected(same.error());
        if (*same)
            return ChainFlag::fork; // another record already holds this place
        std::optional<uplink::VerifiedRecord> before;
        if (next.header.seq > 1) {
            auto at = store.record_at(next.header.kiosk, next.header.seq - 1);
            if (!at)
                return std::unexpected(at.error());
            if (!*at)
                return ChainFlag::gap;
            before = as_verified(**at);
        }
        link = uplink::chain_check(before ? &*before : nullptr, next);
    }
    switch (link) {
    case uplink::ChainLink::linked: return ChainFlag::ok;
    case uplink::ChainLink::gap: return ChainFlag::gap;
    default: return ChainFlag::fork; // duplicate and other kiosk are refused before this point
    }
}

// What the verified `record` says (a request opened, confirmed, rated, an answer given, a staff
// action ...), inside the caller's transaction: the reason its content is refused, or "". Records
// of other types are taken as they are.
Result<std::string> apply_record(const Intake& intake, const uplink::VerifiedRecord& record)
{
    const std::string& type = record.header.type;
    if (type == "request")
        return open_request(intake.store, intake.catalogue, record);
    if (type == "request_feedback")
        return take_feedback(intake.store, record);
    if (type == "rating")
        return take_rating(intake.store, intake.catalogue, intake.residents, record);
    if (type == "checkin")
        return take_checkin(intake.store, record);
    if (type == "questionnaire_answer")
        return take_answer(intake.store, record);
    if (type == "audit")
        return take_audit(intake.store, record);
    return std::string{};
}

Result<RecordResult> take_one(const Intake& intake, const KioskKey& kiosk_key, EVP_PKEY* current_key,
                              const std::string& jws, std::string_view received_at)
{
    const std::string& kiosk = kiosk_key.id;
    RecordResult result;
    auto key = signing_key(intake.store, kiosk_key, current_key, jws);
    if (!key)
        return std::unexpected(key.error());
    auto verified = uplink::verify_record(jws, key->key);
    if (!verified) {
        result.id = claimed_id(jws);
        result.reason = verified.error().message;
        return result;
    }
    result.id = verified->header.id;
    if (verified->header.kiosk != kiosk) {
        result.reason = "a record of kiosk " + verified->header.kiosk + " uploaded by kiosk " + std::string(kiosk);
        return result;
    }
    CentralStore& store = intake.store;
    auto earlier = store.record_by_id(verified->header.id);
    if (!earlier)
        return std::unexpected(earlier.error());
    if (*earlier) {
        if ((*earlier)->jws != jws)
            result.reason = "id reused with other content";
        else if (!(*earlier)->refusal.empty())
            result.reason = (*earlier)->refusal; // refused the first time: the same answer again
        else
            result.outcome = Outcome::duplicate;
        return result;
    }
    if (key->below_seq && verified->header.seq >= *key->below_seq) {
        result.reason = "signed with an earlier key of kiosk " + std::string(kiosk) +
                        ", which verifies only records before seq " + std::to_string(*key->below_seq) +
                        ", the first held signed with a later key";
        return result;
    }
    auto flag = place_in_chain(store, *verified);
    if (!flag)
        return std::unexpected(flag.error());
    auto refusal = apply_record(intake, *verified);
    if (!refusal)
        return std::unexpected(refusal.error());
    const auto& h = verified->header;
    StoredRecord stored{
        h.id, h.kiosk, h.seq, h.prev, h.type, h.at, jws, verified->hash_hex, *flag, std::string(received_at), *refusal};
    if (auto r = store.insert_record(stored); !r)
        return std::unexpected(r.error());
    if (auto r = store.note_signed(kiosk, verified->kid, h.seq); !r)
        return std::unexpected(r.error());
    if (!refusal->empty()) {
        result.reason = *refusal;
        return result;
    }
    result.outcome = Outcome::accepted;
    result.flag = *flag;
    return result;
}

} // namespace

Result<Envelope> parse_envelope(std::string_view body)
{
    auto doc = uplink::parse_strict_object(body);
    if (!doc)
        return fail("the body is not one JSON object: " + doc.error().message);
    if (doc->size() != 2 || !doc->contains("kiosk") || !doc->contains("records"))
        return fail("the body must have exactly \"kiosk\" and \"records\"");
    const auto& kiosk = (*doc)["kiosk"];
    const auto& records = (*doc)["records"];
    if (!kiosk.is_string() || kiosk.get_ref<const std::string&>().empty())
        return fail("\"kiosk\" must be a non-empty string");
    if (!records.is_array() || records.empty() || records.size() > kMaxBatchRecords)
        return fail("\"records\" must be an array of 1 to " + std::to_string(kMaxBatchRecords) + " records");
    Envelope envelope{kiosk.get<std::string>(), {}};
    envelope.records.reserve(records.size());
    for (const auto& r : records) {
        if (!r.is_string())
            return fail("each record must be a string (a JWS)");
        envelope.records.push_back(r.get<std::string>());
    }
    return envelope;
}

std::string_view outcome_name(Outcome outcome)
{
    switch (outcome) {
    case Outcome::accepted: return "accepted";
    case Outcome::duplicate: return "duplicate";
    case Outcome::rejected: return "rejected";
    }
    return "?";
}

Result<std::vector<RecordResult>> take_records(const Intake& intake, const Envelope& envelope,
                                               std::string_view received_at)
{
    CentralStore& store = intake.store;
    auto key = store.kiosk(envelope.kiosk);
    if (!key)
        return std::unexpected(key.error());
    std::vector<RecordResult> results;
    results.reserve(envelope.records.size());
    if (!*key) {
        for (const auto& jws : envelope.records)
            results.push_back(RecordResult{claimed_id(jws), Outcome::rejected, "unknown kiosk " + envelope.kiosk});
        return results;
    }
    auto public_key = uplink::jwk_to_pkey((*key)->jwk);
    if (!public_key)
        return fail("the registered key of kiosk " + envelope.kiosk + " is unusable: " + public_key.error().message);

    auto tx = store::Transaction::begin(store.database());
    if (!tx)
        return fail("database: " + tx.error().message);
    for (const auto& jws : envelope.records) {
        auto one = take_one(intake, **key, public_key->get(), jws, received_at);
        if (!one)
            return std::unexpected(one.error());
        results.push_back(std::move(*one));
    }
    if (auto r = tx->commit(); !r)
        return fail("database: " + r.error().message);
    return results;
}

Result<nlohmann::json> stored_body(const StoredRecord& record)
{
    auto payload = unchecked_payload(record.jws);
    if (!payload || !payload->contains("body") || !(*payload)["body"].is_object())
        return fail("record " + record.id + ": its payload cannot be read");
    return std::move((*payload)["body"]);
}

nlohmann::json results_json(const std::vector<RecordResult>& results)
{
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : results) {
        nlohmann::json one = {{"id", r.id}, {"status", outcome_name(r.outcome)}};
        if (r.outcome == Outcome::rejected)
            one["reason"] = r.reason;
        list.push_back(std::move(one));
    }
    return {{"results", std::move(list)}};
}

} // namespace hk::central
