// What the booking and rating end-to-end tests set up alike: a booking desk of the test's own that
// books as the kiosk would, and a 24-hour venue whose slot of the current hour can be booked.
#pragma once

#include "enrolled_kiosk.hpp"

#include "booking_desk.hpp"
#include "device_identity.hpp"

#include <fstream>

namespace hk::test {

// The kiosk's identity, for a booking desk of the test's own that books as that kiosk would.
inline std::unique_ptr<uplink::BookingDesk> desk_of(const EnrolledKiosk& k)
{
    auto id = uplink::DeviceIdentity::load_or_create(k.state(), uplink::KeyAlg::es256);
    REQUIRE(id);
    uplink::HttpOptions http;
    http.base_url = k.url();
    http.ca_file = k.central().ca_file();
    http.cert_file = id->certificate_file();
    http.key_file = id->key_file();
    auto desk = uplink::BookingDesk::create(http);
    REQUIRE(desk);
    (*desk)->start();
    return std::move(*desk);
}

// Adds the 24-hour reading corner V-night to the venues.json in `dir`.
inline void add_night_venue(const fs::path& dir)
{
    auto venues = nlohmann::json::parse(std::ifstream(dir / "venues.json"));
    venues.push_back({{"id", "V-night"},
                      {"community", venues.at(0).at("community")},
                      {"type", "reading_room"},
                      {"name", {{"zh-Hans", "24小时自助书屋"}, {"zh-Hant", "24小時自助書屋"}, {"en", "24-hour reading corner"}}},
                      {"capacity", 10},
                      {"facilities", nlohmann::json::array()},
                      {"opening", {{{"days", {1, 2, 3, 4, 5, 6, 7}}, {"open", "00:00"}, {"close", "24:00"}}}},
                      {"slot_minutes", 60},
                      {"rules",
                       {{"book_ahead_days", 7},
                        {"min_notice_hours", 0},
                        {"max_per_week", 7},
                        {"group_min", 1},
                        {"group_max", 10},
                        {"cancel_before_hours", 0},
                        {"blackout", nlohmann::json::array()}}}});
    std::ofstream(dir / "venues.json") << venues.dump(2);
}

} // namespace hk::test
