// Filing a request: the steps' screens. Each step says in one line what it asks, and offers its
// choices as large tiles, a page at a time where they do not all fit (the categories in large
// text, a community's many grids).
#include "screens.hpp"

#include "keyboard.hpp"
#include "rfc3339.hpp"
#include "tracking_code.hpp"
#include "ui_ids.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace hk::ui {
namespace {

// The expected response time, in hours under two days and in days from there.
std::string reply_within(Painter& p, int hours)
{
    if (hours < 48)
        return p.tr.format("request.reply_within_hours"_k, {{"hours", std::to_string(hours)}});
    return p.tr.format("request.reply_within_days"_k, {{"days", std::to_string((hours + 23) / 24)}});
}

void draw_category_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RequestDraft& d = in.shell.request();
    const auto& groups = in.requests.groups;
    const auto group = std::ranges::find(groups, d.group, &uplink::CategoryGroup::id);
    std::vector<Choice> choices;
    // A traffic request asks in its own words, among its own groups only.
    const bool traffic = in.shell.screen().service == ServiceId::traffic_request;
    if (group == groups.end()) {
        const Rect rest =
            draw_question(p, area, p.t(traffic ? "traffic_request.category.title"_k : "request.category.title"_k),
                          p.t("request.category.hint"_k));
        for (const uplink::CategoryGroup& g : groups)
            if (in.shell.group_allowed(g.id))
                choices.push_back(Choice{ids::request_group(g.id), g.name.in(p.lang), "", intent::ChooseGroup{g.id}});
        // Group names are short: four across on a landscape screen keeps the usual dozen on one page.
        draw_choices(p, in, rest, choices, columns(p, 4, 2), p.u(120), out);
        return;
    }
    const std::string question = traffic
                                     ? std::string(p.t("traffic_request.category.title"_k))
                                     : p.tr.format("request.category.in_group"_k, {{"group", group->name.in(p.lang)}});
    const Rect rest = draw_question(p, area, question, p.t("request.category.reply_hint"_k));
    for (const uplink::Category& c : group->children)
        choices.push_back(Choice{ids::request_category(c.id), c.name.in(p.lang), reply_within(p, c.response_hours),
                                 intent::ChooseCategory{c.id}});
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(150), out);
}

void draw_place_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const auto& communities = in.requests.communities;
    const auto community = std::ranges::find(communities, in.shell.place_community(), &uplink::Community::id);
    std::vector<Choice> choices;
    if (community == communities.end()) {
        const Rect rest = draw_question(p, area, p.t("request.place.title"_k), p.t("request.place.hint"_k));
        choices.push_back(Choice{std::string(ids::kRequestPlaceHall), p.t("request.place.hall"_k).data(),
                                 std::string(p.t("request.place.hall_hint"_k)),
                                 intent::ChoosePlace{PlaceKind::hall, "", ""}, true});
        for (const uplink::Community& c : communities)
            choices.push_back(Choice{ids::request_community(c.id), c.name.in(p.lang), "",
                                     c.grids.empty() ? Intent{intent::ChoosePlace{PlaceKind::community, c.id, ""}}
                                                     : Intent{intent::ChooseCommunity{c.id}}});
        draw_choices(p, in, rest, choices, columns(p, 3, 2), p.u(120), out);
        return;
    }
    const std::string question =
        p.tr.format("request.place.in_community"_k, {{"community", community->name.in(p.lang)}});
    const Rect rest = draw_question(p, area, question, p.t("request.place.grid_hint"_k));
    choices.push_back(Choice{std::string(ids::kRequestPlaceWhole), std::string(p.t("request.place.whole"_k)), "",
                             intent::ChoosePlace{PlaceKind::community, community->id, ""}, true});
    for (const uplink::Grid& g : community->grids)
        choices.push_back(Choice{ids::request_grid(g.id), g.name.in(p.lang), "",
                                 intent::ChoosePlace{PlaceKind::community, community->id, g.id}});
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(120), out);
}

// What is wrong: the category's quick phrases for those who would rather not type, then the
// keyboard. Its "done" key is the step's way on.
void draw_describe_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const uplink::Category* category = uplink::find_category(in.requests.groups, in.shell.request().category);
    const std::string hint =
        category ? p.tr.format("request.describe.hint"_k, {{"reply", reply_within(p, category->response_hours)}})
                 : std::string(p.t("request.describe.hint_plain"_k));
    Rect rest = draw_question(p, area, p.t("request.describe.title"_k), hint);
    if (category && !category->phrases.empty()) {
        // The phrases in one row of chips, as many as fit.
        ImFont* body = p.font(FontRole::body);
        const float h = p.u(80);
        float x = rest.min.x;
        for (const uplink::QuickPhrase& q : category->phrases) {
            const std::string& text = q.text.in(p.lang);
            const float w = text_size(body, text).x + p.u(48);
            if (x + w > rest.max.x)
                break;
            if (button(p, ids::request_phrase(q.id), Rect{{x, rest.min.y}, {x + w, rest.min.y + h}}, text,
                       ButtonStyle::secondary, Icon::none, body))
                out.push_back(intent::TypeKey{text::phrase_key(text), q.id});
            x += w + p.u(16);
        }
        rest.min.y += h + p.u(24);
    }
    if (!in.entry)
        return;
    // The keyboard takes the rest: its field grows into what the keys leave.
    if (auto key = draw_keyboard(p, *in.entry, rest, p.t("request.describe.placeholder"_k)))
        out.push_back(intent::TypeKey{*key, ""});
}

void draw_reporter_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("request.reporter.title"_k));
    const std::vector<Choice> choices = {
        Choice{std::string(ids::kRequestAnonymous), std::string(p.t("request.reporter.anonymous"_k)),
               std::string(p.t("request.reporter.anonymous_hint"_k)), intent::ChooseReporter{ReporterKind::anonymous}},
        Choice{std::string(ids::kRequestNamed), std::string(p.t("request.reporter.named"_k)),
               std::string(p.t("request.reporter.named_hint"_k)), intent::ChooseReporter{ReporterKind::named}},
    };
    draw_choices(p, in, Rect{rest.min, {rest.max.x, std::min(rest.max.y, rest.min.y + p.u(300))}}, choices,
                 columns(p, 2, 1), p.u(200), out);
}

void draw_consent_step(Painter& p, Rect area, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const float button_h = p.u(112);
    const Rect rest = draw_question(p, area, p.t("request.consent.title"_k));
    ImFont* body = p.font(FontRole::body);
    ImFont* title = p.font(FontRole::title);
    float y = rest.min.y;
    const float w = rest.width();
    // What is stored, for how long, who sees it: three short paragraphs under their headings.
    for (const auto& [head, text] : {std::pair{"request.consent.what_title"_k, "request.consent.what"_k},
                                     std::pair{"request.consent.who_title"_k, "request.consent.who"_k},
                                     std::pair{"request.consent.how_long_title"_k, "request.consent.how_long"_k}}) {
        y += draw_paragraph(p, title, ImVec2(rest.min.x, y), w, t.text, p.t(head), Align::left, 1.15f) + p.u(4);
        y += draw_paragraph(p, body, ImVec2(rest.min.x, y), w, t.text_muted, p.t(text)) + p.u(20);
    }
    const float by = std::max(y + p.u(8), rest.max.y - button_h);
    const float bw = (w - p.u(32)) * 0.5f;
    if (button(p, ids::kRequestConsentDecline, Rect{{rest.min.x, by}, {rest.min.x + bw, by + button_h}},
               p.t("request.consent.decline"_k), ButtonStyle::secondary))
        out.push_back(intent::Consent{false});
    if (button(p, ids::kRequestConsentAgree, Rect{{rest.max.x - bw, by}, {rest.max.x, by + button_h}},
               p.t("request.consent.agree"_k), ButtonStyle::primary))
        out.push_back(intent::Consent{true});
}

// The number as typed, in groups of 3, 4 and 4 digits.
std::string grouped_phone(std::string_view digits)
{
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i == 3 || i == 7)
            out += ' ';
        out += digits[i];
    }
    return out;
}

// The "next" button in `r`, or its place when the step is not done yet.
void draw_phone_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RequestDraft& d = in.shell.request();
    const std::string hint = p.tr.format("request.phone.hint"_k, {{"name", d.name.masked()}});
    const Rect rest = draw_question(p, area, p.t("request.phone.title"_k), hint);
    draw_phone_entry(p, rest, d.phone, ids::request_phone_key, ids::kRequestNext, p.t("request.next"_k),
                     intent::NextStep{}, out);
}

// At most `max` characters of `text`, with an ellipsis when cut.
std::string shortened(std::string_view text, std::size_t max)
{
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (chars++ == max)
            return std::string(text.substr(0, i)) + "…";
    }
    return std::string(text);
}

std::string place_text(Painter& p, const FrameInput& in, const RequestDraft& d)
{
    if (d.place == PlaceKind::hall)
        return std::string(p.t("request.place.hall"_k));
    const auto& communities = in.requests.communities;
    const auto c = std::ranges::find(communities, d.community, &uplink::Community::id);
    if (c == communities.end())
        return d.community;
    std::string text = c->name.in(p.lang);
    if (const auto g = std::ranges::find(c->grids, d.grid, &uplink::Grid::id); g != c->grids.end())
        text += "　" + g->name.in(p.lang);
    return text;
}

// Everything the request says, to be checked before it is submitted; the way to change it is back.
void draw_review_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const RequestDraft& d = in.shell.request();
    const Rect rest = draw_question(p, area, p.t("request.review.title"_k), p.t("request.review.hint"_k));
    const float button_h = p.u(112);
    const float bw = std::min(p.u(480), rest.width() * 0.45f);
    const Rect submit{{rest.max.x - bw, rest.max.y - button_h}, rest.max};

    const uplink::Category* category = uplink::find_category(in.requests.groups, d.category);
    ImVec2 at = rest.min;
    // Landscape: the rows keep clear of the button's column; portrait: the description is cut
    // shorter so that the rows end above it.
    const bool portrait = p.m.portrait();
    const float w = portrait ? rest.width() : rest.width() - bw - p.u(40);
    at.y += draw_review_row(p, at, w, p.t("request.review.category"_k), category ? category->name.in(p.lang) : d.category);
    if (category)
        at.y += draw_review_row(p, at, w, p.t("request.review.reply"_k), reply_within(p, category->response_hours));
    at.y += draw_review_row(p, at, w, p.t("request.review.place"_k), place_text(p, in, d));
    at.y += draw_review_row(p, at, w, p.t("request.review.description"_k), shortened(d.description, portrait ? 80 : 160));
    const std::string reporter =
        d.reporter == ReporterKind::named
            ? p.tr.format("request.review.named"_k, {{"name", d.name.masked()},
                                                     {"id_number", d.id_number.masked()},
                                                     {"phone", d.phone.masked()}})
            : std::string(p.t("request.review.anonymous"_k));
    at.y += draw_review_row(p, at, w, p.t("request.review.reporter"_k), reporter);

    if (in.shell.submit_failed()) {
        // Not kept: said plainly above the button, which stays for another try.
        const std::string why =
            p.tr.format("request.review.failed"_k, {{"help_desk", in.help_desk.in(p.lang)}});
        const float text_w = rest.width() - bw - p.u(80);
        const float h = paragraph_height(p, p.font(FontRole::body), text_w, why) + p.u(32);
        const Rect box{{rest.min.x, rest.max.y - std::max(h, button_h)}, {rest.min.x + text_w + p.u(40), rest.max.y}};
        fill_rect(p.draw, box.min, box.max, t.notice, p.u(t.rounding));
        draw_paragraph(p, p.font(FontRole::body), ImVec2(box.min.x + p.u(20), box.min.y + p.u(16)), text_w,
                       t.notice_text, why);
    }
    if (button(p, ids::kRequestSubmit, submit, p.t("request.review.submit"_k), ButtonStyle::primary))
        out.push_back(intent::Submit{});
}

// Filed: the numbers to keep, that the receipt prints, what happens next and by when.
void draw_done(Painter& p, const FrameInput& in, Rect area, const FiledRequest& f)
{
    const Theme& t = p.theme;
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    float y = area.min.y + draw_done_heading(p, area, p.t("request.done.title"_k));

    const bool portrait = p.m.portrait();
    const float gap = p.u(24);
    const float box_h = p.u(140);
    const float w = area.width();
    const float number_w = portrait ? w : (w - gap) * 0.62f;
    const Rect number{{area.min.x, y}, {area.min.x + number_w, y + box_h}};
    const Rect check = portrait ? Rect{{area.min.x, y + box_h + gap}, {area.max.x, y + 2 * box_h + gap}}
                                : Rect{{number.max.x + gap, y}, {area.max.x, y + box_h}};
    draw_number_box(p, number, p.t("request.done.number"_k), codes::group_tracking_number(f.tracking));
    draw_number_box(p, check, p.t("request.done.check"_k), f.check);
    y = check.max.y + p.u(16);
    y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text, p.t("request.done.printing"_k));
    y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text_muted, p.t("request.done.write_down"_k)) + p.u(16);

    const std::string due = local_time_text(p, f.filed_unix + static_cast<std::int64_t>(f.response_hours) * 3600);
    y += draw_paragraph(p, title, ImVec2(area.min.x, y), w, t.text, p.t("request.done.next_title"_k)) + p.u(8);
    y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text,
                        p.tr.format(f.named ? "request.done.next_named"_k : "request.done.next_anonymous"_k,
                                    {{"due", due}})) +
         p.u(16);
    if (in.uplink.offline)
        draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text_muted, p.t("request.done.offline"_k));

}

} // namespace

void draw_choice(Painter& p, const Choice& c, Rect r, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    bool down = false;
    if (tap_area(p, c.id, r, &down))
        out.push_back(c.intent);
    const float rounding = p.u(t.rounding);
    fill_rect(p.draw, r.min, r.max, down ? t.surface_down : t.surface, rounding);
    p.draw->AddRect(r.min, r.max, c.accent ? t.accent : t.border, rounding, 0,
                    p.u(c.accent ? t.border_px * 2 : t.border_px));
    fill_rect(p.draw, r.min, ImVec2(r.min.x + p.u(10), r.max.y), t.accent, rounding, ImDrawFlags_RoundCornersLeft);

    const float pad = p.u(24);
    const float w = r.width() - 2 * pad - p.u(10);
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    const float label_h = paragraph_height(p, title, w, c.label, 1.15f);
    const float sub_h = c.sublabel.empty() ? 0.0f : p.u(8) + paragraph_height(p, body, w, c.sublabel);
    // The sub-label whole where it fits, else its first line cut short, else (a tile too low
    // for even that) left out.
    const float line_h = p.u(8) + text_size(body, "Ag").y;
    const bool whole = label_h + sub_h <= r.height() - p.u(16);
    const bool one_line = !whole && !c.sublabel.empty() && label_h + line_h <= r.height() - p.u(16);
    const float h = label_h + (whole ? sub_h : one_line ? line_h : 0.0f);
    float y = r.min.y + std::max(p.u(8), (r.height() - h) * 0.5f);
    const float x = r.min.x + pad + p.u(10);
    y += draw_paragraph(p, title, ImVec2(x, y), w, t.text, c.label, Align::left, 1.15f);
    if (whole && !c.sublabel.empty())
        draw_paragraph(p, body, ImVec2(x, y + p.u(8)), w, t.text_muted, c.sublabel);
    else if (one_line) {
        std::string flat = c.sublabel;
        std::ranges::replace(flat, '\n', ' ');
        draw_text(p, body, ImVec2(x, y + p.u(8)), t.text_muted, elide(body, flat, w));
    }
}

void draw_choices(Painter& p, const FrameInput& in, Rect area, const std::vector<Choice>& choices, int cols,
                  float min_h, std::vector<Intent>& out)
{
    if (choices.empty())
        return;
    const PagedGrid g = paged_grid(p, area, static_cast<int>(choices.size()), cols, min_h, p.u(200), p.u(20),
                                   in.shell.list_page());
    for (int i = g.first(); i < g.end(); ++i)
        draw_choice(p, choices[static_cast<std::size_t>(i)], g.cell(i), out);
    g.draw_pager(p, out);
}

PagedGrid paged_grid(Painter& p, Rect area, int n, int cols, float min_h, float max_h, float gap, int page)
{
    PagedGrid g;
    g.n = n;
    g.cols = cols;
    g.gap = gap;
    g.area = area;
    const float pager_h = p.u(96);
    const auto rows_fitting = [&](float height) {
        return std::max(1, static_cast<int>(std::floor((height + gap) / (min_h + gap))));
    };
    int rows = (n + cols - 1) / cols;
    g.per_page = std::max(1, n);
    if (rows > rows_fitting(area.height())) { // more than one page: the rest behind "next"
        g.area.max.y = area.max.y - pager_h - gap;
        rows = rows_fitting(g.area.height());
        g.per_page = rows * cols;
        g.pager = Rect{{area.min.x, area.max.y - pager_h}, area.max};
    }
    g.pages = (n + g.per_page - 1) / g.per_page;
    g.page = std::clamp(page, 0, std::max(0, g.pages - 1));
    g.tile_w = (area.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    g.tile_h = std::min(max_h, (g.area.height() - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    return g;
}

Rect PagedGrid::cell(int i) const
{
    const int k = i - first();
    const float x = area.min.x + static_cast<float>(k % cols) * (tile_w + gap);
    const float y = area.min.y + static_cast<float>(k / cols) * (tile_h + gap);
    return Rect{{x, y}, {x + tile_w, y + tile_h}};
}

void PagedGrid::draw_pager(Painter& p, std::vector<Intent>& out) const
{
    if (pages > 1)
        ui::draw_pager(p, pager, page, pages, out);
}

void draw_pager(Painter& p, Rect bar, int page, int pages, std::vector<Intent>& out)
{
    const float bw = std::min(p.u(360), bar.width() * 0.3f);
    const std::string where =
        p.tr.format("list.page"_k, {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}});
    const ImVec2 ws = text_size(p.font(FontRole::body), where);
    draw_text(p, p.font(FontRole::body), ImVec2(bar.center().x - ws.x * 0.5f, bar.center().y - ws.y * 0.5f),
              p.theme.text_muted, where);
    if (page > 0 && button(p, ids::kListPrev, Rect{bar.min, {bar.min.x + bw, bar.max.y}}, p.t("list.prev"_k),
                           ButtonStyle::secondary, Icon::back))
        out.push_back(intent::TurnPage{-1});
    if (page + 1 < pages && button(p, ids::kListNext, Rect{{bar.max.x - bw, bar.min.y}, bar.max}, p.t("list.next"_k),
                                   ButtonStyle::secondary))
        out.push_back(intent::TurnPage{1});
}

int columns(const Painter& p, int landscape, int portrait)
{
    return p.m.portrait() ? portrait : landscape;
}

void draw_card_prompt(Painter& p, const FrameInput& in, Rect area, std::string_view question)
{
    const Theme& t = p.theme;
    const Rect rest = draw_question(p, area, question);
    const float icon = p.u(180);
    const ImVec2 c(rest.center().x, rest.min.y + p.u(40) + icon * 0.5f);
    const bool problem = in.card != CardNotice::none;
    fill_disc(p.draw, c, icon * 0.5f, problem ? t.text_muted : t.accent);
    draw_icon(p.draw, Icon::id_card, c, icon * 0.6f, t.accent_text);
    const float y = c.y + icon * 0.5f + p.u(40);
    std::string text;
    switch (in.card) {
    case CardNotice::none: text = p.t("request.card.place"_k); break;
    case CardNotice::retry: text = p.t("request.card.problem"_k); break;
    case CardNotice::unreadable:
        text = p.tr.format("request.card.unreadable"_k, {{"help_desk", in.help_desk.in(p.lang)}});
        break;
    case CardNotice::reader_down:
        text = p.tr.format("request.card.reader_down"_k, {{"help_desk", in.help_desk.in(p.lang)}});
        break;
    }
    draw_paragraph(p, p.font(FontRole::title), ImVec2(rest.min.x, y), rest.width(), problem ? t.text : t.text_muted,
                   text, Align::center, 1.2f);
}

float draw_review_row(Painter& p, ImVec2 at, float width, std::string_view label, std::string_view value)
{
    ImFont* body = p.font(FontRole::body);
    ImFont* title = p.font(FontRole::title);
    const float label_w = std::min(p.u(260), width * 0.3f);
    draw_paragraph(p, body, ImVec2(at.x, at.y + p.u(6)), label_w - p.u(16), p.theme.text_muted, label);
    const float h = draw_paragraph(p, title, ImVec2(at.x + label_w, at.y), width - label_w, p.theme.text, value,
                                   Align::left, 1.15f);
    return std::max(h, paragraph_height(p, body, label_w - p.u(16), label)) + p.u(20);
}

void draw_number_box(Painter& p, Rect r, std::string_view label, std::string_view number)
{
    const Theme& t = p.theme;
    fill_rect(p.draw, r.min, r.max, t.surface, p.u(t.rounding));
    p.draw->AddRect(r.min, r.max, t.accent, p.u(t.rounding), 0, p.u(t.border_px * 2));
    ImFont* body = p.font(FontRole::body);
    ImFont* big = p.font(FontRole::hero);
    const ImVec2 ls = text_size(body, label);
    p.fonts.ensure(big, number);
    const ImVec2 ns = text_size(big, number);
    const float scale = std::min(1.0f, (r.width() - p.u(32)) / std::max(1.0f, ns.x));
    const float top = r.min.y + (r.height() - ls.y - p.u(8) - ns.y * scale) * 0.5f;
    draw_text(p, body, ImVec2(r.center().x - ls.x * 0.5f, top), t.text_muted, label);
    p.draw->AddText(big, big->FontSize * scale, ImVec2(r.center().x - ns.x * scale * 0.5f, top + ls.y + p.u(8)),
                    t.text, number.data(), number.data() + number.size());
}

float draw_done_heading(Painter& p, Rect area, std::string_view text)
{
    const Theme& t = p.theme;
    ImFont* title = p.font(FontRole::title);
    const float tick = p.u(72);
    const ImVec2 c(area.min.x + tick * 0.5f, area.min.y + tick * 0.5f);
    fill_disc(p.draw, c, tick * 0.5f, t.accent);
    draw_icon(p.draw, Icon::check, c, tick * 0.6f, t.accent_text);
    const float w = area.width() - tick - p.u(24);
    const float h = paragraph_height(p, title, w, text);
    draw_paragraph(p, title, ImVec2(area.min.x + tick + p.u(24), area.min.y + std::max(0.0f, (tick - h) * 0.5f)), w,
                   t.text, text);
    return std::max(tick, h) + p.u(32);
}

Rect draw_question(Painter& p, Rect area, std::string_view question, std::string_view hint)
{
    float y = area.min.y;
    y += draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, y), area.width(), p.theme.text, question);
    if (!hint.empty()) {
        y += p.u(8);
        y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), p.theme.text_muted, hint);
    }
    return Rect{{area.min.x, y + p.u(24)}, area.max};
}

std::string local_time_text(Painter& p, std::int64_t unix)
{
    const auto tt = static_cast<std::time_t>(unix);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return format_date_time(p.tr, p.lang, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

std::string time_in_zone_of(Painter& p, std::int64_t unix, std::string_view like)
{
    const auto offset = uplink::rfc3339_offset_seconds(like);
    if (!offset)
        return local_time_text(p, unix);
    const auto tt = static_cast<std::time_t>(unix + *offset);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    return format_date_time(p.tr, p.lang, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

bool step_button(Painter& p, std::string_view id, Rect r, std::string_view label, bool enabled)
{
    if (enabled)
        return button(p, id, r, label, ButtonStyle::primary);
    // Shown but not a target: the resident sees where the way on is once the step is done.
    fill_rect(p.draw, r.min, r.max, p.theme.surface, p.u(p.theme.rounding));
    p.draw->AddRect(r.min, r.max, p.theme.inactive, p.u(p.theme.rounding), 0, p.u(p.theme.border_px));
    const ImVec2 ts = text_size(p.font(FontRole::body), label);
    draw_text(p, p.font(FontRole::body), ImVec2(r.center().x - ts.x * 0.5f, r.center().y - ts.y * 0.5f),
              p.theme.inactive_text, label);
    return false;
}

std::optional<char> draw_digit_pad(Painter& p, Rect pad, std::string (*id)(char))
{
    const float gap = p.u(16);
    const float key_w = (pad.width() - 2 * gap) / 3.0f;
    const float key_h = std::min(p.u(112), (pad.height() - 3 * gap) / 4.0f);
    static constexpr char kKeys[] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 0, '0', '\b'};
    std::optional<char> tapped;
    for (int i = 0; i < 12; ++i) {
        const char key = kKeys[i];
        if (key == 0)
            continue;
        const float kx = pad.min.x + static_cast<float>(i % 3) * (key_w + gap);
        const float ky = pad.min.y + static_cast<float>(i / 3) * (key_h + gap);
        const Rect r{{kx, ky}, {kx + key_w, ky + key_h}};
        const std::string label = key == '\b' ? std::string(p.t("request.phone.delete"_k)) : std::string(1, key);
        if (button(p, id(key), r, label, ButtonStyle::secondary, Icon::none,
                   key == '\b' ? p.font(FontRole::body) : p.font(FontRole::title)))
            tapped = key;
    }
    return tapped;
}

void draw_request(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    if (const auto& filed = in.shell.filed()) {
        draw_done(p, in, area, *filed);
        return;
    }
    switch (in.shell.request_step()) {
    case RequestStep::category: draw_category_step(p, in, area, out); break;
    case RequestStep::place: draw_place_step(p, in, area, out); break;
    case RequestStep::describe: draw_describe_step(p, in, area, out); break;
    case RequestStep::reporter: draw_reporter_step(p, in, area, out); break;
    case RequestStep::consent: draw_consent_step(p, area, out); break;
    case RequestStep::id_card: draw_card_prompt(p, in, area, p.t("request.card.title"_k)); break;
    case RequestStep::phone: draw_phone_step(p, in, area, out); break;
    case RequestStep::review: draw_review_step(p, in, area, out); break;
    }
}

void draw_phone_entry(Painter& p, Rect rest, const Personal& phone, std::string (*key_id)(char), std::string_view next_id,
                      std::string_view next_label, const Intent& next_intent, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const bool done = valid_mobile(phone.reveal());

    // The field with the number typed so far and the "next" button above a 3 x 4 pad; where four
    // rows of keys of a good size do not fit below them (large text on a landscape screen), the
    // field and the button stand on the left and the pad takes the whole height on the right.
    const float gap = p.u(16);
    const float field_h = p.u(110);
    const float next_h = p.u(112);
    const float min_key = p.u(88);
    const float stacked_room = rest.height() - field_h - next_h - 2 * p.u(24);
    const bool side = !p.m.portrait() && stacked_room < 4 * min_key + 3 * gap;
    Rect field;
    Rect next;
    Rect pad;
    if (side) {
        const float left_w = rest.width() * 0.42f;
        field = Rect{rest.min, {rest.min.x + left_w, rest.min.y + field_h}};
        next = Rect{{rest.min.x, field.max.y + p.u(24)}, {rest.min.x + left_w, field.max.y + p.u(24) + next_h}};
        pad = Rect{{rest.min.x + left_w + p.u(40), rest.min.y}, rest.max};
    } else {
        const float w = std::min(rest.width(), p.u(720));
        const float x = rest.center().x - w * 0.5f;
        field = Rect{{x, rest.min.y}, {x + w, rest.min.y + field_h}};
        const float nw = std::min(p.u(420), rest.width() * 0.45f);
        next = Rect{{rest.max.x - nw, rest.max.y - next_h}, rest.max};
        pad = Rect{{x, field.max.y + p.u(24)}, {x + w, next.min.y - p.u(24)}};
    }
    ImFont* big = p.font(FontRole::title);
    fill_rect(p.draw, field.min, field.max, t.surface, p.u(t.rounding));
    p.draw->AddRect(field.min, field.max, t.accent, p.u(t.rounding), 0, p.u(t.border_px * 2));
    const std::string shown =
        phone.empty() ? std::string(p.t("request.phone.placeholder"_k)) : grouped_phone(phone.reveal());
    ImFont* shown_font = phone.empty() ? p.font(FontRole::body) : big;
    const ImVec2 ts = text_size(shown_font, shown);
    draw_text(p, shown_font, ImVec2(field.center().x - ts.x * 0.5f, field.center().y - ts.y * 0.5f),
              phone.empty() ? t.text_muted : t.text, shown);
    if (step_button(p, next_id, next, next_label, done))
        out.push_back(next_intent);

    if (auto key = draw_digit_pad(p, pad, key_id))
        out.push_back(intent::PhoneKey{*key});
}

} // namespace hk::ui
