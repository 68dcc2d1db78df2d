// A text given in each language (hall name, where to find help), from config or the catalogue
// of the central platform rather than from the translations.
#pragma once

#include "lang.hpp"

#include <array>
#include <string>

namespace hk {

struct LocalText {
    std::array<std::string, 3> text; // indexed by Lang

    // The text in `lang`, or the zh-Hans text where that language has none.
    const std::string& in(Lang lang) const
    {
        const std::string& s = text[static_cast<std::size_t>(lang)];
        return s.empty() ? text[static_cast<std::size_t>(Lang::zh_Hans)] : s;
    }
};

} // namespace hk
