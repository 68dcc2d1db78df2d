// Fuzz target for checking catalogue documents (kiosk/uplink/catalogue_document.cpp): never a
// crash; a document taken is the catalogue asked for, with a version of 1 to kMaxVersionBytes
// bytes and no more than kMaxCatalogueItems items, each an object, and for "keys" each a key of a
// known alg with a PEM public key; the text is JSON the plain parser reads alike.
//
// Input: the first byte modulo 5 picks the catalogue asked for (categories, communities, venues,
// activities, keys); the rest is the body.
#include "catalogue_document.hpp"
#include "fuzz_expect.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace hk::uplink;
using hk::fuzz::expect;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    constexpr std::array<std::string_view, 5> kNames = {"categories", "communities", "venues", "activities", "keys"};
    if (size == 0)
        return 0;
    const std::string_view name = kNames[data[0] % kNames.size()];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    expect(known_catalogue(name), "a protocol catalogue unknown");

    const auto parsed = parse_catalogue(text, name);
    if (const auto* e = std::get_if<ParseError>(&parsed)) {
        expect(!e->message.empty(), "a refusal without its reason");
        return 0;
    }
    const auto& doc = std::get<CatalogueDocument>(parsed);
    expect(doc.name == name, "another catalogue taken");
    expect(!doc.version.empty() && doc.version.size() <= kMaxVersionBytes, "a version out of bounds");
    expect(doc.item_count <= kMaxCatalogueItems, "too many items taken");

    const nlohmann::json plain = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    expect(plain.is_object() && plain["items"].is_array() && plain["items"].size() == doc.item_count,
           "the items counted are not the document's");
    for (const auto& item : plain["items"]) {
        expect(item.is_object(), "an item taken that is no object");
        if (name == "keys") {
            const std::string alg = item.value("alg", "");
            expect(alg == "ES256" || alg == "EdDSA" || alg == "SM2SM3", "a key of an unknown alg taken");
            expect(item.value("public_key", "").starts_with("-----BEGIN PUBLIC KEY-----"), "a key without its PEM");
        }
    }
    return 0;
}
