// Fuzz target for checking request status documents (kiosk/uplink/request_status_document.cpp):
// never a crash; a document taken is for the tracking number asked for, with one of the seven
// states, a category within kMaxCategoryBytes, a due time in RFC 3339 UTC, at most kMaxStages
// stages, each named, at an RFC 3339 UTC time, with unit and note within kMaxStageTextBytes.
//
// Input: the whole input is the body; the tracking number asked for is "R2026-0001".
#include "fuzz_expect.hpp"
#include "request_status_document.hpp"
#include "rfc3339.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace hk::uplink;
using hk::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    constexpr std::string_view kTracking = "R2026-0001";
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto parsed = parse_request_status(text, kTracking);
    if (const auto* e = std::get_if<ParseError>(&parsed)) {
        expect(!e->message.empty(), "a refusal without its reason");
        return 0;
    }
    const auto& doc = std::get<RequestStatusDocument>(parsed);
    expect(doc.tracking == kTracking, "the status of another request taken");
    expect(request_state_from_name(request_state_name(doc.status)) == doc.status, "a state of no name");
    expect(!doc.category.empty() && doc.category.size() <= kMaxCategoryBytes, "a category out of bounds");
    expect(valid_rfc3339_utc(doc.due), "a due time that is not one");
    expect(doc.stages.size() <= kMaxStages, "too many stages taken");
    for (const RequestStage& s : doc.stages) {
        expect(!s.stage.empty() && s.stage.size() <= 64, "a stage name out of bounds");
        expect(valid_rfc3339_utc(s.at), "a stage at no valid time");
        expect(s.unit.size() <= kMaxStageTextBytes && s.note.size() <= kMaxStageTextBytes, "a stage text too long");
    }
    return 0;
}
