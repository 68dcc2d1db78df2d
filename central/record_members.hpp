// The members of record bodies read strictly, for the readers of each record type
// (request_records, rating_records, questionnaire_answers): each reason names the member first
// ("reporter.phone: not 11 digits starting with 1"), as the record is answered with. Pure.
#pragma once

#include "error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace hk::central {

// Where a member is, as reasons name it: "reporter.phone"; `where` is "" at the top.
std::string member_path(std::string_view where, std::string_view name);

const nlohmann::json* find_member(const nlohmann::json& o, std::string_view name);

// `o` as the object at `where` with no member outside `names`.
[[nodiscard]] Result<void> object_of(const nlohmann::json* o, std::string_view where,
                                     std::initializer_list<std::string_view> names);

[[nodiscard]] Result<const std::string*> string_member(const nlohmann::json& o, std::string_view where,
                                                       std::string_view name);

// An object member whose "kind" says which other members it may hold (place, reporter, subject).
struct Kinded {
    const nlohmann::json* object = nullptr;
    std::string kind;
};

[[nodiscard]] Result<Kinded> kinded_member(const nlohmann::json& o, std::string_view name);

enum class Lines { one, many };

// A text member: `min` to `max` characters (code points) and no control characters, but new
// lines where `lines` is many. The text is shown to staff in terminals and lists, where a
// control character could rewrite what is on the screen.
[[nodiscard]] Result<std::string> text_member(const nlohmann::json& o, std::string_view where, std::string_view name,
                                              std::size_t min, std::size_t max, Lines lines = Lines::one);

// A member of a fixed form, which `ok` checks and `form` describes in the reason.
[[nodiscard]] Result<std::string> coded_member(const nlohmann::json& o, std::string_view where, std::string_view name,
                                               bool (*ok)(std::string_view), std::string_view form);

// An RFC 3339 time of the years 2000 to 2099, as Unix seconds.
[[nodiscard]] Result<std::int64_t> time_member(const nlohmann::json& o, std::string_view where, std::string_view name);

// The language the resident used: zh-Hans, zh-Hant or en.
[[nodiscard]] Result<std::string> lang_member(const nlohmann::json& o, std::string_view name);

bool digits_only(std::string_view s);
bool check_code(std::string_view s);
bool tracking_number(std::string_view s);
bool mobile_phone(std::string_view s);

// The tracking number and check code by which every record of a request names it.
template <typename Out> [[nodiscard]] Result<void> read_codes(const nlohmann::json& o, std::string_view where, Out& out)
{
    auto tracking = coded_member(o, where, "tracking", tracking_number,
                                 "a tracking number (14 digits, the last a Damm check digit)");
    if (!tracking)
        return std::unexpected(tracking.error());
    auto check = coded_member(o, where, "check", check_code, "6 digits");
    if (!check)
        return std::unexpected(check.error());
    out.tracking = std::move(*tracking);
    out.check = std::move(*check);
    return {};
}

} // namespace hk::central
