// The service directory (the sectors of the service alliance, a sector's services, one service),
// "help near me" (a community, its grids, the grid's volunteer team and its contact card) and the
// traffic safety pages (their list, one page a part at a time). Everything is read from the
// cached catalogue; when it has nothing the screen says so and where to ask instead.
#include "screens.hpp"

#include "ui_ids.hpp"

#include <algorithm>
#include <cmath>

namespace hk::ui {
namespace {

MsgKey sector_key(uplink::Sector s)
{
    switch (s) {
    case uplink::Sector::government: return "directory.sector.government"_k;
    case uplink::Sector::legal: return "directory.sector.legal"_k;
    case uplink::Sector::education: return "directory.sector.education"_k;
    case uplink::Sector::health: return "directory.sector.health"_k;
    case uplink::Sector::culture_sports: return "directory.sector.culture_sports"_k;
    case uplink::Sector::social: return "directory.sector.social"_k;
    case uplink::Sector::talent: return "directory.sector.talent"_k;
    case uplink::Sector::public_welfare: return "directory.sector.public_welfare"_k;
    }
    return "directory.sector.government"_k;
}

std::vector<const uplink::DirectoryService*> services_in(const FrameInput& in, uplink::Sector sector)
{
    std::vector<const uplink::DirectoryService*> out;
    for (const uplink::DirectoryService& s : in.directory.services)
        if (s.sector == sector)
            out.push_back(&s);
    return out;
}

const uplink::Community* find_community(const FrameInput& in, std::string_view id)
{
    const auto& c = in.requests.communities;
    const auto it = std::ranges::find(c, id, &uplink::Community::id);
    return it == c.end() ? nullptr : &*it;
}

// The catalogue has nothing for this screen: said in large words, with where to ask instead.
void draw_nothing(Painter& p, const FrameInput& in, Rect area, MsgKey text)
{
    draw_paragraph(p, p.font(FontRole::title), area.min, area.width(), p.theme.text,
                   p.tr.format(text, {{"help_desk", in.help_desk.in(p.lang)}}), Align::left, 1.25f);
}

// A row of a detail screen: its label and the value beside it.
struct Row {
    std::string_view label;
    std::string value;
};

// Height draw_review_row takes for `row` in `width`.
float row_height(Painter& p, float width, const Row& row)
{
    const float label_w = std::min(p.u(260), width * 0.3f);
    return std::max(paragraph_height(p, p.font(FontRole::title), width - label_w, row.value, 1.15f),
                    paragraph_height(p, p.font(FontRole::body), label_w - p.u(16), row.label)) +
           p.u(20);
}

// The rows down `r`, or in two columns side by side where one would run past its bottom (large
// text on a landscape screen); never drawn past `r`.
void draw_rows(Painter& p, Rect r, const std::vector<Row>& rows)
{
    float total = 0;
    for (const Row& row : rows)
        total += row_height(p, r.width(), row);
    const bool two = total > r.height() && !p.m.portrait();
    const float gap = p.u(40);
    const float w = two ? (r.width() - gap) * 0.5f : r.width();
    p.draw->PushClipRect(r.min, r.max, true);
    ImVec2 at = r.min;
    const std::size_t first_of_second = two ? (rows.size() + 1) / 2 : rows.size();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == first_of_second)
            at = ImVec2(r.min.x + w + gap, r.min.y);
        at.y += draw_review_row(p, at, w, rows[i].label, rows[i].value);
    }
    p.draw->PopClipRect();
}

void draw_sectors(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    Rect rest = draw_question(p, area, p.t("directory.title"_k), p.t("directory.hint"_k));
    // Help near me first, across the screen: the way to a person to call.
    const float near_h = p.u(130);
    draw_choice(p,
                Choice{std::string(ids::kDirectoryNearMe), std::string(p.t("directory.near_me"_k)),
                       std::string(p.t("directory.near_me.hint"_k)), intent::HelpNearMe{}, true},
                Rect{rest.min, {rest.max.x, rest.min.y + near_h}}, out);
    rest.min.y += near_h + p.u(28);
    std::vector<Choice> choices;
    for (uplink::Sector sector : uplink::kSectors) {
        const auto n = services_in(in, sector).size();
        if (n == 0)
            continue; // a sector without services for this kiosk is not shown
        const std::string name(uplink::sector_name(sector));
        choices.push_back(Choice{ids::directory_sector(name), std::string(p.t(sector_key(sector))),
                                 p.tr.format("directory.sector.count"_k, {{"n", std::to_string(n)}}),
                                 intent::ChooseSector{name}});
    }
    if (choices.empty()) {
        draw_nothing(p, in, rest, "directory.none"_k);
        return;
    }
    draw_choices(p, in, rest, choices, columns(p, 4, 2), p.u(110), out);
}

void draw_services(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const auto sector = uplink::sector_from_name(in.shell.directory().sector);
    const Rect rest = draw_question(p, area, sector ? p.t(sector_key(*sector)) : "", p.t("directory.services.hint"_k));
    std::vector<Choice> choices;
    if (sector)
        for (const uplink::DirectoryService* s : services_in(in, *sector))
            choices.push_back(Choice{ids::directory_service(s->id), s->name.in(p.lang), s->provider.in(p.lang),
                                     intent::ChooseService{s->id}});
    if (choices.empty()) {
        draw_nothing(p, in, rest, "directory.none"_k);
        return;
    }
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(160), out);
}

// The communities a service is for, by name; "every community" when it names none.
std::string served_text(Painter& p, const FrameInput& in, const uplink::DirectoryService& s)
{
    if (s.communities.empty())
        return std::string(p.t("directory.communities.all"_k));
    std::string out;
    for (const std::string& id : s.communities) {
        const uplink::Community* c = find_community(in, id);
        out +=
            (out.empty() ? "" : std::string(p.t("directory.communities.separator"_k))) + (c ? c->name.in(p.lang) : id);
    }
    return out;
}

void draw_service(Painter& p, const FrameInput& in, Rect area)
{
    const auto& all = in.directory.services;
    const auto it = std::ranges::find(all, in.shell.directory().service, &uplink::DirectoryService::id);
    if (it == all.end()) { // the catalogue changed under the resident
        draw_nothing(p, in, area, "directory.gone"_k);
        return;
    }
    const uplink::DirectoryService& s = *it;
    const Rect rest = draw_question(p, area, s.name.in(p.lang));
    std::vector<Row> rows = {{p.t("directory.field.provider"_k), s.provider.in(p.lang)},
                             {p.t("directory.field.where"_k), s.where.in(p.lang)},
                             {p.t("directory.field.hours"_k), s.hours.in(p.lang)},
                             {p.t("directory.field.phone"_k), s.phone}};
    if (s.how)
        rows.push_back({p.t("directory.field.how"_k), s.how->in(p.lang)});
    rows.push_back({p.t("directory.field.communities"_k), served_text(p, in, s)});
    draw_rows(p, rest, rows);
}

void draw_communities(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("directory.near_me.community"_k));
    std::vector<Choice> choices;
    for (const uplink::Community& c : in.requests.communities)
        choices.push_back(Choice{ids::directory_community(c.id), c.name.in(p.lang), "", intent::ChooseCommunity{c.id}});
    if (choices.empty()) {
        draw_nothing(p, in, rest, "directory.near_me.none"_k);
        return;
    }
    draw_choices(p, in, rest, choices, columns(p, 3, 2), p.u(130), out);
}

void draw_grids(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const uplink::Community* c = find_community(in, in.shell.directory().community);
    if (!c) {
        draw_nothing(p, in, area, "directory.gone"_k);
        return;
    }
    const Rect rest =
        draw_question(p, area, p.tr.format("directory.near_me.grid"_k, {{"community", c->name.in(p.lang)}}),
                      p.t("directory.near_me.grid_hint"_k));
    std::vector<Choice> choices;
    for (const uplink::Grid& g : c->grids) {
        const uplink::VolunteerTeam* team = uplink::find_team(in.directory.teams, c->id, g.id);
        choices.push_back(Choice{ids::directory_grid(g.id), g.name.in(p.lang),
                                 team ? team->name.in(p.lang) : std::string(p.t("directory.team.none.short"_k)),
                                 intent::ChooseGrid{g.id}});
    }
    if (choices.empty()) {
        draw_nothing(p, in, rest, "directory.team.none"_k);
        return;
    }
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(150), out);
}

void draw_team(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const DirectoryState& d = in.shell.directory();
    std::string place = d.grid;
    if (const uplink::Community* c = find_community(in, d.community)) {
        place = c->name.in(p.lang);
        if (const auto g = std::ranges::find(c->grids, d.grid, &uplink::Grid::id); g != c->grids.end())
            place += "　" + g->name.in(p.lang);
    }
    const uplink::VolunteerTeam* team = uplink::find_team(in.directory.teams, d.community, d.grid);
    if (!team) {
        // No team for this grid: said plainly, with the hall's help desk as the way on.
        const Rect rest = draw_question(p, area, p.t("directory.team.none.title"_k), place);
        draw_nothing(p, in, rest, "directory.team.none"_k);
        return;
    }
    const Rect rest = draw_question(p, area, team->name.in(p.lang), place);
    const float button_h = p.u(112);
    const float bw = std::min(p.u(480), rest.width() * 0.45f);
    const bool portrait = p.m.portrait();
    // Landscape: the rows keep clear of the button's column; portrait: the button stands below them.
    const std::vector<Row> rows = {{p.t("directory.team.leader"_k), team->leader},
                                   {p.t("directory.field.phone"_k), team->phone},
                                   {p.t("directory.field.where"_k), team->where.in(p.lang)},
                                   {p.t("directory.field.hours"_k), team->hours.in(p.lang)},
                                   {p.t("directory.team.offers"_k), team->offers.in(p.lang)},
                                   {p.t("directory.team.members"_k),
                                    p.tr.format("directory.team.members_n"_k, {{"n", std::to_string(team->members)}})}};
    const Rect print{{rest.max.x - bw, rest.max.y - button_h}, rest.max};
    draw_rows(p,
              portrait ? Rect{rest.min, {rest.max.x, print.min.y - p.u(24)}}
                       : Rect{rest.min, {rest.max.x - bw - p.u(40), rest.max.y}},
              rows);
    if (d.cards_printed > 0) {
        // Printing: said beside the button, which prints another card for a neighbour.
        const float text_w = portrait ? rest.width() - bw - p.u(40) : bw;
        const ImVec2 text_at = portrait ? ImVec2(rest.min.x, print.min.y)
                                        : ImVec2(print.min.x, print.min.y - p.u(24) -
                                                                  paragraph_height(p, p.font(FontRole::body), bw,
                                                                                   p.t("directory.team.printing"_k)));
        draw_paragraph(p, p.font(FontRole::body), text_at, text_w, p.theme.text, p.t("directory.team.printing"_k));
    }
    if (button(p, ids::kDirectoryPrint, print,
               p.t(d.cards_printed > 0 ? "directory.team.print_again"_k : "directory.team.print"_k),
               ButtonStyle::primary, Icon::printer))
        out.push_back(intent::PrintContactCard{});
}

void draw_safety_list(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("service.traffic_safety.title"_k), p.t("safety.list.hint"_k));
    std::vector<Choice> choices;
    for (const uplink::SafetyPage& page : in.directory.safety)
        choices.push_back(Choice{ids::safety_page(page.id), page.title.in(p.lang), page.summary.in(p.lang),
                                 intent::ChoosePage{page.id}});
    if (choices.empty()) {
        draw_nothing(p, in, rest, "safety.none"_k);
        return;
    }
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(170), out);
}

// One page: its paragraphs broken into lines and shown as many lines at a time as fit, with
// large "previous" and "next" buttons below rather than a scroll bar.
void draw_safety_page(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const auto& pages = in.directory.safety;
    const auto it = std::ranges::find(pages, in.shell.safety().page, &uplink::SafetyPage::id);
    if (it == pages.end()) {
        draw_nothing(p, in, area, "safety.gone"_k);
        return;
    }
    const Rect rest = draw_question(p, area, it->title.in(p.lang), it->summary.in(p.lang));
    ImFont* body = p.font(FontRole::title);
    const float line_h = body->FontSize * 1.35f;
    // Every line of every paragraph, with an empty line between paragraphs.
    std::vector<std::string_view> lines;
    for (const LocalText& paragraph : it->paragraphs) {
        if (!lines.empty())
            lines.emplace_back();
        for (std::string_view l : paragraph_lines(p, body, rest.width(), paragraph.in(p.lang)))
            lines.push_back(l);
    }
    const float gap = p.u(20);
    const float pager_h = p.u(96);
    const auto fitting = [&](float h) { return std::max(1, static_cast<int>(std::floor(h / line_h))); };
    int per_page = fitting(rest.height());
    int pages_n = 1;
    if (static_cast<int>(lines.size()) > per_page) {
        per_page = fitting(rest.height() - pager_h - gap);
        pages_n = (static_cast<int>(lines.size()) + per_page - 1) / per_page;
    }
    const int page = std::clamp(in.shell.list_page(), 0, pages_n - 1);
    float y = rest.min.y;
    const int end = std::min(static_cast<int>(lines.size()), (page + 1) * per_page);
    for (int i = page * per_page; i < end; ++i) {
        const std::string_view line = lines[static_cast<std::size_t>(i)];
        if (line.empty() && i == page * per_page)
            continue; // a part does not start with the gap between two paragraphs
        if (!line.empty()) // the gap: nothing to draw
            draw_text(p, body, ImVec2(rest.min.x, y), p.theme.text, line);
        y += line_h;
    }
    if (pages_n <= 1)
        return;
    draw_pager(p, Rect{{rest.min.x, rest.max.y - pager_h}, rest.max}, page, pages_n, out);
}

} // namespace

void draw_directory(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    switch (in.shell.directory().step) {
    case DirectoryStep::sectors: draw_sectors(p, in, area, out); break;
    case DirectoryStep::services: draw_services(p, in, area, out); break;
    case DirectoryStep::service: draw_service(p, in, area); break;
    case DirectoryStep::communities: draw_communities(p, in, area, out); break;
    case DirectoryStep::grids: draw_grids(p, in, area, out); break;
    case DirectoryStep::team: draw_team(p, in, area, out); break;
    }
}

void draw_safety(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    if (in.shell.safety().page.empty())
        draw_safety_list(p, in, area, out);
    else
        draw_safety_page(p, in, area, out);
}

} // namespace hk::ui
