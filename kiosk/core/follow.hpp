// Following a request (ScreenKind::follow): the tracking number and check code as the resident
// types them on the number pad or scans them from the receipt, the central side's answer as the
// screen shows it, and what the resident says back (confirm, reopen with a reason, a rating).
// Wiped when the session ends. Pure.
#pragma once

#include "i18n.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk {

inline constexpr std::size_t kFollowTrackingDigits = 14;
inline constexpr std::size_t kFollowCheckDigits = 6;

enum class FollowStep {
    enter,         // the number pad
    asking,        // the question is on its way to the central side
    status,        // the answer: the timeline, or why there is none
    reopen_reason, // "not solved": why
    rate,          // five levels
    done,          // what was sent, and thanks
};

struct FollowStage {
    std::string stage; // docs/protocol.md, "Request lifecycle"
    std::string at;    // RFC 3339 UTC
    std::string unit;  // the handling unit
    std::string note;
};

struct FollowAnswer {
    enum class Kind {
        found,       // fresh from the central side
        cached,      // the central side did not answer: the last status this kiosk fetched
        unknown,     // no request with that number and check code
        unreachable, // no answer and nothing cached
        bad_number,  // the tracking number's check digit is wrong: a typing slip
    };
    Kind kind = Kind::unreachable;
    std::string status; // the request's state name (found and cached)
    std::string category;
    std::string due; // RFC 3339 UTC
    std::vector<FollowStage> stages;
    bool rated = false;
    std::int64_t fetched_unix_ms = 0; // cached: when it was fetched
};

// What the resident sent back from the follow screen in this session.
enum class FollowSent { none, confirmed, reopened, rated };

struct FollowState {
    FollowStep step = FollowStep::enter;
    std::string tracking; // digits, as typed or scanned
    std::string check;
    bool scanned = false; // came from the receipt's QR code
    std::optional<FollowAnswer> answer;
    FollowSent sent = FollowSent::none; // the last thing sent
    bool confirmed = false;             // sent in this session
    bool rated = false;
    int level = 0;               // the rating given
    bool send_failed = false;    // the last thing could not be kept: say so, keep the screen
    std::string reopen_reason;   // the id of the reason chosen

    void wipe();
    bool complete() const
    {
        return tracking.size() == kFollowTrackingDigits && check.size() == kFollowCheckDigits;
    }
    // A resolved request the resident has not confirmed or reopened yet in this session, as the
    // central side answered just now (never from the cache).
    bool can_confirm() const;
    // A request the central side lets the resident rate (resolved, confirmed or closed) and that
    // is not rated yet, as answered just now.
    bool can_rate() const;
};

// The reasons a resident can give for reopening: the id the screen and the script name, and its
// words (sent to the central side in the resident's language).
struct ReopenReason {
    std::string_view id;
    MsgKey words;
};
inline constexpr ReopenReason kReopenReasons[] = {
    {"not_solved", "follow.reason.not_solved"_k},
    {"partly", "follow.reason.partly"_k},
    {"came_back", "follow.reason.came_back"_k},
    {"no_contact", "follow.reason.no_contact"_k},
};
// The reason of `id`, or null.
inline const ReopenReason* find_reopen_reason(std::string_view id)
{
    for (const ReopenReason& r : kReopenReasons)
        if (r.id == id)
            return &r;
    return nullptr;
}

} // namespace hk
