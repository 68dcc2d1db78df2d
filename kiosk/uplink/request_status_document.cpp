// Request status documents: shown to the resident, so every field is checked for type and size.
#include "request_status_document.hpp"

#include "rfc3339.hpp"

#include <array>

namespace hk::uplink {

namespace {

constexpr std::array<std::string_view, 7> kStates = {"submitted", "accepted", "dispatched", "resolved",
                                                     "confirmed", "reopened", "closed"};

// The string member `name` of `o` into `out` when it is 0 to `max_bytes` bytes; absent is "" when
// `optional`.
bool take(const nlohmann::json& o, const char* name, std::size_t max_bytes, bool optional, std::string& out)
{
    const auto m = o.find(name);
    if (m == o.end())
        return optional;
    if (!m->is_string() || m->get_ref<const std::string&>().size() > max_bytes)
        return false;
    out = m->get<std::string>();
    return true;
}

} // namespace

std::optional<RequestState> request_state_from_name(std::string_view name)
{
    for (std::size_t i = 0; i < kStates.size(); ++i)
        if (kStates[i] == name)
            return static_cast<RequestState>(i);
    return std::nullopt;
}

std::string_view request_state_name(RequestState state)
{
    return kStates.at(static_cast<std::size_t>(state));
}

Parsed<RequestStatusDocument> parse_request_status(std::string_view text, std::string_view expected_tracking)
{
    auto doc = read_strict_object(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const nlohmann::json& root = std::get<nlohmann::json>(doc);
    RequestStatusDocument out;
    if (!take(root, "tracking", 64, false, out.tracking) || out.tracking != expected_tracking)
        return ParseError{"not the status of the tracking number asked for"};
    std::string status;
    if (!take(root, "status", 32, false, status))
        return ParseError{"no status"};
    const auto state = request_state_from_name(status);
    if (!state)
        return ParseError{"an unknown status"};
    out.status = *state;
    if (!take(root, "category", kMaxCategoryBytes, false, out.category) || out.category.empty())
        return ParseError{"no category"};
    if (!take(root, "due", 64, false, out.due) || !valid_rfc3339_utc(out.due))
        return ParseError{"no due time in RFC 3339 UTC"};
    const auto rated = root.find("rated");
    if (rated == root.end() || !rated->is_boolean())
        return ParseError{"no rated flag"};
    out.rated = rated->get<bool>();
    const auto stages = root.find("stages");
    if (stages == root.end() || !stages->is_array())
        return ParseError{"no stages array"};
    if (stages->size() > kMaxStages)
        return ParseError{"more than " + std::to_string(kMaxStages) + " stages"};
    for (std::size_t i = 0; i < stages->size(); ++i) {
        const nlohmann::json& s = (*stages)[i];
        const std::string where = "stage " + std::to_string(i + 1) + ": ";
        RequestStage stage;
        if (!s.is_object())
            return ParseError{where + "not an object"};
        if (!take(s, "stage", 64, false, stage.stage) || stage.stage.empty())
            return ParseError{where + "no stage name"};
        if (!take(s, "at", 64, false, stage.at) || !valid_rfc3339_utc(stage.at))
            return ParseError{where + "no time in RFC 3339 UTC"};
        if (!take(s, "unit", kMaxStageTextBytes, true, stage.unit) ||
            !take(s, "note", kMaxStageTextBytes, true, stage.note))
            return ParseError{where + "a unit or note that is not a string of at most " +
                              std::to_string(kMaxStageTextBytes) + " bytes"};
        out.stages.push_back(std::move(stage));
    }
    return out;
}

} // namespace hk::uplink
