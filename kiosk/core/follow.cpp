// Following a request (see follow.hpp).
#include "follow.hpp"

#include <algorithm>

namespace hk {
namespace {

void wipe_text(std::string& s)
{
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

} // namespace

void FollowState::wipe()
{
    wipe_text(tracking);
    wipe_text(check);
    wipe_text(reopen_reason);
    if (answer) {
        for (FollowStage& s : answer->stages) {
            wipe_text(s.unit);
            wipe_text(s.note);
        }
    }
    *this = FollowState{};
}

bool FollowState::can_confirm() const
{
    // Only on a fresh answer: a cached one may be out of date (confirmed meanwhile, at another
    // kiosk or by staff), and a confirmation the central side then refuses would be a broken promise.
    return answer && answer->kind == FollowAnswer::Kind::found && answer->status == "resolved" &&
           sent == FollowSent::none;
}

bool FollowState::can_rate() const
{
    if (!answer || rated || answer->rated || sent == FollowSent::reopened)
        return false;
    if (answer->kind != FollowAnswer::Kind::found) // as for can_confirm
        return false;
    return answer->status == "resolved" || answer->status == "confirmed" || answer->status == "closed";
}

} // namespace hk
