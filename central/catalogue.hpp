// The catalogue a district serves its kiosks (categories, communities, venues, activities, trusted
// keys), one JSON file each in a folder, read once at start; each version is the SHA-256 of its file.
#pragma once

#include "error.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace hk::central {

// The names GET /v1/catalogue/<name> serves (docs/protocol.md); the file of each is <name>.json.
inline constexpr std::array<std::string_view, 5> kCatalogueNames = {"categories", "communities", "venues", "activities",
                                                                    "keys"};
inline constexpr std::size_t kMaxCatalogueFileBytes = 4 * 1024 * 1024;

struct CatalogueEntry {
    std::string version; // lower-case hex SHA-256 of the file
    std::string etag;    // the version in quotes, as the ETag header carries it
    std::string body;    // the response: {"name", "version", "items"}
};

class Catalogue {
public:
    // Reads every <name>.json in `folder`: each must be a JSON array (the items). A missing or
    // malformed file is an error naming it.
    [[nodiscard]] static Result<Catalogue> load(const std::filesystem::path& folder);

    // Nothing for a name the protocol does not know.
    const CatalogueEntry* find(std::string_view name) const;

private:
    std::map<std::string, CatalogueEntry, std::less<>> entries_;
};

} // namespace hk::central
