// Booking a venue (see booking.hpp).
#include "booking.hpp"

#include <algorithm>

namespace hk {

void BookingState::wipe()
{
    name.wipe();
    id_number.wipe();
    for (std::string* s : {&hold, &booking, &slot_start, &slot_end})
        std::fill(s->begin(), s->end(), '\0');
    *this = BookingState{};
}

void ActivityState::wipe()
{
    name.wipe();
    id_number.wipe();
    std::fill(signup.begin(), signup.end(), '\0');
    *this = ActivityState{};
}

const MineItem* MineState::chosen_item() const
{
    const auto it = std::ranges::find(items, chosen, &MineItem::id);
    return it == items.end() ? nullptr : &*it;
}

void MineState::wipe()
{
    name.wipe();
    id_number.wipe();
    for (MineItem& i : items)
        std::fill(i.id.begin(), i.id.end(), '\0');
    *this = MineState{};
}

} // namespace hk
