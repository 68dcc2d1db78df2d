// Tracking numbers and the tracking QR code: form only; the check code's worth is the central
// platform's to judge.
#include "tracking_code.hpp"

#include "damm.hpp"

#include <algorithm>

namespace hk::codes {

namespace {

bool all_digits(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int two_digits(std::string_view s, std::size_t at)
{
    return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

bool real_date(int year, int month, int day)
{
    if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1)
        return false;
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

} // namespace

bool valid_tracking_number(std::string_view number)
{
    return number.size() == kTrackingNumberDigits && all_digits(number) &&
           real_date(2000 + two_digits(number, 0), two_digits(number, 2), two_digits(number, 4)) && damm_valid(number);
}

std::optional<std::string> make_tracking_number(TrackingDate date, std::uint32_t sequence)
{
    if (!real_date(date.year, date.month, date.day) || sequence > 9'999'999)
        return std::nullopt;
    std::string number;
    for (const int v : {date.year % 100, date.month, date.day}) {
        number += static_cast<char>('0' + v / 10);
        number += static_cast<char>('0' + v % 10);
    }
    std::string seq = std::to_string(sequence);
    number.append(7 - seq.size(), '0');
    number += seq;
    number += static_cast<char>('0' + *damm_check_digit(number));
    return number;
}

std::variant<TrackingCode, Reason> parse_tracking_qr(std::string_view text)
{
    if (!text.starts_with(kTrackingPrefix)) {
        // HKT<digits>. is ours but from another version; anything else is not a tracking code.
        const std::size_t dot = text.find('.');
        const bool versioned =
            text.starts_with("HKT") && dot != std::string_view::npos && dot > 3 && all_digits(text.substr(3, dot - 3));
        return versioned ? Reason::unknown_version : Reason::syntax_parts;
    }
    const std::string_view rest = text.substr(kTrackingPrefix.size());
    const std::size_t dot = rest.find('.');
    if (dot != kTrackingNumberDigits || rest.size() != kTrackingNumberDigits + 1 + kCheckCodeDigits)
        return Reason::syntax_parts;
    const std::string_view number = rest.substr(0, dot);
    const std::string_view check = rest.substr(dot + 1);
    if (!all_digits(number) || !all_digits(check))
        return Reason::syntax_parts;
    if (!valid_tracking_number(number))
        return Reason::bad_check_digit;
    return TrackingCode{std::string(number), std::string(check)};
}

std::string format_tracking_qr(const TrackingCode& code)
{
    return std::string(kTrackingPrefix) + code.number + "." + code.check;
}

std::string group_tracking_number(std::string_view number)
{
    if (!std::ranges::all_of(number, [](char c) { return c >= '0' && c <= '9'; }))
        return std::string(number);
    std::string out;
    for (std::size_t i = 0; i < number.size(); ++i) {
        if (i > 0 && i % 4 == 0)
            out += ' ';
        out += number[i];
    }
    return out;
}

} // namespace hk::codes
