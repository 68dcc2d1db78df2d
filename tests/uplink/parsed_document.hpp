// What the readers' tests share: a catalogue document around some items, and the value a reader
// took (the test stops with the reader's words when it took none).
#pragma once

#include "json_reader.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <utility>
#include <variant>

namespace hk::uplink::test {

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
