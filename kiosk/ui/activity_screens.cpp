// Activities (the list, one activity with its seats, signing up or joining the waiting list, the
// slip) and the resident's own bookings and sign-ups, each cancellable.
#include "screens.hpp"

#include "day.hpp"
#include "rfc3339.hpp"
#include "ui_ids.hpp"

#include <algorithm>
#include <ctime>
#include <tuple>
#include <utility>

namespace hk::ui {
namespace {

const uplink::Activity* find_activity(const FrameInput& in, std::string_view id)
{
    const auto& a = in.bookings.activities;
    const auto it = std::ranges::find(a, id, &uplink::Activity::id);
    return it == a.end() ? nullptr : &*it;
}

std::string place_of(Painter& p, const FrameInput& in, std::string_view venue)
{
    const auto& v = in.bookings.venues;
    const auto it = std::ranges::find(v, venue, &uplink::Venue::id);
    return it == v.end() ? std::string(venue) : it->name.in(p.lang);
}

std::string hhmm(std::string_view rfc3339)
{
    return rfc3339.size() >= 16 ? std::string(rfc3339.substr(11, 5)) : std::string();
}

// "Friday, 5 March 2027 14:00–16:00" from two RFC 3339 times with offsets.
std::string when_text(Painter& p, std::string_view start, std::string_view end)
{
    const auto d = Day::parse(start.substr(0, std::min<std::size_t>(10, start.size())));
    if (!d)
        return std::string(start);
    std::string out = format_date(p.tr, p.lang, d->year, d->month, d->day) + " " + hhmm(start);
    if (!end.empty())
        out += "–" + hhmm(end);
    return out;
}

// Who may join, in words.
std::string who_text(Painter& p, const uplink::Activity& a)
{
    std::string out;
    if (a.age_min && a.age_max)
        out = p.tr.format("activity.who.ages"_k, {{"min", std::to_string(*a.age_min)}, {"max", std::to_string(*a.age_max)}});
    else if (a.age_min)
        out = p.tr.format("activity.who.from"_k, {{"min", std::to_string(*a.age_min)}});
    else if (a.age_max)
        out = p.tr.format("activity.who.to"_k, {{"max", std::to_string(*a.age_max)}});
    else
        out = std::string(p.t("activity.who.all"_k));
    if (a.community_only)
        out += p.t("activity.who.community"_k);
    return out;
}

// The activities not yet over, by their start.
std::vector<const uplink::Activity*> upcoming(const FrameInput& in)
{
    std::tm wall = in.wall;
    const std::int64_t now = static_cast<std::int64_t>(std::mktime(&wall));
    std::vector<const uplink::Activity*> out;
    for (const uplink::Activity& a : in.bookings.activities) {
        const auto end = uplink::parse_rfc3339(a.end);
        if (end && *end > now)
            out.push_back(&a);
    }
    std::ranges::sort(out, {}, [](const uplink::Activity* a) { return uplink::parse_rfc3339(a->start).value_or(0); });
    return out;
}

// The seats in words, and whether the resident can still sign up (or join the waiting list).
std::pair<std::string, bool> seats_text(Painter& p, const uplink::Activity& a, const ActivitySeats& seats)
{
    const int left = std::max(0, seats.places - seats.taken);
    if (left > 0)
        return {p.tr.format("activity.seats.left"_k, {{"n", std::to_string(left)}, {"of", std::to_string(seats.places)}}),
                true};
    if (a.waitlist - seats.waiting > 0)
        return {p.tr.format("activity.seats.waitlist"_k, {{"n", std::to_string(seats.waiting)}}), true};
    return {std::string(p.t("activity.seats.full"_k)), false};
}

void draw_list(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect head = draw_mine_button(p, area, out);
    Rect rest = draw_question(p, head, p.t("activity.list.title"_k), p.t("activity.list.hint"_k));
    rest.max.x = area.max.x;
    const ActivityState& s = in.shell.activity();
    std::vector<Choice> choices;
    for (const uplink::Activity* a : upcoming(in)) {
        std::string sub = when_text(p, a->start, a->end) + "\n" + place_of(p, in, a->venue) + " · " + who_text(p, *a);
        if (const auto it = s.list_seats.find(a->id); it != s.list_seats.end() && it->second)
            sub += " · " + seats_text(p, *a, *it->second).first;
        else if (it == s.list_seats.end() && !s.list_unreachable)
            sub += " · " + std::string(p.t("activity.seats.asking"_k));
        choices.push_back(Choice{ids::activity(a->id), a->title.in(p.lang), sub, intent::ChooseActivity{a->id}});
    }
    if (choices.empty()) {
        draw_paragraph(p, p.font(FontRole::title), rest.min, rest.width(), p.theme.text_muted,
                       p.t("activity.list.none"_k));
        return;
    }
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(170), out);
}

void draw_detail(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const ActivityState& s = in.shell.activity();
    const uplink::Activity* a = find_activity(in, s.activity);
    if (!a) { // the catalogue changed under the resident
        draw_paragraph(p, p.font(FontRole::title), area.min, area.width(), p.theme.text_muted, p.t("activity.gone"_k));
        return;
    }
    const Rect rest = draw_question(p, area, a->title.in(p.lang), a->description ? a->description->in(p.lang) : "");
    const float w = rest.width();
    ImVec2 at = rest.min;
    at.y += draw_review_row(p, at, w, p.t("activity.field.when"_k), when_text(p, a->start, a->end));
    at.y += draw_review_row(p, at, w, p.t("activity.field.where"_k), place_of(p, in, a->venue));
    at.y += draw_review_row(p, at, w, p.t("activity.field.who"_k), who_text(p, *a));
    if (!a->signup_closes.empty())
        if (const auto closes = uplink::parse_rfc3339(a->signup_closes))
            at.y += draw_review_row(p, at, w, p.t("activity.field.closes"_k), time_in_zone_of(p, *closes, a->signup_closes));
    std::string seats;
    bool can = false;
    MsgKey action = "activity.signup"_k;
    if (s.seats) {
        std::tie(seats, can) = seats_text(p, *a, *s.seats);
        if (can && s.seats->taken >= s.seats->places)
            action = "activity.join_waitlist"_k;
    } else if (s.seats_unknown) {
        seats = std::string(p.t("activity.seats.unknown"_k));
    } else {
        seats = std::string(p.t("activity.seats.asking"_k));
    }
    at.y += draw_review_row(p, at, w, p.t("activity.field.seats"_k), seats);
    const float bw = std::min(p.u(480), w * 0.45f);
    if (step_button(p, ids::kActivitySignUp, Rect{{rest.max.x - bw, rest.max.y - p.u(120)}, rest.max}, p.t(action), can))
        out.push_back(intent::SignUp{});
}

void draw_signed_up(Painter& p, const FrameInput& in, Rect area)
{
    const ActivityState& s = in.shell.activity();
    const uplink::Activity* a = find_activity(in, s.activity);
    const Theme& t = p.theme;
    const std::string heading =
        s.waiting ? p.tr.format("activity.done.waiting"_k, {{"n", s.position ? std::to_string(*s.position) : "-"}})
                  : std::string(p.t("activity.done.title"_k));
    float y = area.min.y + draw_done_heading(p, area, heading);
    const float w = area.width();
    ImFont* body = p.font(FontRole::body);
    if (a) {
        y += draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, y), w, t.text, a->title.in(p.lang)) + p.u(8);
        y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text,
                            when_text(p, a->start, a->end) + " · " + place_of(p, in, a->venue)) +
             p.u(24);
    }
    y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text, p.t("activity.done.printing"_k)) + p.u(8);
    draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text_muted,
                   p.t(s.waiting ? "activity.done.next_waiting"_k : "activity.done.next"_k));
}

// A line about one of the resident's items: what, when, and its state.
std::string item_title(Painter& p, const FrameInput& in, const MineItem& i)
{
    if (i.kind == MineItem::Kind::booking)
        return place_of(p, in, i.subject);
    const uplink::Activity* a = find_activity(in, i.subject);
    return a ? a->title.in(p.lang) : i.subject;
}

std::string item_detail(Painter& p, const FrameInput& in, const MineItem& i)
{
    if (i.kind == MineItem::Kind::booking) {
        std::string out = when_text(p, i.start, i.end) + " · " +
                          p.tr.format("booking.done.group"_k, {{"n", std::to_string(i.group_size)}});
        if (const auto until = uplink::parse_rfc3339_utc(i.cancel_until))
            out += "\n" + p.tr.format("mine.cancel_until"_k, {{"time", time_in_zone_of(p, *until, i.start)}});
        return out;
    }
    const uplink::Activity* a = find_activity(in, i.subject);
    std::string out = a ? when_text(p, a->start, a->end) : std::string();
    out += out.empty() ? "" : " · ";
    out += i.waiting ? p.tr.format("mine.waiting"_k, {{"n", i.position ? std::to_string(*i.position) : "-"}})
                     : std::string(p.t("mine.signed_up"_k));
    return out;
}

bool cancellable(const FrameInput& in, const MineItem& i)
{
    if (i.kind != MineItem::Kind::booking)
        return true;
    std::tm wall = in.wall;
    const auto until = uplink::parse_rfc3339_utc(i.cancel_until);
    return until && static_cast<std::int64_t>(std::mktime(&wall)) < *until;
}

void draw_items(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const MineState& m = in.shell.mine();
    const Theme& t = p.theme;
    const Rect rest = draw_question(p, area, p.tr.format("mine.title"_k, {{"name", m.name.masked()}}),
                                    m.items.empty() ? "" : p.t("mine.hint"_k));
    if (m.items.empty()) {
        draw_paragraph(p, p.font(FontRole::title), rest.min, rest.width(), t.text_muted, p.t("mine.none"_k));
        return;
    }
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    const float bw = std::min(p.u(300), rest.width() * 0.28f);
    const float text_w = rest.width() - bw - p.u(80);
    // Soonest first: a booking by its start, a sign-up by its activity's.
    std::vector<const MineItem*> items;
    for (const MineItem& i : m.items)
        items.push_back(&i);
    const auto starts = [&](const MineItem* i) -> std::int64_t {
        if (i->kind == MineItem::Kind::booking)
            return uplink::parse_rfc3339(i->start).value_or(0);
        const uplink::Activity* a = find_activity(in, i->subject);
        return a ? uplink::parse_rfc3339(a->start).value_or(0) : 0;
    };
    std::ranges::stable_sort(items, {}, starts);
    float y = rest.min.y;
    for (const MineItem* item : items) {
        const MineItem& i = *item;
        const std::string what = item_title(p, in, i);
        const std::string detail = item_detail(p, in, i);
        const float h = std::max(p.u(120), paragraph_height(p, title, text_w, what, 1.15f) +
                                               paragraph_height(p, body, text_w, detail) + p.u(40));
        if (y + h > rest.max.y)
            break; // the rest are further off: the list is by date
        const Rect r{{rest.min.x, y}, {rest.max.x, y + h}};
        fill_rect(p.draw, r.min, r.max, t.surface, p.u(t.rounding));
        p.draw->AddRect(r.min, r.max, t.border, p.u(t.rounding), 0, p.u(t.border_px));
        float ty = r.min.y + p.u(20);
        ty += draw_paragraph(p, title, ImVec2(r.min.x + p.u(28), ty), text_w, t.text, what, Align::left, 1.15f);
        draw_paragraph(p, body, ImVec2(r.min.x + p.u(28), ty), text_w, t.text_muted, detail);
        const Rect cancel{{r.max.x - bw - p.u(20), r.center().y - p.u(48)}, {r.max.x - p.u(20), r.center().y + p.u(48)}};
        if (cancellable(in, i)) {
            if (button(p, ids::mine_cancel(i.id), cancel, p.t("mine.cancel"_k), ButtonStyle::secondary))
                out.push_back(intent::ChooseCancel{i.id});
        } else {
            draw_paragraph(p, body, ImVec2(cancel.min.x, cancel.min.y + p.u(20)), bw, t.text_muted,
                           p.t("mine.too_late"_k), Align::center);
        }
        y += h + p.u(16);
    }
}

void draw_cancel(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const MineState& m = in.shell.mine();
    const MineItem* i = m.chosen_item();
    if (!i)
        return;
    const bool booking = i->kind == MineItem::Kind::booking;
    const Rect rest = draw_question(p, area, p.t(booking ? "mine.cancel.booking"_k : "mine.cancel.signup"_k),
                                    p.t(booking ? "mine.cancel.booking_hint"_k : "mine.cancel.signup_hint"_k));
    float y = rest.min.y;
    y += draw_paragraph(p, p.font(FontRole::title), ImVec2(rest.min.x, y), rest.width(), p.theme.text,
                        item_title(p, in, *i)) +
         p.u(8);
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(rest.min.x, y), rest.width(), p.theme.text_muted,
                        item_detail(p, in, *i)) +
         p.u(48);
    const float bw = std::min(p.u(480), (rest.width() - p.u(32)) * 0.5f);
    const float bh = p.u(112);
    if (button(p, ids::kMineKeep, Rect{{rest.min.x, y}, {rest.min.x + bw, y + bh}}, p.t("mine.keep"_k),
               ButtonStyle::secondary))
        out.push_back(intent::Back{});
    if (button(p, ids::kMineConfirmCancel, Rect{{rest.min.x + bw + p.u(32), y}, {rest.min.x + 2 * bw + p.u(32), y + bh}},
               p.t("mine.confirm_cancel"_k), ButtonStyle::primary))
        out.push_back(intent::ConfirmCancel{});
}

void draw_cancelled(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const MineState& m = in.shell.mine();
    const MineItem* i = m.chosen_item();
    const bool booking = i && i->kind == MineItem::Kind::booking;
    float y = area.min.y + draw_done_heading(p, area, p.t("mine.cancelled.title"_k));
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), p.theme.text,
                        p.t(booking ? "mine.cancelled.booking"_k : "mine.cancelled.signup"_k)) +
         p.u(48);
    const float bw = std::min(p.u(480), area.width() * 0.45f);
    if (button(p, ids::kMineAgain, Rect{{area.min.x, y}, {area.min.x + bw, y + p.u(112)}}, p.t("mine.back_to_list"_k),
               ButtonStyle::primary))
        out.push_back(intent::NextStep{});
}

} // namespace

void draw_activities(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const ActivityState& s = in.shell.activity();
    switch (s.step) {
    case ActivityStep::list: draw_list(p, in, area, out); break;
    case ActivityStep::detail: draw_detail(p, in, area, out); break;
    case ActivityStep::id_card: draw_card_prompt(p, in, area, p.t("activity.card.title"_k)); break;
    case ActivityStep::signing: draw_waiting(p, in, area, p.t("activity.signing"_k)); break;
    case ActivityStep::done: draw_signed_up(p, in, area); break;
    case ActivityStep::refused:
        draw_not_done(p, area, p.t("activity.refused.title"_k), refusal_words(p, s.refusal, s.refusal_limit),
                      p.t("activity.refused.again"_k), s.refusal == BookingRefusal::already, out);
        break;
    case ActivityStep::offline:
        draw_not_done(p, area, p.t("booking.offline.title"_k),
                      p.tr.format("activity.offline.text"_k, {{"help_desk", in.help_desk.in(p.lang)}}),
                      p.t("booking.offline.again"_k), false, out);
        break;
    }
}

void draw_mine(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const MineState& m = in.shell.mine();
    switch (m.step) {
    case MineStep::id_card: draw_card_prompt(p, in, area, p.t("mine.card.title"_k)); break;
    case MineStep::looking: draw_waiting(p, in, area, p.t("mine.looking"_k)); break;
    case MineStep::list: draw_items(p, in, area, out); break;
    case MineStep::cancel: draw_cancel(p, in, area, out); break;
    case MineStep::cancelling: draw_waiting(p, in, area, p.t("mine.cancelling"_k)); break;
    case MineStep::cancelled: draw_cancelled(p, in, area, out); break;
    case MineStep::refused:
        draw_not_done(p, area, p.t("mine.refused.title"_k), refusal_words(p, m.refusal, std::nullopt),
                      p.t("mine.back_to_list"_k), false, out);
        break;
    case MineStep::offline:
        draw_not_done(p, area, p.t("booking.offline.title"_k),
                      p.tr.format("mine.offline.text"_k, {{"help_desk", in.help_desk.in(p.lang)}}),
                      p.t("booking.offline.again"_k), false, out);
        break;
    }
}

} // namespace hk::ui
