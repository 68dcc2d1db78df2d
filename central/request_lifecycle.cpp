// Request statuses and the moves between them.
#include "request_lifecycle.hpp"

namespace hk::central {

std::string_view request_state_name(RequestState state)
{
    return kRequestStateNames.at(static_cast<std::size_t>(state));
}

std::optional<RequestState> request_state_from_name(std::string_view name)
{
    for (std::size_t i = 0; i < kRequestStateNames.size(); ++i)
        if (kRequestStateNames[i] == name)
            return static_cast<RequestState>(i);
    return std::nullopt;
}

bool may_move(RequestState from, RequestState to, Actor actor)
{
    using S = RequestState;
    if (actor == Actor::resident)
        return from == S::resolved && (to == S::confirmed || to == S::reopened);
    switch (to) {
    case S::accepted: return from == S::submitted || from == S::reopened;
    case S::dispatched: return from == S::accepted || from == S::reopened;
    case S::resolved: return from == S::dispatched;
    case S::closed: return from == S::resolved || from == S::confirmed;
    case S::submitted:
    case S::confirmed:
    case S::reopened: return false;
    }
    return false;
}

bool may_rate(RequestState state)
{
    return state == RequestState::resolved || state == RequestState::confirmed || state == RequestState::closed;
}

} // namespace hk::central
