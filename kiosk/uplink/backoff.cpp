// Full jitter as described in "Exponential Backoff And Jitter" (AWS architecture blog, 2015).
#include "backoff.hpp"

#include <algorithm>
#include <memory>
#include <random>

namespace hk::uplink {

std::int64_t Backoff::ceiling_ms(int failures) const
{
    if (failures <= 0)
        return 0;
    std::int64_t ceiling = base_ms;
    for (int i = 1; i < failures && ceiling < cap_ms; ++i) // stops doubling at the cap: no overflow
        ceiling *= 2;
    return std::min(ceiling, cap_ms);
}

std::int64_t Backoff::delay_ms(int failures, double unit) const
{
    const double u = std::clamp(unit, 0.0, 1.0);
    return static_cast<std::int64_t>(u * static_cast<double>(ceiling_ms(failures)));
}

std::function<double()> random_unit_or_default(std::function<double()> given)
{
    if (given)
        return given;
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

} // namespace hk::uplink
