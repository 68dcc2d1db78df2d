// The rest owed after each frame (see duty_cycle.hpp).
#include "duty_cycle.hpp"

#include <algorithm>
#include <cmath>

namespace hk::camera {

DutyCycle::DutyCycle(double max_busy_share)
    : share_(std::isfinite(max_busy_share) ? std::clamp(max_busy_share, 0.01, 1.0) : 1.0)
{
}

std::chrono::nanoseconds DutyCycle::rest(std::chrono::nanoseconds busy, std::chrono::nanoseconds idle) const
{
    if (busy.count() <= 0)
        return std::chrono::nanoseconds{0};
    // busy / (busy + off) = share  =>  off = busy * (1 - share) / share; round up so the share holds.
    const double off = std::ceil(static_cast<double>(busy.count()) * (1.0 - share_) / share_);
    const auto owed = std::chrono::nanoseconds{static_cast<std::chrono::nanoseconds::rep>(off)} - idle;
    return std::max(owed, std::chrono::nanoseconds{0});
}

} // namespace hk::camera
