// RFC 3339 times with an offset, read into Unix seconds.
#include "rfc3339_seconds.hpp"

#include "rfc3339.hpp"

#include <charconv>
#include <chrono>
#include <string>

namespace hk::central {
namespace {

// The number in `text` at [at, at + count), which is known to be digits.
int field(std::string_view text, std::size_t at, std::size_t count)
{
    int value = 0;
    std::from_chars(text.data() + at, text.data() + at + count, value);
    return value;
}

bool two_digits(std::string_view text, std::size_t at)
{
    return text[at] >= '0' && text[at] <= '9' && text[at + 1] >= '0' && text[at + 1] <= '9';
}

} // namespace

std::optional<std::int64_t> rfc3339_seconds(std::string_view text)
{
    // The time before the offset is checked as the records' own UTC form is.
    int offset_minutes = 0;
    std::string utc(text);
    if (!text.empty() && text.back() != 'Z') {
        constexpr std::size_t kOffset = 6; // +HH:MM
        if (text.size() <= kOffset)
            return std::nullopt;
        const std::string_view o = text.substr(text.size() - kOffset);
        if ((o[0] != '+' && o[0] != '-') || !two_digits(o, 1) || o[3] != ':' || !two_digits(o, 4))
            return std::nullopt;
        const int hours = field(o, 1, 2);
        const int minutes = field(o, 4, 2);
        if (hours > 23 || minutes > 59)
            return std::nullopt;
        offset_minutes = (o[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
        utc = std::string(text.substr(0, text.size() - kOffset)) + "Z";
    }
    if (!uplink::valid_rfc3339_utc(utc))
        return std::nullopt;
    using namespace std::chrono;
    const year_month_day date{year(field(utc, 0, 4)), month(static_cast<unsigned>(field(utc, 5, 2))),
                              day(static_cast<unsigned>(field(utc, 8, 2)))};
    const auto local = sys_days(date).time_since_epoch() + hours(field(utc, 11, 2)) + minutes(field(utc, 14, 2)) +
                       seconds(field(utc, 17, 2));
    return duration_cast<seconds>(local - minutes(offset_minutes)).count();
}

} // namespace hk::central
