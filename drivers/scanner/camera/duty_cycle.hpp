// Keeping the camera's decoding to a share of one core: after each frame, rest long enough that
// the time spent working is at most that share of the time that passed.
#pragma once

#include <chrono>

namespace hk::camera {

class DutyCycle {
public:
    // `max_busy_share` in (0, 1]; 0.5 keeps one core under half load.
    explicit DutyCycle(double max_busy_share);

    // The rest owed after a frame that kept the thread `busy` (converting and decoding), when it
    // has already been idle for `idle` since the previous frame (waiting for the camera counts):
    // busy / (busy + idle + rest) <= share.
    std::chrono::nanoseconds rest(std::chrono::nanoseconds busy, std::chrono::nanoseconds idle) const;

    double share() const { return share_; }

private:
    double share_;
};

} // namespace hk::camera
