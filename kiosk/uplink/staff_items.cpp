// Reading the staff catalogue (see staff_items.hpp).
#include "staff_items.hpp"

#include "catalogue_fields.hpp"

#include <algorithm>

namespace hk::uplink {

using nlohmann::json;
using namespace fields;

namespace {

std::optional<StaffPin> staff(const json& item, std::set<std::string>& seen)
{
    if (!item.is_object() || !item.contains("id") || !good_id(item["id"]))
        return std::nullopt;
    StaffPin s;
    s.id = item["id"].get<std::string>();
    auto hall = text_of(item, "hall", 64);
    auto pin = text_of(item, "pin", 300);
    if (!hall || !pin || seen.contains(s.id))
        return std::nullopt;
    auto hash = codes::PinHash::parse(*pin);
    if (!hash)
        return std::nullopt;
    seen.insert(s.id);
    s.hall = std::move(*hall);
    s.pin = std::move(*hash);
    return s;
}

} // namespace

Parsed<ReadItems<StaffPin>> read_staff(std::string_view document)
{
    return read_each<StaffPin>(document, staff);
}

const StaffPin* find_staff(const std::vector<StaffPin>& list, std::string_view id, std::string_view hall)
{
    const auto it = std::ranges::find(list, id, &StaffPin::id);
    return it != list.end() && (it->hall == hall || it->hall == "ALL") ? &*it : nullptr;
}

} // namespace hk::uplink
