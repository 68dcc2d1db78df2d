// Tests of the strict JSON reader without <expected> (the Result form: strict_json_test.cpp).
#include "json_reader.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hk::uplink;

TEST_CASE("the reader gives the object or the reason it refused the text")
{
    const auto good = read_strict_object(R"({"a":{"b":[1,2]}})");
    REQUIRE(std::holds_alternative<nlohmann::json>(good));
    CHECK(std::get<nlohmann::json>(good)["a"]["b"][1] == 2);

    const auto twice = read_strict_object(R"({"a":{"b":1,"b":2}})");
    REQUIRE(std::holds_alternative<ParseError>(twice));
    CHECK(std::get<ParseError>(twice).message.find("twice") != std::string::npos);

    const std::string deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
    const auto too_deep = read_strict_object(R"({"a":)" + deep + "}");
    REQUIRE(std::holds_alternative<ParseError>(too_deep));
    CHECK(std::get<ParseError>(too_deep).message.find("deeper") != std::string::npos);

    CHECK(std::holds_alternative<ParseError>(read_strict_object("\"\xff\"")));
}
