// Fuzz target for reading venues, activities and the central side's booking answers
// (kiosk/uplink/booking_items.cpp): never a crash, and everything taken is within the bounds the
// protocol sets (ids, ranges, opening hours, ordered slots, waiting positions).
//
// Input: the first byte picks the reader (modulo 9); the rest is the document.
#include "booking_items.hpp"
#include "fuzz_expect.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

using namespace hk;
using namespace hk::uplink;
using hk::fuzz::expect;

namespace {

void expect_venues(const ReadItems<Venue>& read)
{
    std::set<std::string> seen;
    for (const Venue& v : read.items) {
        expect(seen.insert(v.id).second, "a venue id taken twice");
        expect(v.capacity >= 1 && v.capacity <= 1000, "a capacity out of range");
        expect(v.slot_minutes >= 30 && v.slot_minutes <= 480, "a slot length out of range");
        expect(!v.opening.empty() && v.opening.size() <= kMaxOpeningPeriods, "opening hours out of bounds");
        for (const OpeningPeriod& p : v.opening)
            expect(p.open_minute < p.close_minute && p.close_minute <= 24 * 60, "opening hours out of order");
        expect(v.rules.group_min <= v.rules.group_max && v.rules.group_max <= v.capacity, "group sizes out of order");
        expect(v.facilities.size() <= kMaxFacilities, "too many facilities");
    }
}

void expect_activities(const ReadItems<Activity>& read)
{
    std::set<std::string> seen;
    for (const Activity& a : read.items) {
        expect(seen.insert(a.id).second, "an activity id taken twice");
        expect(a.places >= 1 && a.places <= 1000 && a.waitlist >= 0 && a.waitlist <= 1000, "places out of range");
        expect(!a.age_min || !a.age_max || *a.age_min <= *a.age_max, "ages out of order");
    }
}

void expect_signup(const Signup& s)
{
    expect(s.state == "confirmed" || s.state == "waiting", "a sign-up state the protocol does not name");
    expect((s.state == "waiting") == s.position.has_value(), "a waiting position without waiting");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 9) {
    case 0:
        if (auto r = read_venues(text); std::holds_alternative<ReadItems<Venue>>(r))
            expect_venues(std::get<ReadItems<Venue>>(r));
        break;
    case 1:
        if (auto r = read_activities(text); std::holds_alternative<ReadItems<Activity>>(r))
            expect_activities(std::get<ReadItems<Activity>>(r));
        break;
    case 2:
        if (auto r = read_day_slots(text, "V-1", "2026-03-02"); std::holds_alternative<std::vector<Slot>>(r))
            expect(std::get<std::vector<Slot>>(r).size() <= kMaxSlotsPerDay, "too many slots");
        break;
    case 3: (void)read_refusal(text); break;
    case 4: (void)read_hold(text); break;
    case 5:
        if (auto r = read_confirmed(text); std::holds_alternative<Confirmed>(r))
            expect(!std::get<Confirmed>(r).pass.empty(), "a confirmation without its pass");
        break;
    case 6:
        if (auto r = read_signup(text); std::holds_alternative<Signup>(r))
            expect_signup(std::get<Signup>(r));
        break;
    case 7:
        if (auto r = read_resident_items(text); std::holds_alternative<ResidentItems>(r)) {
            const ResidentItems& items = std::get<ResidentItems>(r);
            expect(items.bookings.size() <= kMaxResidentItems && items.signups.size() <= kMaxResidentItems,
                   "too many items");
            for (const Signup& s : items.signups)
                expect_signup(s);
        }
        break;
    default:
        if (auto r = read_seats(text, "A-1"); std::holds_alternative<Seats>(r))
            expect(std::get<Seats>(r).taken <= std::get<Seats>(r).places, "more taken than places");
        break;
    }
    return 0;
}
