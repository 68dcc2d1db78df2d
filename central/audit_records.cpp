// Audit record bodies read strictly and kept as events.
#include "audit_records.hpp"

#include "id_forms.hpp"
#include "record_members.hpp"
#include "rfc3339.hpp"

#include <algorithm>

namespace hk::central {
namespace {

// A badge id, or "" for a staff member not known yet (a badge refused, the entry opened).
bool badge_id_or_none(std::string_view s)
{
    return s.empty() || plain_id(s);
}

bool audit_role(std::string_view s)
{
    return s.empty() || s == "staff" || s == "tech" || s == "admin";
}

bool audit_action(std::string_view s)
{
    return std::find(kAuditActions.begin(), kAuditActions.end(), s) != kAuditActions.end();
}

bool audit_result(std::string_view s)
{
    return s == "ok" || s == "refused" || s == "failed";
}

} // namespace

Result<AuditEvent> read_audit_body(const nlohmann::json& body)
{
    if (auto r = object_of(&body, "", {"hall", "staff", "role", "action", "result", "detail"}); !r)
        return std::unexpected(r.error());
    auto hall = coded_member(body, "", "hall", plain_id, "a hall id (1 to 64 of A-Z a-z 0-9 . _ -)");
    if (!hall)
        return std::unexpected(hall.error());
    auto staff = coded_member(body, "", "staff", badge_id_or_none, "a badge id (1 to 64 of A-Z a-z 0-9 . _ -) or \"\"");
    if (!staff)
        return std::unexpected(staff.error());
    auto role = coded_member(body, "", "role", audit_role, "staff, tech, admin or \"\"");
    if (!role)
        return std::unexpected(role.error());
    // The role comes from the badge: there is one exactly when a badge was accepted.
    if (staff->empty() && !role->empty())
        return fail("role: not \"\" although staff is \"\"");
    if (!staff->empty() && role->empty())
        return fail("role: \"\" although staff is a badge id");
    auto action = coded_member(body, "", "action", audit_action, "an audit action");
    if (!action)
        return std::unexpected(action.error());
    auto result = coded_member(body, "", "result", audit_result, "ok, refused or failed");
    if (!result)
        return std::unexpected(result.error());
    auto detail = text_member(body, "", "detail", 0, kMaxAuditDetailChars);
    if (!detail)
        return std::unexpected(detail.error());
    AuditEvent e;
    e.hall = std::move(*hall);
    e.staff = std::move(*staff);
    e.role = std::move(*role);
    e.action = std::move(*action);
    e.result = std::move(*result);
    e.detail = std::move(*detail);
    return e;
}

Result<std::string> take_audit(CentralStore& store, const uplink::VerifiedRecord& record)
{
    auto event = read_audit_body(record.body);
    if (!event)
        return event.error().message;
    const auto at = uplink::parse_rfc3339_utc(record.header.at);
    if (!at)
        return fail("record " + record.header.id + ": its at does not read"); // verify_record checked it
    event->record = record.header.id;
    event->kiosk = record.header.kiosk;
    event->seq = record.header.seq;
    event->at = uplink::format_rfc3339_utc(*at);
    if (auto r = store.add_audit_event(*event); !r)
        return std::unexpected(r.error());
    return std::string{};
}

} // namespace hk::central
