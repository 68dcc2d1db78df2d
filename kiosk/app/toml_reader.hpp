// Reading TOML config files with every problem reported as "<file>:<line>: <what is wrong>":
// typed readers for one table's keys, with unknown keys refused and the known ones named.
// Shared by the kiosk's config and the devices table.
#pragma once

#include "error.hpp"
#include "local_text.hpp"
#include "utf8.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hk::app {

// The whole file as text; an error says why it could not be read.
Result<std::string> read_text_file(const std::filesystem::path& file);

// Reads `file` and hands its text to `parse(text, file)`.
template <typename Parse>
auto load_file(const std::filesystem::path& file, Parse&& parse) -> decltype(parse(std::string_view{}, file))
{
    auto text = read_text_file(file);
    if (!text)
        return std::unexpected(text.error());
    return parse(*text, file);
}

namespace toml_read {

using Millis = std::chrono::milliseconds;

inline constexpr std::size_t kMaxTextChars = 200;

inline int node_line(const toml::node& node)
{
    return static_cast<int>(node.source().begin.line);
}

inline std::string in_quotes(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

inline std::string joined(const std::vector<std::string>& words)
{
    std::string out;
    for (const std::string& w : words)
        out += (out.empty() ? "" : ", ") + w;
    return out;
}

// Only the first problem is reported: later ones may merely follow from it, and one precise
// message is what a maintainer at the kiosk can act on.
class Problems {
public:
    explicit Problems(const std::filesystem::path& origin) : origin_(origin.string()) {}

    void report(int line, const std::string& what)
    {
        if (!first_)
            first_ = Error{origin_ + ":" + std::to_string(line) + ": " + what, line};
    }
    const std::optional<Error>& first() const { return first_; }

private:
    std::string origin_;
    std::optional<Error> first_;
};

// The words a key may take, e.g. "software" or "accelerated", and how to say so in an error.
// Parses TOML text; a syntax error is reported with its line.
inline std::optional<toml::table> parse_toml(std::string_view text, const std::filesystem::path& origin,
                                             Problems& problems)
{
    try {
        return toml::parse(text, origin.string());
    } catch (const toml::parse_error& e) {
        problems.report(static_cast<int>(e.source().begin.line), std::string(e.description()));
        return std::nullopt;
    }
}

template <typename E> struct Vocabulary {
    std::optional<E> (*parse)(std::string_view);
    std::string expected;
};

// A check on a string beyond its type, e.g. the shape of the hall id.
struct Rule {
    bool (*accepts)(std::string_view);
    std::string_view expected;
};

// Reads one table's keys into typed values, reporting each problem with its line. Readers leave
// the value they are given untouched when the key is absent or wrong, so defaults are set first.
// Every key asked for counts as known; reject_unknown_keys() then catches typos.
class TableReader {
public:
    // `name` is the table's dotted path as written in a header, "" for the top of the file.
    TableReader(const toml::table& table, std::string name, Problems& problems)
        : table_(table), name_(std::move(name)), problems_(problems)
    {
    }

    bool has(std::string_view key) const { return table_.contains(key); }

    // The key's line, or the table header's line when the key is absent.
    int line_of(std::string_view key) const
    {
        const toml::node* node = table_.get(key);
        return node ? node_line(*node) : std::max(1, node_line(table_));
    }

    void report(int line, const std::string& what) { problems_.report(line, what); }

    void require(std::string_view key)
    {
        remember(key);
        if (!has(key))
            report(line_of(key), "[" + name_ + "] needs " + std::string(key));
    }

    void read(std::string_view key, bool& out)
    {
        if (auto v = take_value<bool>(key, "true or false"))
            out = *v;
    }

    void read_seconds(std::string_view key, std::int64_t min, std::int64_t max, Millis& out)
    {
        std::optional<std::int64_t> v;
        read(key, min, max, v, "seconds");
        if (v)
            out = std::chrono::seconds(*v);
    }

    // A whole number from `min` to `max`, in `unit` if it has one (TOML allows 0x… for ids).
    void read(std::string_view key, std::int64_t min, std::int64_t max, std::optional<std::int64_t>& out,
              std::string_view unit = {})
    {
        const std::string of_unit = unit.empty() ? "" : " " + std::string(unit);
        const auto v = take_value<std::int64_t>(key, "a whole number" + (unit.empty() ? "" : " of" + of_unit));
        if (!v)
            return;
        if (*v < min || *v > max)
            report(line_of(key), what(key) + " must be " + std::to_string(min) + " to " + std::to_string(max) +
                                     of_unit + ", not " + std::to_string(*v));
        else
            out = *v;
    }

    // A whole number that must be one of a few, e.g. a rotation of 0, 90, 180 or 270 degrees;
    // `expected` names them as the error message should ("0, 90, 180 or 270").
    void read_one_of(std::string_view key, std::span<const int> allowed, std::string_view expected, int& out,
                     std::string_view unit = {})
    {
        const std::string of_unit = unit.empty() ? "" : " " + std::string(unit);
        const auto v = take_value<std::int64_t>(key, "a whole number" + (unit.empty() ? "" : " of" + of_unit));
        if (!v)
            return;
        if (std::ranges::find(allowed, *v) == allowed.end())
            report(line_of(key),
                   what(key) + " must be " + std::string(expected) + of_unit + ", not " + std::to_string(*v));
        else
            out = static_cast<int>(*v);
    }

    void read(std::string_view key, std::string& out, std::optional<Rule> rule = std::nullopt)
    {
        auto v = take_string(key);
        if (!v)
            return;
        if (rule && !rule->accepts(*v))
            report(line_of(key), what(key) + " must be " + std::string(rule->expected) + ", not " + in_quotes(*v));
        else
            out = std::move(*v);
    }

    void read(std::string_view key, std::filesystem::path& out)
    {
        std::string s;
        read(key, s);
        if (!s.empty())
            out = s;
    }

    // A longer text kept as written (a PEM key): at most `max_bytes`, not empty.
    void read_block(std::string_view key, std::string& out, std::size_t max_bytes)
    {
        auto v = take_string(key);
        if (!v)
            return;
        if (v->size() > max_bytes)
            report(line_of(key), what(key) + " is " + std::to_string(v->size()) + " bytes long; at most " +
                                     std::to_string(max_bytes) + " are read");
        else
            out = std::move(*v);
    }

    // A moment with its UTC offset, as TOML writes it (2027-12-31T23:59:59+08:00), in unix seconds.
    void read_moment(std::string_view key, std::optional<std::int64_t>& out)
    {
        constexpr std::string_view expected = "a date and time with its offset, like 2027-12-31T23:59:59+08:00";
        auto v = take_value<toml::date_time>(key, expected);
        if (!v)
            return;
        if (!v->offset) {
            report(line_of(key), what(key) + " must be " + std::string(expected));
            return;
        }
        using namespace std::chrono;
        const auto midnight = sys_days{year{v->date.year} / month{v->date.month} / day{v->date.day}};
        const auto at = midnight + hours{v->time.hour} + minutes{v->time.minute} + seconds{v->time.second} -
                        minutes{v->offset->minutes};
        out = duration_cast<seconds>(at.time_since_epoch()).count();
    }

    template <typename E> void read_choice(std::string_view key, const Vocabulary<E>& words, E& out)
    {
        const auto v = take_value<std::string>(key, words.expected);
        if (!v)
            return;
        if (const auto choice = words.parse(*v))
            out = *choice;
        else
            report(line_of(key), what(key) + " must be " + words.expected + ", not " + in_quotes(*v));
    }

    // A list of `min` (default 1) to `max` words, each at most once.
    template <typename E>
    void read_list(std::string_view key, const Vocabulary<E>& words, std::size_t max, std::vector<E>& out,
                   std::size_t min = 1)
    {
        const toml::node* node = take(key);
        if (!node)
            return;
        const toml::array* entries = node->as_array();
        if (!entries)
            return report(node_line(*node), what(key) + " must be a list in [ ]");
        if (entries->size() < min || entries->size() > max)
            return report(node_line(*node), what(key) + " must list " + std::to_string(min) + " to " +
                                                std::to_string(max) + " entries, not " +
                                                std::to_string(entries->size()));
        std::vector<E> list;
        for (const toml::node& entry : *entries) {
            const auto word = entry.value_exact<std::string>();
            if (!word)
                return report(node_line(entry), what(key) + " entries must be strings in quotes");
            const auto item = words.parse(*word);
            if (!item)
                return report(node_line(entry), what(key) + ": " + in_quotes(*word) + " is not " + words.expected);
            if (std::ranges::find(list, *item) != list.end())
                return report(node_line(entry), what(key) + " lists " + in_quotes(*word) + " twice");
            list.push_back(*item);
        }
        out = std::move(list);
    }

    // A plain string for every language, or a table { zh-Hans = "…", zh-Hant = "…", en = "…" }.
    void read(std::string_view key, LocalText& out)
    {
        const toml::node* node = table_.get(key);
        if (!node || !node->is_table()) {
            std::string text;
            read_text(key, text, "a string in quotes, or { zh-Hans = \"…\", zh-Hant = \"…\", en = \"…\" }");
            if (!text.empty())
                out.text.fill(text);
            return;
        }
        LocalText by_lang_text;
        read_table(key, [&](TableReader& by_lang) {
            by_lang.require(lang_tag(Lang::zh_Hans));
            for (Lang lang : kAllLangs)
                by_lang.read_text(lang_tag(lang), by_lang_text.text[static_cast<std::size_t>(lang)]);
        });
        // A missing translation shows the zh-Hans text rather than an empty label.
        const std::string& zh_hans = by_lang_text.text[static_cast<std::size_t>(Lang::zh_Hans)];
        for (std::string& text : by_lang_text.text)
            if (text.empty())
                text = zh_hans;
        out = std::move(by_lang_text);
    }

    void read(std::string_view key, std::optional<LocalText>& out)
    {
        if (!has(key))
            return remember(key);
        LocalText text;
        read(key, text);
        out = std::move(text);
    }

    // Reads the sub-table at `key` with `read_keys` and then rejects the keys it did not ask
    // for. Returns false when there is no such table.
    template <typename ReadKeys> bool read_table(std::string_view key, ReadKeys&& read_keys)
    {
        const toml::node* node = take(key);
        if (!node)
            return false;
        const std::string path = name_.empty() ? std::string(key) : name_ + "." + std::string(key);
        const toml::table* table = node->as_table();
        if (!table) {
            report(node_line(*node), path + " must be a table: [" + path + "]");
            return true;
        }
        TableReader reader(*table, path, problems_);
        std::forward<ReadKeys>(read_keys)(reader);
        reader.reject_unknown_keys();
        return true;
    }

    // Reads each table of the array of tables at `key` ([[key]] headers) with `read_keys`, then
    // rejects the keys it did not ask for. Returns the number of tables.
    template <typename ReadKeys> std::size_t read_table_array(std::string_view key, ReadKeys&& read_keys)
    {
        const toml::node* node = take(key);
        if (!node)
            return 0;
        const toml::array* tables = node->as_array();
        if (!tables || !tables->is_array_of_tables()) {
            report(node_line(*node), what(key) + " must be tables, each headed [[" + std::string(key) + "]]");
            return 0;
        }
        std::size_t n = 0;
        for (const toml::node& entry : *tables) {
            // Named "[key]" so that messages read "[[key]] …", as the header is written.
            TableReader reader(*entry.as_table(), "[" + std::string(key) + "]", problems_);
            read_keys(reader);
            reader.reject_unknown_keys();
            ++n;
        }
        return n;
    }

    void reject_unknown_keys()
    {
        for (const auto& [key, node] : table_) {
            if (std::ranges::find(known_, key.str()) != known_.end())
                continue;
            const std::string name(key.str());
            const std::string unknown = node.is_table()
                                            ? "unknown table [" + (name_.empty() ? name : name_ + "." + name) + "]"
                                            : "unknown key '" + name + "' " + where();
            return report(node_line(node), unknown + " (known: " + joined(known_) + ")");
        }
    }

private:
    std::string what(std::string_view key) const
    {
        return name_.empty() ? std::string(key) : "[" + name_ + "] " + std::string(key);
    }
    std::string where() const { return name_.empty() ? "at the top of the file" : "in [" + name_ + "]"; }

    void remember(std::string_view key)
    {
        if (std::ranges::find(known_, key) == known_.end())
            known_.emplace_back(key);
    }

    const toml::node* take(std::string_view key)
    {
        remember(key);
        return table_.get(key);
    }

    // The value at `key` if it is exactly a T; reports "must be <expected>" if it is not.
    template <typename T> std::optional<T> take_value(std::string_view key, std::string_view expected)
    {
        const toml::node* node = take(key);
        if (!node)
            return std::nullopt;
        auto v = node->value_exact<T>();
        if (!v)
            report(node_line(*node), what(key) + " must be " + std::string(expected));
        return v;
    }

    std::optional<std::string> take_string(std::string_view key, std::string_view expected = "a string in quotes")
    {
        auto v = take_value<std::string>(key, expected);
        if (v && v->empty()) {
            report(line_of(key), what(key) + " must not be empty");
            return std::nullopt;
        }
        return v;
    }

    // Texts are shown on buttons and banners; the limit keeps them within the layout.
    void read_text(std::string_view key, std::string& out, std::string_view expected = "a string in quotes")
    {
        auto v = take_string(key, expected);
        if (!v)
            return;
        std::size_t chars = 0;
        for (std::size_t pos = 0; pos < v->size(); ++chars)
            utf8::next(*v, pos);
        if (chars > kMaxTextChars)
            report(line_of(key), what(key) + " is " + std::to_string(chars) + " characters long; at most " +
                                     std::to_string(kMaxTextChars) + " fit");
        else
            out = std::move(*v);
    }

    const toml::table& table_;
    std::string name_;
    Problems& problems_;
    std::vector<std::string> known_;
};

} // namespace toml_read
} // namespace hk::app
