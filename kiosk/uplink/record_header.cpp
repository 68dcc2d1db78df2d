// Record header values: making ids and checking each field's form.
#include "record_header.hpp"

#include "rfc3339.hpp"

#include <openssl/rand.h>

#include <array>
#include <cstdio>

namespace hk::uplink {

namespace {

constexpr std::array<std::string_view, 7> kTypes{"request", "request_feedback",     "booking", "checkin",
                                                 "rating",  "questionnaire_answer", "audit"};
constexpr std::size_t kMaxKioskId = 64;

bool lower_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool valid_uuid_v4(std::string_view id)
{
    // 8-4-4-4-12 hex digits; the version nibble 4, the variant bits 10 (8, 9, a or b).
    if (id.size() != 36)
        return false;
    for (std::size_t i = 0; i < id.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? id[i] != '-' : !lower_hex(id[i]))
            return false;
    }
    return id[14] == '4' && (id[19] == '8' || id[19] == '9' || id[19] == 'a' || id[19] == 'b');
}

bool valid_kiosk_id(std::string_view kiosk)
{
    if (kiosk.empty() || kiosk.size() > kMaxKioskId)
        return false;
    for (char c : kiosk)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
              c == '.'))
            return false;
    return true;
}

} // namespace

std::string new_record_id()
{
    std::array<unsigned char, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        return {}; // the random generator failed; header_problem refuses the empty id
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    char text[37] = {};
    std::snprintf(text, sizeof text, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return std::string(text, 36);
}

std::optional<std::string> header_problem(const RecordHeader& h)
{
    if (!valid_uuid_v4(h.id))
        return "id is not a lower-case UUID version 4";
    if (!valid_kiosk_id(h.kiosk))
        return "kiosk is not 1 to 64 of A-Z a-z 0-9 - _ .";
    if (h.seq < 1 || h.seq > kMaxSeq)
        return "seq is not between 1 and 2^53 - 1";
    if (h.seq == 1 ? !h.prev.empty() : h.prev.size() != 64)
        return "prev must be empty for seq 1 and 64 hex digits after it";
    for (char c : h.prev)
        if (!lower_hex(c))
            return "prev is not lower-case hex";
    bool known = false;
    for (std::string_view t : kTypes)
        known = known || t == h.type;
    if (!known)
        return "type is not request, request_feedback, booking, checkin, rating, questionnaire_answer or audit";
    if (!valid_rfc3339_utc(h.at))
        return "at is not an RFC 3339 UTC time (YYYY-MM-DDTHH:MM:SSZ)";
    return std::nullopt;
}

} // namespace hk::uplink
