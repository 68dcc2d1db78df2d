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
            {"category", "traffic.streetlight"},
            {"due", "2026-12-02T08:00:00Z"},
            {"rated", false},
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
    CHECK(doc.category == "traffic.streetlight");
    CHECK(doc.due == "2026-12-02T08:00:00Z");
    CHECK_FALSE(doc.rated);
    REQUIRE(doc.stages.size() == 2);
    CHECK(doc.stages[0].unit.empty());
    CHECK(doc.stages[1].unit == "街道办");
    CHECK(doc.stages[1].at == "2026-11-30T09:30:00Z");
}

TEST_CASE("a reopened request that was rated is read with its reason as the stage note")
{
    nlohmann::json d = good();
    d["status"] = "reopened";
    d["rated"] = true;
    d["stages"].push_back({{"stage", "resolved"}, {"at", "2026-12-01T10:00:00Z"}, {"unit", "城管科"}, {"note", ""}});
    d["stages"].push_back(
        {{"stage", "reopened"}, {"at", "2026-12-01T18:00:00Z"}, {"unit", "kiosk-1"}, {"note", "路灯还是不亮"}});
    d["served_by"] = "a member a later central side may add";
    const auto r = parse_request_status(d.dump(), "R2026-0001");
    REQUIRE(std::holds_alternative<RequestStatusDocument>(r));
    const auto& doc = std::get<RequestStatusDocument>(r);
    CHECK(doc.status == RequestState::reopened);
    CHECK(doc.rated);
    REQUIRE(doc.stages.size() == 4);
    CHECK(doc.stages[3].note == "路灯还是不亮");
}

TEST_CASE("a status without its category, due time or rated flag, or with them malformed, is refused")
{
    for (const char* member : {"category", "due", "rated"}) {
        CAPTURE(member);
        nlohmann::json d = good();
        d.erase(member);
        CHECK_FALSE(error_of(d).empty());
    }
    nlohmann::json d = good();
    d["category"] = "";
    CHECK(error_of(d) == "no category");
    d = good();
    d["category"] = std::string(kMaxCategoryBytes + 1, 'c');
    CHECK(error_of(d) == "no category");
    d = good();
    d["due"] = "2026-12-02T16:00:00+08:00";
    CHECK(error_of(d) == "no due time in RFC 3339 UTC");
    d = good();
    d["due"] = "2026-02-30T08:00:00Z";
    CHECK(error_of(d) == "no due time in RFC 3339 UTC");
    d = good();
    d["rated"] = "no";
    CHECK(error_of(d) == "no rated flag");
    d = good();
    d["rated"] = 0;
    CHECK(error_of(d) == "no rated flag");
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

TEST_CASE("the seven states go to their names and back")
{
    for (int i = 0; i < 7; ++i) {
        const auto state = static_cast<RequestState>(i);
        CHECK(request_state_from_name(request_state_name(state)) == state);
    }
    CHECK(request_state_name(RequestState::reopened) == "reopened");
    CHECK_FALSE(request_state_from_name("rated"));
    CHECK_FALSE(request_state_from_name("Reopened"));
}
