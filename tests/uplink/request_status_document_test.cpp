// Tests of checking request status documents before they are shown or cached.
#include "request_status_document.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

using namespace hk::uplink;

namespace {

nlohmann::json good()
{
    return {{"tracking", "R2026-0001"},
            {"status", "dispatched"},
            {"stages",
             {{{"stage", "submitted"}, {"at", "2026-11-30T08:00:00Z"}},
              {{"stage", "dispatched"}, {"at", "2026-11-30T09:30:00Z"}, {"unit", "街道办"}, {"note", "已分拨"}}}}};
}

std::string error_of(const nlohmann::json& doc)
{
    auto r = parse_request_status(doc.dump(), "R2026-0001");
    REQUIRE(std::holds_alternative<ParseError>(r));
    return std::get<ParseError>(r).message;
}

} // namespace

TEST_CASE("a request's status is read with its stages")
{
    const auto r = parse_request_status(good().dump(), "R2026-0001");
    REQUIRE(std::holds_alternative<RequestStatusDocument>(r));
    const auto& doc = std::get<RequestStatusDocument>(r);
    CHECK(doc.status == RequestState::dispatched);
    REQUIRE(doc.stages.size() == 2);
    CHECK(doc.stages[0].unit.empty());
    CHECK(doc.stages[1].unit == "街道办");
    CHECK(doc.stages[1].at == "2026-11-30T09:30:00Z");
}

TEST_CASE("another tracking number, an unknown status or a bad stage is refused")
{
    nlohmann::json d = good();
    d["tracking"] = "R2026-0002";
    CHECK(error_of(d).find("tracking") != std::string::npos);
    d = good();
    d["status"] = "lost";
    CHECK(error_of(d) == "an unknown status");
    d = good();
    d.erase("stages");
    CHECK(error_of(d) == "no stages array");
    d = good();
    d["stages"][0]["at"] = "yesterday";
    CHECK(error_of(d).find("stage 1") != std::string::npos);
    d = good();
    d["stages"][1]["stage"] = "";
    CHECK(error_of(d).find("stage 2") != std::string::npos);
    d = good();
    d["stages"][1]["note"] = std::string(kMaxStageTextBytes + 1, 'n');
    CHECK(error_of(d).find("note") != std::string::npos);
    d = good();
    d["stages"][1]["unit"] = 3;
    CHECK(error_of(d).find("unit") != std::string::npos);
    d = good();
    for (std::size_t i = 0; i < kMaxStages; ++i)
        d["stages"].push_back(good()["stages"][0]);
    CHECK(error_of(d).find("more than") != std::string::npos);
}

TEST_CASE("the six states go to their names and back")
{
    for (int i = 0; i < 6; ++i) {
        const auto state = static_cast<RequestState>(i);
        CHECK(request_state_from_name(request_state_name(state)) == state);
    }
    CHECK_FALSE(request_state_from_name("rated"));
}
