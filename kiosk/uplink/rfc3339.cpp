// RFC 3339 (section 5.6) in the one form the records use: upper-case T and Z, UTC only.
#include "rfc3339.hpp"

#include <chrono>
#include <ctime>

namespace hk::uplink {

namespace {

bool digits(std::string_view text, std::size_t at, std::size_t count, int& value)
{
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

std::string format_rfc3339_utc(std::int64_t unix_seconds)
{
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char text[32] = {};
    const std::size_t n = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return std::string(text, n);
}

namespace {

struct Fields {
    int year, month, day, hour, minute, second;
};

// The fields of YYYY-MM-DDTHH:MM:SS[.fraction]Z (or, with `offsets`, a numeric offset ±HH:MM
// in place of the Z, into `offset_minutes`), each in range; nothing for any other text.
std::optional<Fields> read_fields(std::string_view text, bool offsets = false, int* offset_minutes = nullptr)
{
    // 0123456789012345678
    // YYYY-MM-DDTHH:MM:SS
    Fields f{};
    if (text.size() < 20 || !digits(text, 0, 4, f.year) || text[4] != '-' || !digits(text, 5, 2, f.month) ||
        text[7] != '-' || !digits(text, 8, 2, f.day) || text[10] != 'T' || !digits(text, 11, 2, f.hour) ||
        text[13] != ':' || !digits(text, 14, 2, f.minute) || text[16] != ':' || !digits(text, 17, 2, f.second))
        return std::nullopt;
    std::size_t end = 19;
    if (text[end] == '.') {
        std::size_t n = 0;
        while (end + 1 + n < text.size() && text[end + 1 + n] >= '0' && text[end + 1 + n] <= '9')
            ++n;
        if (n < 1 || n > 9)
            return std::nullopt;
        end += 1 + n;
    }
    int offset = 0;
    if (offsets && end + 6 == text.size() && (text[end] == '+' || text[end] == '-')) {
        int oh = 0, om = 0;
        if (!digits(text, end + 1, 2, oh) || text[end + 3] != ':' || !digits(text, end + 4, 2, om) || oh > 23 ||
            om > 59)
            return std::nullopt;
        offset = (text[end] == '-' ? -1 : 1) * (oh * 60 + om);
    } else if (end + 1 != text.size() || text[end] != 'Z') {
        return std::nullopt;
    }
    if (offset_minutes)
        *offset_minutes = offset;
    using namespace std::chrono;
    const year_month_day date{std::chrono::year(f.year), std::chrono::month(static_cast<unsigned>(f.month)),
                              std::chrono::day(static_cast<unsigned>(f.day))};
    if (!date.ok() || f.hour > 23 || f.minute > 59 || f.second > 60)
        return std::nullopt;
    return f;
}

} // namespace

bool valid_rfc3339_utc(std::string_view text)
{
    return read_fields(text).has_value();
}

std::optional<std::int64_t> parse_rfc3339_utc(std::string_view text)
{
    return parse_rfc3339(text, false);
}

std::optional<std::int64_t> parse_rfc3339(std::string_view text, bool offsets)
{
    int offset = 0;
    const auto f = read_fields(text, offsets, &offset);
    if (!f)
        return std::nullopt;
    using namespace std::chrono;
    const sys_days date =
        year_month_day{std::chrono::year(f->year), std::chrono::month(static_cast<unsigned>(f->month)),
                       std::chrono::day(static_cast<unsigned>(f->day))};
    return date.time_since_epoch().count() * 86400 + f->hour * 3600 + f->minute * 60 + f->second - offset * 60;
}

std::optional<int> rfc3339_offset_seconds(std::string_view text)
{
    int offset = 0;
    if (!read_fields(text, true, &offset))
        return std::nullopt;
    return offset * 60;
}

} // namespace hk::uplink
