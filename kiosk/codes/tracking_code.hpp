// The tracking code of a citizen request, printed on the receipt as a QR code and typed on the
// number pad: a 14-digit tracking number (YYMMDD, 7-digit sequence, Damm check digit) and the
// 6-digit check code the kiosk draws at random and sends to the platform with the request.
// QR form: HKT1.<14 digits>.<6 digits>.
#pragma once

#include "reason.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace hk::codes {

inline constexpr std::string_view kTrackingPrefix = "HKT1.";
inline constexpr std::size_t kTrackingNumberDigits = 14;
inline constexpr std::size_t kCheckCodeDigits = 6;

struct TrackingCode {
    std::string number; // 14 digits
    std::string check;  // 6 digits
    bool operator==(const TrackingCode&) const = default;
};

struct TrackingDate {
    int year;  // 2000-2099
    int month; // 1-12
    int day;   // 1-31, as the month has
};

// 14 digits, a real date 20YY-MM-DD in the first six, and a good Damm check digit.
bool valid_tracking_number(std::string_view number);

// The tracking number of the request numbered `sequence` (0 to 9999999) on `date`; nothing when
// the date is not a real date of 2000-2099 or the sequence does not fit in 7 digits.
std::optional<std::string> make_tracking_number(TrackingDate date, std::uint32_t sequence);

// The QR code's text, HKT1.<number>.<check>: a TrackingCode, or why not (unknown_version for an
// HKT<n>. other than 1, syntax_parts for the wrong shape, bad_check_digit for a number that is
// not valid_tracking_number).
std::variant<TrackingCode, Reason> parse_tracking_qr(std::string_view text);

std::string format_tracking_qr(const TrackingCode& code);

// The tracking number as people read it aloud and copy it: groups of four digits
// ("2611 2300 1012 35"). Anything but digits is returned as it is.
std::string group_tracking_number(std::string_view number);

} // namespace hk::codes
