// Record header fields: fresh ids and the form of each field.
#include "record_header.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace hk::uplink;

namespace {

RecordHeader good()
{
    return RecordHeader{
        "0f8fad5b-d9cb-469f-a165-70867728950e", "kiosk-7", 2, std::string(64, 'b'), "booking", "2026-03-01T08:30:00Z"};
}

} // namespace

TEST_CASE("record ids are lower-case UUID version 4, and fresh each time")
{
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        const std::string id = new_record_id();
        REQUIRE(id.size() == 36);
        CHECK(id[14] == '4');
        CHECK(std::string_view("89ab").find(id[19]) != std::string_view::npos);
        RecordHeader h = good();
        h.id = id;
        CHECK_FALSE(header_problem(h));
        seen.insert(id);
    }
    CHECK(seen.size() == 200);
}

TEST_CASE("each header field out of form is named")
{
    CHECK_FALSE(header_problem(good()));
    auto problem = [](auto change) {
        RecordHeader h = good();
        change(h);
        const auto p = header_problem(h);
        return p ? *p : std::string();
    };
    CHECK(problem([](RecordHeader& h) { h.id = "0F8FAD5B-D9CB-469F-A165-70867728950E"; }).starts_with("id"));
    CHECK(problem([](RecordHeader& h) { h.id[14] = '1'; }).starts_with("id"));
    CHECK(problem([](RecordHeader& h) { h.id[19] = 'c'; }).starts_with("id"));
    CHECK(problem([](RecordHeader& h) { h.kiosk = ""; }).starts_with("kiosk"));
    CHECK(problem([](RecordHeader& h) { h.kiosk = "kiosk 7"; }).starts_with("kiosk"));
    CHECK(problem([](RecordHeader& h) { h.kiosk = std::string(65, 'k'); }).starts_with("kiosk"));
    CHECK(problem([](RecordHeader& h) { h.seq = 0; }).starts_with("seq"));
    CHECK(problem([](RecordHeader& h) { h.seq = kMaxSeq + 1; }).starts_with("seq"));
    CHECK(problem([](RecordHeader& h) { h.prev = ""; }).starts_with("prev"));
    CHECK(problem([](RecordHeader& h) { h.prev[0] = 'B'; }).starts_with("prev"));
    CHECK(problem([](RecordHeader& h) { h.seq = 1; }).starts_with("prev"));
    CHECK(problem([](RecordHeader& h) { h.type = "Booking"; }).starts_with("type"));
    CHECK(problem([](RecordHeader& h) { h.at = "2026-03-01T08:30:00+08:00"; }).starts_with("at"));
    for (const char* type : {"request", "request_feedback", "booking", "checkin", "rating", "audit"})
        CHECK(problem([&](RecordHeader& h) { h.type = type; }).empty());
}
