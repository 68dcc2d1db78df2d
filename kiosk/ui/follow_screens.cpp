// Following a request: the number pad, the answer (a timeline of the request's stages, or why
// there is none), and what the resident says back once it is resolved.
#include "screens.hpp"

#include "rfc3339.hpp"
#include "tracking_code.hpp"
#include "ui_ids.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>

namespace hk::ui {
namespace {

constexpr float kTwoPi = 6.2831853f;

// The request state's words ("" for a name the kiosk does not know: the raw name is shown).
std::string_view state_words(Painter& p, std::string_view state)
{
    static constexpr std::array<std::pair<std::string_view, MsgKey>, 7> kStates{{
        {"submitted", "follow.state.submitted"_k},
        {"accepted", "follow.state.accepted"_k},
        {"dispatched", "follow.state.dispatched"_k},
        {"resolved", "follow.state.resolved"_k},
        {"confirmed", "follow.state.confirmed"_k},
        {"reopened", "follow.state.reopened"_k},
        {"closed", "follow.state.closed"_k},
    }};
    for (const auto& [name, key] : kStates)
        if (name == state)
            return p.t(key);
    return state;
}

// A stage of the timeline in words: what happened then, where the state's words say what is
// asked now ("resolved: please confirm").
std::string_view stage_words(Painter& p, std::string_view stage)
{
    if (stage == "resolved")
        return p.t("follow.stage.resolved"_k);
    if (stage == "reopened")
        return p.t("follow.stage.reopened"_k);
    return state_words(p, stage);
}

// An RFC 3339 UTC time as the hall's local date and time; the text itself when it does not read.
std::string local_time(Painter& p, std::string_view rfc3339)
{
    const auto unix = uplink::parse_rfc3339_utc(rfc3339);
    return unix ? local_time_text(p, *unix) : std::string(rfc3339);
}

// How long ago `then_ms` was, in words: minutes under two hours, hours under two days, then days.
std::string age_words(Painter& p, std::int64_t then_ms, const std::tm& wall)
{
    std::tm copy = wall;
    const std::int64_t now_s = static_cast<std::int64_t>(std::mktime(&copy));
    const std::int64_t minutes = std::max<std::int64_t>(1, (now_s - then_ms / 1000) / 60);
    if (minutes < 120)
        return p.tr.format("follow.age.minutes"_k, {{"n", std::to_string(minutes)}});
    if (minutes < 48 * 60)
        return p.tr.format("follow.age.hours"_k, {{"n", std::to_string(minutes / 60)}});
    return p.tr.format("follow.age.days"_k, {{"n", std::to_string(minutes / (24 * 60))}});
}

// A field of the pad's screen: its label, the digits typed (placeholders for the rest), and a
// thicker border while it is the one the pad types into.
void draw_digits_field(Painter& p, Rect r, std::string_view label, std::string_view digits, std::size_t length,
                       bool active)
{
    const Theme& t = p.theme;
    ImFont* body = p.font(FontRole::body);
    ImFont* big = p.font(FontRole::title);
    draw_text(p, body, r.min, t.text_muted, label);
    const float label_h = text_size(body, label).y + p.u(8);
    const Rect box{{r.min.x, r.min.y + label_h}, r.max};
    fill_rect(p.draw, box.min, box.max, t.surface, p.u(t.rounding));
    p.draw->AddRect(box.min, box.max, active ? t.accent : t.border, p.u(t.rounding), 0,
                    p.u(active ? t.border_px * 3 : t.border_px));
    // A dot for each digit still to come; the tracking number in groups of four, as on the receipt.
    std::string shown;
    for (std::size_t i = 0; i < length; ++i) {
        if (length == kFollowTrackingDigits && i > 0 && i % 4 == 0)
            shown += ' ';
        if (i < digits.size())
            shown += digits[i];
        else
            shown += "·";
    }
    const ImVec2 ts = text_size(big, shown);
    draw_text(p, big, ImVec2(box.center().x - ts.x * 0.5f, box.center().y - ts.y * 0.5f),
              digits.empty() ? t.text_muted : t.text, shown);
}

void draw_enter(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const FollowState& f = in.shell.follow();
    const Rect rest = draw_question(p, area, p.t("follow.enter.title"_k), p.t("follow.enter.hint"_k));
    const bool portrait = p.m.portrait();
    const float gap = p.u(24);
    const float field_h = p.u(150);
    const float button_h = p.u(112);
    const float left_w = portrait ? rest.width() : rest.width() * 0.5f;
    const Rect number{rest.min, {rest.min.x + left_w, rest.min.y + field_h}};
    const Rect check{{rest.min.x, number.max.y + gap}, {rest.min.x + left_w * 0.6f, number.max.y + gap + field_h}};
    const bool on_number = f.tracking.size() < kFollowTrackingDigits;
    draw_digits_field(p, number, p.t("follow.enter.number"_k), f.tracking, kFollowTrackingDigits, on_number);
    draw_digits_field(p, check, p.t("follow.enter.check"_k), f.check, kFollowCheckDigits, !on_number);
    Rect look;
    Rect pad;
    if (portrait) {
        look = Rect{{rest.max.x - std::min(p.u(420), rest.width() * 0.45f), rest.max.y - button_h}, rest.max};
        const float w = std::min(rest.width(), p.u(720));
        pad = Rect{{rest.center().x - w * 0.5f, check.max.y + gap}, {rest.center().x + w * 0.5f, look.min.y - gap}};
    } else {
        look = Rect{{rest.min.x, check.max.y + gap * 2}, {rest.min.x + left_w * 0.6f, check.max.y + gap * 2 + button_h}};
        pad = Rect{{rest.min.x + left_w + p.u(60), rest.min.y}, rest.max};
    }
    if (step_button(p, ids::kFollowLookUp, look, p.t("follow.enter.look_up"_k), f.complete()))
        out.push_back(intent::LookUp{});
    if (auto key = draw_digit_pad(p, pad, ids::follow_key))
        out.push_back(intent::FollowKey{*key});
}

// "Tracking number 2611 2300 1012 35" at the top of an answer; returns its height.
float draw_number_line(Painter& p, const FollowState& f, ImVec2 at, float width)
{
    return draw_paragraph(p, p.font(FontRole::body), at, width, p.theme.text_muted,
                          p.tr.format("follow.status.title"_k, {{"number", codes::group_tracking_number(f.tracking)}}));
}

// A message in place of the timeline, with the way to type the numbers again.
void draw_no_status(Painter& p, const FollowState& f, Rect area, std::string_view text, std::vector<Intent>& out)
{
    float y = area.min.y;
    y += draw_number_line(p, f, ImVec2(area.min.x, y), area.width()) + p.u(16);
    const float h = draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, y), area.width(), p.theme.text, text,
                                   Align::left, 1.3f);
    const float bw = std::min(p.u(420), area.width() * 0.45f);
    if (button(p, ids::kFollowAgain, Rect{{area.min.x, y + h + p.u(48)}, {area.min.x + bw, y + h + p.u(160)}},
               p.t("follow.again"_k), ButtonStyle::primary))
        out.push_back(intent::Back{});
}

// The stages, oldest at the top, as many of the latest as fit in `area`.
void draw_timeline(Painter& p, Rect area, const std::vector<FollowStage>& stages)
{
    const Theme& t = p.theme;
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    const float dot = p.u(14);
    const float text_x = area.min.x + p.u(56);
    const float text_w = area.max.x - text_x;
    const auto detail = [&](const FollowStage& s) {
        std::string d = local_time(p, s.at);
        if (!s.unit.empty())
            d += "　" + p.tr.format("follow.stage.unit"_k, {{"unit", s.unit}});
        if (!s.note.empty())
            d += "\n" + s.note;
        return d;
    };
    const auto height = [&](const FollowStage& s) {
        return text_size(title, "A").y * 1.15f + p.u(4) + paragraph_height(p, body, text_w, detail(s)) + p.u(24);
    };
    // From the newest back, the stages that fit.
    std::size_t first = stages.size();
    float used = 0;
    while (first > 0 && used + height(stages[first - 1]) <= area.height()) {
        used += height(stages[first - 1]);
        --first;
    }
    float y = area.min.y;
    for (std::size_t i = first; i < stages.size(); ++i) {
        const FollowStage& s = stages[i];
        const bool latest = i + 1 == stages.size();
        const float h = height(s);
        const ImVec2 c(area.min.x + p.u(20), y + text_size(title, "A").y * 0.55f);
        if (!latest)
            p.draw->AddLine(c, ImVec2(c.x, y + h + text_size(title, "A").y * 0.55f), t.border, p.u(4));
        fill_disc(p.draw, c, latest ? dot * 1.4f : dot, latest ? t.accent : t.text_muted);
        const std::string_view words = stage_words(p, s.stage);
        y += draw_paragraph(p, title, ImVec2(text_x, y), text_w, latest ? t.text : t.text_muted, words, Align::left,
                            1.15f) +
             p.u(4);
        y += draw_paragraph(p, body, ImVec2(text_x, y), text_w, t.text_muted, detail(s)) + p.u(24);
    }
}

void draw_status(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const FollowState& f = in.shell.follow();
    const FollowAnswer& a = *f.answer;
    const std::string help = in.help_desk.in(p.lang);
    switch (a.kind) {
    case FollowAnswer::Kind::unknown: draw_no_status(p, f, area, p.t("follow.unknown"_k), out); return;
    case FollowAnswer::Kind::bad_number: draw_no_status(p, f, area, p.t("follow.bad_number"_k), out); return;
    case FollowAnswer::Kind::unreachable:
        draw_no_status(p, f, area, p.tr.format("follow.unreachable"_k, {{"help_desk", help}}), out);
        return;
    case FollowAnswer::Kind::found:
    case FollowAnswer::Kind::cached: break;
    }
    ImFont* title = p.font(FontRole::title);
    ImFont* body = p.font(FontRole::body);
    float y = area.min.y;
    y += draw_number_line(p, f, ImVec2(area.min.x, y), area.width()) + p.u(8);
    y += draw_paragraph(p, title, ImVec2(area.min.x, y), area.width(), t.text,
                        p.tr.format("follow.status.now"_k, {{"state", state_words(p, a.status)}}), Align::left,
                        1.15f) +
         p.u(8);
    const bool open = a.status == "submitted" || a.status == "accepted" || a.status == "dispatched" ||
                      a.status == "reopened";
    if (open && !a.due.empty())
        y += draw_paragraph(p, body, ImVec2(area.min.x, y), area.width(), t.text,
                            p.tr.format("follow.status.due"_k, {{"due", local_time(p, a.due)}})) +
             p.u(8);
    if (a.kind == FollowAnswer::Kind::cached) {
        const std::string text =
            p.tr.format("follow.status.cached"_k, {{"age", age_words(p, a.fetched_unix_ms, in.wall)}});
        const float h = paragraph_height(p, body, area.width() - p.u(40), text) + p.u(24);
        fill_rect(p.draw, ImVec2(area.min.x, y), ImVec2(area.max.x, y + h), t.notice, p.u(t.rounding));
        draw_paragraph(p, body, ImVec2(area.min.x + p.u(20), y + p.u(12)), area.width() - p.u(40), t.notice_text,
                       text);
        y += h + p.u(8);
    }
    y += p.u(16);

    // What the resident can do, in a column on the right (below, on a portrait screen).
    const bool portrait = p.m.portrait();
    const float actions_w = portrait ? area.width() : std::min(p.u(560), area.width() * 0.38f);
    const float button_h = p.u(112);
    const float gap = p.u(20);
    Rect actions = portrait ? Rect{{area.min.x, area.max.y - 3 * button_h - 2 * gap}, area.max}
                            : Rect{{area.max.x - actions_w, y}, area.max};
    const Rect timeline = portrait ? Rect{{area.min.x, y}, {area.max.x, actions.min.y - gap}}
                                   : Rect{{area.min.x, y}, {actions.min.x - p.u(40), area.max.y}};
    draw_timeline(p, timeline, a.stages);

    float ay = actions.min.y;
    if (f.send_failed) {
        const std::string why = p.tr.format("follow.send_failed"_k, {{"help_desk", help}});
        const float h = paragraph_height(p, body, actions.width() - p.u(40), why) + p.u(24);
        fill_rect(p.draw, ImVec2(actions.min.x, ay), ImVec2(actions.max.x, ay + h), t.notice, p.u(t.rounding));
        draw_paragraph(p, body, ImVec2(actions.min.x + p.u(20), ay + p.u(12)), actions.width() - p.u(40),
                       t.notice_text, why);
        ay += h + gap;
    }
    if (f.can_confirm()) {
        ay += draw_paragraph(p, title, ImVec2(actions.min.x, ay), actions.width(), t.text,
                             p.t("follow.resolved.question"_k)) +
              gap;
        if (button(p, ids::kFollowConfirm, Rect{{actions.min.x, ay}, {actions.max.x, ay + button_h}},
                   p.t("follow.confirm"_k), ButtonStyle::primary))
            out.push_back(intent::FollowConfirm{});
        ay += button_h + gap;
        if (button(p, ids::kFollowReopen, Rect{{actions.min.x, ay}, {actions.max.x, ay + button_h}},
                   p.t("follow.reopen"_k), ButtonStyle::secondary))
            out.push_back(intent::FollowReopen{});
    } else if (f.can_rate()) {
        if (button(p, ids::kFollowRate, Rect{{actions.min.x, ay}, {actions.max.x, ay + button_h}}, p.t("follow.rate"_k),
                   ButtonStyle::primary, Icon::rate_service))
            out.push_back(intent::FollowToRate{});
    }
}

void draw_reasons(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("follow.reason.title"_k));
    const int cols = p.m.portrait() ? 1 : 2;
    const float gap = p.u(24);
    const float w = (rest.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float h = p.u(150);
    int i = 0;
    for (const ReopenReason& reason : kReopenReasons) {
        const float x = rest.min.x + static_cast<float>(i % cols) * (w + gap);
        const float y = rest.min.y + static_cast<float>(i / cols) * (h + gap);
        ++i;
        if (button(p, ids::follow_reason(reason.id), Rect{{x, y}, {x + w, y + h}}, p.t(reason.words),
                   ButtonStyle::secondary, Icon::none, p.font(FontRole::title)))
            out.push_back(intent::FollowReason{std::string(reason.id)});
    }
    if (in.shell.follow().send_failed)
        draw_paragraph(p, p.font(FontRole::body), ImVec2(rest.min.x, rest.min.y + 2 * (h + gap) + gap), rest.width(),
                       p.theme.text, p.tr.format("follow.send_failed"_k, {{"help_desk", in.help_desk.in(p.lang)}}));
}

void draw_follow_rate(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("follow.rate.title"_k));
    const bool failed = in.shell.follow().send_failed;
    const float bottom = failed ? rest.max.y - p.u(120) : rest.max.y;
    if (const auto level = draw_levels(p, Rect{rest.min, {rest.max.x, bottom}}, ids::follow_level))
        out.push_back(intent::FollowRate{*level});
    if (failed)
        draw_paragraph(p, p.font(FontRole::body), ImVec2(rest.min.x, bottom + p.u(16)), rest.width(), p.theme.text,
                       p.tr.format("follow.send_failed"_k, {{"help_desk", in.help_desk.in(p.lang)}}));
}

void draw_thanks(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Theme& t = p.theme;
    const FollowState& f = in.shell.follow();
    const MsgKey said = f.sent == FollowSent::reopened  ? "follow.done.reopened"_k
                        : f.sent == FollowSent::rated   ? "follow.done.rated"_k
                                                        : "follow.done.confirmed"_k;
    const float tick = p.u(72);
    const ImVec2 c(area.min.x + tick * 0.5f, area.min.y + tick * 0.5f);
    fill_disc(p.draw, c, tick * 0.5f, t.accent);
    draw_icon(p.draw, Icon::check, c, tick * 0.6f, t.accent_text);
    const float text_x = area.min.x + tick + p.u(24);
    float y = area.min.y + p.u(10);
    y += draw_paragraph(p, p.font(FontRole::title), ImVec2(text_x, y), area.max.x - text_x, t.text, p.t(said)) +
         p.u(24);
    if (f.sent != FollowSent::reopened)
        y += draw_paragraph(p, p.font(FontRole::body), ImVec2(text_x, y), area.max.x - text_x, t.text,
                            p.t("follow.done.forwarded"_k)) +
             p.u(16);
    if (in.uplink.offline)
        draw_paragraph(p, p.font(FontRole::body), ImVec2(text_x, y), area.max.x - text_x, t.text_muted,
                       p.t("follow.done.later"_k));
    const float button_h = p.u(112);
    const float bw = std::min(p.u(420), area.width() * 0.45f);
    if (f.can_rate() && button(p, ids::kFollowRate, Rect{{area.min.x, area.max.y - button_h}, {area.min.x + bw, area.max.y}},
                               p.t("follow.rate"_k), ButtonStyle::secondary, Icon::rate_service))
        out.push_back(intent::FollowToRate{});
}

} // namespace

void draw_follow(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const FollowState& f = in.shell.follow();
    switch (f.step) {
    case FollowStep::enter: draw_enter(p, in, area, out); break;
    case FollowStep::asking: draw_waiting(p, in, area, p.t("follow.asking"_k)); break;
    case FollowStep::status:
        if (f.answer)
            draw_status(p, in, area, out);
        break;
    case FollowStep::reopen_reason: draw_reasons(p, in, area, out); break;
    case FollowStep::rate: draw_follow_rate(p, in, area, out); break;
    case FollowStep::done: draw_thanks(p, in, area, out); break;
    }
}

void draw_waiting(Painter& p, const FrameInput& in, Rect area, std::string_view text)
{
    draw_spinner(p, area, in.busy_phase, text);
}

void draw_spinner(Painter& p, Rect area, float phase, std::string_view text)
{
    const float r = p.u(56);
    const ImVec2 c(area.center().x, area.min.y + area.height() * 0.35f);
    const float a0 = phase * kTwoPi;
    p.draw->AddCircle(c, r, p.theme.border, 0, p.u(12));
    p.draw->PathArcTo(c, r, a0, a0 + kTwoPi * 0.3f, 24);
    p.draw->PathStroke(p.theme.accent, 0, p.u(12));
    draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, c.y + r + p.u(40)), area.width(), p.theme.text, text,
                   Align::center);
}

std::optional<int> draw_levels(Painter& p, Rect rest, std::string (*id)(int))
{
    const Theme& t = p.theme;
    std::optional<int> tapped;
    static constexpr std::array kWords{"follow.level.1"_k, "follow.level.2"_k, "follow.level.3"_k, "follow.level.4"_k,
                                       "follow.level.5"_k};
    const float gap = p.u(16);
    const float h = std::min(p.u(120), (rest.max.y - rest.min.y - 4 * gap) / 5.0f);
    const float w = std::min(rest.width(), p.u(900));
    ImFont* title = p.font(FontRole::title);
    for (int level = 5; level >= 1; --level) {
        const float y = rest.min.y + static_cast<float>(5 - level) * (h + gap);
        const Rect r{{rest.min.x, y}, {rest.min.x + w, y + h}};
        bool down = false;
        if (tap_area(p, id(level), r, &down))
            tapped = level;
        fill_rect(p.draw, r.min, r.max, down ? t.surface_down : t.surface, p.u(t.rounding));
        p.draw->AddRect(r.min, r.max, t.border, p.u(t.rounding), 0, p.u(t.border_px));
        // The stars: filled for the level, outlined for the rest.
        const float star = h * 0.42f;
        for (int i = 0; i < 5; ++i) {
            const ImVec2 c(r.min.x + p.u(40) + star * 0.5f + static_cast<float>(i) * star * 1.15f, r.center().y);
            ImVec2 pts[10];
            for (int k = 0; k < 10; ++k) {
                const float rad = (k % 2 == 0 ? 0.5f : 0.21f) * star;
                const float ang = -kTwoPi / 4 + static_cast<float>(k) * kTwoPi / 10;
                pts[k] = ImVec2(c.x + rad * std::cos(ang), c.y + rad * std::sin(ang));
            }
            if (i < level) {
                // Filled as its inner pentagon and a triangle per point (ImGui fills convex shapes).
                ImVec2 inner[5];
                for (int k = 0; k < 5; ++k)
                    inner[k] = pts[2 * k + 1];
                p.draw->AddConvexPolyFilled(inner, 5, t.accent);
                for (int k = 0; k < 5; ++k)
                    p.draw->AddTriangleFilled(pts[2 * k], pts[(2 * k + 1) % 10], pts[(2 * k + 9) % 10], t.accent);
            } else
                p.draw->AddPolyline(pts, 10, t.border, ImDrawFlags_Closed, p.u(3));
        }
        const std::string_view words = p.t(kWords[static_cast<std::size_t>(level - 1)]);
        const ImVec2 ts = text_size(title, words);
        draw_text(p, title, ImVec2(r.min.x + p.u(80) + star * 5.75f, r.center().y - ts.y * 0.5f), t.text, words);
    }
    return tapped;
}

} // namespace hk::ui
