// The `audit` record (docs/protocol.md, "Staff audit records"): one staff action at a kiosk's
// maintenance mode. Its body is read strictly ({hall, staff, role, action, result, detail}) and
// kept for central-admin audit list; a body that breaks a rule is held with its refusal.
#pragma once

#include "central_store.hpp"
#include "error.hpp"
#include "record.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <string>
#include <string_view>

namespace hk::central {

// docs/protocol.md, "Staff audit records".
inline constexpr std::array<std::string_view, 22> kAuditActions{
    // Coming in and going out.
    "enter", "badge_refused", "pin_wrong", "locked_out", "login", "leave", "idle_leave",
    // What staff did there, by page.
    "page", "test_print", "test_scan", "test_card", "rescan_usb", "sync_now", "catalogue_refresh", "export_bundle",
    "config_change", "new_key", "write_csr", "install_certificate", "restart", "power_off", "exit_desktop"};
inline constexpr std::size_t kMaxAuditDetailChars = 200;

// The event an audit record's `body` describes (hall to detail; the record's own fields are left
// empty), or the reason it is refused, naming the member first ("action: not an audit action").
// Pure.
[[nodiscard]] Result<AuditEvent> read_audit_body(const nlohmann::json& body);

// What the verified audit `record` does, inside the caller's transaction: the reason it is
// refused, or "" when its event was stored. An error is the database's.
[[nodiscard]] Result<std::string> take_audit(CentralStore& store, const uplink::VerifiedRecord& record);

} // namespace hk::central
