// Ratings taken into the central store (docs/protocol.md, "Ratings"): the subject of a rating
// found and checked (the window of the hall, the queue ticket or booking pass verified with the
// catalogue's keys, the request rateable), keyed by what "one rating per" names, and stored once.
// The same finding answers POST /v1/ratings/check. Staff mark low ratings rectified.
#pragma once

#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"
#include "rating_records.hpp"
#include "record.hpp"
#include "resident_key.hpp"

#include <cstdint>
#include <string>

namespace hk::central {

// The subject of a rating as the store keys it, or why it cannot be rated.
struct FoundSubject {
    // "" when the subject can be rated; otherwise the reason a record is refused with.
    std::string refusal;
    // With a refusal, the rule POST /v1/ratings/check answers: unknown, not_rateable or invalid;
    // "" for a body that does not fit the subject (answered 400).
    std::string rule;
    std::string kind; // subject_kind
    std::string key;  // subject: what "one rating per" names
    std::string hall; // the hall it counts for
    std::string window;
    std::string staff;
    std::string rater; // HMAC of the rater's ID number
};

// `subject` as rated at `at` (Unix seconds): tickets and passes are verified at that time and at
// the subject's hall. An error is the database's.
[[nodiscard]] Result<FoundSubject> find_subject(CentralStore& store, const Catalogue& catalogue,
                                                const ResidentKeys& residents, const RatingSubject& subject,
                                                std::int64_t at);

// What the verified rating `record` does, inside the caller's transaction: the reason it is
// refused, or "" when it was taken. An error is the database's.
[[nodiscard]] Result<std::string> take_rating(CentralStore& store, const Catalogue& catalogue,
                                              const ResidentKeys& residents, const uplink::VerifiedRecord& record);

// Staff marking the rating of record `record` (level 1 or 2, follow-up open) rectified at `now`
// with `note` (1 to 500 characters), in an immediate transaction of its own: the rating as it now
// is, or why not.
[[nodiscard]] Result<Rating> rectify_rating(CentralStore& store, std::string_view record, std::string_view note,
                                            std::int64_t now);

} // namespace hk::central
