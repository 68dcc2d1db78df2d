// A resident's session: starts on first touch, ends on "finish", on the idle timeout (after a
// visible "still there?" countdown) or on a fault. Pure: the caller passes the time in.
#pragma once

#include <chrono>
#include <optional>

namespace hk {

using SteadyTime = std::chrono::steady_clock::time_point;
using Millis = std::chrono::milliseconds;

struct SessionTimings {
    Millis idle_timeout{90'000}; // no input for this long ends the session...
    Millis warning{20'000};      // ...after a countdown dialog shown for this long before the end
};

enum class SessionPhase { attract, active, warning };
enum class SessionEnd { none, finished, idle_timeout, fault };

class Session {
public:
    explicit Session(SessionTimings timings) : timings_(timings) {}

    // New timings (maintenance mode's configuration), from the next input on.
    void set_timings(SessionTimings timings) { timings_ = timings; }

    SessionPhase phase() const { return phase_; }
    // Why the last session ended (none before the first one ends).
    SessionEnd last_end() const { return last_end_; }

    // The resident tapped the attract screen.
    void start(SteadyTime now);
    // Any touch in a session resets the idle timer. While the "still there?" dialog is up only
    // an explicit answer counts, so that the tap that answers "finish" is not taken for "yes".
    void input(SteadyTime now);
    // The resident answered "I am still here".
    void still_here(SteadyTime now);
    void finish() { end(SessionEnd::finished); }
    void fault() { end(SessionEnd::fault); }

    // Advances timers; returns true when the phase changed.
    bool tick(SteadyTime now);
    // When tick() must next run for the phase to change (nothing to wait for on attract).
    std::optional<SteadyTime> next_deadline() const;
    // Whole seconds left on the countdown dialog, rounded up (0 when not in warning).
    int countdown_s(SteadyTime now) const;

private:
    void end(SessionEnd why);

    SessionTimings timings_;
    SessionPhase phase_ = SessionPhase::attract;
    SessionEnd last_end_ = SessionEnd::none;
    SteadyTime last_input_{};
};

} // namespace hk
