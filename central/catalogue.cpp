// Catalogue files read, checked and wrapped into their responses once, at start.
#include "catalogue.hpp"

#include "durable_file.hpp"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

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

} // namespace

Result<Catalogue> Catalogue::load(const std::filesystem::path& folder)
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
        CatalogueEntry entry;
        entry.version = sha256_hex(*bytes);
        entry.etag = "\"" + entry.version + "\"";
        entry.body = nlohmann::json{{"name", name}, {"version", entry.version}, {"items", std::move(items)}}.dump();
        catalogue.entries_.emplace(std::string(name), std::move(entry));
    }
    return catalogue;
}

const CatalogueEntry* Catalogue::find(std::string_view name) const
{
    const auto it = entries_.find(name);
    return it == entries_.end() ? nullptr : &it->second;
}

} // namespace hk::central
