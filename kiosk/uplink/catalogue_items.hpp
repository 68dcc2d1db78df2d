// The items of the catalogues the request screens use, read into the kiosk's own types: request
// categories (two levels, each with its expected response time and quick phrases) and
// communities with their grids (docs/protocol.md). The document was checked for its shape when
// it came (catalogue_document.hpp); an item that does not read here is left out and counted, so
// that one bad entry does not take the whole list off the screen. Pure; fuzzed
// (tests/fuzz/catalogue_items_fuzz.cpp).
#pragma once

#include "json_reader.hpp"
#include "local_text.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hk::uplink {

inline constexpr std::size_t kMaxPhrasesPerCategory = 12;
inline constexpr std::size_t kMaxCatalogueTextBytes = 400; // a name or phrase in one language

// A sentence a resident can pick instead of typing ("the street light is out").
struct QuickPhrase {
    std::string id;
    LocalText text;
};

struct Category {
    std::string id;
    LocalText name;
    int response_hours = 0; // the expected response time the resident is told
    std::vector<QuickPhrase> phrases;
};

struct CategoryGroup {
    std::string id;
    LocalText name;
    int response_hours = 0;
    std::vector<Category> children; // never empty
};

struct Grid {
    std::string id;
    LocalText name;
};

struct Community {
    std::string id;
    LocalText name;
    std::vector<Grid> grids;
};

template <typename T> struct ReadItems {
    std::vector<T> items;
    std::size_t left_out = 0; // items that did not read
};

// The "categories" document's items. A child needs id, name (zh-Hans at least, each language at
// most kMaxCatalogueTextBytes), response_hours (1 to 8760) and optional phrases; a group needs
// the same and at least one good child. Ids are 1 to 64 letters, digits, '.', '_' or '-', each
// once in the document.
Parsed<ReadItems<CategoryGroup>> read_categories(std::string_view document);

// The "communities" document's items: id, name, and grids of id and name.
Parsed<ReadItems<Community>> read_communities(std::string_view document);

// The child category `id` in `groups`, or null.
const Category* find_category(const std::vector<CategoryGroup>& groups, std::string_view id);

} // namespace hk::uplink
