// Reading JSON that came from elsewhere without ambiguity, as a Result: see json_reader.hpp.
#pragma once

#include "error.hpp"
#include "json_reader.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace hk::uplink {

// The JSON object in `text`, or why not. Never throws.
Result<nlohmann::json> parse_strict_object(std::string_view text);

} // namespace hk::uplink
