// The languages a resident can choose at the kiosk.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace hk {

enum class Lang { zh_Hans, zh_Hant, en };

inline constexpr std::array kAllLangs{Lang::zh_Hans, Lang::zh_Hant, Lang::en};

// BCP 47 tags, as used in config, on the command line and for the catalogue file names.
constexpr std::string_view lang_tag(Lang lang)
{
    switch (lang) {
    case Lang::zh_Hans: return "zh-Hans";
    case Lang::zh_Hant: return "zh-Hant";
    case Lang::en: return "en";
    }
    return "zh-Hans";
}

constexpr std::optional<Lang> lang_from_tag(std::string_view tag)
{
    for (Lang l : kAllLangs)
        if (lang_tag(l) == tag)
            return l;
    return std::nullopt;
}

} // namespace hk
