// Stable ids of the kiosk's touch targets, for the script driver and tests. docs/ui-ids.md
// lists them all; a test keeps the two in step.
#pragma once

#include "lang.hpp"
#include "service.hpp"

#include <string>
#include <string_view>

namespace hk::ui::ids {

inline constexpr std::string_view kAttractStart = "attract.start";
inline constexpr std::string_view kLargeText = "top.large_text";
inline constexpr std::string_view kNavBack = "nav.back";
inline constexpr std::string_view kNavHome = "nav.home";
inline constexpr std::string_view kNavFinish = "nav.finish";
inline constexpr std::string_view kIdleContinue = "idle.continue";
inline constexpr std::string_view kIdleFinish = "idle.finish";
inline constexpr std::string_view kIdleBackdrop = "idle.backdrop";

// top.lang.zh-Hans, top.lang.zh-Hant, top.lang.en
inline std::string lang_button(Lang lang) { return "top.lang." + std::string(lang_tag(lang)); }
// home.tile.file_request, home.tile.book_venue, ...
inline std::string home_tile(ServiceId id) { return "home.tile." + std::string(service_info(id).name); }

} // namespace hk::ui::ids
