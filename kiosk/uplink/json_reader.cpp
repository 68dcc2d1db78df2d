// Strict JSON through nlohmann's parser callback: duplicate names and depth are seen as the
// parser goes, before anything is built from them.
#include "json_reader.hpp"

#include <set>
#include <vector>

namespace hk::uplink {

Parsed<nlohmann::json> read_strict_object(std::string_view text)
{
    std::vector<std::set<std::string>> names; // one per open object
    bool duplicate = false;
    bool too_deep = false;
    const auto check = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        using Event = nlohmann::json::parse_event_t;
        if (depth > kMaxJsonDepth)
            too_deep = true;
        if (event == Event::object_start)
            names.emplace_back();
        else if (event == Event::object_end && !names.empty())
            names.pop_back();
        else if (event == Event::key && !names.empty() && !names.back().insert(parsed.get<std::string>()).second)
            duplicate = true;
        return true;
    };
    nlohmann::json value = nlohmann::json::parse(text.begin(), text.end(), check, false);
    if (value.is_discarded())
        return ParseError{"not JSON (or not UTF-8)"};
    if (duplicate)
        return ParseError{"a JSON object names a member twice"};
    if (too_deep)
        return ParseError{"JSON nested deeper than " + std::to_string(kMaxJsonDepth)};
    if (!value.is_object())
        return ParseError{"not a JSON object"};
    return value;
}

} // namespace hk::uplink
