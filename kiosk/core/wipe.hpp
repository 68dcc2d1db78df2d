// Overwriting what a resident entered before its memory is let go (see personal.hpp for why).
#pragma once

#include <cstring>
#include <string>

namespace hk {

// Overwrites the characters of `s` in place, then empties it (its buffer stays).
inline void wipe(std::string& s) noexcept
{
    if (!s.empty()) {
        // explicit_bzero is not removed as a dead store, unlike memset before a free.
        explicit_bzero(s.data(), s.size());
        s.clear();
    }
}

// A string wiped when it goes out of scope: for copies of typed text made to draw it.
struct WipedString {
    std::string value;
    ~WipedString() { wipe(value); }
};

} // namespace hk
