// The text a resident types on the on-screen keyboard: what is written so far, the keyboard's
// mode (pinyin, letters, digits and punctuation), and the pinyin composition through a Composer.
// The keyboard widget draws it and reports the keys tapped; press() applies them.
//
// There is no caret: text is added and deleted at the end only, which is all a resident at a
// touch screen needs for a few sentences and spares them aiming between characters.
//
// Residents share the kiosk: the text is wiped from memory when cleared, taken or dropped. Its
// buffer is reserved for the longest text at the start, so that growing never leaves a copy
// behind in freed memory.
#pragma once

#include "composer.hpp"
#include "lang.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace hk::text {

enum class Mode { pinyin, letters, digits };

// A key of the on-screen keyboard, or a quick phrase.
struct Key {
    enum class Kind {
        letter,    // `letter`, a-z: pinyin in pinyin mode, else written (upper case with caps on)
        insert,    // `text` written as it is: a digit, punctuation
        phrase,    // `text`, a whole quick phrase, set apart from what comes before it
        space,     // chooses the first candidate while composing, else writes a space
        backspace, // takes back from the composition while composing, else deletes a character
        choose,    // candidate `index` of the page
        prev_page,
        next_page,
        mode,      // switch to `mode`
        caps,      // letters mode: upper case on or off
        done,      // the resident has finished: the composition is committed
    };
    Kind kind = Kind::letter;
    char letter = 0;
    std::string text;
    std::size_t index = 0;
    Mode mode = Mode::pinyin;
};

inline Key plain_key(Key::Kind kind)
{
    return Key{kind, 0, {}, 0, Mode::pinyin};
}
inline Key letter_key(char letter)
{
    return Key{Key::Kind::letter, letter, {}, 0, Mode::pinyin};
}
inline Key insert_key(std::string text)
{
    return Key{Key::Kind::insert, 0, std::move(text), 0, Mode::pinyin};
}
inline Key phrase_key(std::string text)
{
    return Key{Key::Kind::phrase, 0, std::move(text), 0, Mode::pinyin};
}
inline Key choose_key(std::size_t index)
{
    return Key{Key::Kind::choose, 0, {}, index, Mode::pinyin};
}
inline Key mode_key(Mode mode)
{
    return Key{Key::Kind::mode, 0, {}, 0, mode};
}

class TextEntry {
public:
    // `composer` may be null: pinyin input is then unavailable and the entry offers letters
    // and digits only. `max_chars` counts characters (code points), not bytes.
    TextEntry(std::unique_ptr<Composer> composer, Lang lang, std::size_t max_chars);
    ~TextEntry();
    TextEntry(TextEntry&&) noexcept;
    TextEntry& operator=(TextEntry&&) = delete;
    TextEntry(const TextEntry&) = delete;
    TextEntry& operator=(const TextEntry&) = delete;

    // Applies a key. Returns whether anything the keyboard shows changed.
    bool press(const Key& key);

    // The UI language changed: candidates follow its script (Simplified for zh-Hans and en,
    // Traditional for zh-Hant) and, until the resident picks a mode, so does the mode. What is
    // already written stays as the resident wrote it.
    void set_lang(Lang lang);
    // Empties the text and drops the composition, wiping both.
    void clear();
    // Hands the text over (for the record) and empties the entry. A composition is committed first.
    std::string take();

    const std::string& text() const { return text_; }
    // The composition shown inline after the text: the pinyin as segmented, words already chosen
    // written in. Empty when not composing.
    const std::string& composition() const { return page().preedit; }
    const Page& page() const;
    bool composing() const { return composer_ && composer_->composing(); }
    Mode mode() const { return mode_; }
    bool caps() const { return caps_; }
    Lang lang() const { return lang_; }
    bool pinyin_available() const { return composer_ != nullptr; }
    // Characters written so far, and how many the text may hold.
    std::size_t length() const { return length_; }
    std::size_t max_chars() const { return max_chars_; }
    bool full() const { return length_ >= max_chars_; }

    // The mode a language starts in: pinyin for Chinese (letters without a pinyin engine),
    // letters for English.
    static Mode default_mode(Lang lang, bool pinyin_available);

private:
    bool letter(char c);
    bool backspace();
    bool space();
    bool choose(std::size_t index);
    bool set_mode(Mode mode);
    // Writes `s` at the end, cut to what still fits. Returns whether anything was written.
    bool append(std::string_view s);
    // Moves what the composer committed into the text.
    void take_committed();
    // Ends a composition with the candidates offered first, as the resident sees them.
    void commit_first_candidates();
    void wipe_text() noexcept;

    std::unique_ptr<Composer> composer_;
    Lang lang_;
    Mode mode_;
    bool mode_chosen_ = false; // the resident picked a mode: a language switch keeps it
    bool caps_ = false;
    std::size_t max_chars_;
    std::size_t length_ = 0;
    std::string text_;
};

} // namespace hk::text
