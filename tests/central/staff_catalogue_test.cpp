// Tests of the central side's staff catalogue: the sample reads, and each way an entry can be
// wrong stops the server at start with a message naming the entry and the member.
#include "staff_catalogue.hpp"

#include "central_support.hpp"

#include <doctest/doctest.h>

using namespace hk::central;
using Json = nlohmann::json;

namespace {

std::string staff_problem(const std::function<void(Json&)>& change)
{
    Json items = test::sample_items("staff");
    change(items[0]);
    auto read = read_staff(items);
    return read ? "" : read.error().message;
}

} // namespace

TEST_CASE("the sample staff read, each with a hall")
{
    auto staff = read_staff(test::sample_items("staff"));
    REQUIRE(staff);
    CHECK(staff->size() == 3);
    CHECK(staff->at("S0042").hall == "demo-hall-001");
    CHECK(staff->at("A0001").hall == "ALL");
}

TEST_CASE("a staff entry with an unknown member, an id twice, no hall or a PIN hash that does not read is refused")
{
    CHECK(staff_problem([](Json&) {}).empty());
    CHECK(staff_problem([](Json& o) { o["name"] = "张三"; }).find("name") != std::string::npos);
    CHECK(staff_problem([](Json& o) { o["id"] = "T0007"; }).find("named twice") != std::string::npos);
    CHECK(staff_problem([](Json& o) { o.erase("hall"); }).find("hall") != std::string::npos);
    const std::string clear = staff_problem([](Json& o) { o["pin"] = "246810"; });
    CHECK(clear.find("staff member S0042") != std::string::npos);
    CHECK(clear.find("pin") != std::string::npos);
    CHECK(staff_problem([](Json& o) { o["pin"] = "pbkdf2-sha256$5$AAAAAAAAAAAAAAAAAAAAAA$" + std::string(43, 'A'); })
              .find("iterations") != std::string::npos);
}
