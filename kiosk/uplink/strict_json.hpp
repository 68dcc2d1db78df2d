// Reading JSON that came from elsewhere without ambiguity: one object, no member named twice at
// any depth (parsers disagree on which one wins), bounded nesting, valid UTF-8.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace hk::uplink {

inline constexpr int kMaxJsonDepth = 32;

// The JSON object in `text`, or why not. Never throws.
Result<nlohmann::json> parse_strict_object(std::string_view text);

} // namespace hk::uplink
