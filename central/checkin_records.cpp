// Check-ins matched to the booking and the pass they name.
#include "checkin_records.hpp"

#include "claims.hpp"
#include "id_forms.hpp"
#include "rfc3339.hpp"
#include "rfc3339_seconds.hpp"

namespace hk::central {
namespace {

bool pass_value(const nlohmann::json& v)
{
    return v.is_string() && !v.get_ref<const std::string&>().empty() &&
           codes::valid_claim_value(v.get_ref<const std::string&>());
}

// The reason the body is refused, naming the member first, or "".
std::string body_problem(const nlohmann::json& body)
{
    if (!body.is_object())
        return "body: not an object";
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != "pass" && it.key() != "ref" && it.key() != "hall" && it.key() != "at")
            return it.key() + ": not a member of this record";
    for (const char* name : {"pass", "ref", "hall", "at"})
        if (!body.contains(name))
            return std::string(name) + ": missing";
    if (!pass_value(body["pass"]))
        return "pass: not a pass id (1 to 64 of A-Z a-z 0-9 _ -)";
    if (!pass_value(body["ref"]))
        return "ref: not a booking id (1 to 64 of A-Z a-z 0-9 _ -)";
    if (!body["hall"].is_string() || !plain_id(body["hall"].get_ref<const std::string&>()))
        return "hall: not a hall id (1 to 64 of A-Z a-z 0-9 . _ -)";
    if (!body["at"].is_string() || !rfc3339_seconds(body["at"].get_ref<const std::string&>()))
        return "at: not an RFC 3339 time";
    return {};
}

} // namespace

Result<std::string> take_checkin(CentralStore& store, const uplink::VerifiedRecord& record)
{
    const nlohmann::json& body = record.body;
    if (auto problem = body_problem(body); !problem.empty())
        return problem;
    auto& db = store.database();
    auto s = db.prepare("SELECT pass_id, hall, state, checked_in_at FROM bookings WHERE id = ?1");
    if (!s)
        return fail("database: " + s.error().message);
    s->bind(1, body["ref"].get<std::string>());
    auto row = s->step();
    if (!row)
        return fail("database: " + row.error().message);
    if (!*row)
        return std::string("ref: no such booking");
    const std::string pass_id = s->text(0);
    const std::string hall = s->text(1);
    const std::string state = s->text(2);
    const std::string checked_in = s->text(3);
    s->reset();
    if (pass_id != body["pass"].get<std::string>())
        return std::string("pass: not the pass of that booking");
    if (hall != body["hall"].get<std::string>())
        return std::string("hall: not the hall of that booking");
    if (state != "confirmed")
        return std::string("the booking is cancelled");
    if (!checked_in.empty())
        return std::string("already checked in");
    auto mark = db.prepare("UPDATE bookings SET checked_in_at = ?2, checkin_record = ?3 WHERE id = ?1");
    if (!mark)
        return fail("database: " + mark.error().message);
    const auto at = rfc3339_seconds(body["at"].get<std::string>());
    mark->bind(1, body["ref"].get<std::string>()).bind(2, uplink::format_rfc3339_utc(*at)).bind(3, record.header.id);
    if (auto r = mark->run(); !r)
        return fail("database: " + r.error().message);
    return std::string{};
}

} // namespace hk::central
