// The on-screen keyboard (see keyboard.hpp).
//
// Keys sit on a grid twelve key widths across, so that the keys that stay in every mode (delete,
// done, the mode switch, space) never move. Sizes come from the theme: keys are as tall as the
// area allows between the minimum touch target and kKeyMaxU, and the field takes what is left.
#include "keyboard.hpp"

#include "line_break.hpp"
#include "ui_ids.hpp"
#include "utf8.hpp"
#include "wipe.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <string>
#include <vector>

namespace hk::ui {
namespace {

using text::Key;
using text::Mode;

constexpr float kColumns = 12.0f;
constexpr float kKeyMaxU = 100.0f;  // the tallest a key grows
constexpr float kGapU = 10.0f;      // between keys and rows
constexpr float kFieldPadU = 18.0f; // inside the text field
constexpr float kLineGap = 1.3f;    // line height in the field, in font sizes
constexpr int kFieldMinLines = 2;
constexpr int kFieldMaxLines = 5;
constexpr float kCountFrom = 0.8f; // the count of characters shows from this share of the maximum

enum class KeyStyle { plain, selected, primary, blank };

struct KeySpec {
    std::string id;
    std::string label;
    Key key;
    float cols = 1.0f;
    KeyStyle style = KeyStyle::plain;
    Icon icon = Icon::none;
    bool large_label = true; // a single character in the title font; words in the body font
    bool enabled = true;
};

using Row = std::vector<KeySpec>;

KeySpec blank(float cols)
{
    KeySpec k;
    k.cols = cols;
    k.style = KeyStyle::blank;
    return k;
}

KeySpec char_key(std::string_view name, std::string_view written)
{
    KeySpec k;
    k.id = ids::kb_key(name);
    k.label = std::string(written);
    k.key = text::insert_key(std::string(written));
    return k;
}

KeySpec word_key(std::string_view id, std::string_view label, Key key, float cols, KeyStyle style, Icon icon = Icon::none)
{
    KeySpec k;
    k.id = std::string(id);
    k.label = std::string(label);
    k.key = std::move(key);
    k.cols = cols;
    k.style = style;
    k.icon = icon;
    k.large_label = false;
    return k;
}

// Punctuation keys: the key's id name, and what it writes in Chinese and in English (empty:
// no such key in that language).
struct Punct {
    std::string_view name, zh, en;
};

constexpr Punct kSentencePunct[] = {
    {"comma", "，", ","},  {"period", "。", "."},    {"question", "？", "?"}, {"exclaim", "！", "!"},
    {"pause", "、", ""},   {"apostrophe", "", "'"}, {"colon", "：", ":"},    {"semicolon", "；", ";"},
    {"lquote", "“", "“"}, {"rquote", "”", "”"},
};
constexpr Punct kSymbols[] = {
    {"lparen", "（", "("}, {"rparen", "）", ")"}, {"hyphen", "-", "-"}, {"dot", ".", ""},  {"slash", "/", "/"},
    {"at", "@", "@"},     {"hash", "#", "#"},    {"percent", "%", "%"}, {"plus", "+", "+"}, {"ampersand", "", "&"},
};

void add_punct(Row& row, std::span<const Punct> keys, bool chinese)
{
    for (const Punct& k : keys)
        if (const std::string_view w = chinese ? k.zh : k.en; !w.empty())
            row.push_back(char_key(k.name, w));
}

std::vector<Row> layout_keys(Painter& p, const text::TextEntry& e)
{
    const Mode mode = e.mode();
    // Chinese punctuation follows the keyboard's language; in ABC mode a letter's neighbours are
    // the ASCII ones.
    const bool chinese = p.lang != Lang::en && mode != Mode::letters;
    std::vector<Row> rows(4);

    const KeySpec backspace = word_key(ids::kKbBackspace, p.t("kb.backspace"_k), text::plain_key(Key::Kind::backspace),
                                       2.0f, KeyStyle::plain, Icon::backspace);
    const KeySpec done = word_key(ids::kKbDone, p.t("kb.done"_k), text::plain_key(Key::Kind::done), 2.5f,
                                  KeyStyle::primary);
    if (mode == Mode::digits) {
        for (char c : std::string_view("1234567890"))
            rows[0].push_back(char_key(std::string_view(&c, 1), std::string_view(&c, 1)));
        rows[0].push_back(backspace);
        rows[1].push_back(blank(0.5f));
        add_punct(rows[1], kSentencePunct, p.lang != Lang::en);
        rows[1].push_back(done);
        add_punct(rows[2], kSymbols, p.lang != Lang::en);
    } else {
        const bool upper = mode == Mode::letters && e.caps();
        auto letters = [&](Row& row, std::string_view keys) {
            for (char c : keys) {
                KeySpec k;
                k.id = ids::kb_key(std::string_view(&c, 1));
                k.label = std::string(1, upper ? static_cast<char>(c - 'a' + 'A') : c);
                k.key = text::letter_key(c);
                row.push_back(std::move(k));
            }
        };
        letters(rows[0], "qwertyuiop");
        rows[0].push_back(backspace);
        rows[1].push_back(blank(0.5f));
        letters(rows[1], "asdfghjkl");
        rows[1].push_back(done);
        if (mode == Mode::letters)
            rows[2].push_back(word_key(ids::kKbCaps, p.t("kb.caps"_k), text::plain_key(Key::Kind::caps), 2.0f,
                                       e.caps() ? KeyStyle::selected : KeyStyle::plain, Icon::caps));
        else
            rows[2].push_back(blank(2.0f));
        letters(rows[2], "zxcvbnm");
        add_punct(rows[2], std::span(kSentencePunct, 3), chinese);
    }

    auto mode_key = [&](Mode m, std::string_view label) {
        KeySpec k = word_key(ids::kb_mode(m), label, text::mode_key(m), 2.0f,
                             e.mode() == m ? KeyStyle::selected : KeyStyle::plain);
        k.enabled = m != Mode::pinyin || e.pinyin_available();
        return k;
    };
    rows[3].push_back(mode_key(Mode::pinyin, p.t("kb.mode.pinyin"_k)));
    rows[3].push_back(mode_key(Mode::letters, "ABC"));
    rows[3].push_back(mode_key(Mode::digits, "123"));
    rows[3].push_back(word_key(ids::kKbSpace, p.t("kb.space"_k), text::plain_key(Key::Kind::space), 6.0f,
                               KeyStyle::plain));
    return rows;
}

struct Colours {
    ImU32 fill, ink, edge;
};

Colours key_colours(const Theme& t, KeyStyle style, bool down, bool enabled)
{
    if (!enabled)
        return {t.background, t.text_muted, t.border};
    switch (style) {
    case KeyStyle::selected: return {down ? t.accent_down : t.accent, t.accent_text, t.high_contrast ? t.border : t.accent};
    case KeyStyle::primary: return {down ? t.accent_down : t.accent, t.accent_text, t.high_contrast ? t.border : t.accent};
    case KeyStyle::plain:
    case KeyStyle::blank: break;
    }
    return {down ? t.surface_down : t.surface, t.text, t.border};
}

// The code point `s` holds when it holds exactly one, else 0.
char32_t lone_char(std::string_view s)
{
    if (s.empty())
        return 0;
    std::size_t pos = 0;
    const char32_t c = utf8::next(s, pos);
    return pos == s.size() ? c : 0;
}

// The label (and icon) centred in `r`: icon and words when both fit, else the words, else the
// icon alone.
void draw_label(Painter& p, const KeySpec& k, Rect r, ImU32 ink)
{
    ImFont* font = p.font(k.large_label ? FontRole::title : FontRole::body);
    p.fonts.ensure(font, k.label);
    const ImVec2 ts = text_size(font, k.label);
    const float icon = k.icon == Icon::none ? 0.0f : p.font(FontRole::body)->FontSize * 1.1f;
    const float gap = icon > 0 ? p.u(10) : 0.0f;
    const float room = r.width() - 2 * p.u(8);
    const bool words = ts.x <= room || k.icon == Icon::none;
    const bool with_icon = icon > 0 && (!words || ts.x + gap + icon <= room);
    const float total = (words ? ts.x : 0.0f) + (with_icon && words ? gap : 0.0f) + (with_icon ? icon : 0.0f);
    float x = r.center().x - total * 0.5f;
    const float cy = r.center().y;
    // A lone character is centred by its ink: full-width punctuation (，。) sits in a corner of
    // its advance and would look off its key.
    if (const char32_t c = lone_char(k.label); k.large_label && c != 0 && c <= 0xFFFF)
        if (const ImFontGlyph* g = font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
            x = r.center().x - (g->X0 + g->X1) * 0.5f;
    if (with_icon) {
        draw_icon(p.draw, k.icon, ImVec2(x + icon * 0.5f, cy), icon, ink);
        x += icon + gap;
    }
    if (words) {
        p.draw->PushClipRect(r.min, r.max, true);
        draw_text(p, font, ImVec2(x, cy - ts.y * 0.5f), ink, k.label);
        p.draw->PopClipRect();
    }
}

// Draws a key; true when it was tapped.
bool draw_key(Painter& p, const KeySpec& k, Rect r)
{
    if (k.style == KeyStyle::blank)
        return false;
    bool down = false;
    // A key that cannot be used is no touch target, so a script cannot tap it either.
    const bool tapped = k.enabled && tap_area(p, k.id, r, &down);
    const Colours c = key_colours(p.theme, k.style, down, k.enabled);
    const float rounding = p.u(10);
    fill_rect(p.draw, r.min, r.max, c.fill, rounding);
    p.draw->AddRect(r.min, r.max, c.edge, rounding, 0, p.u(p.theme.border_px));
    draw_label(p, k, r, c.ink);
    return tapped;
}

// A horizontal stroke of `thickness` whose top is at `y`, in whole pixels: ImGui's thick lines
// come out in two steps of height through the software rasteriser.
void underline(Painter& p, float x0, float x1, float y, float thickness, ImU32 col)
{
    fill_rect(p.draw, ImVec2(x0, y), ImVec2(x1, y + std::max(2.0f, thickness)), col);
}

float line_height(const Painter& p)
{
    return p.font(FontRole::input)->FontSize * kLineGap;
}

float field_height(const Painter& p, int lines)
{
    return static_cast<float>(lines) * line_height(p) + 2 * p.u(kFieldPadU);
}

// The text and the composition after it, wrapped, the last lines shown; the composition
// underlined in the accent colour; a caret at the end.
void draw_field(Painter& p, const text::TextEntry& e, Rect r, std::string_view placeholder)
{
    const Theme& t = p.theme;
    fill_rect(p.draw, r.min, r.max, t.surface, p.u(t.rounding));
    p.draw->AddRect(r.min, r.max, t.accent, p.u(t.rounding), 0, p.u(t.border_px * 1.5f));

    ImFont* font = p.font(FontRole::input);
    ImFont* small = p.font(FontRole::body);
    const float pad = p.u(kFieldPadU);
    const float line_h = line_height(p);
    Rect inner{{r.min.x + pad, r.min.y + pad}, {r.max.x - pad, r.max.y - pad}};
    const float caret_w = std::max(2.0f, p.u(3));

    // Near the maximum the count shows in the bottom right corner; the text keeps clear of it.
    if (static_cast<float>(e.length()) >= kCountFrom * static_cast<float>(e.max_chars())) {
        const std::string count = std::to_string(e.length()) + "/" + std::to_string(e.max_chars());
        const ImVec2 cs = text_size(small, count);
        draw_text(p, small, ImVec2(inner.max.x - cs.x, inner.max.y - cs.y), e.full() ? t.accent : t.text_muted, count);
        inner.max.x -= cs.x + p.u(16);
    }

    // A copy of what the resident typed, overwritten when drawn.
    const WipedString joined{e.text() + e.composition()};
    const std::string& shown = joined.value;
    if (shown.empty()) {
        const std::string_view ask = placeholder.empty() ? p.t("kb.placeholder"_k) : placeholder;
        fill_rect(p.draw, inner.min, ImVec2(inner.min.x + caret_w, inner.min.y + font->FontSize), t.accent);
        draw_text(p, font, ImVec2(inner.min.x + caret_w + p.u(8), inner.min.y), t.text_muted, ask);
        return;
    }

    p.fonts.ensure(font, shown);
    const auto lines = text::break_lines(shown, inner.width() - caret_w - p.u(4),
                                         [font](char32_t c) { return advance_of(font, c); });
    const std::size_t fit = std::max<std::size_t>(1, static_cast<std::size_t>(inner.height() / line_h));
    const std::size_t first = lines.size() > fit ? lines.size() - fit : 0;
    const std::size_t split = e.text().size(); // where the composition starts in `shown`
    float y = inner.min.y;
    ImVec2 end = inner.min;
    for (std::size_t i = first; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        const std::size_t from = static_cast<std::size_t>(line.data() - shown.data());
        const std::size_t to = from + line.size();
        float x = inner.min.x;
        if (from < split)
            x += draw_text(p, font, ImVec2(x, y), t.text, line.substr(0, std::min(to, split) - from)).x;
        if (to > split) {
            const std::string_view comp = line.substr(std::max(from, split) - from);
            const float w = draw_text(p, font, ImVec2(x, y), t.accent, comp).x;
            underline(p, x, x + w, y + font->FontSize + p.u(2), p.u(3), t.accent);
            x += w;
        }
        end = ImVec2(x, y);
        y += line_h;
    }
    fill_rect(p.draw, ImVec2(end.x + p.u(2), end.y), ImVec2(end.x + p.u(2) + caret_w, end.y + font->FontSize), t.accent);
}

// The widths the cells get when the candidates' natural widths overflow `room`: the widest are
// brought down to one cap, the narrow ones keep theirs.
std::vector<float> fit_widths(std::vector<float> widths, float room)
{
    float total = 0;
    for (float w : widths)
        total += w;
    if (total <= room || widths.empty())
        return widths;
    std::vector<float> sorted = widths;
    std::sort(sorted.begin(), sorted.end());
    float below = 0;
    float cap = room / static_cast<float>(sorted.size());
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        const float rest = static_cast<float>(sorted.size() - k);
        if (below + rest * sorted[k] >= room) {
            cap = (room - below) / rest;
            break;
        }
        below += sorted[k];
    }
    for (float& w : widths)
        w = std::min(w, cap);
    return widths;
}

// A page button: a chevron, muted and no touch target when there is no page that way.
bool draw_page_button(Painter& p, std::string_view id, Rect r, Icon icon, bool enabled)
{
    const Theme& t = p.theme;
    bool down = false;
    const bool tapped = enabled && tap_area(p, id, r, &down);
    const float rounding = p.u(10);
    fill_rect(p.draw, r.min, r.max, !enabled ? t.background : down ? t.surface_down : t.surface, rounding);
    p.draw->AddRect(r.min, r.max, enabled ? t.text : t.border, rounding, 0, p.u(t.border_px));
    draw_icon(p.draw, icon, r.center(), std::min(r.width(), r.height()) * 0.5f, enabled ? t.text : t.border);
    return tapped;
}

// `cell_min`: the narrowest a candidate's cell may be (a letter key's width).
std::optional<Key> draw_candidates(Painter& p, const text::TextEntry& e, Rect bar, float cell_min)
{
    const Theme& t = p.theme;
    ImFont* font = p.font(FontRole::input);
    std::optional<Key> out;
    const bool pinyin = e.mode() == Mode::pinyin && e.pinyin_available();
    const text::Page& page = e.page();

    Rect cells = bar;
    if (pinyin) {
        const float bw = std::max(p.m.min_touch, bar.height());
        const Rect prev{bar.min, {bar.min.x + bw, bar.max.y}};
        const Rect next{{bar.max.x - bw, bar.min.y}, bar.max};
        if (draw_page_button(p, ids::kKbPagePrev, prev, Icon::chevron_left, page.has_prev))
            out = text::plain_key(Key::Kind::prev_page);
        if (draw_page_button(p, ids::kKbPageNext, next, Icon::chevron_right, page.has_next))
            out = text::plain_key(Key::Kind::next_page);
        cells = Rect{{prev.max.x + p.u(kGapU), bar.min.y}, {next.min.x - p.u(kGapU), bar.max.y}};
    }

    if (!e.composing()) {
        std::string_view hint;
        if (!e.pinyin_available())
            hint = p.t("kb.pinyin_unavailable"_k);
        else if (pinyin)
            hint = p.t("kb.hint.pinyin"_k);
        if (!hint.empty()) {
            ImFont* small = p.font(FontRole::body);
            p.draw->PushClipRect(cells.min, cells.max, true);
            const ImVec2 hs = text_size(small, hint);
            draw_text(p, small, ImVec2(cells.min.x + p.u(16), cells.center().y - hs.y * 0.5f), t.text_muted, hint);
            p.draw->PopClipRect();
        }
        return out;
    }

    fill_rect(p.draw, cells.min, cells.max, t.surface, p.u(10));
    p.draw->AddRect(cells.min, cells.max, t.border, p.u(10), 0, p.u(t.border_px));
    const float pad = p.u(22);
    p.fonts.ensure(font, page.preedit);
    std::vector<float> widths;
    for (const std::string& c : page.candidates) {
        p.fonts.ensure(font, c);
        widths.push_back(std::max({p.m.min_touch, cell_min, text_size(font, c).x + 2 * pad}));
    }
    widths = fit_widths(std::move(widths), cells.width());
    float x = cells.min.x;
    for (std::size_t i = 0; i < page.candidates.size(); ++i) {
        const Rect r{{x, cells.min.y}, {x + widths[i], cells.max.y}};
        bool down = false;
        if (tap_area(p, ids::kb_candidate(i), r, &down))
            out = text::choose_key(i);
        if (down)
            fill_rect(p.draw, r.min, r.max, t.surface_down, p.u(10));
        // The first candidate is what space and done write: it stands out.
        const ImU32 ink = i == 0 ? t.accent : t.text;
        const std::string shown = elide(font, page.candidates[i], r.width() - 2 * p.u(8));
        const ImVec2 ts = text_size(font, shown);
        draw_text(p, font, ImVec2(r.center().x - ts.x * 0.5f, r.center().y - ts.y * 0.5f), ink, shown);
        if (i == 0)
            underline(p, r.center().x - ts.x * 0.5f, r.center().x + ts.x * 0.5f, r.center().y + ts.y * 0.5f,
                      p.u(3), t.accent);
        if (i + 1 < page.candidates.size()) // a divider
            fill_rect(p.draw, ImVec2(r.max.x - p.u(1), r.min.y + p.u(18)), ImVec2(r.max.x + p.u(1), r.max.y - p.u(18)),
                      t.border);
        x = r.max.x;
    }
    return out;
}

} // namespace

float keyboard_height(const Painter& p)
{
    return field_height(p, 3) + 5 * p.u(kKeyMaxU) + 5 * p.u(kGapU);
}

std::optional<Key> draw_keyboard(Painter& p, const text::TextEntry& entry, Rect area, std::string_view placeholder)
{
    p.fonts.want_typing();
    const float gap = p.u(kGapU);
    const float pitch = (area.width() + gap) / kColumns;
    const float key_h = std::clamp((area.height() - field_height(p, kFieldMinLines) - 5 * gap) / 5.0f,
                                   p.m.min_touch, std::max(p.m.min_touch, p.u(kKeyMaxU)));
    const float keys_top = area.max.y - 5 * key_h - 4 * gap;
    const float field_h = std::clamp(keys_top - gap - area.min.y, field_height(p, kFieldMinLines),
                                     field_height(p, kFieldMaxLines));
    const Rect field{{area.min.x, keys_top - gap - field_h}, {area.max.x, keys_top - gap}};
    draw_field(p, entry, field, placeholder);

    std::optional<Key> out =
        draw_candidates(p, entry, Rect{{area.min.x, keys_top}, {area.max.x, keys_top + key_h}}, pitch - gap);
    float y = keys_top + key_h + gap;
    for (const Row& row : layout_keys(p, entry)) {
        float cols = 0;
        for (const KeySpec& k : row)
            cols += k.cols;
        // A row short of twelve widths is centred.
        float x = area.min.x + (kColumns - cols) * 0.5f * pitch;
        for (const KeySpec& k : row) {
            const Rect r{{x, y}, {x + k.cols * pitch - gap, y + key_h}};
            if (draw_key(p, k, r))
                out = k.key;
            x += k.cols * pitch;
        }
        y += key_h + gap;
    }
    return out;
}

} // namespace hk::ui
