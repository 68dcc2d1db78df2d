// The on-screen keyboard's model (see text_entry.hpp).
#include "text_entry.hpp"

#include "utf8.hpp"
#include "wipe.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace hk::text {
namespace {

// A composition commits its first candidates one word at a time; a resident's composition is a
// sentence at most, so this many steps always end it.
constexpr int kMaxChoices = 64;
// The text's buffer is never smaller than this, so that it is always on the heap: a string in
// its inline buffer would leave its characters behind when moved away.
constexpr std::size_t kMinReserve = 64;

const Page kNoPage{};

// The offset where the last character of `s` starts, as utf8::next reads characters: a lead
// byte and its continuation bytes, or a malformed byte on its own.
std::size_t last_char_start(std::string_view s)
{
    std::size_t i = s.size() - 1;
    for (int n = 0; n < 3 && i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; ++n)
        --i;
    std::size_t end = i;
    utf8::next(s, end);
    return end == s.size() ? i : s.size() - 1;
}

std::size_t count_chars(std::string_view s)
{
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < s.size(); ++n)
        utf8::next(s, pos);
    return n;
}

char32_t last_char(std::string_view s)
{
    std::size_t pos = last_char_start(s);
    return utf8::next(s, pos);
}

bool is_space(char32_t c)
{
    return c == ' ' || c == '\n' || c == 0x3000;
}

bool is_ascii_punct(char32_t c)
{
    return c != 0 && c < 0x80 && std::strchr(".,;:!?)\"'", static_cast<int>(c)) != nullptr;
}

// CJK symbols and punctuation (、。“” ...) and the full-width forms (，！？：；（）).
bool is_cjk_punct(char32_t c)
{
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026;
}

bool is_ideograph(char32_t c)
{
    return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

// What goes between the text and a quick phrase, so that phrases tapped one after another read
// as sentences: "，" after Chinese, ". " after Latin, nothing after punctuation or a space.
std::string_view phrase_separator(std::string_view text, std::string_view phrase)
{
    if (text.empty() || phrase.empty())
        return {};
    const char32_t last = last_char(text);
    std::size_t pos = 0;
    const char32_t first = utf8::next(phrase, pos);
    if (is_space(last) || is_cjk_punct(last) || is_space(first) || is_cjk_punct(first))
        return {};
    if (is_ascii_punct(last))
        return first < 0x80 ? " " : "";
    if (is_ideograph(last) || first >= 0x80)
        return "，";
    return ". ";
}

} // namespace

Mode TextEntry::default_mode(Lang lang, bool pinyin_available)
{
    return lang != Lang::en && pinyin_available ? Mode::pinyin : Mode::letters;
}

TextEntry::TextEntry(std::unique_ptr<Composer> composer, Lang lang, std::size_t max_chars)
    : composer_(std::move(composer)), lang_(lang), mode_(default_mode(lang, composer_ != nullptr)),
      max_chars_(max_chars)
{
    // A code point is at most four bytes, and append() cuts at max_chars_ code points (a
    // malformed byte counts as one): the text never outgrows this buffer.
    text_.reserve(std::max(kMinReserve, max_chars_ * 4));
    if (composer_)
        composer_->set_lang(lang);
}

TextEntry::TextEntry(TextEntry&& o) noexcept
    : composer_(std::move(o.composer_)), lang_(o.lang_), mode_(o.mode_), mode_chosen_(o.mode_chosen_),
      caps_(o.caps_), max_chars_(o.max_chars_), length_(std::exchange(o.length_, 0)), text_(std::move(o.text_))
{
}

TextEntry::~TextEntry()
{
    if (composer_)
        composer_->clear();
    wipe_text();
}

const Page& TextEntry::page() const
{
    return composer_ ? composer_->page() : kNoPage;
}

bool TextEntry::press(const Key& key)
{
    switch (key.kind) {
    case Key::Kind::letter: return letter(key.letter);
    case Key::Kind::insert:
        commit_first_candidates();
        return append(key.text);
    case Key::Kind::phrase: {
        commit_first_candidates();
        const std::string_view sep = phrase_separator(text_, key.text);
        if (length_ + count_chars(sep) >= max_chars_)
            return false; // room for the separator at most: the phrase would not show
        append(sep);
        return append(key.text);
    }
    case Key::Kind::space: return space();
    case Key::Kind::backspace: return backspace();
    case Key::Kind::choose: return choose(key.index);
    case Key::Kind::prev_page:
    case Key::Kind::next_page: {
        if (!composing())
            return false;
        const std::size_t before = page().number;
        if (key.kind == Key::Kind::prev_page)
            composer_->prev_page();
        else
            composer_->next_page();
        return page().number != before;
    }
    case Key::Kind::mode: return set_mode(key.mode);
    case Key::Kind::caps:
        if (mode_ != Mode::letters)
            return false;
        caps_ = !caps_;
        return true;
    case Key::Kind::done: {
        const bool was = composing();
        commit_first_candidates();
        return was;
    }
    }
    return false;
}

bool TextEntry::letter(char c)
{
    if (c < 'a' || c > 'z')
        return false;
    if (mode_ == Mode::pinyin && composer_) {
        // A full text takes nothing more; a composition could never be written.
        if (full() && !composing())
            return false;
        return composer_->type(c);
    }
    const char written = caps_ ? static_cast<char>(c - 'a' + 'A') : c;
    return append(std::string_view(&written, 1));
}

bool TextEntry::space()
{
    if (composing())
        return choose(0);
    return append(" ");
}

bool TextEntry::backspace()
{
    if (composing())
        return composer_->backspace();
    if (text_.empty())
        return false;
    const std::size_t start = last_char_start(text_);
    explicit_bzero(text_.data() + start, text_.size() - start);
    text_.resize(start);
    length_ = count_chars(text_);
    return true;
}

bool TextEntry::choose(std::size_t index)
{
    if (!composing() || !composer_->select(index))
        return false;
    take_committed();
    return true;
}

bool TextEntry::set_mode(Mode mode)
{
    if (mode == Mode::pinyin && !composer_)
        return false;
    mode_chosen_ = true;
    if (mode == mode_)
        return false;
    if (composing()) {
        // Switching to letters keeps what was typed as letters: the resident meant Latin text
        // ("wifi"). Any other way out of a composition writes the candidates offered first.
        if (mode == Mode::letters) {
            composer_->commit_raw();
            take_committed();
        } else {
            commit_first_candidates();
        }
    }
    mode_ = mode;
    caps_ = false;
    return true;
}

void TextEntry::set_lang(Lang lang)
{
    lang_ = lang;
    if (composer_)
        composer_->set_lang(lang);
    if (!mode_chosen_ && !composing())
        mode_ = default_mode(lang, composer_ != nullptr);
}

void TextEntry::clear()
{
    if (composer_) {
        composer_->clear();
        std::string dropped = composer_->take_committed();
        wipe(dropped);
    }
    wipe_text();
    caps_ = false;
}

std::string TextEntry::take()
{
    commit_first_candidates();
    // The buffer is on the heap (kMinReserve): moving hands it over without a copy.
    std::string out = std::move(text_);
    text_ = std::string();
    text_.reserve(std::max(kMinReserve, max_chars_ * 4));
    length_ = 0;
    return out;
}

bool TextEntry::append(std::string_view s)
{
    std::size_t pos = 0;
    std::size_t n = 0;
    while (pos < s.size() && length_ + n < max_chars_) {
        utf8::next(s, pos);
        ++n;
    }
    if (n == 0)
        return false;
    text_.append(s.substr(0, pos));
    length_ += n;
    return true;
}

void TextEntry::take_committed()
{
    std::string committed = composer_->take_committed();
    append(committed);
    wipe(committed);
}

void TextEntry::commit_first_candidates()
{
    if (!composing())
        return;
    for (int i = 0; i < kMaxChoices && composer_->composing(); ++i)
        if (!composer_->select(0))
            break;
    if (composer_->composing())
        composer_->commit_raw();
    take_committed();
}

void TextEntry::wipe_text() noexcept
{
    hk::wipe(text_);
    length_ = 0;
}

} // namespace hk::text
