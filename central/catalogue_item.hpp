// One catalogue item read member by member, for the strict readers of the catalogue files
// (booking_catalogue.cpp, directory_catalogue.cpp): every error names the item and the member
// ("venue V-1: rules.group_max: ...", "team T-0412-07: grid: ..."), and reading stops at the
// first. Pure.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hk::central {

class Item {
public:
    using Json = nlohmann::json;

    Item(const Json& o, std::string who) : o_(o), who_(std::move(who)) {}

    // "venue V-1": how messages name the item.
    const std::string& who() const { return who_; }
    std::unexpected<Error> bad(std::string_view member, std::string_view what) const;
    // No member but `names` in the item (or in its object member `where`).
    Result<void> only(std::initializer_list<std::string_view> names, std::string_view where = "") const;
    // The member at `path` (a.b), or nothing when it is missing.
    const Json* find(std::string_view path) const;
    Result<const Json*> need(std::string_view path) const;
    Result<int> integer(std::string_view path, int min, int max) const;
    // A plain id: 1 to 64 of A-Z a-z 0-9 . _ -
    Result<std::string> id(std::string_view path) const;
    Result<std::int64_t> time(std::string_view path) const;
    // An object of the three languages, each a non-empty string of at most `max_chars`
    // characters (code points) when that is not 0.
    Result<void> words(std::string_view path, bool required = true, std::size_t max_chars = 0) const;
    Result<void> object(std::string_view path) const;
    // A string of `min` to `max` characters without control characters.
    Result<std::string> text(std::string_view path, std::size_t min, std::size_t max) const;

private:
    const Json& o_;
    std::string who_;
};

// "venue V-1", or "venue #3" for an item without a string id.
std::string item_name(const nlohmann::json& item, std::string_view kind, std::size_t index);

// Every item of `items` read by `read` into a map by id, each id once.
template <typename Map, typename Read>
Result<Map> read_items(const nlohmann::json& items, std::string_view kind, Read read)
{
    Map out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& o = items[i];
        const Item item(o, item_name(o, kind, i));
        if (!o.is_object())
            return item.bad("item", "not an object");
        auto one = read(item);
        if (!one)
            return std::unexpected(one.error());
        if (out.contains(one->id))
            return item.bad("id", "named twice in the catalogue");
        out.emplace(one->id, std::move(*one));
    }
    return out;
}

} // namespace hk::central
