// The catalogue a district serves its kiosks (categories, communities, venues, activities, trusted
// keys, service windows, rating reasons, the service directory and its volunteer teams, traffic
// safety pages), one JSON file each in a folder, read once at start; each version is the SHA-256 of
// its file. What records are checked against (child categories with their response times,
// communities and their grids, windows, reasons, the keys that sign queue tickets and booking
// passes) is kept apart as well.
#pragma once

#include "booking_catalogue.hpp"
#include "error.hpp"
#include "rating_catalogue.hpp"
#include "trusted_keys.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace hk::central {

// The names GET /v1/catalogue/<name> serves (docs/protocol.md); the file of each is <name>.json.
inline constexpr std::array<std::string_view, 11> kCatalogueNames = {
    "categories", "communities", "venues", "activities", "keys", "windows", "rating_reasons", "directory", "teams",
    "traffic_safety", "staff"};
inline constexpr std::size_t kMaxCatalogueFileBytes = 4 * 1024 * 1024;

struct CatalogueEntry {
    std::string version; // lower-case hex SHA-256 of the file
    std::string etag;    // the version in quotes, as the ETag header carries it
    std::string body;    // the response: {"name", "version", "items"}
};

// The response of GET /v1/catalogue/`name` serving `items`, its version `version` or, without
// one, the SHA-256 of the items served.
CatalogueEntry catalogue_entry(std::string_view name, nlohmann::json items, std::optional<std::string> version);

class Catalogue {
public:
    // Reads every <name>.json in `folder`: each must be a JSON array (the items). A missing or
    // malformed file is an error naming it, and so is a category child without a string id and
    // a positive integer response_hours, a community or grid without a string id, or a venue or
    // activity that breaks a rule of booking_catalogue, a window or rating reason that breaks one
    // of rating_catalogue, a directory service, team or traffic safety page that breaks one of
    // directory_catalogue, a key that cannot be loaded (the message names the item and member).
    // `own_keys` are served in the keys catalogue after the file's (the central side's pass key);
    // the keys version is then the SHA-256 of the items served, so that it changes with them.
    [[nodiscard]] static Result<Catalogue> load(const std::filesystem::path& folder,
                                                const nlohmann::json& own_keys = nlohmann::json::array());

    // Nothing for a name the protocol does not know.
    const CatalogueEntry* find(std::string_view name) const;

    // The response time of the child category `id` (requests are filed under a child, never
    // under a top-level category), or nothing when there is no such child.
    std::optional<int> response_hours(std::string_view id) const;
    bool has_community(std::string_view id) const;
    bool has_grid(std::string_view community, std::string_view grid) const;

    const Venue* venue(std::string_view id) const;
    const Activity* activity(std::string_view id) const;

    const Window* window(std::string_view id) const;
    const RatingReason* rating_reason(std::string_view id) const;
    // The keys of the keys catalogue, own keys included: what queue tickets and booking passes
    // are verified with.
    const codes::TrustedKeys& trusted_keys() const { return keys_; }

private:
    [[nodiscard]] Result<void> take_ids(std::string_view name, const nlohmann::json& items);

    std::map<std::string, CatalogueEntry, std::less<>> entries_;
    std::map<std::string, int, std::less<>> child_categories_;                           // id → response_hours
    std::map<std::string, std::set<std::string, std::less<>>, std::less<>> communities_; // id → grid ids
    Venues venues_;
    Activities activities_;
    Windows windows_;
    RatingReasons reasons_;
    codes::TrustedKeys keys_;
};

} // namespace hk::central
