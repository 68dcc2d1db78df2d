// Catalogue envelopes: the kiosk keeps the body as sent, so it is checked whole before it is kept.
#include "catalogue_document.hpp"

#include "rfc3339.hpp"

#include <array>

namespace hk::uplink {

namespace {

bool string_member(const nlohmann::json& o, const char* name, std::size_t min_bytes, std::size_t max_bytes)
{
    const auto m = o.find(name);
    if (m == o.end() || !m->is_string())
        return false;
    const std::size_t n = m->get_ref<const std::string&>().size();
    return n >= min_bytes && n <= max_bytes;
}

// Why a "keys" item is not a trusted key the kiosk could load, or nothing.
std::optional<std::string> key_problem(const nlohmann::json& item)
{
    if (!string_member(item, "kid", 1, 128))
        return "no kid of 1 to 128 bytes";
    const auto alg = item.find("alg");
    if (alg == item.end() || !alg->is_string() || (*alg != "ES256" && *alg != "EdDSA" && *alg != "SM2SM3"))
        return "an unknown alg";
    if (!string_member(item, "public_key", 1, 8192))
        return "no public_key";
    const std::string& pem = item.find("public_key")->get_ref<const std::string&>();
    if (!pem.starts_with("-----BEGIN PUBLIC KEY-----") || pem.find("-----END PUBLIC KEY-----") == std::string::npos)
        return "a public_key that is not a PEM public key";
    const auto not_after = item.find("not_after");
    if (not_after == item.end())
        return "no not_after";
    if (!not_after->is_null() &&
        !(not_after->is_string() && valid_rfc3339_utc(not_after->get_ref<const std::string&>())))
        return "a not_after that is not RFC 3339 UTC";
    return std::nullopt;
}

} // namespace

bool known_catalogue(std::string_view name)
{
    for (std::string_view c : kCatalogues)
        if (c == name)
            return true;
    return false;
}

Parsed<CatalogueDocument> parse_catalogue(std::string_view text, std::string_view expected_name)
{
    auto doc = read_strict_object(text);
    if (auto* e = std::get_if<ParseError>(&doc))
        return *e;
    const nlohmann::json& root = std::get<nlohmann::json>(doc);
    const auto name = root.find("name");
    if (name == root.end() || !name->is_string() || name->get_ref<const std::string&>() != expected_name)
        return ParseError{"not the catalogue asked for"};
    if (!string_member(root, "version", 1, kMaxVersionBytes))
        return ParseError{"no version of 1 to " + std::to_string(kMaxVersionBytes) + " bytes"};
    const auto items = root.find("items");
    if (items == root.end() || !items->is_array())
        return ParseError{"no items array"};
    if (items->size() > kMaxCatalogueItems)
        return ParseError{"more than " + std::to_string(kMaxCatalogueItems) + " items"};
    const bool keys = expected_name == "keys";
    for (std::size_t i = 0; i < items->size(); ++i) {
        const nlohmann::json& item = (*items)[i];
        const std::string where = "item " + std::to_string(i + 1) + ": ";
        if (!item.is_object())
            return ParseError{where + "not an object"};
        if (keys)
            if (auto problem = key_problem(item))
                return ParseError{where + *problem};
    }
    return CatalogueDocument{name->get<std::string>(), root.find("version")->get<std::string>(), items->size()};
}

} // namespace hk::uplink
