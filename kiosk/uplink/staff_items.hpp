// The `staff` catalogue's items (docs/protocol.md, "The staff catalogue"): each staff member's
// badge id, the hall they work at (or ALL for the district's), and their PIN as a salted slow
// hash. Maintenance mode checks a badge's PIN against it, offline.
#pragma once

#include "catalogue_items.hpp"
#include "pin_hash.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

struct StaffPin {
    std::string id;   // the badge's id claim
    std::string hall; // a hall id, or ALL
    codes::PinHash pin;
};

// Items without an id (1 to 64 of A-Z a-z 0-9 . _ -), a hall of 1 to 64 bytes, or a PIN hash that
// reads (pin_hash.hpp) are left out and counted, as is an id seen before.
Parsed<ReadItems<StaffPin>> read_staff(std::string_view document);

// The PIN of staff member `id` when their entry is for hall `hall` or for every hall (ALL);
// nothing otherwise. An id has one entry.
const StaffPin* find_staff(const std::vector<StaffPin>& staff, std::string_view id, std::string_view hall);

} // namespace hk::uplink
