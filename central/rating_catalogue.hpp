// The catalogues ratings are checked against (docs/protocol.md, "Ratings"): `windows`, a hall's
// service windows, and `rating_reasons`, the tags of a low rating with the subjects each applies
// to. Each item read strictly: exactly the documented members, each of its form; a refusal names
// the item and the member ("window W-001-03: number: ..."). Pure.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace hk::central {

// What a rating can be of, as `subject.kind` names it.
enum class SubjectKind { visit, window, request, booking };
inline constexpr std::array<std::string_view, 4> kSubjectKindNames = {"visit", "window", "request", "booking"};
std::string_view subject_kind_name(SubjectKind kind);
std::optional<SubjectKind> subject_kind_from_name(std::string_view name);

// A set of subject kinds, bit (1 << kind).
using SubjectKinds = unsigned;
constexpr SubjectKinds subject_bit(SubjectKind kind)
{
    return 1U << static_cast<unsigned>(kind);
}

struct Window {
    std::string id;
    std::string hall;
    int number = 0;         // 1 to 99, once per hall
    bool anonymous = false; // rated without the resident's ID card, one rating per visit
};

struct RatingReason {
    std::string id;
    SubjectKinds subjects = 0;
};

using Windows = std::map<std::string, Window, std::less<>>;
using RatingReasons = std::map<std::string, RatingReason, std::less<>>;

[[nodiscard]] Result<Windows> read_windows(const nlohmann::json& items);
[[nodiscard]] Result<RatingReasons> read_rating_reasons(const nlohmann::json& items);

// `subjects` of an item (a reason's, a questionnaire's): 1 to 4 subject kinds, none twice.
class CatalogueItem;
[[nodiscard]] Result<SubjectKinds> read_subject_kinds(const CatalogueItem& item, std::string_view path);

} // namespace hk::central
