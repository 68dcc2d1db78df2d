// The members catalogue items share, read the same way in every catalogue (catalogue_items.cpp,
// booking_items.cpp). Internal to kiosk/uplink.
#pragma once

#include "json_reader.hpp"
#include "local_text.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hk::uplink::fields {

// 1 to 64 letters, digits, '.', '_' or '-'.
bool good_id(const nlohmann::json& v);
// {"zh-Hans": "…", "zh-Hant": "…", "en": "…"}: zh-Hans required, each a string of at most
// kMaxCatalogueTextBytes; other members are ignored (a later language).
std::optional<LocalText> local_text(const nlohmann::json& v);
// An integer from 1 to 8760.
std::optional<int> hours(const nlohmann::json& v);
// The "items" array of a catalogue document.
Parsed<nlohmann::json> items_of(std::string_view document);
// An object with a good id not seen before in the document, and a text in the member `text`.
bool named_item(const nlohmann::json& item, std::set<std::string>& seen, std::string& id, LocalText& name,
                const char* text = "name");

} // namespace hk::uplink::fields
