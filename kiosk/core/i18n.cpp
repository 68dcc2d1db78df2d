// Parsing of .po catalogues and message look-up.
#include "i18n.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace hk {
namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// Decodes one quoted .po string ("..." with C escapes) into `out`.
Result<void> unquote(std::string_view s, int line, std::string& out)
{
    if (s.size() < 2 || s.front() != '"' || s.back() != '"')
        return fail("expected a quoted string", line);
    s = s.substr(1, s.size() - 2);
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '"')
            return fail("unescaped quote inside a string", line);
        if (c != '\\') {
            out.push_back(c);
            continue;
        }
        if (++i == s.size())
            return fail("string ends in a backslash", line);
        switch (s[i]) {
        case 'n': out.push_back('\n'); break;
        case 't': out.push_back('\t'); break;
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        default: return fail(std::string("unknown escape \\") + s[i], line);
        }
    }
    return {};
}

} // namespace

Result<Catalogue> Catalogue::parse(std::string_view text)
{
    Catalogue cat;
    enum class Field { none, id, str } field = Field::none;
    std::string id, str;
    int id_line = 0;
    bool have_id = false, have_str = false;

    auto flush = [&]() -> Result<void> {
        if (!have_id && !have_str)
            return {};
        if (!have_id || !have_str)
            return fail("msgid without msgstr", id_line);
        if (!id.empty() && !cat.entries_.emplace(id, str).second)
            return fail("duplicate msgid \"" + id + "\"", id_line);
        id.clear();
        str.clear();
        have_id = have_str = false;
        return {};
    };

    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;

        if (line.empty() || line.front() == '#')
            continue;
        if (line.starts_with("msgid ")) {
            if (auto r = flush(); !r)
                return std::unexpected(r.error());
            field = Field::id;
            have_id = true;
            id_line = line_no;
            if (auto r = unquote(trim(line.substr(6)), line_no, id); !r)
                return std::unexpected(r.error());
        } else if (line.starts_with("msgstr ")) {
            if (!have_id || have_str)
                return fail("msgstr without a msgid before it", line_no);
            field = Field::str;
            have_str = true;
            if (auto r = unquote(trim(line.substr(7)), line_no, str); !r)
                return std::unexpected(r.error());
        } else if (line.front() == '"') {
            if (field == Field::none)
                return fail("string continuation outside an entry", line_no);
            auto r = unquote(line, line_no, field == Field::id ? id : str);
            if (!r)
                return std::unexpected(r.error());
        } else {
            return fail("unexpected line: " + std::string(line.substr(0, 40)), line_no);
        }
    }
    if (auto r = flush(); !r)
        return std::unexpected(r.error());
    return cat;
}

Result<Catalogue> Catalogue::load(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return fail("cannot read " + file.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    auto cat = parse(ss.str());
    if (!cat)
        return fail(file.string() + ":" + std::to_string(cat.error().line) + ": " + cat.error().message,
                    cat.error().line);
    return cat;
}

const std::string* Catalogue::find(std::string_view id) const
{
    auto it = entries_.find(std::string(id));
    if (it == entries_.end() || it->second.empty())
        return nullptr;
    return &it->second;
}

Result<Translator> Translator::load(const std::filesystem::path& dir)
{
    std::array<Catalogue, 3> cats;
    for (Lang lang : kAllLangs) {
        auto cat = Catalogue::load(dir / (std::string(lang_tag(lang)) + ".po"));
        if (!cat)
            return std::unexpected(cat.error());
        cats[static_cast<std::size_t>(lang)] = std::move(*cat);
    }
    return from(std::move(cats));
}

Translator Translator::from(std::array<Catalogue, 3> catalogues)
{
    Translator t;
    t.catalogues_ = std::move(catalogues);
    return t;
}

std::string_view Translator::tr_in(Lang lang, MsgKey key) const
{
    if (const std::string* s = catalogue(lang).find(key.id))
        return *s;
    if (const std::string* s = catalogue(Lang::zh_Hans).find(key.id))
        return *s;
    return key.id;
}

std::string Translator::format(MsgKey key, std::initializer_list<MsgArg> args) const
{
    return substitute(tr(key), args);
}

std::string Translator::format_in(Lang lang, MsgKey key, std::initializer_list<MsgArg> args) const
{
    return substitute(tr_in(lang, key), args);
}

std::string substitute(std::string_view text, std::initializer_list<MsgArg> args)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                std::string_view name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (const auto& [k, v] : args) {
                    if (k == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(text[i++]);
    }
    return out;
}

std::string format_date_time(const Translator& tr, Lang lang, int year, int month, int day, int hour, int minute)
{
    static constexpr std::array kMonths{"month.1"_k, "month.2"_k, "month.3"_k, "month.4"_k,
                                        "month.5"_k, "month.6"_k, "month.7"_k, "month.8"_k,
                                        "month.9"_k, "month.10"_k, "month.11"_k, "month.12"_k};
    const std::string month_name(tr.tr_in(lang, kMonths[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)]));
    char hh[8], mm[8];
    std::snprintf(hh, sizeof hh, "%02d", hour);
    std::snprintf(mm, sizeof mm, "%02d", minute);
    return tr.format_in(lang, "receipt.time"_k,
                        {{"year", std::to_string(year)},
                         {"month", month_name},
                         {"day", std::to_string(day)},
                         {"hour", hh},
                         {"minute", mm}});
}

std::string_view weekday_name(const Translator& tr, Lang lang, int weekday)
{
    static constexpr std::array kDays{"weekday.sun"_k, "weekday.mon"_k, "weekday.tue"_k, "weekday.wed"_k,
                                      "weekday.thu"_k, "weekday.fri"_k, "weekday.sat"_k};
    return tr.tr_in(lang, kDays[static_cast<std::size_t>(std::clamp(weekday, 0, 6))]);
}

std::string format_date(const Translator& tr, Lang lang, int year, int month, int day)
{
    static constexpr std::array kMonths{"month.1"_k, "month.2"_k, "month.3"_k, "month.4"_k,
                                        "month.5"_k, "month.6"_k, "month.7"_k, "month.8"_k,
                                        "month.9"_k, "month.10"_k, "month.11"_k, "month.12"_k};
    const std::string month_name(tr.tr_in(lang, kMonths[static_cast<std::size_t>(std::clamp(month, 1, 12) - 1)]));
    const std::string weekday(weekday_name(tr, lang, weekday_of(year, month, day)));
    return tr.format_in(lang, "attract.date"_k,
                        {{"year", std::to_string(year)},
                         {"month", month_name},
                         {"day", std::to_string(day)},
                         {"weekday", weekday}});
}

} // namespace hk
