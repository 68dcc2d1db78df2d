// The `questionnaire_answer` record (docs/protocol.md, "questionnaire_answer"): a resident's
// anonymous answers to a published questionnaire, read strictly and checked against the
// questionnaire as it was published, then kept for central-admin questionnaires results.
#pragma once

#include "central_store.hpp"
#include "error.hpp"
#include "record.hpp"

#include <string>

namespace hk::central {

// What the verified questionnaire_answer `record` does, inside the caller's transaction: the
// reason it is refused, or "" when it was taken. An error is the database's.
[[nodiscard]] Result<std::string> take_answer(CentralStore& store, const uplink::VerifiedRecord& record);

} // namespace hk::central
