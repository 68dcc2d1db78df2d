// Booking a venue: the list (filtered by day, type and size), a venue's day of slots as the
// central side answers it, the ID card, the group, the held slot with its countdown and the
// confirmation, the pass, and what to do when a rule or the network stands in the way. And the
// resident's own bookings and sign-ups, with cancelling.
#include "screens.hpp"

#include "day.hpp"
#include "rfc3339.hpp"
#include "ui_ids.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>

namespace hk::ui {
namespace {

std::string_view type_words(Painter& p, uplink::VenueType type)
{
    switch (type) {
    case uplink::VenueType::meeting_room: return p.t("booking.type.meeting_room"_k);
    case uplink::VenueType::activity_room: return p.t("booking.type.activity_room"_k);
    case uplink::VenueType::sports_court: return p.t("booking.type.sports_court"_k);
    case uplink::VenueType::hall: return p.t("booking.type.hall"_k);
    case uplink::VenueType::reading_room: return p.t("booking.type.reading_room"_k);
    }
    return {};
}

const uplink::Venue* find_venue(const FrameInput& in, std::string_view id)
{
    const auto& v = in.bookings.venues;
    const auto it = std::ranges::find(v, id, &uplink::Venue::id);
    return it == v.end() ? nullptr : &*it;
}

std::string minutes_text(int minute)
{
    char out[24];
    std::snprintf(out, sizeof out, "%02d:%02d", minute / 60, minute % 60);
    return out;
}

// The opening hours on `date` ("08:00–12:00, 14:00–21:00"), or "" when closed that day.
std::string hours_on(const uplink::Venue& v, const Day& date)
{
    if (std::ranges::find(v.rules.blackout, date.iso()) != v.rules.blackout.end())
        return {};
    std::string out;
    for (const uplink::OpeningPeriod& o : v.opening) {
        if (!o.days[static_cast<std::size_t>(date.iso_weekday())])
            continue;
        if (!out.empty())
            out += ", ";
        out += minutes_text(o.open_minute) + "–" + minutes_text(o.close_minute);
    }
    return out;
}

// The facilities the kiosk has words for, in a list; the others are left out (docs/protocol.md).
std::string facilities_text(Painter& p, const uplink::Venue& v)
{
    static constexpr std::array<std::pair<std::string_view, MsgKey>, 8> kWords{{
        {"projector", "booking.facility.projector"_k},
        {"whiteboard", "booking.facility.whiteboard"_k},
        {"sound", "booking.facility.sound"_k},
        {"kitchen", "booking.facility.kitchen"_k},
        {"wheelchair", "booking.facility.wheelchair"_k},
        {"air_conditioning", "booking.facility.air_conditioning"_k},
        {"showers", "booking.facility.showers"_k},
        {"lighting", "booking.facility.lighting"_k},
    }};
    std::string out;
    for (const std::string& f : v.facilities)
        for (const auto& [id, key] : kWords)
            if (id == f) {
                if (!out.empty())
                    out += p.t("booking.facility.separator"_k);
                out += p.t(key);
            }
    return out;
}

// The rules a resident must know before booking, in one paragraph.
std::string rules_text(Painter& p, const uplink::Venue& v)
{
    const uplink::VenueRules& r = v.rules;
    std::string out = p.tr.format("booking.rules.ahead"_k, {{"days", std::to_string(r.book_ahead_days)}});
    if (r.min_notice_hours > 0)
        out += p.tr.format("booking.rules.notice"_k, {{"hours", std::to_string(r.min_notice_hours)}});
    out += p.tr.format("booking.rules.week"_k, {{"n", std::to_string(r.max_per_week)}});
    out += p.tr.format("booking.rules.group"_k,
                       {{"min", std::to_string(r.group_min)}, {"max", std::to_string(std::min(r.group_max, v.capacity))}});
    out += p.tr.format("booking.rules.cancel"_k, {{"hours", std::to_string(r.cancel_before_hours)}});
    return out;
}

// A row of choice chips: each a button, the chosen one filled. Returns the height used.
struct Chip {
    std::string id;
    std::string label;
    bool chosen = false;
    Intent intent;
};
float draw_chips(Painter& p, ImVec2 at, float width, const std::vector<Chip>& chips, std::vector<Intent>& out)
{
    ImFont* body = p.font(FontRole::body);
    const float h = std::max(p.u(88), text_size(body, "A").y * 2.6f);
    const float gap = p.u(12);
    float x = at.x;
    float y = at.y;
    for (const Chip& c : chips) {
        const float w = std::max(p.u(120), text_size(body, c.label).x + p.u(48));
        if (x + w > at.x + width && x > at.x) {
            x = at.x;
            y += h + gap;
        }
        if (button(p, c.id, Rect{{x, y}, {x + w, y + h}}, c.label, c.chosen ? ButtonStyle::primary : ButtonStyle::secondary))
            out.push_back(c.intent);
        x += w + gap;
    }
    return y + h - at.y;
}

// The days a resident may pick from `today` on: `count` of them.
std::vector<Chip> day_chips(Painter& p, const Day& today, int count, const std::string& chosen,
                            std::vector<Day>* days_out)
{
    std::vector<Chip> chips;
    for (int k = 0; k < count; ++k) {
        const Day d = today.plus(k);
        std::string label;
        if (k == 0)
            label = std::string(p.t("booking.today"_k));
        else if (k == 1)
            label = std::string(p.t("booking.tomorrow"_k));
        else
            label = p.tr.format("booking.day"_k, {{"month", std::to_string(d.month)}, {"day", std::to_string(d.day)}});
        label += " " + std::string(weekday_name(p.tr, p.lang, d.weekday()));
        chips.push_back(Chip{ids::booking_date(d.iso()), label, d.iso() == chosen, intent::ChooseDate{d.iso()}});
        if (days_out)
            days_out->push_back(d);
    }
    return chips;
}

void draw_venues(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const BookingState& b = in.shell.booking();
    const Day today = Day::of(in.wall);
    const std::string date = b.date.empty() ? today.iso() : b.date;
    const Day day = Day::parse(date).value_or(today);
    const Rect head = draw_mine_button(p, area, out);
    Rect rest = draw_question(p, head, p.t("booking.venues.title"_k), p.t("booking.venues.hint"_k));
    rest.max.x = area.max.x;
    if (in.bookings.venues.empty()) {
        draw_paragraph(p, p.font(FontRole::title), rest.min, rest.width(), p.theme.text_muted,
                       p.tr.format("booking.venues.none"_k, {{"help_desk", in.help_desk.in(p.lang)}}));
        return;
    }
    int ahead = 0;
    for (const uplink::Venue& v : in.bookings.venues)
        ahead = std::max(ahead, v.rules.book_ahead_days);
    float y = rest.min.y;
    y += draw_chips(p, ImVec2(rest.min.x, y), rest.width(), day_chips(p, today, std::min(7, ahead + 1), date, nullptr),
                    out) +
         p.u(16);
    // Types present in the catalogue, and sizes.
    std::vector<Chip> filters{{ids::booking_type(""), std::string(p.t("booking.type.all"_k)), b.type_filter.empty(),
                               intent::BookingFilter{"", b.min_size}}};
    for (const uplink::VenueType t : {uplink::VenueType::meeting_room, uplink::VenueType::activity_room,
                                      uplink::VenueType::sports_court, uplink::VenueType::hall,
                                      uplink::VenueType::reading_room}) {
        if (std::ranges::none_of(in.bookings.venues, [&](const uplink::Venue& v) { return v.type == t; }))
            continue;
        const std::string name(uplink::venue_type_name(t));
        filters.push_back(
            Chip{ids::booking_type(name), std::string(type_words(p, t)), b.type_filter == name, intent::BookingFilter{name, b.min_size}});
    }
    for (const int size : {0, 10, 30}) {
        std::string label = size == 0 ? std::string(p.t("booking.size.any"_k))
                                       : p.tr.format("booking.size.at_least"_k, {{"n", std::to_string(size)}});
        filters.push_back(Chip{ids::booking_size(size), label, b.min_size == size, intent::BookingFilter{b.type_filter, size}});
    }
    y += draw_chips(p, ImVec2(rest.min.x, y), rest.width(), filters, out) + p.u(24);

    std::vector<Choice> choices;
    for (const uplink::Venue& v : in.bookings.venues) {
        if (!b.type_filter.empty() && uplink::venue_type_name(v.type) != b.type_filter)
            continue;
        if (v.capacity < b.min_size)
            continue;
        const std::string hours = hours_on(v, day);
        std::string sub = std::string(type_words(p, v.type)) + " · " +
                          p.tr.format("booking.capacity"_k, {{"n", std::to_string(v.capacity)}}) + " · " +
                          (hours.empty() ? std::string(p.t("booking.closed_that_day"_k))
                                         : p.tr.format("booking.open_hours"_k, {{"hours", hours}}));
        choices.push_back(Choice{ids::booking_venue(v.id), v.name.in(p.lang), sub, intent::ChooseVenue{v.id, date},
                                 false});
    }
    const Rect list{{rest.min.x, y}, rest.max};
    if (choices.empty()) {
        draw_paragraph(p, p.font(FontRole::title), list.min, list.width(), p.theme.text_muted,
                       p.t("booking.venues.no_match"_k));
        return;
    }
    draw_choices(p, in, list, choices, columns(p, 2, 1), p.u(130), out);
}

std::string slot_hhmm(std::string_view rfc3339)
{
    return rfc3339.size() >= 16 ? std::string(rfc3339.substr(11, 5)) : std::string(rfc3339);
}

void draw_slots(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const BookingState& b = in.shell.booking();
    const uplink::Venue* v = find_venue(in, b.venue);
    const Theme& t = p.theme;
    const Day today = Day::of(in.wall);
    const std::string title = v ? v->name.in(p.lang) : b.venue;
    std::string hint;
    if (v) {
        hint = std::string(type_words(p, v->type)) + " · " +
               p.tr.format("booking.capacity"_k, {{"n", std::to_string(v->capacity)}});
        if (const std::string f = facilities_text(p, *v); !f.empty())
            hint += " · " + f;
        hint += "\n" + rules_text(p, *v);
        if (v->notes)
            hint += "\n" + v->notes->in(p.lang);
    }
    const Rect rest = draw_question(p, area, title, hint);
    const int ahead = v ? v->rules.book_ahead_days : 7;
    float y = rest.min.y;
    y += draw_chips(p, ImVec2(rest.min.x, y), rest.width(), day_chips(p, today, std::min(7, ahead + 1), b.date, nullptr),
                    out) +
         p.u(24);
    const Rect grid{{rest.min.x, y}, rest.max};
    if (!b.slots_asked) {
        draw_waiting(p, in, grid, p.t("booking.slots.asking"_k));
        return;
    }
    // The slots gone by are left out: a venue open all day would otherwise fill the screen with
    // them before the first one that can be booked.
    std::vector<const BookingSlot*> shown;
    for (const BookingSlot& s : b.slots)
        if (s.state != BookingSlot::State::past)
            shown.push_back(&s);
    if (std::ranges::none_of(shown, [](const BookingSlot* s) { return s->state != BookingSlot::State::closed; })) {
        draw_paragraph(p, p.font(FontRole::title), grid.min, grid.width(), t.text_muted, p.t("booking.slots.none"_k));
        return;
    }
    const PagedGrid g = paged_grid(p, grid, static_cast<int>(shown.size()), columns(p, 4, 2), p.u(90), p.u(150),
                                   p.u(16), in.shell.list_page());
    ImFont* title_font = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    for (int i = g.first(); i < g.end(); ++i) {
        const BookingSlot& s = *shown[static_cast<std::size_t>(i)];
        const Rect r = g.cell(i);
        const bool free = s.state == BookingSlot::State::free;
        std::string id = slot_hhmm(s.start);
        id.erase(std::remove(id.begin(), id.end(), ':'), id.end());
        bool down = false;
        if (free && tap_area(p, ids::booking_slot(id), r, &down))
            out.push_back(intent::ChooseSlot{s.start});
        fill_rect(p.draw, r.min, r.max, free ? (down ? t.surface_down : t.surface) : t.background, p.u(t.rounding));
        p.draw->AddRect(r.min, r.max, free ? t.accent : t.inactive, p.u(t.rounding), 0,
                        p.u(free ? t.border_px * 2 : t.border_px));
        const std::string label = slot_hhmm(s.start) + "–" + slot_hhmm(s.end);
        MsgKey state = "booking.slot.free"_k;
        switch (s.state) {
        case BookingSlot::State::free: break;
        case BookingSlot::State::taken: state = "booking.slot.taken"_k; break;
        case BookingSlot::State::past: state = "booking.slot.past"_k; break;
        case BookingSlot::State::closed: state = "booking.slot.closed"_k; break;
        }
        const ImVec2 ls = text_size(title_font, label);
        const ImVec2 ss = text_size(body, p.t(state));
        const float top = r.min.y + (r.height() - ls.y - ss.y - p.u(6)) * 0.5f;
        draw_text(p, title_font, ImVec2(r.center().x - ls.x * 0.5f, top), free ? t.text : t.inactive_text, label);
        draw_text(p, body, ImVec2(r.center().x - ss.x * 0.5f, top + ls.y + p.u(6)), free ? t.accent : t.inactive_text,
                  p.t(state));
    }
    g.draw_pager(p, out);
}

void draw_group(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const BookingState& b = in.shell.booking();
    const uplink::Venue* v = find_venue(in, b.venue);
    const int lo = v ? v->rules.group_min : 1;
    const int hi = v ? std::min(v->rules.group_max, v->capacity) : 1000;
    const std::string hint =
        p.tr.format("booking.group.hint"_k, {{"min", std::to_string(lo)}, {"max", std::to_string(hi)}});
    const Rect rest = draw_question(p, area, p.t("booking.group.title"_k), hint);
    const Theme& t = p.theme;
    const float bh = p.u(150);
    const float gap = p.u(32);
    // The row fits the screen: narrower buttons and field on a narrow one (portrait, large text).
    const float scale = std::min(1.0f, rest.width() / (p.u(200) * 2 + p.u(320) + 2 * gap));
    const float bw = p.u(200) * scale;
    const float field_w = p.u(320) * scale;
    const float total = 2 * bw + field_w + 2 * gap;
    const float x = rest.center().x - total * 0.5f;
    const float y = rest.min.y + p.u(40);
    const bool in_range = b.group_size >= lo && b.group_size <= hi;
    ImFont* hero = p.font(FontRole::hero);
    // Each button stays in its place, shown but not a target at the end of the range.
    const auto step = [&](std::string_view id, Rect r, const char* label, bool enabled, int to) {
        if (enabled) {
            if (button(p, id, r, label, ButtonStyle::secondary, Icon::none, hero))
                out.push_back(intent::GroupSize{std::clamp(to, lo, hi)});
            return;
        }
        fill_rect(p.draw, r.min, r.max, t.surface, p.u(t.rounding));
        p.draw->AddRect(r.min, r.max, t.inactive, p.u(t.rounding), 0, p.u(t.border_px));
        const ImVec2 ls = text_size(hero, label);
        draw_text(p, hero, ImVec2(r.center().x - ls.x * 0.5f, r.center().y - ls.y * 0.5f), t.inactive_text, label);
    };
    step(ids::kBookingGroupMinus, Rect{{x, y}, {x + bw, y + bh}}, "−", b.group_size > lo, b.group_size - 1);
    const Rect field{{x + bw + gap, y}, {x + bw + gap + field_w, y + bh}};
    fill_rect(p.draw, field.min, field.max, t.surface, p.u(t.rounding));
    p.draw->AddRect(field.min, field.max, in_range ? t.accent : t.border, p.u(t.rounding), 0, p.u(t.border_px * 2));
    const std::string n = std::to_string(b.group_size);
    const ImVec2 ns = text_size(hero, n);
    draw_text(p, hero, ImVec2(field.center().x - ns.x * 0.5f, field.center().y - ns.y * 0.5f), t.text, n);
    const float px = field.max.x + gap;
    step(ids::kBookingGroupPlus, Rect{{px, y}, {px + bw, y + bh}}, "+", b.group_size < hi,
         b.group_size < lo ? lo : b.group_size + 1);
    if (!in_range)
        draw_paragraph(p, p.font(FontRole::body), ImVec2(rest.min.x, y + bh + p.u(24)), rest.width(), t.text_muted,
                       hint, Align::center);
    const float nw = std::min(p.u(420), rest.width() * 0.45f);
    if (step_button(p, ids::kBookingNext, Rect{{rest.max.x - nw, rest.max.y - p.u(112)}, rest.max},
                    p.t("booking.group.next"_k), in_range))
        out.push_back(intent::NextStep{});
}

std::string day_words(Painter& p, std::string_view rfc3339)
{
    const auto d = Day::parse(rfc3339.substr(0, std::min<std::size_t>(10, rfc3339.size())));
    return d ? format_date(p.tr, p.lang, d->year, d->month, d->day) : std::string(rfc3339);
}

void draw_confirm(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const BookingState& b = in.shell.booking();
    const uplink::Venue* v = find_venue(in, b.venue);
    const Theme& t = p.theme;
    std::tm wall = in.wall;
    const std::int64_t now = static_cast<std::int64_t>(std::mktime(&wall));
    const std::int64_t left = std::max<std::int64_t>(0, b.hold_expires - now);
    char clock[48];
    std::snprintf(clock, sizeof clock, "%lld:%02lld", static_cast<long long>(left / 60),
                  static_cast<long long>(left % 60));
    const Rect rest = draw_question(p, area, p.t("booking.confirm.title"_k),
                                    p.tr.format("booking.confirm.held"_k, {{"time", clock}}));
    const float w = rest.width();
    ImVec2 at = rest.min;
    at.y += draw_review_row(p, at, w, p.t("booking.field.venue"_k), v ? v->name.in(p.lang) : b.venue);
    at.y += draw_review_row(p, at, w, p.t("booking.field.date"_k), day_words(p, b.slot_start));
    at.y += draw_review_row(p, at, w, p.t("booking.field.time"_k), slot_hhmm(b.slot_start) + "–" + slot_hhmm(b.slot_end));
    at.y += draw_review_row(p, at, w, p.t("booking.field.group"_k), std::to_string(b.group_size));
    at.y += draw_review_row(p, at, w, p.t("booking.field.name"_k), b.name.masked());
    if (v)
        at.y += draw_review_row(p, at, w, p.t("booking.field.cancel"_k),
                                p.tr.format("booking.confirm.cancel_rule"_k,
                                            {{"hours", std::to_string(v->rules.cancel_before_hours)}}));
    const float bw = std::min(p.u(480), w * 0.45f);
    const Rect confirm{{rest.max.x - bw, rest.max.y - p.u(120)}, rest.max};
    // The countdown beside the button, large: the slot is the resident's only until then.
    ImFont* hero = p.font(FontRole::hero);
    const ImVec2 cs = text_size(hero, clock);
    draw_text(p, hero, ImVec2(confirm.min.x - cs.x - p.u(40), confirm.center().y - cs.y * 0.5f),
              left <= 30 ? t.accent : t.text, clock);
    if (button(p, ids::kBookingConfirm, confirm, p.t("booking.confirm.button"_k), ButtonStyle::primary, Icon::check))
        out.push_back(intent::ConfirmBooking{});
}

void draw_booked(Painter& p, const FrameInput& in, Rect area)
{
    const BookingState& b = in.shell.booking();
    const uplink::Venue* v = find_venue(in, b.venue);
    const Theme& t = p.theme;
    float y = area.min.y + draw_done_heading(p, area, p.t("booking.done.title"_k));
    const float w = area.width();
    const bool portrait = p.m.portrait();
    const float box_w = portrait ? w : w * 0.45f;
    draw_number_box(p, Rect{{area.min.x, y}, {area.min.x + box_w, y + p.u(140)}}, p.t("booking.done.number"_k),
                    b.booking);
    const float text_x = portrait ? area.min.x : area.min.x + box_w + p.u(40);
    const float text_w = portrait ? w : w - box_w - p.u(40);
    float ty = portrait ? y + p.u(160) : y;
    ImFont* body = p.font(FontRole::body);
    ImFont* title = p.font(FontRole::title);
    ty += draw_paragraph(p, title, ImVec2(text_x, ty), text_w, t.text, v ? v->name.in(p.lang) : b.venue) + p.u(8);
    ty += draw_paragraph(p, body, ImVec2(text_x, ty), text_w, t.text,
                         day_words(p, b.slot_start) + " " + slot_hhmm(b.slot_start) + "–" + slot_hhmm(b.slot_end)) +
          p.u(8);
    ty += draw_paragraph(p, body, ImVec2(text_x, ty), text_w, t.text_muted,
                         p.tr.format("booking.done.group"_k, {{"n", std::to_string(b.group_size)}}));
    y = std::max(y + p.u(170), ty + p.u(24));
    y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text, p.t("booking.done.printing"_k)) + p.u(8);
    y += draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text, p.t("booking.done.check_in"_k)) + p.u(8);
    if (const auto until = uplink::parse_rfc3339_utc(b.cancel_until))
        draw_paragraph(p, body, ImVec2(area.min.x, y), w, t.text_muted,
                       p.tr.format("booking.done.cancel_until"_k, {{"time", time_in_zone_of(p, *until, b.slot_start)}}));
}

} // namespace

Rect draw_mine_button(Painter& p, Rect area, std::vector<Intent>& out)
{
    const float w = std::min(p.u(440), text_size(p.font(FontRole::body), p.t("booking.mine"_k)).x + p.u(80));
    const float h = p.u(96);
    if (button(p, ids::kBookingMine, Rect{{area.max.x - w, area.min.y}, {area.max.x, area.min.y + h}}, p.t("booking.mine"_k),
               ButtonStyle::secondary, Icon::id_card))
        out.push_back(intent::OpenMine{});
    return Rect{area.min, {area.max.x - w - p.u(24), area.max.y}};
}

// The central side said no, or could not be reached: the words, and the ways on (`again`: the
// first button's words; `mine`: "my bookings" too).
void draw_not_done(Painter& p, Rect area, std::string_view title, std::string_view text, std::string_view again,
                   bool mine, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    float y = area.min.y;
    y += draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, y), area.width(), t.text, title, Align::left,
                        1.3f) +
         p.u(16);
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), t.text, text) + p.u(48);
    const float bw = std::min(p.u(440), (area.width() - p.u(48)) / 3.0f);
    const float bh = p.u(112);
    float x = area.min.x;
    if (button(p, ids::kBookingAgain, Rect{{x, y}, {x + bw, y + bh}}, again, ButtonStyle::primary))
        out.push_back(intent::Back{});
    x += bw + p.u(24);
    if (mine) {
        if (button(p, ids::kBookingMine, Rect{{x, y}, {x + bw, y + bh}}, p.t("booking.mine"_k), ButtonStyle::secondary,
                   Icon::id_card))
            out.push_back(intent::OpenMine{});
        x += bw + p.u(24);
    }
    if (button(p, ids::kBookingHome, Rect{{x, y}, {x + bw, y + bh}}, p.t("nav.home"_k), ButtonStyle::secondary,
               Icon::home))
        out.push_back(intent::Home{});
}

// Why the central side said no, and what the resident can do instead.
std::string refusal_words(Painter& p, BookingRefusal why, std::optional<int> limit)
{
    const std::string n = limit ? std::to_string(*limit) : "";
    switch (why) {
    case BookingRefusal::taken: return std::string(p.t("booking.refused.taken"_k));
    case BookingRefusal::closed: return std::string(p.t("booking.refused.closed"_k));
    case BookingRefusal::too_soon: return p.tr.format("booking.refused.too_soon"_k, {{"n", n}});
    case BookingRefusal::weekly_limit: return p.tr.format("booking.refused.weekly_limit"_k, {{"n", n}});
    case BookingRefusal::group_size: return std::string(p.t("booking.refused.group_size"_k));
    case BookingRefusal::too_late: return p.tr.format("booking.refused.too_late"_k, {{"n", n}});
    case BookingRefusal::gone: return std::string(p.t("booking.refused.gone"_k));
    case BookingRefusal::full: return std::string(p.t("activity.refused.full"_k));
    case BookingRefusal::already: return std::string(p.t("activity.refused.already"_k));
    case BookingRefusal::not_eligible: return std::string(p.t("activity.refused.not_eligible"_k));
    case BookingRefusal::other: break;
    }
    return std::string(p.t("booking.refused.other"_k));
}

void draw_booking(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const BookingState& b = in.shell.booking();
    switch (b.step) {
    case BookingStep::venues: draw_venues(p, in, area, out); break;
    case BookingStep::slots: draw_slots(p, in, area, out); break;
    case BookingStep::id_card: draw_card_prompt(p, in, area, p.t("booking.card.title"_k)); break;
    case BookingStep::group: draw_group(p, in, area, out); break;
    case BookingStep::holding: draw_waiting(p, in, area, p.t("booking.holding"_k)); break;
    case BookingStep::confirm: draw_confirm(p, in, area, out); break;
    case BookingStep::confirming: draw_waiting(p, in, area, p.t("booking.confirming"_k)); break;
    case BookingStep::done: draw_booked(p, in, area); break;
    case BookingStep::refused:
        draw_not_done(p, area, p.t("booking.refused.title"_k), refusal_words(p, b.refusal, b.refusal_limit),
                      p.t("booking.refused.again"_k),
                      b.refusal == BookingRefusal::weekly_limit || b.refusal == BookingRefusal::too_late, out);
        break;
    case BookingStep::offline:
        draw_not_done(p, area, p.t("booking.offline.title"_k),
                      p.tr.format("booking.offline.text"_k, {{"help_desk", in.help_desk.in(p.lang)}}),
                      p.t("booking.offline.again"_k), false, out);
        break;
    }
}

} // namespace hk::ui
