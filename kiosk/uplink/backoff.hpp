// How long the sync loop waits after failed uploads: capped exponential backoff with full jitter
// (a uniformly random wait up to the capped exponential), so that a hall of kiosks coming back
// online do not all retry in the same second. Pure: the random number is the caller's.
#pragma once

#include <cstdint>
#include <functional>

namespace hk::uplink {

struct Backoff {
    std::int64_t base_ms = 1000;
    std::int64_t cap_ms = 5 * 60 * 1000;

    // The longest wait after `failures` failed attempts in a row (1 or more): min(cap, base *
    // 2^(failures - 1)); 0 for no failures.
    std::int64_t ceiling_ms(int failures) const;
    // The wait itself: `unit` (in [0, 1), from the caller's random source) times the ceiling.
    std::int64_t delay_ms(int failures, double unit) const;
};

// `given` when set, else numbers in [0, 1) from a std::mt19937_64 seeded from std::random_device:
// the jitter's source for a loop whose options name none.
std::function<double()> random_unit_or_default(std::function<double()> given);

} // namespace hk::uplink
