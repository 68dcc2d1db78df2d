// Catalogue files read, checked and wrapped into their responses once, at start.
#include "catalogue.hpp"

#include "catalogue_item.hpp"
#include "directory_catalogue.hpp"
#include "durable_file.hpp"
#include "staff_catalogue.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdio>

namespace hk::central {
namespace {

std::string sha256_hex(std::string_view bytes)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int n = 0;
    EVP_Digest(bytes.data(), bytes.size(), digest.data(), &n, EVP_sha256(), nullptr);
    std::string hex;
    for (unsigned int i = 0; i < n; ++i) {
        std::array<char, 3> two{};
        std::snprintf(two.data(), two.size(), "%02x", digest.at(i));
        hex += two.data();
    }
    return hex;
}

// A keys item loaded into `keys`: {kid, alg, public_key, not_after}, exactly these.
Result<void> load_key(const CatalogueItem& item, codes::TrustedKeys& keys)
{
    if (auto r = item.only({"kid", "alg", "public_key", "not_after"}); !r)
        return r;
    auto kid = item.need("kid");
    if (!kid)
        return std::unexpected(kid.error());
    if (!(*kid)->is_string() || !codes::valid_kid((*kid)->get_ref<const std::string&>()))
        return item.bad("kid", "not a key id (1 to 32 of A-Z a-z 0-9 _ -)");
    auto alg_name = item.need("alg");
    if (!alg_name)
        return std::unexpected(alg_name.error());
    const auto alg = (*alg_name)->is_string() ? codes::algorithm_from_name((*alg_name)->get_ref<const std::string&>())
                                              : std::nullopt;
    if (!alg)
        return item.bad("alg", "not ES256 or EdDSA");
    auto pem = item.need("public_key");
    if (!pem)
        return std::unexpected(pem.error());
    if (!(*pem)->is_string())
        return item.bad("public_key", "not a PEM public key");
    std::optional<std::int64_t> not_after;
    auto until = item.need("not_after");
    if (!until)
        return std::unexpected(until.error());
    if (!(*until)->is_null()) {
        auto t = item.time("not_after");
        if (!t)
            return std::unexpected(t.error());
        not_after = *t;
    }
    if (auto why =
            keys.add_pem((*kid)->get_ref<const std::string&>(), *alg, (*pem)->get_ref<const std::string&>(), not_after))
        return item.bad("public_key", *why);
    return {};
}

Result<void> load_keys(const nlohmann::json& items, codes::TrustedKeys& keys)
{
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& o = items[i];
        const auto kid = o.is_object() && o.contains("kid") && o["kid"].is_string() ? o["kid"].get<std::string>()
                                                                                    : "#" + std::to_string(i + 1);
        const CatalogueItem item(o, "key " + kid);
        if (!o.is_object())
            return item.bad("item", "not an object");
        if (auto r = load_key(item, keys); !r)
            return r;
    }
    return {};
}

} // namespace

CatalogueEntry catalogue_entry(std::string_view name, nlohmann::json items, std::optional<std::string> version)
{
    CatalogueEntry entry;
    entry.version = version ? std::move(*version) : sha256_hex(items.dump());
    entry.etag = "\"" + entry.version + "\"";
    entry.body = nlohmann::json{{"name", name}, {"version", entry.version}, {"items", std::move(items)}}.dump();
    return entry;
}

Result<Catalogue> Catalogue::load(const std::filesystem::path& folder, const nlohmann::json& own_keys)
{
    Catalogue catalogue;
    for (const auto name : kCatalogueNames) {
        const auto file = folder / (std::string(name) + ".json");
        std::error_code ec;
        const auto size = std::filesystem::file_size(file, ec);
        if (ec)
            return fail("catalogue: cannot read " + file.string() + ": " + ec.message());
        if (size > kMaxCatalogueFileBytes)
            return fail("catalogue: " + file.string() + " is larger than 4 MiB");
        auto bytes = uplink::read_small_file(file);
        if (!bytes)
            return std::unexpected(bytes.error());
        auto items = nlohmann::json::parse(*bytes, nullptr, false);
        if (items.is_discarded() || !items.is_array())
            return fail("catalogue: " + file.string() + " is not a JSON array");
        if (auto ids = catalogue.take_ids(name, items); !ids)
            return fail("catalogue: " + file.string() + ": " + ids.error().message);
        std::optional<std::string> version = sha256_hex(*bytes);
        if (name == "keys" && !own_keys.empty()) {
            for (const auto& key : own_keys) {
                const auto same_kid = [&](const nlohmann::json& k) {
                    return k.is_object() && k.value("kid", "") == key.value("kid", "");
                };
                if (std::any_of(items.begin(), items.end(), same_kid))
                    return fail("catalogue: " + file.string() + ": kid " + key.value("kid", "") +
                                " is the central side's own pass key");
                items.push_back(key);
            }
            version.reset();
        }
        if (name == "keys")
            if (auto r = load_keys(items, catalogue.keys_); !r)
                return fail("catalogue: " + file.string() + ": " + r.error().message);
        catalogue.entries_.emplace(std::string(name), catalogue_entry(name, std::move(items), std::move(version)));
    }
    return catalogue;
}

Result<void> Catalogue::take_ids(std::string_view name, const nlohmann::json& items)
{
    const auto id_of = [](const nlohmann::json& item) -> const std::string* {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string())
            return nullptr;
        return &item["id"].get_ref<const std::string&>();
    };
    if (name == "categories") {
        for (const auto& category : items) {
            if (!id_of(category))
                return fail("a category without a string id");
            const auto children = category.find("children");
            if (children == category.end())
                continue;
            if (!children->is_array())
                return fail("category " + *id_of(category) + ": children is not an array");
            for (const auto& child : *children) {
                const std::string* id = id_of(child);
                const auto hours = child.is_object() ? child.find("response_hours") : child.end();
                if (!id || hours == child.end() || !hours->is_number_integer() || hours->get<std::int64_t>() < 1 ||
                    hours->get<std::int64_t>() > 100000)
                    return fail("category " + *id_of(category) +
                                ": a child without a string id and a response_hours of 1 to 100000");
                child_categories_[*id] = hours->get<int>();
            }
        }
    } else if (name == "venues") {
        auto venues = read_venues(items, [this](std::string_view id) { return has_community(id); });
        if (!venues)
            return std::unexpected(venues.error());
        venues_ = std::move(*venues);
    } else if (name == "activities") {
        auto activities = read_activities(items, venues_, [this](std::string_view id) { return has_community(id); });
        if (!activities)
            return std::unexpected(activities.error());
        activities_ = std::move(*activities);
    } else if (name == "windows") {
        auto windows = read_windows(items);
        if (!windows)
            return std::unexpected(windows.error());
        windows_ = std::move(*windows);
    } else if (name == "rating_reasons") {
        auto reasons = read_rating_reasons(items);
        if (!reasons)
            return std::unexpected(reasons.error());
        reasons_ = std::move(*reasons);
    } else if (name == "directory") {
        if (auto r = read_directory(items, [this](std::string_view id) { return has_community(id); }); !r)
            return std::unexpected(r.error());
    } else if (name == "teams") {
        auto teams = read_teams(
            items, [this](std::string_view id) { return has_community(id); },
            [this](std::string_view community, std::string_view grid) { return has_grid(community, grid); });
        if (!teams)
            return std::unexpected(teams.error());
    } else if (name == "staff") {
        if (auto r = read_staff(items); !r)
            return std::unexpected(r.error());
    } else if (name == "traffic_safety") {
        if (auto r = read_traffic_safety(items); !r)
            return std::unexpected(r.error());
    } else if (name == "communities") {
        for (const auto& community : items) {
            const std::string* id = id_of(community);
            const auto grids = id ? community.find("grids") : community.end();
            if (!id || grids == community.end() || !grids->is_array())
                return fail("a community without a string id and a grids array");
            auto& known = communities_[*id];
            for (const auto& grid : *grids) {
                if (!id_of(grid))
                    return fail("community " + *id + ": a grid without a string id");
                known.insert(*id_of(grid));
            }
        }
    }
    return {};
}

std::optional<int> Catalogue::response_hours(std::string_view id) const
{
    const auto it = child_categories_.find(id);
    return it == child_categories_.end() ? std::nullopt : std::optional<int>(it->second);
}

bool Catalogue::has_community(std::string_view id) const
{
    return communities_.find(id) != communities_.end();
}

bool Catalogue::has_grid(std::string_view community, std::string_view grid) const
{
    const auto it = communities_.find(community);
    return it != communities_.end() && it->second.find(grid) != it->second.end();
}

const Venue* Catalogue::venue(std::string_view id) const
{
    const auto it = venues_.find(id);
    return it == venues_.end() ? nullptr : &it->second;
}

const Activity* Catalogue::activity(std::string_view id) const
{
    const auto it = activities_.find(id);
    return it == activities_.end() ? nullptr : &it->second;
}

const Window* Catalogue::window(std::string_view id) const
{
    const auto it = windows_.find(id);
    return it == windows_.end() ? nullptr : &it->second;
}

const RatingReason* Catalogue::rating_reason(std::string_view id) const
{
    const auto it = reasons_.find(id);
    return it == reasons_.end() ? nullptr : &it->second;
}

const CatalogueEntry* Catalogue::find(std::string_view name) const
{
    const auto it = entries_.find(name);
    return it == entries_.end() ? nullptr : &it->second;
}

} // namespace hk::central
