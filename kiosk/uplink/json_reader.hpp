// Reading JSON that came from the network without ambiguity, for code that also builds without
// <expected> (the clang 14 fuzz targets): one object, no member named twice at any depth, bounded
// nesting, valid UTF-8. strict_json.hpp wraps it as a Result.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace hk::uplink {

inline constexpr int kMaxJsonDepth = 32;

struct ParseError {
    std::string message;
};

// A document the kiosk read, or why it was refused.
template <typename T> using Parsed = std::variant<T, ParseError>;

// The JSON object in `text`, or why not. Never throws.
Parsed<nlohmann::json> read_strict_object(std::string_view text);

} // namespace hk::uplink
