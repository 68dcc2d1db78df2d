// The staff catalogue read strictly (docs/protocol.md, "The staff catalogue"): each staff
// member's badge id, hall (or ALL) and PIN hash. The reference server serves it as the file has
// it; it stops at start on a member it does not know, an id twice or a PIN hash that does not read.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <map>
#include <string>

namespace hk::central {

struct StaffEntry {
    std::string id;
    std::string hall; // a hall id, or ALL
};

using StaffList = std::map<std::string, StaffEntry, std::less<>>;

Result<StaffList> read_staff(const nlohmann::json& items);

} // namespace hk::central
