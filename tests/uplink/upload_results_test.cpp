// Tests of reading POST /v1/records answers: one good result per record sent, or an error.
#include "upload_results.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace hk::uplink;

namespace {

const std::vector<std::string> kSent = {"id-1", "id-2", "id-3"};

std::string error_of(std::string_view text)
{
    auto r = parse_upload_results(text, kSent);
    REQUIRE(std::holds_alternative<ParseError>(r));
    return std::get<ParseError>(r).message;
}

} // namespace

TEST_CASE("results for each record sent are read with their status and a rejection's reason")
{
    const auto r = parse_upload_results(R"({"results":[{"id":"id-1","status":"accepted"},
        {"id":"id-2","status":"duplicate","reason":"ignored"},
        {"id":"id-3","status":"rejected","reason":"bad signature"}],"extra":1})",
                                        kSent);
    REQUIRE(std::holds_alternative<std::vector<UploadResult>>(r));
    const auto& results = std::get<std::vector<UploadResult>>(r);
    REQUIRE(results.size() == 3);
    CHECK(results[0].status == UploadStatus::accepted);
    CHECK(results[1].status == UploadStatus::duplicate);
    CHECK(results[1].reason.empty());
    CHECK(results[2].status == UploadStatus::rejected);
    CHECK(results[2].reason == "bad signature");
    CHECK(results[2].id == "id-3");
}

TEST_CASE("an answer that does not account for every record sent, in order, is refused")
{
    // Two good results, then `third`.
    const auto with_third = [](const std::string& third) {
        return error_of(R"({"results":[{"id":"id-1","status":"accepted"},{"id":"id-2","status":"accepted"},)" + third +
                        "]}");
    };
    CHECK(error_of(R"({"results":[{"id":"id-1","status":"accepted"}]})").find("were sent") != std::string::npos);
    CHECK(with_third(R"({"id":"id-9","status":"accepted"})").find("result 3: not the id") != std::string::npos);
    CHECK(with_third(R"({"id":"id-3","status":"stored"})").find("unknown status") != std::string::npos);
    CHECK(with_third(R"({"id":"id-3","status":"rejected"})").find("without its reason") != std::string::npos);
    const std::string long_reason(kMaxReasonBytes + 1, 'x');
    CHECK(with_third(R"({"id":"id-3","status":"rejected","reason":")" + long_reason + R"("})").find("reason over") !=
          std::string::npos);
    CHECK(error_of(R"({"results":[{"id":"id-1","status":"accepted"},{"id":"id-3","status":"accepted"},
        {"id":"id-2","status":"accepted"}]})")
              .find("result 2: not the id") != std::string::npos);
}

TEST_CASE("garbage, a wrong shape and duplicate members are refused")
{
    CHECK(error_of("<html>502 Bad Gateway</html>").find("not JSON") != std::string::npos);
    CHECK(error_of("").find("not JSON") != std::string::npos);
    CHECK(error_of("[]") == "not a JSON object");
    CHECK(error_of(R"({"results":{}})") == "no results array");
    CHECK(error_of(R"({"results":[1,2,3]})").find("not an object") != std::string::npos);
    CHECK(error_of(R"({"results":[],"results":[]})").find("twice") != std::string::npos);
    CHECK(error_of(R"({"results":[{"id":1,"status":"accepted"},{},{}]})").find("no id") != std::string::npos);
}

TEST_CASE("status names are the protocol's")
{
    CHECK(upload_status_name(UploadStatus::accepted) == "accepted");
    CHECK(upload_status_name(UploadStatus::duplicate) == "duplicate");
    CHECK(upload_status_name(UploadStatus::rejected) == "rejected");
}
