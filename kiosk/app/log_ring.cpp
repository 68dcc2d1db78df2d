// The in-memory log and its search (see log_ring.hpp).
#include "log_ring.hpp"

#include <algorithm>
#include <array>

namespace hk::app {

namespace {

constexpr std::array<std::string_view, 6> kLevelNames{"trace", "debug", "info", "warn", "error", "critical"};
constexpr std::string_view kEllipsis = "\xE2\x80\xA6"; // U+2026

// `text` cut to at most `max` bytes without splitting a UTF-8 sequence.
void cut(std::string& text, std::size_t max)
{
    if (text.size() <= max)
        return;
    std::size_t end = max - kEllipsis.size();
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
        --end;
    text.resize(end);
    text += kEllipsis;
}

char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string_view log_level_name(LogLevel level)
{
    const auto i = static_cast<std::size_t>(level);
    return i < kLevelNames.size() ? kLevelNames[i] : "?";
}

std::optional<LogLevel> log_level_from_name(std::string_view name)
{
    for (std::size_t i = 0; i < kLevelNames.size(); ++i)
        if (kLevelNames[i] == name)
            return static_cast<LogLevel>(i);
    return std::nullopt;
}

LogRing::LogRing(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 1))
{
    lines_.reserve(capacity_);
}

void LogRing::push(LogLine line)
{
    cut(line.text, kMaxTextBytes);
    const std::lock_guard lock(mutex_);
    if (lines_.size() < capacity_)
        lines_.push_back(std::move(line));
    else
        lines_[pushed_ % capacity_] = std::move(line);
    ++pushed_;
}

std::vector<LogLine> LogRing::latest(std::size_t max) const
{
    const std::lock_guard lock(mutex_);
    const std::size_t n = std::min(max, lines_.size());
    std::vector<LogLine> out;
    out.reserve(n);
    // Until the ring is full the oldest line is at 0; after, at pushed_ % capacity_. Either way
    // the newest is just before pushed_.
    for (std::size_t k = n; k > 0; --k)
        out.push_back(lines_[(pushed_ - k) % capacity_]);
    return out;
}

std::uint64_t LogRing::pushed() const
{
    const std::lock_guard lock(mutex_);
    return pushed_;
}

bool log_line_matches(const LogLine& line, const LogFilter& filter)
{
    if (line.level < filter.min_level)
        return false;
    if (filter.text.empty())
        return true;
    const auto hit = std::ranges::search(line.text, filter.text, {}, fold, fold);
    return !hit.empty();
}

std::vector<LogLine> filter_log(std::span<const LogLine> lines, const LogFilter& filter)
{
    std::vector<LogLine> out;
    for (const LogLine& line : lines)
        if (log_line_matches(line, filter))
            out.push_back(line);
    return out;
}

} // namespace hk::app
