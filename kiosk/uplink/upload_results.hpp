// The central side's answer to POST /v1/records (docs/protocol.md): one result per record sent,
// in the same order. Pure: text in, values out; fuzzed (tests/fuzz/upload_results_fuzz.cpp).
#pragma once

#include "json_reader.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kMaxBatchRecords = 100; // protocol: 1 to 100 records a POST
inline constexpr std::size_t kMaxReasonBytes = 1024; // a rejection's reason, as shown to staff

enum class UploadStatus { accepted, duplicate, rejected };

struct UploadResult {
    std::string id;
    UploadStatus status = UploadStatus::accepted;
    std::string reason; // only for rejected: not empty, at most kMaxReasonBytes
};

// The results in `text` for the records `sent_ids` (in the order they were sent). Anything but
// exactly one well-formed result per sent id, in order, is an error: the caller then treats the
// whole batch as not delivered and sends it again later. A "reason" on an accepted or duplicate
// result is ignored; members the protocol does not name are ignored too.
Parsed<std::vector<UploadResult>> parse_upload_results(std::string_view text, std::span<const std::string> sent_ids);

std::string_view upload_status_name(UploadStatus status);

} // namespace hk::uplink
