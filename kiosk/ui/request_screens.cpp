// Filing a request: the steps' screens. Each step says in one line what it asks, and offers its
// choices as large tiles, a page at a time where they do not all fit (the categories in large
// text, a community's many grids).
#include "screens.hpp"

#include "ui_ids.hpp"

#include <algorithm>
#include <cmath>

namespace hk::ui {
namespace {

struct Choice {
    std::string id;       // the tile's widget id
    std::string label;    // in the resident's language
    std::string sublabel; // a second line, smaller ("" for none)
    Intent intent;        // what a tap asks for
    bool accent = false;  // stands out from the others (this hall)
};

// The expected response time, in hours under two days and in days from there.
std::string reply_within(Painter& p, int hours)
{
    if (hours < 48)
        return p.tr.format("request.reply_within_hours"_k, {{"hours", std::to_string(hours)}});
    return p.tr.format("request.reply_within_days"_k, {{"days", std::to_string((hours + 23) / 24)}});
}

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
    const bool room_for_sub = label_h + sub_h <= r.height() - p.u(16);
    const float h = label_h + (room_for_sub ? sub_h : 0.0f);
    float y = r.min.y + std::max(p.u(8), (r.height() - h) * 0.5f);
    const float x = r.min.x + pad + p.u(10);
    y += draw_paragraph(p, title, ImVec2(x, y), w, t.text, c.label, Align::left, 1.15f);
    if (room_for_sub && !c.sublabel.empty())
        draw_paragraph(p, body, ImVec2(x, y + p.u(8)), w, t.text_muted, c.sublabel);
}

// The choices in a grid of `cols` columns, as many rows as fit with tiles at least `min_h`
// high, a page at a time with "previous" and "next" below when they do not all fit.
void draw_choices(Painter& p, const FrameInput& in, Rect area, const std::vector<Choice>& choices, int cols,
                  float min_h, std::vector<Intent>& out)
{
    if (choices.empty())
        return;
    const float gap = p.u(20);
    const float pager_h = p.u(96);
    const int n = static_cast<int>(choices.size());
    const auto rows_fitting = [&](float height) {
        return std::max(1, static_cast<int>(std::floor((height + gap) / (min_h + gap))));
    };
    int rows = (n + cols - 1) / cols;
    int per_page = n;
    float grid_h = area.height();
    if (rows > rows_fitting(area.height())) {
        grid_h = area.height() - pager_h - gap;
        rows = rows_fitting(grid_h);
        per_page = rows * cols;
    }
    const int pages = (n + per_page - 1) / per_page;
    const int page = std::clamp(in.shell.list_page(), 0, pages - 1);
    const float tile_w = (area.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float tile_h = std::min(p.u(200), (grid_h - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    for (int i = page * per_page; i < std::min(n, (page + 1) * per_page); ++i) {
        const int k = i - page * per_page;
        const float x = area.min.x + static_cast<float>(k % cols) * (tile_w + gap);
        const float y = area.min.y + static_cast<float>(k / cols) * (tile_h + gap);
        draw_choice(p, choices[static_cast<std::size_t>(i)], Rect{{x, y}, {x + tile_w, y + tile_h}}, out);
    }
    if (pages <= 1)
        return;
    const float y = area.max.y - pager_h;
    const float bw = std::min(p.u(360), area.width() * 0.3f);
    const std::string where =
        p.tr.format("list.page"_k, {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}});
    const ImVec2 ws = text_size(p.font(FontRole::body), where);
    draw_text(p, p.font(FontRole::body), ImVec2(area.center().x - ws.x * 0.5f, y + (pager_h - ws.y) * 0.5f),
              p.theme.text_muted, where);
    if (page > 0 && button(p, ids::kListPrev, Rect{{area.min.x, y}, {area.min.x + bw, y + pager_h}}, p.t("list.prev"_k),
                           ButtonStyle::secondary, Icon::back))
        out.push_back(intent::TurnPage{-1});
    if (page + 1 < pages && button(p, ids::kListNext, Rect{{area.max.x - bw, y}, {area.max.x, y + pager_h}},
                                   p.t("list.next"_k), ButtonStyle::secondary))
        out.push_back(intent::TurnPage{1});
}

// The step's question above its choices; returns the area left below it.
Rect draw_question(Painter& p, Rect area, std::string_view question, std::string_view hint = {})
{
    float y = area.min.y;
    y += draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, y), area.width(), p.theme.text, question);
    if (!hint.empty()) {
        y += p.u(8);
        y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), p.theme.text_muted, hint);
    }
    return Rect{{area.min.x, y + p.u(24)}, area.max};
}

int columns(const Painter& p, int landscape, int portrait)
{
    return p.m.portrait() ? portrait : landscape;
}

void draw_category_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RequestDraft& d = in.shell.request();
    const auto& groups = in.requests.groups;
    const auto group = std::ranges::find(groups, d.group, &uplink::CategoryGroup::id);
    std::vector<Choice> choices;
    if (group == groups.end()) {
        const Rect rest = draw_question(p, area, p.t("request.category.title"_k), p.t("request.category.hint"_k));
        for (const uplink::CategoryGroup& g : groups)
            choices.push_back(Choice{ids::request_group(g.id), g.name.in(p.lang), "", intent::ChooseGroup{g.id}});
        // Group names are short: four across on a landscape screen keeps the usual dozen on one page.
        draw_choices(p, in, rest, choices, columns(p, 4, 2), p.u(120), out);
        return;
    }
    const std::string question = p.tr.format("request.category.in_group"_k, {{"group", group->name.in(p.lang)}});
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

} // namespace

void draw_request(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    switch (in.shell.request_step()) {
    case RequestStep::category: draw_category_step(p, in, area, out); break;
    case RequestStep::place: draw_place_step(p, in, area, out); break;
    // The steps below are being built; the service is not offered until they are.
    case RequestStep::describe:
    case RequestStep::reporter:
    case RequestStep::consent:
    case RequestStep::id_card:
    case RequestStep::phone:
    case RequestStep::review: break;
    }
}

} // namespace hk::ui
