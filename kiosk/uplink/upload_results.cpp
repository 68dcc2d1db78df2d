// POST /v1/records results, read strictly: a wrong answer must never mark a record delivered.
#include "upload_results.hpp"

namespace hk::uplink {

std::string_view upload_status_name(UploadStatus status)
{
    switch (status) {
    case UploadStatus::accepted: return "accepted";
    case UploadStatus::duplicate: return "duplicate";
    case UploadStatus::rejected: return "rejected";
    }
    return "?";
}

Parsed<std::vector<UploadResult>> parse_upload_results(std::string_view text, std::span<const std::string> sent_ids)
{
    auto doc = read_strict_object(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const nlohmann::json& root = std::get<nlohmann::json>(doc);
    const auto results = root.find("results");
    if (results == root.end() || !results->is_array())
        return ParseError{"no results array"};
    if (results->size() != sent_ids.size())
        return ParseError{"results for " + std::to_string(results->size()) + " records, " +
                          std::to_string(sent_ids.size()) + " were sent"};

    std::vector<UploadResult> out;
    out.reserve(sent_ids.size());
    for (std::size_t i = 0; i < sent_ids.size(); ++i) {
        const nlohmann::json& r = (*results)[i];
        const std::string where = "result " + std::to_string(i + 1) + ": ";
        if (!r.is_object())
            return ParseError{where + "not an object"};
        const auto id = r.find("id");
        if (id == r.end() || !id->is_string())
            return ParseError{where + "no id"};
        if (id->get_ref<const std::string&>() != sent_ids[i])
            return ParseError{where + "not the id of the record sent there"};
        const auto status = r.find("status");
        if (status == r.end() || !status->is_string())
            return ParseError{where + "no status"};
        UploadResult u;
        u.id = sent_ids[i];
        const std::string& s = status->get_ref<const std::string&>();
        if (s == "accepted")
            u.status = UploadStatus::accepted;
        else if (s == "duplicate")
            u.status = UploadStatus::duplicate;
        else if (s == "rejected")
            u.status = UploadStatus::rejected;
        else
            return ParseError{where + "an unknown status"};
        if (u.status == UploadStatus::rejected) {
            const auto reason = r.find("reason");
            if (reason == r.end() || !reason->is_string() || reason->get_ref<const std::string&>().empty())
                return ParseError{where + "a rejection without its reason"};
            if (reason->get_ref<const std::string&>().size() > kMaxReasonBytes)
                return ParseError{where + "a reason over " + std::to_string(kMaxReasonBytes) + " bytes"};
            u.reason = reason->get<std::string>();
        }
        out.push_back(std::move(u));
    }
    return out;
}

} // namespace hk::uplink
