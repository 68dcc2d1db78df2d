// A citizen request as the resident puts it together on the kiosk, step by step, and the rules it
// must meet before it can be submitted (docs/protocol.md, record type "request"). Everything here
// is wiped when the session ends. Pure.
#pragma once

#include "personal.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hk {

inline constexpr std::size_t kMaxDescriptionChars = 1000; // characters (code points), not bytes
inline constexpr std::size_t kMaxPlaceDetailChars = 100;
inline constexpr std::size_t kPhoneDigits = 11;

enum class PlaceKind { unset, hall, community };
enum class ReporterKind { unset, anonymous, named };

// The steps of filing a request, in order. An anonymous request skips the ones about the
// resident (consent, ID card, phone).
enum class RequestStep { category, place, describe, reporter, consent, id_card, phone, review };

// Why a step cannot be left forward yet.
enum class DraftProblem {
    no_category,
    no_place,
    no_community,
    place_detail_too_long,
    no_description,
    description_too_long,
    no_reporter,
    no_consent,
    no_id_card,
    bad_phone,
};

struct RequestDraft {
    std::string group;    // the category group looked at (for the screen's back step)
    std::string category; // the child category chosen: what the request is filed under
    PlaceKind place = PlaceKind::unset;
    std::string community; // with PlaceKind::community
    std::string grid;      // optional
    std::string place_detail;
    std::string description;          // typed, and the quick phrases tapped
    std::vector<std::string> phrases; // the ids of the quick phrases tapped, in order
    ReporterKind reporter = ReporterKind::unset;
    bool consent = false;
    Personal name{Personal::Kind::name, ""};
    Personal id_number{Personal::Kind::id_number, ""};
    Personal phone{Personal::Kind::phone, ""};

    // Forgets everything, overwriting the personal fields and the texts in place.
    void wipe();
};

// The steps this draft goes through, in order.
std::vector<RequestStep> request_steps(const RequestDraft& draft);
// What keeps `step` from being left forward, or nothing.
std::optional<DraftProblem> step_problem(const RequestDraft& draft, RequestStep step);
// The first problem of any step the draft goes through: nothing when it can be submitted.
std::optional<DraftProblem> submit_problem(const RequestDraft& draft);

// A mainland mobile number: 11 digits, the first 1 and the second 3 to 9.
bool valid_mobile(std::string_view digits);
// Characters (UTF-8 code points) in `text`.
std::size_t char_count(std::string_view text);

} // namespace hk
