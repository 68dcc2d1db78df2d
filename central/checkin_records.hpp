// The `checkin` record (docs/protocol.md, "checkin"): a resident checked in at a kiosk with the
// pass of a booking. Its body is read strictly ({pass, ref, hall, at}) and marks the booking
// checked in; a second check-in of the same pass is held with its refusal.
#pragma once

#include "central_store.hpp"
#include "error.hpp"
#include "record.hpp"

#include <string>

namespace hk::central {

// What the verified checkin `record` does, inside the caller's transaction: the reason it is
// refused, or "" when it was taken. An error is the database's.
[[nodiscard]] Result<std::string> take_checkin(CentralStore& store, const uplink::VerifiedRecord& record);

} // namespace hk::central
