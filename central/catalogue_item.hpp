// One item of a catalogue file read member by member, for the strict readers of each catalogue
// (booking_catalogue, rating_catalogue, questionnaire_form, directory_catalogue): every refusal
// names the item and the member ("venue V-meeting-1: rules.group_max: ...", "team T-0412-07:
// grid: ..."), and reading stops at the first problem.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace hk::central {

class CatalogueItem {
public:
    // `who` names the item in messages ("venue V-1"); `prefix` is put before every member path,
    // for an object nested in an array of the item ("questions[2].").
    CatalogueItem(const nlohmann::json& o, std::string who, std::string prefix = "")
        : o_(o), who_(std::move(who)), prefix_(std::move(prefix))
    {
    }

    std::unexpected<Error> bad(std::string_view member, std::string_view what) const;

    // Refuses a member (of the object at `where`, "" for the item itself) that `names` lacks.
    [[nodiscard]] Result<void> only(std::initializer_list<std::string_view> names, std::string_view where = "") const;

    // The member at `path` (a.b), or nothing when it is missing.
    const nlohmann::json* find(std::string_view path) const;
    [[nodiscard]] Result<const nlohmann::json*> need(std::string_view path) const;

    [[nodiscard]] Result<int> integer(std::string_view path, int min, int max) const;
    // 1 to 64 of A-Z a-z 0-9 . _ -
    [[nodiscard]] Result<std::string> id(std::string_view path) const;
    [[nodiscard]] Result<std::int64_t> time(std::string_view path) const;
    [[nodiscard]] Result<bool> boolean(std::string_view path) const;
    // An object of the three languages, each a non-empty string of at most `max_chars`
    // characters (code points) when that is not 0.
    [[nodiscard]] Result<void> words(std::string_view path, bool required = true, std::size_t max_chars = 0) const;
    [[nodiscard]] Result<void> object(std::string_view path) const;
    // A string of `min` to `max` characters without control characters.
    [[nodiscard]] Result<std::string> text(std::string_view path, std::size_t min, std::size_t max) const;

    const std::string& who() const { return who_; }

private:
    const nlohmann::json& o_;
    std::string who_;
    std::string prefix_;
};

// "venue V-1" for an item with a string id, "venue #3" for the third without one.
std::string item_name(const nlohmann::json& item, std::string_view kind, std::size_t index);

// Every item of `items` read by `read` (taking a CatalogueItem) into a map by id, each id once.
template <typename Map, typename Read>
Result<Map> read_items(const nlohmann::json& items, std::string_view kind, Read read)
{
    Map out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const nlohmann::json& o = items[i];
        const CatalogueItem item(o, item_name(o, kind, i));
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
