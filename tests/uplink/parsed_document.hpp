// What the readers' tests share: a sample catalogue's items, a catalogue document around some
// items, and the value a reader took (the test stops with the reader's words when it took none).
#pragma once

#include "json_reader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <utility>
#include <variant>

namespace hk::uplink::test {

// The items of config/central-sample/`name`.json.
inline nlohmann::json sample_items(const std::string& name)
{
    return nlohmann::json::parse(std::ifstream(std::string(HK_SOURCE_DIR) + "/config/central-sample/" + name + ".json"));
}

inline std::string document(const nlohmann::json& items)
{
    return nlohmann::json{{"name", "x"}, {"version", "v"}, {"items", items}}.dump();
}

template <typename T> T ok(Parsed<T> p)
{
    if (const auto* e = std::get_if<ParseError>(&p))
        FAIL(e->message);
    return std::move(std::get<T>(p));
}

} // namespace hk::uplink::test
