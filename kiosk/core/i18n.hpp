// Translations: gettext-style catalogues (assets/i18n/<lang>.po) keyed by message ids.
//
// Code names every resident-facing string by its key written as a string literal with the
// suffix _k. The literal type keeps keys greppable (tests/core/i18n_completeness_test.cpp
// collects every such literal in the sources and checks that each language has it) and keeps
// runtime strings out of tr().
#pragma once

#include "error.hpp"
#include "lang.hpp"

#include <array>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace hk {

struct MsgKey {
    std::string_view id;
};

inline namespace literals {
consteval MsgKey operator""_k(const char* s, std::size_t n) { return MsgKey{std::string_view(s, n)}; }
} // namespace literals

// One language's messages.
class Catalogue {
public:
    // Parses .po text. Supports comments, msgctxt-free msgid/msgstr pairs, continued string
    // lines and the C escapes \n \t \" \\. The header entry (empty msgid) is skipped.
    static Result<Catalogue> parse(std::string_view text);
    static Result<Catalogue> load(const std::filesystem::path& file);

    // nullptr when the key is absent or its translation is empty.
    const std::string* find(std::string_view id) const;
    const std::unordered_map<std::string, std::string>& entries() const { return entries_; }

private:
    std::unordered_map<std::string, std::string> entries_;
};

// A named value for a `{name}` placeholder in a message.
using MsgArg = std::pair<std::string_view, std::string_view>;

// All three catalogues and the language in use.
class Translator {
public:
    Translator() = default;
    // Loads <dir>/<tag>.po for every language; each must exist and parse.
    static Result<Translator> load(const std::filesystem::path& dir);
    static Translator from(std::array<Catalogue, 3> catalogues);

    void set_lang(Lang lang) { lang_ = lang; }
    Lang lang() const { return lang_; }

    // The message in the current language. A key missing there falls back to zh-Hans, then to
    // the key itself (tests keep that from ever reaching a resident).
    std::string_view tr(MsgKey key) const { return tr_in(lang_, key); }
    std::string_view tr_in(Lang lang, MsgKey key) const;
    // As tr(), with each `{name}` replaced by its argument.
    std::string format(MsgKey key, std::initializer_list<MsgArg> args) const;
    std::string format_in(Lang lang, MsgKey key, std::initializer_list<MsgArg> args) const;

    const Catalogue& catalogue(Lang lang) const { return catalogues_[static_cast<std::size_t>(lang)]; }

private:
    std::array<Catalogue, 3> catalogues_;
    Lang lang_ = Lang::zh_Hans;
};

// Replaces `{name}` placeholders; an unknown placeholder is left as written.
std::string substitute(std::string_view text, std::initializer_list<MsgArg> args);

// A date and time as the kiosk writes it in `lang` ("2026年11月24日 09:05",
// "24 November 2026, 09:05"): message receipt.time with the month's name from month.1..12.
std::string format_date_time(const Translator& tr, Lang lang, int year, int month, int day, int hour, int minute);

// A date with its weekday as the kiosk writes it in `lang` (message attract.date).
std::string format_date(const Translator& tr, Lang lang, int year, int month, int day);
// The weekday of a date: 0 Sunday .. 6 Saturday (proleptic Gregorian).
int weekday_of(int year, int month, int day);
// The weekday's name in `lang` (weekday.sun ..).
std::string_view weekday_name(const Translator& tr, Lang lang, int weekday);

} // namespace hk
