// Turning a resident's request into the record the central side receives (docs/protocol.md,
// record type "request"): its tracking number and check code, made here so that the receipt
// prints even when the central side cannot be reached, and the record's body.
#pragma once

#include "error.hpp"
#include "lang.hpp"
#include "request_draft.hpp"
#include "store.hpp"
#include "tracking_code.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace hk::app {

// The version of the consent text residents agree to before giving their name (i18n keys
// request.consent.*); a new text takes a new version.
inline constexpr std::string_view kConsentVersion = "2026-12";

// The next tracking code of this kiosk on `date` (its local date): sequence = kiosk_number *
// 10000 + the day's count (1 to 9999), the count kept in the store's settings and on disk before
// the code is returned, so that no number is given twice, across restarts and power cuts too. The
// check code is six random digits. Fails when the day's 9999 numbers are used up or the store
// cannot keep the count.
[[nodiscard]] Result<codes::TrackingCode> next_tracking_code(store::Store& store, int kiosk_number,
                                                             codes::TrackingDate date);

// Six digits, uniformly random from the operating system's generator.
std::string random_check_code();

struct RequestContext {
    std::string hall;
    Lang lang = Lang::zh_Hans;
    std::string filed_at; // RFC 3339 UTC
};

// The body of the "request" record for a draft that submit_problem() finds nothing wrong with.
// Personal fields go in as they are: the store encrypts them at rest and drops them once the
// central side has the record.
nlohmann::json request_body(const RequestDraft& draft, const codes::TrackingCode& code, const RequestContext& context);

} // namespace hk::app
