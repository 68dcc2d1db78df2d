// Records as JWS: assembly, and verification in the order that believes nothing unsigned.
#include "record.hpp"

#include "base64url.hpp"
#include "jwk.hpp"
#include "signature.hpp"
#include "strict_json.hpp"

#include <openssl/sha.h>

#include <array>

namespace hk::uplink {

namespace {

std::span<const std::uint8_t> bytes_of(std::string_view s)
{
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string_view text_of(const std::vector<std::uint8_t>& b)
{
    return {reinterpret_cast<const char*>(b.data()), b.size()};
}

std::string sha256_hex(std::string_view data)
{
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    EVP_Digest(data.data(), data.size(), digest.data(), nullptr, EVP_sha256(), nullptr);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(digest.size() * 2);
    for (unsigned char b : digest) {
        hex += kHex[b >> 4];
        hex += kHex[b & 0x0f];
    }
    return hex;
}

// Compact, keys sorted, UTF-8 as is; std::nullopt for text that is not UTF-8.
std::optional<std::string> serialise(const nlohmann::json& value)
{
    try {
        return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

std::string protected_header(KeyAlg alg, std::string_view kid)
{
    return nlohmann::json{{"alg", jws_alg(alg)}, {"kid", kid}, {"typ", kRecordTyp}}.dump();
}

const nlohmann::json* member(const nlohmann::json& object, const char* name)
{
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

// The payload's fields, each of its JSON type; the forms are header_problem's to judge.
Result<VerifiedRecord> read_payload(const nlohmann::json& payload)
{
    static constexpr std::array kMembers{"at", "body", "id", "kiosk", "prev", "seq", "type"};
    if (payload.size() != kMembers.size())
        return fail("the payload has members other than at, body, id, kiosk, prev, seq and type");
    VerifiedRecord r;
    for (const char* name : {"at", "id", "kiosk", "prev", "type"}) {
        const nlohmann::json* m = member(payload, name);
        if (!m || !m->is_string())
            return fail(std::string("the payload's ") + name + " is missing or not a string");
    }
    const nlohmann::json* seq = member(payload, "seq");
    // A seq written 2.0 or 1e0 is a number of another type; only an integer is taken.
    if (!seq || !(seq->is_number_integer()) || (seq->is_number_unsigned() && seq->get<std::uint64_t>() > kMaxSeq))
        return fail("the payload's seq is missing or not an integer up to 2^53 - 1");
    const nlohmann::json* body = member(payload, "body");
    if (!body || !body->is_object())
        return fail("the payload's body is missing or not an object");
    r.header = RecordHeader{payload["id"].get<std::string>(),   payload["kiosk"].get<std::string>(),
                            seq->get<std::int64_t>(),           payload["prev"].get<std::string>(),
                            payload["type"].get<std::string>(), payload["at"].get<std::string>()};
    if (auto problem = header_problem(r.header))
        return fail("the payload's " + *problem);
    r.body = *body;
    return r;
}

} // namespace

Result<std::string> make_record(const DeviceIdentity& identity, const RecordHeader& header, const nlohmann::json& body)
{
    if (auto problem = header_problem(header))
        return fail("record header: " + *problem);
    if (!body.is_object())
        return fail("a record's body must be a JSON object");
    const nlohmann::json payload{{"at", header.at},       {"body", body},        {"id", header.id},
                                 {"kiosk", header.kiosk}, {"prev", header.prev}, {"seq", header.seq},
                                 {"type", header.type}};
    const auto payload_text = serialise(payload);
    if (!payload_text)
        return fail("a record's body holds text that is not UTF-8");
    std::string jws = codes::base64url_encode(bytes_of(protected_header(identity.alg(), identity.kid())));
    jws += '.';
    jws += codes::base64url_encode(bytes_of(*payload_text));
    auto sig = identity.sign(jws);
    if (!sig)
        return std::unexpected(sig.error());
    jws += '.';
    jws += codes::base64url_encode(*sig);
    if (jws.size() > kMaxRecordBytes)
        return fail("the record is larger than " + std::to_string(kMaxRecordBytes) + " bytes");
    return jws;
}

Result<VerifiedRecord> verify_record(std::string_view jws, EVP_PKEY* public_key)
{
    if (jws.size() > kMaxRecordBytes)
        return fail("the record is larger than " + std::to_string(kMaxRecordBytes) + " bytes");
    const std::size_t dot1 = jws.find('.');
    const std::size_t dot2 = dot1 == std::string_view::npos ? dot1 : jws.find('.', dot1 + 1);
    if (dot2 == std::string_view::npos || jws.find('.', dot2 + 1) != std::string_view::npos)
        return fail("not a JWS in compact form (three parts)");
    const auto header_bytes = codes::base64url_decode(jws.substr(0, dot1));
    const auto payload_bytes = codes::base64url_decode(jws.substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = codes::base64url_decode(jws.substr(dot2 + 1));
    if (!header_bytes || !payload_bytes || !signature)
        return fail("a part of the JWS is not strict base64url");

    auto header = parse_strict_object(text_of(*header_bytes));
    if (!header)
        return fail("the protected header: " + header.error().message);
    const auto key_alg = key_alg_of(public_key);
    if (!key_alg)
        return fail("the kiosk's key is neither P-256, Ed25519 nor SM2");
    const nlohmann::json* alg = member(*header, "alg");
    const nlohmann::json* kid = member(*header, "kid");
    const nlohmann::json* typ = member(*header, "typ");
    if (header->size() != 3 || !alg || !kid || !typ || !alg->is_string() || !kid->is_string() || !typ->is_string())
        return fail("the protected header is not exactly alg, kid and typ, as strings");
    if (typ->get_ref<const std::string&>() != kRecordTyp)
        return fail("the protected header's typ is not " + std::string(kRecordTyp));
    if (alg->get_ref<const std::string&>() != jws_alg(*key_alg))
        return fail("the record says alg " + alg->get<std::string>() + " while the kiosk's key is " +
                    std::string(jws_alg(*key_alg)));
    auto thumbprint = key_thumbprint(public_key);
    if (!thumbprint)
        return std::unexpected(thumbprint.error());
    if (kid->get_ref<const std::string&>() != *thumbprint)
        return fail("the record's kid is not the kiosk's key");
    if (!verify_bytes(public_key, *key_alg, bytes_of(jws.substr(0, dot2)), *signature))
        return fail("the signature does not verify");

    auto payload = parse_strict_object(text_of(*payload_bytes));
    if (!payload)
        return fail("the payload: " + payload.error().message);
    auto record = read_payload(*payload);
    if (!record)
        return record;
    record->kid = *thumbprint;
    record->hash_hex = sha256_hex(jws);
    return record;
}

Result<VerifiedRecord> verify_record(std::string_view jws, const nlohmann::json& public_jwk)
{
    auto key = jwk_to_pkey(public_jwk);
    if (!key)
        return fail("the kiosk's key: " + key.error().message);
    return verify_record(jws, key->get());
}

ChainLink chain_check(const VerifiedRecord* prev, const VerifiedRecord& next)
{
    if (!prev)
        return next.header.seq == 1 ? ChainLink::linked : ChainLink::gap;
    if (prev->header.kiosk != next.header.kiosk)
        return ChainLink::other_kiosk;
    if (prev->hash_hex == next.hash_hex)
        return ChainLink::duplicate;
    if (next.header.seq == prev->header.seq + 1)
        return next.header.prev == prev->hash_hex ? ChainLink::linked : ChainLink::fork;
    if (next.header.seq > prev->header.seq + 1)
        return ChainLink::gap;
    return next.header.seq == prev->header.seq ? ChainLink::fork : ChainLink::earlier;
}

std::string_view chain_link_name(ChainLink link)
{
    switch (link) {
    case ChainLink::linked: return "linked";
    case ChainLink::duplicate: return "duplicate";
    case ChainLink::gap: return "gap";
    case ChainLink::fork: return "fork";
    case ChainLink::earlier: return "earlier";
    case ChainLink::other_kiosk: return "other kiosk";
    }
    return "?";
}

} // namespace hk::uplink
