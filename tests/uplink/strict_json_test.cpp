// Strict JSON: what nlohmann would read leniently is refused.
#include "strict_json.hpp"

#include <doctest/doctest.h>

using namespace hk::uplink;

TEST_CASE("one JSON object is read")
{
    auto v = parse_strict_object(R"({"a":1,"b":{"c":[1,{"d":"e"}]}})");
    REQUIRE(v);
    CHECK((*v)["b"]["c"][1]["d"] == "e");
}

TEST_CASE("a member named twice is refused at any depth but the same name in sibling objects is not")
{
    CHECK_FALSE(parse_strict_object(R"({"a":1,"a":2})"));
    CHECK_FALSE(parse_strict_object(R"({"a":{"b":1,"b":1}})"));
    CHECK_FALSE(parse_strict_object(R"({"a":[{"b":1,"c":2,"b":3}]})"));
    CHECK(parse_strict_object(R"({"a":{"b":1},"c":{"b":1},"d":[{"b":1},{"b":2}]})"));
}

TEST_CASE("anything but one object of valid UTF-8 and bounded depth is refused")
{
    CHECK_FALSE(parse_strict_object("[]"));
    CHECK_FALSE(parse_strict_object("\"a\""));
    CHECK_FALSE(parse_strict_object(""));
    CHECK_FALSE(parse_strict_object("{} {}"));
    CHECK_FALSE(parse_strict_object("{\"a\":\"\xc3\x28\"}"));
    CHECK_FALSE(parse_strict_object(R"({"a":1,})"));
    std::string deep = "{\"a\":" + std::string(40, '[') + std::string(40, ']') + "}";
    CHECK_FALSE(parse_strict_object(deep));
    std::string fine = "{\"a\":" + std::string(20, '[') + std::string(20, ']') + "}";
    CHECK(parse_strict_object(fine));
}
