// Remembers which single-use passes have been used. The verifier only asks `seen`; whoever acts
// on a pass (check-in) calls `consume`. Small on purpose: a store of another kind (SQLite) can
// take its place.
#pragma once

#include <cstdint>
#include <string_view>

namespace hk::codes {

class ReplayGuard {
public:
    virtual ~ReplayGuard() = default;
    // Whether the pass has been consumed.
    virtual bool seen(std::string_view pass_id) = 0;
    // Marks the pass used unless it was already: true for the one caller that marked it, false
    // for every later one. `exp` is the pass's own end, after which the entry may be forgotten.
    virtual bool consume(std::string_view pass_id, std::int64_t exp) = 0;
};

} // namespace hk::codes
