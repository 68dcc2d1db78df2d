// Fuzz target for reading POST /v1/records answers (kiosk/uplink/upload_results.cpp): never a
// crash; an answer taken has exactly one result per record sent, in order, each with a status of
// the protocol's and a reason only for a rejection (not empty, within kMaxReasonBytes); the same
// text gives the same answer twice.
//
// Input: the first byte modulo 6 is how many records were sent (ids "id-1" ... "id-5"); the rest
// is the answer's body.
#include "fuzz_expect.hpp"
#include "upload_results.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

using namespace hk::uplink;
using hk::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    std::vector<std::string> sent;
    for (int i = 0; i < data[0] % 6; ++i)
        sent.push_back("id-" + std::to_string(i + 1));
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

    const auto parsed = parse_upload_results(text, sent);
    const auto again = parse_upload_results(text, sent);
    expect(parsed.index() == again.index(), "the same answer read two ways");
    if (const auto* e = std::get_if<ParseError>(&parsed)) {
        expect(!e->message.empty(), "a refusal without its reason");
        return 0;
    }
    const auto& results = std::get<std::vector<UploadResult>>(parsed);
    expect(results.size() == sent.size(), "an answer taken for another number of records");
    for (std::size_t i = 0; i < results.size(); ++i) {
        const UploadResult& r = results[i];
        expect(r.id == sent[i], "a result taken for another record");
        const std::string_view name = upload_status_name(r.status);
        expect(name == "accepted" || name == "duplicate" || name == "rejected", "a status of no name");
        if (r.status == UploadStatus::rejected)
            expect(!r.reason.empty() && r.reason.size() <= kMaxReasonBytes, "a rejection's reason out of bounds");
        else
            expect(r.reason.empty(), "a reason kept for a record not rejected");
        expect(std::get<std::vector<UploadResult>>(again)[i].status == r.status, "a status read two ways");
    }
    return 0;
}
