// The session's idle state machine.
#include "session.hpp"

namespace hk {

void Session::start(SteadyTime now)
{
    if (phase_ != SessionPhase::attract)
        return;
    phase_ = SessionPhase::active;
    last_input_ = now;
}

void Session::input(SteadyTime now)
{
    if (phase_ == SessionPhase::active)
        last_input_ = now;
}

void Session::still_here(SteadyTime now)
{
    if (phase_ == SessionPhase::attract)
        return;
    phase_ = SessionPhase::active;
    last_input_ = now;
}

void Session::end(SessionEnd why)
{
    if (phase_ == SessionPhase::attract)
        return;
    phase_ = SessionPhase::attract;
    last_end_ = why;
}

bool Session::tick(SteadyTime now)
{
    if (phase_ == SessionPhase::attract)
        return false;
    const SteadyTime ends = last_input_ + timings_.idle_timeout;
    if (now >= ends) {
        end(SessionEnd::idle_timeout);
        return true;
    }
    if (phase_ == SessionPhase::active && now >= ends - timings_.warning) {
        phase_ = SessionPhase::warning;
        return true;
    }
    return false;
}

std::optional<SteadyTime> Session::next_deadline() const
{
    switch (phase_) {
    case SessionPhase::attract: return std::nullopt;
    case SessionPhase::active: return last_input_ + timings_.idle_timeout - timings_.warning;
    case SessionPhase::warning: return last_input_ + timings_.idle_timeout;
    }
    return std::nullopt;
}

int Session::countdown_s(SteadyTime now) const
{
    if (phase_ != SessionPhase::warning)
        return 0;
    const auto left = last_input_ + timings_.idle_timeout - now;
    if (left <= Millis::zero())
        return 0;
    return static_cast<int>((std::chrono::duration_cast<Millis>(left).count() + 999) / 1000);
}

} // namespace hk
