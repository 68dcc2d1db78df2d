// The document of GET /v1/catalogue/<name> (docs/protocol.md), checked for shape and size before
// the kiosk caches it. Pure; fuzzed (tests/fuzz/catalogue_fuzz.cpp).
#pragma once

#include "json_reader.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace hk::uplink {

inline constexpr std::size_t kMaxCatalogueItems = 10000;
inline constexpr std::size_t kMaxVersionBytes = 256;

// Every catalogue the protocol names and the kiosk keeps, in the order a refresh fetches them.
inline constexpr std::array<std::string_view, 12> kCatalogues = {"categories", "communities", "venues", "activities",
                                                                "keys", "windows", "rating_reasons", "questionnaires",
                                                                "directory", "teams", "traffic_safety", "staff"};

// The catalogues the protocol names.
bool known_catalogue(std::string_view name);

struct CatalogueDocument {
    std::string name;
    std::string version;        // the ETag value
    std::size_t item_count = 0; // each an object; for "keys" each a trusted key (below)
};

// `text` as the catalogue `expected_name`: {"name": expected_name, "version": 1 to
// kMaxVersionBytes bytes, "items": up to kMaxCatalogueItems objects}. The items of "keys" must
// each have kid (1 to 128 bytes), alg ("ES256", "EdDSA" or "SM2SM3"), public_key (a PEM public
// key block) and not_after (RFC 3339 UTC, or null for none).
Parsed<CatalogueDocument> parse_catalogue(std::string_view text, std::string_view expected_name);

} // namespace hk::uplink
