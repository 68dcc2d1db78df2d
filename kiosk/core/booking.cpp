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

} // namespace hk
