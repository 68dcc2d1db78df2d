// Masking and wiping personal data (see personal.hpp).
#include "personal.hpp"

#include "utf8.hpp"

#include <cstring>
#include <vector>

namespace hk {
namespace {

// Keeps the first `head` and last `tail` code points, every other one becomes '*'. A value too
// short to keep both is masked whole but for its first code point.
std::string keep_ends(std::string_view s, std::size_t head, std::size_t tail)
{
    std::vector<std::string_view> chars;
    for (std::size_t at = 0; at < s.size();) {
        const std::size_t from = at;
        utf8::next(s, at);
        chars.push_back(s.substr(from, at - from));
    }
    if (chars.size() <= head + tail) {
        head = chars.empty() ? 0 : 1;
        tail = 0;
    }
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i)
        out += i < head || i + tail >= chars.size() ? std::string(chars[i]) : std::string("*");
    return out;
}

// First character of each word kept: "王小明" → "王**", "Li Ming" → "L* M***".
std::string mask_name(std::string_view s)
{
    std::string out;
    bool word_start = true;
    for (std::size_t at = 0; at < s.size();) {
        const std::size_t from = at;
        const char32_t c = utf8::next(s, at);
        if (c == ' ' || c == 0x00B7 /* · between transliterated names */) {
            out.append(s.substr(from, at - from));
            word_start = true;
            continue;
        }
        out += word_start ? std::string(s.substr(from, at - from)) : std::string("*");
        word_start = false;
    }
    return out;
}

} // namespace

std::string Personal::masked() const
{
    switch (kind_) {
    case Kind::id_number: return keep_ends(value_, 4, 4);
    case Kind::phone: return keep_ends(value_, 3, 4);
    case Kind::name: return mask_name(value_);
    case Kind::address: return keep_ends(value_, 6, 0);
    case Kind::date: return keep_ends(value_, 4, 0);
    }
    return std::string(value_.size(), '*');
}

void Personal::wipe() noexcept
{
    if (!value_.empty()) {
        // explicit_bzero is not removed as a dead store, unlike memset before a free.
        explicit_bzero(value_.data(), value_.size());
        value_.clear();
    }
}

void Personal::push_back(char c, std::size_t max)
{
    if (value_.size() >= max)
        return;
    if (value_.capacity() < max) {
        std::string grown;
        grown.reserve(max);
        grown = value_;
        wipe(); // what was typed so far is not left in the old buffer
        value_ = std::move(grown);
    }
    value_.push_back(c);
}

void Personal::pop_back() noexcept
{
    if (value_.empty())
        return;
    value_.back() = '\0';
    value_.pop_back();
}

} // namespace hk
