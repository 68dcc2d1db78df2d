// Tests of checking catalogue documents before they are cached.
#include "catalogue_document.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <string>

using namespace hk::uplink;

namespace {

const std::string kPem = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n";

nlohmann::json key_item()
{
    return {{"kid", "k1"}, {"alg", "EdDSA"}, {"public_key", kPem}, {"not_after", "2027-01-01T00:00:00Z"}};
}

std::string keys_doc(const nlohmann::json& item)
{
    return nlohmann::json{{"name", "keys"}, {"version", "v7"}, {"items", {item}}}.dump();
}

std::string error_of(std::string_view text, std::string_view name)
{
    auto r = parse_catalogue(text, name);
    REQUIRE(std::holds_alternative<ParseError>(r));
    return std::get<ParseError>(r).message;
}

} // namespace

TEST_CASE("a catalogue of the name asked for is read with its version and item count")
{
    const auto r =
        parse_catalogue(R"({"name":"venues","version":"\"abc\"","items":[{"id":"V1"},{"id":"V2"}]})", "venues");
    REQUIRE(std::holds_alternative<CatalogueDocument>(r));
    const auto& doc = std::get<CatalogueDocument>(r);
    CHECK(doc.name == "venues");
    CHECK(doc.version == "\"abc\"");
    CHECK(doc.item_count == 2);
}

TEST_CASE("a catalogue of another name, without a version or with items that are not objects is refused")
{
    CHECK(error_of(R"({"name":"venues","version":"1","items":[]})", "activities") == "not the catalogue asked for");
    CHECK(error_of(R"({"name":"venues","items":[]})", "venues").find("no version") != std::string::npos);
    CHECK(error_of(R"({"name":"venues","version":"","items":[]})", "venues").find("no version") != std::string::npos);
    CHECK(error_of(R"({"name":"venues","version":"1"})", "venues") == "no items array");
    CHECK(error_of(R"({"name":"venues","version":"1","items":[1]})", "venues").find("not an object") !=
          std::string::npos);
    CHECK(error_of("not json", "venues").find("not JSON") != std::string::npos);
}

TEST_CASE("a catalogue of more than the item limit is refused")
{
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i <= kMaxCatalogueItems; ++i)
        items.push_back(nlohmann::json::object());
    const std::string text = nlohmann::json{{"name", "venues"}, {"version", "1"}, {"items", items}}.dump();
    CHECK(error_of(text, "venues").find("more than") != std::string::npos);
}

TEST_CASE("each trusted key must have a kid, a known alg, a PEM public key and not_after")
{
    CHECK(std::holds_alternative<CatalogueDocument>(parse_catalogue(keys_doc(key_item()), "keys")));
    nlohmann::json never = key_item();
    never["not_after"] = nullptr;
    CHECK(std::holds_alternative<CatalogueDocument>(parse_catalogue(keys_doc(never), "keys")));

    const auto refused = [](const char* member, const nlohmann::json& value) {
        nlohmann::json item = key_item();
        if (value.is_discarded())
            item.erase(member);
        else
            item[member] = value;
        return error_of(keys_doc(item), "keys");
    };
    const nlohmann::json missing(nlohmann::json::value_t::discarded);
    CHECK(refused("kid", missing).find("kid") != std::string::npos);
    CHECK(refused("kid", std::string(129, 'k')).find("kid") != std::string::npos);
    CHECK(refused("alg", "HS256").find("alg") != std::string::npos);
    CHECK(refused("alg", missing).find("alg") != std::string::npos);
    CHECK(refused("public_key", "MCowBQYDK2VwAyEA").find("PEM") != std::string::npos);
    CHECK(refused("public_key", 5).find("public_key") != std::string::npos);
    CHECK(refused("not_after", missing).find("not_after") != std::string::npos);
    CHECK(refused("not_after", "2027-01-01").find("not_after") != std::string::npos);
}

TEST_CASE("the protocol's catalogue names are known, others not")
{
    for (const char* name : {"categories", "communities", "venues", "activities", "keys"})
        CHECK(known_catalogue(name));
    CHECK_FALSE(known_catalogue("slots/../keys"));
    CHECK_FALSE(known_catalogue(""));
}
