// Greedy line breaking with CJK break rules (see line_break.hpp).
#include "line_break.hpp"

#include "utf8.hpp"

namespace hk::text {
namespace {

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

// Ideographs, kana, CJK symbols and full-width forms: a line may break on either side of them.
bool is_wide(char32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// Must not begin a line (GB/T 15834 and common typesetting practice).
bool is_closing(char32_t c)
{
    switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！':
    case U'）': case U'」': case U'』': case U'》': case U'〉': case U'】': case U'〕':
    case U'”': case U'’': case U'…': case U'·': case U'％': case U'～':
    case ',': case '.': case ';': case ':': case '?': case '!': case ')': case ']': case '}': case '%':
        return true;
    default: return false;
    }
}

// Must not end a line.
bool is_opening(char32_t c)
{
    switch (c) {
    case U'（': case U'「': case U'『': case U'《': case U'〈': case U'【': case U'〔': case U'“': case U'‘':
    case '(': case '[': case '{':
        return true;
    default: return false;
    }
}

// May the line break between `prev` and `cur`?
bool can_break(char32_t prev, char32_t cur)
{
    if (is_closing(cur) || is_opening(prev))
        return false;
    if (is_space(prev))
        return !is_space(cur);
    return is_wide(prev) || is_wide(cur);
}

std::string_view trim_end(std::string_view s)
{
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

} // namespace

std::vector<std::string_view> break_lines(std::string_view text, float max_width, const AdvanceFn& advance)
{
    std::vector<std::string_view> lines;
    std::size_t line_start = 0;
    std::size_t last_break = std::string_view::npos; // byte offset where a break may go
    float width = 0.0f;
    float width_at_break = 0.0f;
    char32_t prev = 0;

    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t at = pos;
        const char32_t c = utf8::next(text, pos);
        if (c == '\n') {
            lines.push_back(trim_end(text.substr(line_start, at - line_start)));
            line_start = pos;
            last_break = std::string_view::npos;
            width = 0.0f;
            prev = 0;
            continue;
        }
        if (at == line_start && is_space(c)) { // no spaces at the start of a wrapped line
            line_start = pos;
            continue;
        }
        if (at > line_start && can_break(prev, c)) {
            last_break = at;
            width_at_break = width;
        }
        const float w = advance(c);
        if (width + w > max_width && at > line_start && !is_space(c)) {
            std::size_t cut = last_break != std::string_view::npos ? last_break : at;
            lines.push_back(trim_end(text.substr(line_start, cut - line_start)));
            width = cut == at ? 0.0f : width - width_at_break;
            line_start = cut;
            last_break = std::string_view::npos;
            // Skip spaces that now lead the new line.
            while (line_start < at && is_space(static_cast<unsigned char>(text[line_start]))) {
                std::size_t p = line_start;
                width -= advance(utf8::next(text, p));
                line_start = p;
            }
        }
        width += w;
        prev = c;
    }
    if (line_start < text.size() || lines.empty() || text.back() == '\n')
        lines.push_back(trim_end(text.substr(line_start)));
    return lines;
}

} // namespace hk::text
