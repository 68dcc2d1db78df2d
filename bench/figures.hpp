// What the benchmarks share to turn timings into figures.
#pragma once

#include <algorithm>
#include <chrono>
#include <vector>

namespace hk::bench {

inline double ms(std::chrono::steady_clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

// The value below which a share `p` (0..1) of `v` lies; `v` must not be empty.
inline double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

} // namespace hk::bench
