// The members catalogue items share, read the same way in every catalogue (catalogue_items.cpp,
// booking_items.cpp). Internal to kiosk/uplink.
#pragma once

#include "catalogue_items.hpp"
#include "json_reader.hpp"
#include "local_text.hpp"

#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace hk::uplink::fields {

// 1 to 64 letters, digits, '.', '_' or '-'.
bool good_id(const nlohmann::json& v);
// {"zh-Hans": "…", "zh-Hant": "…", "en": "…"}: zh-Hans required, each a string of at most
// `max_bytes`; other members are ignored (a later language).
std::optional<LocalText> local_text(const nlohmann::json& v, std::size_t max_bytes = kMaxCatalogueTextBytes);
// An integer from 1 to 8760.
std::optional<int> hours(const nlohmann::json& v);
// The "items" array of a catalogue document.
Parsed<nlohmann::json> items_of(std::string_view document);
// An object with a good id not seen before in the document, and a text in the member `text`.
bool named_item(const nlohmann::json& item, std::set<std::string>& seen, std::string& id, LocalText& name,
                const char* text = "name");

// An integer member from `lo` to `hi`.
std::optional<int> int_in(const nlohmann::json& obj, const char* name, int lo, int hi);
// A string member of 1 to `max` bytes.
std::optional<std::string> text_of(const nlohmann::json& obj, const char* name, std::size_t max = 200);
// A time member: RFC 3339 with Z or an offset (`utc`: with Z only).
std::optional<std::string> time_of(const nlohmann::json& obj, const char* name, bool utc = false);

// The value a protocol name stands for in a table of names and values, or nothing.
template <typename E, std::size_t N>
std::optional<E> value_named(const std::array<std::pair<std::string_view, E>, N>& table, std::string_view name)
{
    for (const auto& [n, v] : table)
        if (n == name)
            return v;
    return std::nullopt;
}

// The protocol's name of `value` in the table, or `otherwise`.
template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<std::string_view, E>, N>& table, E value,
                         std::string_view otherwise = "")
{
    for (const auto& [n, v] : table)
        if (v == value)
            return n;
    return otherwise;
}

// The items of `document`, each as `read(item, ids seen so far)` takes it; those it refuses
// (nothing) are left out and counted.
template <typename T, typename Read> Parsed<ReadItems<T>> read_each(std::string_view document, Read read)
{
    auto items = items_of(document);
    if (auto* e = std::get_if<ParseError>(&items))
        return *e;
    ReadItems<T> out;
    std::set<std::string> seen;
    for (const nlohmann::json& item : std::get<nlohmann::json>(items)) {
        if (auto v = read(item, seen))
            out.items.push_back(std::move(*v));
        else
            ++out.left_out;
    }
    return out;
}

} // namespace hk::uplink::fields
