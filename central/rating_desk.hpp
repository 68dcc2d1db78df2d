// The rating endpoints of docs/protocol.md without the HTTP: POST /v1/ratings/check (can this
// subject still be rated?) and GET /v1/halls/{hall}/satisfaction (the hall's summary of this month
// and the one before, months in UTC+08:00). The time comes from a clock function, which tests set.
#pragma once

#include "booking_engine.hpp"
#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"
#include "resident_key.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <string_view>

namespace hk::central {

class RatingDesk {
public:
    RatingDesk(CentralStore& store, const Catalogue& catalogue, const ResidentKeys& residents, Clock clock);

    // POST /v1/ratings/check
    [[nodiscard]] Result<Reply> check(std::string_view body);
    // GET /v1/halls/{hall}/satisfaction
    [[nodiscard]] Result<Reply> satisfaction(std::string_view hall);

private:
    CentralStore& store_;
    const Catalogue& catalogue_;
    const ResidentKeys& residents_;
    Clock clock_;
};

// One month of a hall's summary: {month, count, levels, satisfied, share}; share is satisfied /
// count rounded to 4 places, null without ratings.
nlohmann::json month_summary(std::string_view month, const std::array<std::int64_t, 5>& levels);

} // namespace hk::central
