// The booking endpoints of docs/protocol.md without the HTTP ("Venues and bookings",
// "Activities"): slots, holds, bookings with their passes, activity sign-ups and the resident's
// lookup. Each call takes the request's path values and body and answers the protocol's status
// and JSON body. Every change is one immediate SQLite transaction that reads what it decides on
// and writes the outcome, so that no two kiosks ever get the same slot or the last place twice.
// The time comes from a clock function, which tests set.
#pragma once

#include "catalogue.hpp"
#include "central_store.hpp"
#include "error.hpp"
#include "evp.hpp"
#include "resident_key.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace hk::central {

using Clock = std::function<std::int64_t()>; // Unix seconds

inline constexpr std::int64_t kHoldSeconds = 180;           // a hold lasts this long unconfirmed
inline constexpr std::int64_t kPassEarlySeconds = 30 * 60;  // a pass is valid from the start less this
inline constexpr std::size_t kMaxResidentNameChars = 100;

struct Reply {
    int status = 200;
    nlohmann::json body; // null: no body (204)
};

class BookingEngine {
public:
    BookingEngine(CentralStore& store, const Catalogue& catalogue, ResidentKeys residents, codes::PkeyPtr pass_key,
                Clock clock);

    // GET /v1/venues/{venue}/slots?date=
    [[nodiscard]] Result<Reply> slots(std::string_view venue, std::string_view date);
    // POST /v1/holds, by `kiosk` (its certificate's CN, "" without one).
    [[nodiscard]] Result<Reply> hold(std::string_view body, std::string_view kiosk);
    // POST /v1/holds/{hold}/confirm
    [[nodiscard]] Result<Reply> confirm(std::string_view hold);
    // DELETE /v1/holds/{hold}
    [[nodiscard]] Result<Reply> release(std::string_view hold);
    // POST /v1/bookings/{booking}/cancel
    [[nodiscard]] Result<Reply> cancel_booking(std::string_view booking, std::string_view body);
    // POST /v1/residents/lookup
    [[nodiscard]] Result<Reply> lookup(std::string_view body);
    // GET /v1/activities/{activity}/seats
    [[nodiscard]] Result<Reply> seats(std::string_view activity);
    // POST /v1/signups, by `kiosk`.
    [[nodiscard]] Result<Reply> signup(std::string_view body, std::string_view kiosk);
    // POST /v1/signups/{signup}/cancel
    [[nodiscard]] Result<Reply> cancel_signup(std::string_view signup, std::string_view body);


private:
    CentralStore& store_;
    const Catalogue& catalogue_;
    ResidentKeys residents_;
    codes::PkeyPtr pass_key_;
    Clock clock_;
};

} // namespace hk::central
