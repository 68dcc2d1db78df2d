// read_strict_object as a Result.
#include "strict_json.hpp"

namespace hk::uplink {

Result<nlohmann::json> parse_strict_object(std::string_view text)
{
    auto parsed = read_strict_object(text);
    if (auto* e = std::get_if<ParseError>(&parsed))
        return fail(std::move(e->message));
    return std::move(std::get<nlohmann::json>(parsed));
}

} // namespace hk::uplink
