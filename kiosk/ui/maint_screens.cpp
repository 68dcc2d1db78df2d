// Maintenance mode's screens (see maint_screens.hpp). Staff stand at the same touch screen as
// residents: the same large targets, fewer pictures and more figures.
#include "maint_screens.hpp"

#include "keyboard.hpp"
#include "screens.hpp"
#include "shapes.hpp"
#include "ui_ids.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>

namespace hk::ui {
namespace {

constexpr float kBarU = 104.0f;
constexpr float kNavU = 132.0f;
constexpr float kMarginU = 40.0f;

MsgKey page_key(MaintPage page)
{
    switch (page) {
    case MaintPage::devices: return "maint.page.devices"_k;
    case MaintPage::sync: return "maint.page.sync"_k;
    case MaintPage::catalogue: return "maint.page.catalogue"_k;
    case MaintPage::logs: return "maint.page.logs"_k;
    case MaintPage::config: return "maint.page.config"_k;
    case MaintPage::identity: return "maint.page.identity"_k;
    case MaintPage::power: return "maint.page.power"_k;
    }
    return "maint.page.devices"_k;
}

MsgKey role_key(StaffRole role)
{
    switch (role) {
    case StaffRole::staff: return "maint.role.staff"_k;
    case StaffRole::tech: return "maint.role.tech"_k;
    case StaffRole::admin: return "maint.role.admin"_k;
    }
    return "maint.role.staff"_k;
}

MsgKey power_key(MaintPower what)
{
    switch (what) {
    case MaintPower::restart: return "maint.power.restart"_k;
    case MaintPower::power_off: return "maint.power.power_off"_k;
    case MaintPower::exit_to_desktop: return "maint.power.exit_desktop"_k;
    }
    return "maint.power.restart"_k;
}

MsgKey power_confirm_key(MaintPower what)
{
    switch (what) {
    case MaintPower::restart: return "maint.power.confirm.restart"_k;
    case MaintPower::power_off: return "maint.power.confirm.power_off"_k;
    case MaintPower::exit_to_desktop: return "maint.power.confirm.exit_desktop"_k;
    }
    return "maint.power.confirm.restart"_k;
}

MsgKey refusal_key(BadgeRefusal why)
{
    switch (why) {
    case BadgeRefusal::none: break;
    case BadgeRefusal::expired: return "maint.badge.expired"_k;
    case BadgeRefusal::not_yet_valid: return "maint.badge.not_yet_valid"_k;
    case BadgeRefusal::wrong_hall: return "maint.badge.wrong_hall"_k;
    case BadgeRefusal::not_a_badge: return "maint.badge.not_a_badge"_k;
    case BadgeRefusal::no_pin: return "maint.badge.no_pin"_k;
    case BadgeRefusal::forged: return "maint.badge.forged"_k;
    }
    return "maint.badge.not_a_badge"_k;
}

MsgKey config_key(std::string_view key)
{
    if (key == "languages")
        return "maint.config.languages"_k;
    if (key == "site_profile")
        return "maint.config.site_profile"_k;
    if (key == "paper_width")
        return "maint.config.paper_width"_k;
    return "maint.config.idle_timeout"_k;
}

std::string pin_key_id(char key)
{
    return ids::maint_pin_key(key);
}

// "2026-12-02 14:05:09" in the kiosk's local time; "—" for none.
std::string when(std::int64_t unix)
{
    if (unix <= 0)
        return "—";
    const auto t = static_cast<std::time_t>(unix);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    return buf;
}

// A duration in words staff read at a glance: "45 s", "12 min", "3 h 5 min", "2 d 4 h".
std::string span(Painter& p, std::int64_t s)
{
    s = std::max<std::int64_t>(0, s);
    if (s < 60)
        return p.tr.format("maint.span.s"_k, {{"s", std::to_string(s)}});
    if (s < 3600)
        return p.tr.format("maint.span.min"_k, {{"min", std::to_string((s + 59) / 60)}});
    if (s < 86400)
        return p.tr.format("maint.span.h"_k, {{"h", std::to_string(s / 3600)}, {"min", std::to_string(s % 3600 / 60)}});
    return p.tr.format("maint.span.d"_k, {{"d", std::to_string(s / 86400)}, {"h", std::to_string(s % 86400 / 3600)}});
}

// The top bar: maintenance mode, who is signed in, and "leave".
void draw_bar(Painter& p, const MaintView& v, std::vector<MaintIntent>& out)
{
    const Theme& t = p.theme;
    const Rect bar{{0, 0}, {p.m.width, p.u(kBarU)}};
    p.draw->AddRectFilled(bar.min, bar.max, t.bar);
    const float pad = p.u(16);
    const float h = bar.height() - 2 * pad;
    const std::string_view leave = p.t("maint.leave"_k);
    const float w = std::max(p.u(200), text_size(p.font(FontRole::body), leave).x + p.u(60));
    const float x = p.m.width - p.u(kMarginU * 0.5f) - w;
    if (button(p, ids::kMaintLeave, Rect{{x, pad}, {x + w, pad + h}}, leave, ButtonStyle::on_bar))
        out.push_back(maint::Leave{});

    std::string title(p.t("maint.title"_k));
    const Maintenance& m = v.mode;
    if (!m.staff().id.empty() && (m.step() == MaintStep::menu || m.step() == MaintStep::page))
        title = p.tr.format("maint.title.signed_in"_k,
                            {{"staff", m.staff().id}, {"role", p.t(role_key(m.staff().role))}});
    if (v.demo)
        title += std::string(" · ") + std::string(p.t("demo.badge"_k));
    ImFont* f = p.font(FontRole::body);
    const std::string cut = elide(f, title, x - p.u(2 * kMarginU));
    draw_text(p, f, ImVec2(p.u(kMarginU), (bar.height() - f->FontSize) * 0.5f), t.bar_text, cut);
}

// The bottom bar: back, where there is somewhere to go back to.
void draw_nav(Painter& p, const MaintView& v, std::vector<MaintIntent>& out)
{
    const MaintStep s = v.mode.step();
    if (s != MaintStep::page && s != MaintStep::pin)
        return;
    const float top = p.m.height - p.u(kNavU);
    p.draw->AddLine(ImVec2(0, top), ImVec2(p.m.width, top), p.theme.border, p.u(p.theme.border_px));
    const float pad = p.u(20);
    const float w = std::min(p.u(300), p.m.width * 0.3f);
    if (button(p, ids::kMaintBack, Rect{{p.u(kMarginU), top + pad}, {p.u(kMarginU) + w, p.m.height - pad}},
               p.t("nav.back"_k), ButtonStyle::secondary, Icon::back))
        out.push_back(maint::Back{});
}

// A heading at the top of `area`; returns the area below it.
Rect heading(Painter& p, Rect area, std::string_view text)
{
    ImFont* f = p.font(FontRole::title);
    const float h = draw_paragraph(p, f, area.min, area.width(), p.theme.text, text, Align::left, 1.15f);
    return Rect{{area.min.x, area.min.y + h + p.u(20)}, area.max};
}

// A band with a message about the kiosk itself (a warning staff act on).
float notice_band(Painter& p, ImVec2 at, float width, std::string_view text)
{
    ImFont* f = p.font(FontRole::body);
    const float h = paragraph_height(p, f, width - p.u(40), text) + p.u(24);
    fill_rect(p.draw, at, ImVec2(at.x + width, at.y + h), p.theme.notice, p.u(p.theme.rounding));
    draw_paragraph(p, f, ImVec2(at.x + p.u(20), at.y + p.u(12)), width - p.u(40), p.theme.notice_text, text);
    return h + p.u(16);
}

// A row of buttons along the bottom of `area`, equal widths; returns the area above them and the
// index tapped.
struct ButtonSpec {
    std::string id;
    std::string label;
    bool primary = false;
};
Rect button_row(Painter& p, Rect area, const std::vector<ButtonSpec>& specs, std::optional<std::size_t>& tapped)
{
    if (specs.empty())
        return area;
    const float gap = p.u(20);
    const float h = p.u(100);
    const int cols = static_cast<int>(specs.size());
    const float w = (area.width() - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float y = area.max.y - h;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const float x = area.min.x + static_cast<float>(i) * (w + gap);
        if (button(p, specs[i].id, Rect{{x, y}, {x + w, y + h}}, specs[i].label,
                   specs[i].primary ? ButtonStyle::primary : ButtonStyle::secondary))
            tapped = i;
    }
    return Rect{area.min, {area.max.x, y - gap}};
}

// A label and its value on one row (the value wraps); returns the height used.
float row(Painter& p, ImVec2 at, float width, std::string_view label, std::string_view value)
{
    return draw_review_row(p, at, width, label, value);
}

void draw_badge_step(Painter& p, const MaintView& v, Rect area)
{
    Rect rest = heading(p, area, p.t("maint.badge.title"_k));
    ImFont* f = p.font(FontRole::body);
    const float icon = p.u(220);
    draw_icon(p.draw, Icon::qr_code, ImVec2(rest.center().x, rest.min.y + icon * 0.6f), icon, p.theme.accent);
    float y = rest.min.y + icon * 1.3f;
    y += draw_paragraph(p, f, ImVec2(rest.min.x, y), rest.width(), p.theme.text, p.t("maint.badge.hint"_k),
                        Align::center) +
         p.u(24);
    if (v.mode.refusal() != BadgeRefusal::none)
        notice_band(p, ImVec2(rest.min.x, y), rest.width(), p.t(refusal_key(v.mode.refusal())));
}

void draw_pin_step(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const Maintenance& m = v.mode;
    Rect rest = heading(p, area, p.tr.format("maint.pin.title"_k, {{"staff", m.staff().id}}));
    ImFont* f = p.font(FontRole::body);
    const bool portrait = p.m.height > p.m.width;
    const float pad_w = std::min(p.u(560), rest.width());
    // The digits typed, as dots.
    const float dot = p.u(22);
    const float dots_w = static_cast<float>(Maintenance::kMaxPinDigits) * dot * 2.4f;
    const ImVec2 c0(rest.center().x - dots_w * 0.5f + dot * 1.2f, rest.min.y + dot * 1.5f);
    for (std::size_t i = 0; i < Maintenance::kMaxPinDigits; ++i) {
        const ImVec2 c(c0.x + static_cast<float>(i) * dot * 2.4f, c0.y);
        if (i < m.pin_length())
            p.draw->AddCircleFilled(c, dot, p.theme.text);
        else
            p.draw->AddCircle(c, dot, p.theme.border, 0, p.u(3));
    }
    float y = rest.min.y + dot * 3.5f + p.u(16);
    if (m.last_pin_wrong()) {
        const std::string msg =
            p.tr.format("maint.pin.wrong"_k, {{"tries", std::to_string(m.lockout().tries_left())}});
        y += notice_band(p, ImVec2(rest.center().x - pad_w * 0.5f, y), pad_w, msg);
    } else {
        y += draw_paragraph(p, f, ImVec2(rest.min.x, y), rest.width(), p.theme.text_muted, p.t("maint.pin.hint"_k),
                            Align::center) +
             p.u(16);
    }
    const float ok_h = p.u(100);
    const float pad_h = std::min(rest.max.y - y - ok_h - p.u(24), portrait ? p.u(500) : p.u(460));
    const Rect pad{{rest.center().x - pad_w * 0.5f, y}, {rest.center().x + pad_w * 0.5f, y + pad_h}};
    if (auto key = draw_digit_pad(p, pad, pin_key_id))
        out.push_back(maint::PinKey{*key});
    const Rect ok{{pad.min.x, pad.max.y + p.u(24)}, {pad.max.x, pad.max.y + p.u(24) + ok_h}};
    if (step_button(p, ids::kMaintPinOk, ok, p.t("maint.pin.ok"_k), m.pin_length() >= 4))
        out.push_back(maint::SubmitPin{});
}

void draw_checking(Painter& p, const MaintView& v, Rect area)
{
    draw_spinner(p, area, v.busy_phase, p.t("maint.pin.checking"_k));
}

void draw_locked(Painter& p, const MaintView& v, Rect area)
{
    Rect rest = heading(p, area, p.t("maint.locked.title"_k));
    const std::int64_t left = v.mode.lockout().seconds_left(v.wall);
    const std::string msg = p.tr.format("maint.locked.text"_k, {{"wait", span(p, left)}});
    notice_band(p, rest.min, rest.width(), msg);
}

void draw_menu(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    Rect rest = heading(p, area, p.t("maint.menu.title"_k));
    // Every role sees it: hall staff who cannot enrol the kiosk know whom to call.
    if (v.awaiting_enrolment)
        rest.min.y += notice_band(p, rest.min, rest.width(), p.t("maint.enrol.band"_k));
    std::vector<MaintPage> pages;
    for (MaintPage pg : kMaintPages)
        if (role_sees(v.mode.staff().role, pg))
            pages.push_back(pg);
    const int cols = columns(p, 4, 2);
    const PagedGrid g = paged_grid(p, rest, static_cast<int>(pages.size()), cols, p.u(150), p.u(220), p.u(24), 0);
    for (int i = g.first(); i < g.end(); ++i) {
        const MaintPage pg = pages[static_cast<std::size_t>(i)];
        if (button(p, ids::maint_page(page_name(pg)), g.cell(i), p.t(page_key(pg)), ButtonStyle::secondary))
            out.push_back(maint::Show{pg});
    }
}

void draw_device_card(Painter& p, const MaintView& v, Rect r, std::size_t i)
{
    static constexpr std::array kNames{"demo.role.printer"_k, "demo.role.idcard"_k, "demo.role.scanner"_k};
    const MaintDevice& d = v.devices.devices[i];
    const Theme& t = p.theme;
    fill_rect(p.draw, r.min, r.max, t.surface, p.u(t.rounding));
    p.draw->AddRect(r.min, r.max, t.border, p.u(t.rounding), 0, p.u(t.border_px));
    ImFont* f = p.font(FontRole::body);
    const float x = r.min.x + p.u(20);
    const float w = r.width() - p.u(40);
    float y = r.min.y + p.u(16);
    const ImVec2 name = draw_text(p, p.font(FontRole::title), ImVec2(x, y), t.text, p.t(kNames[i]));
    y += name.y + p.u(6);
    y += draw_paragraph(p, f, ImVec2(x, y), w, device_state_colour(t, d.row.state), p.t(device_state_key(d.row.state)));
    auto line = [&](std::string_view text, ImU32 col) {
        if (y < r.max.y - f->FontSize)
            y += draw_paragraph(p, f, ImVec2(x, y), w, col, text);
    };
    line(p.tr.format("maint.dev.model"_k, {{"model", d.row.model.empty() ? "—" : d.row.model}}), t.text);
    if (!d.row.problem.empty())
        line(d.row.problem, device_state_colour(t, DemoDeviceState::fault));
    line(p.tr.format("maint.dev.counters"_k, {{"transfers", std::to_string(d.row.transfers)},
                                              {"errors", std::to_string(d.row.errors)},
                                              {"reconnects", std::to_string(d.row.reconnects)},
                                              {"pending", std::to_string(d.row.pending)}}),
         t.text_muted);
    line(d.last_error.empty()
             ? std::string(p.t("maint.dev.no_error"_k))
             : p.tr.format("maint.dev.last_error"_k, {{"error", d.last_error}, {"at", when(d.last_error_at)}}),
         t.text_muted);
}

void draw_devices(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const MaintDevicesView& d = v.devices;
    Rect rest = heading(p, area, p.t("maint.page.devices"_k));
    std::vector<ButtonSpec> specs{{std::string(ids::kMaintTestPrint), std::string(p.t("maint.dev.test_print"_k))},
                                  {std::string(ids::kMaintTestScan), std::string(p.t("maint.dev.test_scan"_k))},
                                  {std::string(ids::kMaintTestCard), std::string(p.t("maint.dev.test_card"_k))}};
    if (d.can_rescan)
        specs.push_back({std::string(ids::kMaintRescan), std::string(p.t("maint.dev.rescan"_k))});
    std::optional<std::size_t> tapped;
    rest = button_row(p, rest, specs, tapped);
    if (tapped) {
        switch (*tapped) {
        case 0: out.push_back(maint::TestPrint{}); break;
        case 1: out.push_back(maint::TestScan{}); break;
        case 2: out.push_back(maint::TestCard{}); break;
        default: out.push_back(maint::RescanUsb{}); break;
        }
    }
    // Warnings and the test's outcome above the buttons, the devices above them.
    float bottom = rest.max.y;
    ImFont* f = p.font(FontRole::body);
    std::vector<std::string> bands;
    switch (d.paper) {
    case PaperWarning::none: break;
    case PaperWarning::near_end: bands.emplace_back(p.t("maint.dev.paper_near_end"_k)); break;
    case PaperWarning::out: bands.emplace_back(p.t("maint.dev.paper_out"_k)); break;
    case PaperWarning::cover_open: bands.emplace_back(p.t("maint.dev.cover_open"_k)); break;
    }
    if (!d.unknown.empty()) {
        std::string list;
        for (const std::string& u : d.unknown)
            list += (list.empty() ? "" : ", ") + u;
        bands.push_back(p.tr.format("maint.dev.unknown"_k, {{"devices", list}}));
    }
    if (!d.test_result.empty())
        bands.push_back(d.test_result);
    for (auto it = bands.rbegin(); it != bands.rend(); ++it) {
        const float h = paragraph_height(p, f, rest.width() - p.u(40), *it) + p.u(24);
        bottom -= h + p.u(16);
        notice_band(p, ImVec2(rest.min.x, bottom), rest.width(), *it);
    }
    const bool portrait = p.m.height > p.m.width;
    const float gap = p.u(20);
    const Rect cards{rest.min, {rest.max.x, bottom - gap}};
    for (std::size_t i = 0; i < 3; ++i) {
        Rect r;
        if (portrait) {
            const float h = (cards.height() - 2 * gap) / 3.0f;
            r = Rect{{cards.min.x, cards.min.y + static_cast<float>(i) * (h + gap)},
                     {cards.max.x, cards.min.y + static_cast<float>(i) * (h + gap) + h}};
        } else {
            const float w = (cards.width() - 2 * gap) / 3.0f;
            r = Rect{{cards.min.x + static_cast<float>(i) * (w + gap), cards.min.y},
                     {cards.min.x + static_cast<float>(i) * (w + gap) + w, cards.max.y}};
        }
        draw_device_card(p, v, r, i);
    }
}

void draw_sync(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const MaintSyncView& s = v.sync;
    Rect rest = heading(p, area, p.t("maint.page.sync"_k));
    std::optional<std::size_t> tapped;
    rest = button_row(p, rest, {{std::string(ids::kMaintSyncNow), std::string(p.t("maint.sync.now"_k)), true}}, tapped);
    if (tapped)
        out.push_back(maint::SyncNow{});
    ImVec2 at = rest.min;
    const float w = rest.width();
    if (!s.accepting)
        at.y += notice_band(p, at, w, p.tr.format("maint.sync.not_accepting"_k, {{"problem", s.problem}}));
    if (s.skew_too_large && s.skew_s)
        at.y += notice_band(p, at, w, p.tr.format("maint.sync.skew_warning"_k, {{"skew", span(p, std::abs(*s.skew_s))}}));
    // Awaiting enrolment, the last error is the central side's refusal of a kiosk without a
    // certificate: the state says what that means before the raw words below it.
    MsgKey state =
        s.online ? "maint.sync.online"_k : (s.failures > 0 ? "maint.sync.offline"_k : "maint.sync.not_yet"_k);
    if (v.awaiting_enrolment)
        state = "maint.sync.awaiting_enrolment"_k;
    at.y += row(p, at, w, p.t("maint.sync.state"_k), p.t(state));
    at.y += row(p, at, w, p.t("maint.sync.waiting"_k), std::to_string(s.waiting));
    at.y += row(p, at, w, p.t("maint.sync.oldest"_k),
                s.oldest_age_s ? p.tr.format("maint.sync.age"_k, {{"age", span(p, *s.oldest_age_s)}})
                               : std::string("—"));
    at.y += row(p, at, w, p.t("maint.sync.last_success"_k), s.last_success ? when(*s.last_success) : "—");
    at.y += row(p, at, w, p.t("maint.sync.last_error"_k), s.last_error.empty() ? "—" : s.last_error);
    at.y += row(p, at, w, p.t("maint.sync.clock"_k), when(s.now));
    at.y += row(p, at, w, p.t("maint.sync.skew"_k),
                s.skew_s ? p.tr.format(*s.skew_s >= 0 ? "maint.sync.skew_ahead"_k : "maint.sync.skew_behind"_k,
                                       {{"skew", span(p, std::abs(*s.skew_s))}})
                         : std::string("—"));
    at.y += row(p, at, w, p.t("maint.sync.rejected"_k), std::to_string(s.rejected_count));
    ImFont* f = p.font(FontRole::body);
    for (const MaintRejected& r : s.rejected) {
        if (at.y + f->FontSize * 1.3f > rest.max.y)
            break;
        const std::string text = p.tr.format("maint.sync.rejected_row"_k, {{"seq", std::to_string(r.seq)},
                                                                            {"type", r.type},
                                                                            {"reason", r.reason}});
        at.y += draw_paragraph(p, f, ImVec2(at.x + p.u(40), at.y), w - p.u(40), p.theme.text_muted, text);
    }
    if (s.asked && at.y + f->FontSize < rest.max.y)
        draw_paragraph(p, f, ImVec2(at.x, at.y + p.u(12)), w, p.theme.text_muted, p.t("maint.sync.asked"_k));
}

void draw_catalogue(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const MaintCatalogueView& c = v.catalogue;
    Rect rest = heading(p, area, p.t("maint.page.catalogue"_k));
    std::optional<std::size_t> tapped;
    rest = button_row(p, rest, {{std::string(ids::kMaintRefresh), std::string(p.t("maint.cat.refresh"_k)), true}},
                      tapped);
    if (tapped)
        out.push_back(maint::RefreshCatalogue{});
    ImVec2 at = rest.min;
    const float w = rest.width();
    at.y += row(p, at, w, p.t("maint.cat.last_refresh"_k), c.last_refresh ? when(*c.last_refresh) : "—");
    at.y += row(p, at, w, p.t("maint.cat.next_refresh"_k), when(c.next_refresh));
    if (c.failures > 0 || !c.last_error.empty())
        at.y += row(p, at, w, p.t("maint.cat.last_error"_k),
                    p.tr.format("maint.cat.failures"_k,
                                {{"n", std::to_string(c.failures)}, {"error", c.last_error.empty() ? "—" : c.last_error}}));
    at.y += p.u(12);
    ImFont* f = p.font(FontRole::body);
    if (c.rows.empty()) {
        draw_paragraph(p, f, at, w, p.theme.text_muted, p.t("maint.cat.none"_k));
    } else {
        // Name, version (its first characters tell versions apart) and when, in three columns; in
        // two groups side by side on a landscape screen, so that every catalogue is on the page.
        const int groups = p.m.portrait() ? 1 : 2;
        const float gap = p.u(40);
        const float gw = (w - gap * static_cast<float>(groups - 1)) / static_cast<float>(groups);
        const float c1 = gw * 0.36f;
        const float c2 = gw * 0.27f;
        const float line = f->FontSize * 1.35f;
        const std::size_t per_group = (c.rows.size() + static_cast<std::size_t>(groups) - 1) / static_cast<std::size_t>(groups);
        for (int g = 0; g < groups; ++g) {
            const float x = at.x + static_cast<float>(g) * (gw + gap);
            float y = at.y;
            draw_text(p, f, ImVec2(x, y), p.theme.text_muted, p.t("maint.cat.name"_k));
            draw_text(p, f, ImVec2(x + c1, y), p.theme.text_muted, p.t("maint.cat.version"_k));
            draw_text(p, f, ImVec2(x + c1 + c2, y), p.theme.text_muted, p.t("maint.cat.fetched"_k));
            y += line;
            for (std::size_t i = static_cast<std::size_t>(g) * per_group;
                 i < std::min(c.rows.size(), static_cast<std::size_t>(g + 1) * per_group); ++i) {
                if (y + f->FontSize > rest.max.y)
                    break;
                const MaintCatalogueRow& r = c.rows[i];
                std::string version = r.version;
                std::erase(version, '"');
                draw_text(p, f, ImVec2(x, y), p.theme.text, elide(f, r.name, c1 - p.u(16)));
                draw_text(p, f, ImVec2(x + c1, y), p.theme.text, elide(f, version.substr(0, 10), c2 - p.u(16)));
                draw_text(p, f, ImVec2(x + c1 + c2, y), p.theme.text, elide(f, when(r.fetched), gw - c1 - c2));
                y += line;
            }
        }
        at.y += line * static_cast<float>(per_group + 1);
    }
    if (c.asked && at.y + f->FontSize < rest.max.y)
        draw_paragraph(p, f, ImVec2(at.x, at.y + p.u(12)), w, p.theme.text_muted, p.t("maint.cat.asked"_k));
}

// Small choice buttons in a line from `at`; returns the height used. `on` marks the chosen ones.
float chips(Painter& p, ImVec2 at, float width, const std::vector<ButtonSpec>& specs, const std::vector<bool>& on,
            std::optional<std::size_t>& tapped)
{
    ImFont* f = p.font(FontRole::body);
    const float h = std::max(p.m.min_touch, p.u(84));
    const float gap = p.u(16);
    float x = at.x;
    float y = at.y;
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const float w = std::max(p.u(120), text_size(f, specs[i].label).x + p.u(48));
        if (x + w > at.x + width && x > at.x) {
            x = at.x;
            y += h + gap;
        }
        if (button(p, specs[i].id, Rect{{x, y}, {x + w, y + h}}, specs[i].label,
                   i < on.size() && on[i] ? ButtonStyle::primary : ButtonStyle::secondary))
            tapped = i;
        x += w + gap;
    }
    return y + h - at.y + gap;
}

void draw_logs(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const MaintLogsView& l = v.logs;
    Rect rest = heading(p, area, p.t("maint.page.logs"_k));
    // Export along the bottom: one button per folder it can go to.
    std::vector<ButtonSpec> targets;
    for (std::size_t i = 0; i < l.targets.size() && i < 3; ++i)
        targets.push_back({ids::maint_export(i), p.tr.format("maint.logs.export_to"_k, {{"target", l.targets[i].label}})});
    std::optional<std::size_t> tapped;
    rest = button_row(p, rest, targets, tapped);
    if (tapped)
        out.push_back(maint::ExportBundle{*tapped});
    ImFont* f = p.font(FontRole::body);
    if (!l.export_result.empty()) {
        const float h = paragraph_height(p, f, rest.width() - p.u(40), l.export_result) + p.u(24);
        notice_band(p, ImVec2(rest.min.x, rest.max.y - h), rest.width(), l.export_result);
        rest.max.y -= h + p.u(16);
    }
    // Filters: the least level, and a few words staff look for most.
    ImVec2 at = rest.min;
    std::vector<ButtonSpec> levels{{ids::maint_log_level(0), std::string(p.t("maint.logs.all"_k))},
                                   {ids::maint_log_level(1), std::string(p.t("maint.logs.warnings"_k))},
                                   {ids::maint_log_level(2), std::string(p.t("maint.logs.errors"_k))}};
    static constexpr std::array<const char*, 6> kWords{"scan", "print", "sync", "idcard", "catalogue", "maintenance"};
    for (const char* word : kWords)
        levels.push_back({ids::maint_log_search(word), word});
    std::vector<bool> on{l.level == 0, l.level == 1, l.level == 2};
    for (const char* word : kWords)
        on.push_back(l.search == word);
    std::optional<std::size_t> chip;
    at.y += chips(p, at, rest.width(), levels, on, chip);
    if (chip) {
        if (*chip < 3)
            out.push_back(maint::LogLevel{static_cast<int>(*chip)});
        else
            out.push_back(maint::LogSearch{l.search == kWords[*chip - 3] ? std::string() : kWords[*chip - 3]});
    }
    const std::string count = p.tr.format(
        "maint.logs.count"_k, {{"shown", std::to_string(l.lines.size())}, {"total", std::to_string(l.total)}});
    at.y += draw_paragraph(p, f, at, rest.width(), p.theme.text_muted,
                           l.search.empty() ? count
                                            : count + " · " + p.tr.format("maint.logs.search"_k, {{"text", l.search}}));
    // The lines, newest first, as many as the page holds.
    const float line_h = f->FontSize * 1.3f;
    const float pager_h = p.u(100);
    int fit = std::max(1, static_cast<int>((rest.max.y - at.y) / line_h));
    int pages = 1;
    if (static_cast<int>(l.lines.size()) > fit) {
        fit = std::max(1, static_cast<int>((rest.max.y - at.y - pager_h) / line_h));
        pages = (static_cast<int>(l.lines.size()) + fit - 1) / fit;
    }
    const int page = std::clamp(l.page, 0, pages - 1);
    const int first = page * fit;
    for (int i = first; i < std::min<int>(first + fit, static_cast<int>(l.lines.size())); ++i) {
        const MaintLogLine& line = l.lines[static_cast<std::size_t>(i)];
        const ImU32 col = line.level >= 2   ? device_state_colour(p.theme, DemoDeviceState::fault)
                          : line.level == 1 ? device_state_colour(p.theme, DemoDeviceState::opening)
                                            : p.theme.text;
        std::string text = when(line.at_ms / 1000).substr(11) + "  " + line.text;
        draw_text(p, f, at, col, elide(f, text, rest.width()));
        at.y += line_h;
    }
    if (pages > 1) {
        const Rect bar{{rest.min.x, rest.max.y - pager_h}, rest.max};
        std::vector<Intent> turned;
        draw_pager(p, bar, page, pages, turned);
        for (const Intent& i : turned)
            if (const auto* t = std::get_if<intent::TurnPage>(&i))
                out.push_back(maint::LogPage{t->by});
    }
}

void draw_config(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const MaintConfigView& c = v.config;
    if (c.name_entry) {
        // The hall's name on the keyboard: "done" keeps it, back leaves it as it was.
        const Rect rest = heading(p, area, p.tr.format("maint.config.hall_name.typing"_k, {{"lang", p.t("lang.self"_k)}}));
        if (auto key = draw_keyboard(p, *c.name_entry, rest, c.hall_name))
            out.push_back(maint::TypeName{*key});
        return;
    }
    Rect rest = heading(p, area, p.t("maint.page.config"_k));
    ImVec2 at = rest.min;
    const float w = rest.width();
    ImFont* f = p.font(FontRole::body);
    {
        // The name, and "change" at the row's right.
        const std::string_view change = p.t("maint.config.hall_name.edit"_k);
        const float bw = std::max(p.u(160), text_size(f, change).x + p.u(60));
        const float bh = std::max(p.m.min_touch, p.u(84));
        if (button(p, ids::kMaintHallName, Rect{{rest.max.x - bw, at.y}, {rest.max.x, at.y + bh}}, change,
                   ButtonStyle::secondary))
            out.push_back(maint::EditHallName{});
        at.y += std::max(bh + p.u(12), row(p, at, w - bw - p.u(24), p.t("maint.config.hall_name"_k), c.hall_name));
    }
    for (const MaintSetting& s : c.settings) {
        std::string label(p.t(config_key(s.key)));
        if (s.restart)
            label += " · " + std::string(p.t("maint.config.restart"_k));
        // The setting's words in a column on the left, its values beside them (below them on a
        // narrow screen).
        const bool beside = w > p.u(1200);
        const float label_w = beside ? w * 0.36f : w;
        const float label_h = draw_paragraph(p, f, at, label_w, p.theme.text_muted, label);
        const ImVec2 chips_at = beside ? ImVec2(at.x + w * 0.4f, at.y) : ImVec2(at.x, at.y + label_h);
        const float chips_w = beside ? w * 0.6f : w;
        std::vector<ButtonSpec> specs;
        std::vector<bool> on;
        for (std::size_t i = 0; i < s.options.size(); ++i) {
            specs.push_back({ids::maint_config(s.key, s.options[i]), i < s.labels.size() ? s.labels[i] : s.options[i]});
            bool chosen = s.value == s.options[i];
            if (s.multi) {
                chosen = false;
                std::size_t pos = 0;
                while (pos <= s.value.size()) {
                    const std::size_t end = std::min(s.value.find(',', pos), s.value.size());
                    chosen = chosen || s.value.substr(pos, end - pos) == s.options[i];
                    pos = end + 1;
                }
            }
            on.push_back(chosen);
        }
        std::optional<std::size_t> tapped;
        const float chips_h = chips(p, chips_at, chips_w, specs, on, tapped);
        at.y += beside ? std::max(label_h + p.u(16), chips_h) : label_h + chips_h + p.u(4);
        if (tapped)
            out.push_back(maint::SetConfig{s.key, s.options[*tapped]});
    }
    if (!c.result.empty() && at.y < rest.max.y)
        notice_band(p, at, w, c.result);
}

void draw_identity(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    const MaintIdentityView& id = v.identity;
    Rect rest = heading(p, area, p.t("maint.page.identity"_k));
    const std::size_t shown = std::min<std::size_t>(id.targets.size(), 2);
    std::vector<ButtonSpec> specs;
    // Awaiting enrolment, the current key's request instead of a new key's: a new key would be a
    // second key without a certificate. Its row goes above the installs, in the order staff use them.
    if (!v.awaiting_enrolment)
        specs.push_back({std::string(ids::kMaintNewKey), std::string(p.t("maint.id.new_key"_k))});
    for (std::size_t i = 0; i < shown; ++i)
        specs.push_back({ids::maint_install(i), p.tr.format("maint.id.install_from"_k, {{"target", id.targets[i].label}})});
    std::optional<std::size_t> tapped;
    rest = button_row(p, rest, specs, tapped);
    if (tapped) {
        if (v.awaiting_enrolment)
            out.push_back(maint::InstallCertificate{*tapped});
        else if (*tapped == 0)
            out.push_back(maint::NewKey{});
        else
            out.push_back(maint::InstallCertificate{*tapped - 1});
    }
    if (v.awaiting_enrolment) {
        std::vector<ButtonSpec> requests;
        for (std::size_t i = 0; i < shown; ++i)
            requests.push_back(
                {ids::maint_write_csr(i), p.tr.format("maint.id.write_csr"_k, {{"target", id.targets[i].label}})});
        std::optional<std::size_t> asked;
        rest = button_row(p, rest, requests, asked);
        if (asked)
            out.push_back(maint::WriteRequest{*asked});
    }
    ImVec2 at = rest.min;
    const float w = rest.width();
    if (v.awaiting_enrolment)
        at.y += notice_band(p, at, w, p.tr.format("maint.id.enrol_steps"_k, {{"file", id.cert_file}}));
    at.y += row(p, at, w, p.t("maint.id.kid"_k), id.kid.empty() ? "—" : id.kid);
    at.y += row(p, at, w, p.t("maint.id.subject"_k), id.subject.empty() ? p.t("maint.id.no_cert"_k) : id.subject);
    at.y += row(p, at, w, p.t("maint.id.not_after"_k), id.not_after.empty() ? "—" : id.not_after);
    if (!id.pending_kid.empty())
        at.y += row(p, at, w, p.t("maint.id.pending"_k), id.pending_kid);
    if (!id.result.empty())
        notice_band(p, ImVec2(at.x, at.y + p.u(12)), w, id.result);
}

void draw_power(Painter& p, const MaintView& v, Rect area, std::vector<MaintIntent>& out)
{
    Rect rest = heading(p, area, p.t("maint.page.power"_k));
    const StaffRole role = v.mode.staff().role;
    std::vector<MaintPower> powers;
    for (MaintPower pw : {MaintPower::restart, MaintPower::power_off, MaintPower::exit_to_desktop})
        if (role_may(role, pw))
            powers.push_back(pw);
    const float h = p.u(120);
    const float gap = p.u(24);
    const float w = std::min(rest.width(), p.u(720));
    float y = rest.min.y;
    for (MaintPower pw : powers) {
        if (button(p, ids::maint_power(power_name(pw)), Rect{{rest.min.x, y}, {rest.min.x + w, y + h}},
                   p.t(power_key(pw)), ButtonStyle::secondary))
            out.push_back(maint::AskPower{pw});
        y += h + gap;
    }
    if (!v.power_result.empty())
        notice_band(p, ImVec2(rest.min.x, y), rest.width(), v.power_result);
}

// "Really restart?": yes or no, above the page.
void draw_power_confirm(Painter& p, MaintPower what, std::vector<MaintIntent>& out)
{
    begin_layer("##maint_confirm", p.m, true);
    p.draw = ImGui::GetWindowDrawList();
    p.draw->AddRectFilled(ImVec2(0, 0), ImVec2(p.m.width, p.m.height), p.theme.scrim);
    const float pad = p.u(48);
    const float cw = std::min(p.u(900), p.m.width - 2 * p.u(kMarginU));
    const std::string_view text = p.t(power_confirm_key(what));
    ImFont* body = p.font(FontRole::body);
    const float bh = p.u(112);
    const float ch = pad + paragraph_height(p, body, cw - 2 * pad, text) + p.u(40) + bh + pad;
    const ImVec2 c(p.m.width * 0.5f, p.m.height * 0.5f);
    const Rect card{{c.x - cw * 0.5f, c.y - ch * 0.5f}, {c.x + cw * 0.5f, c.y + ch * 0.5f}};
    fill_rect(p.draw, card.min, card.max, p.theme.surface, p.u(p.theme.rounding));
    const float bw = (cw - 2 * pad - p.u(32)) * 0.5f;
    const float by = card.max.y - pad - bh;
    if (button(p, ids::kMaintPowerCancel, Rect{{card.min.x + pad, by}, {card.min.x + pad + bw, by + bh}},
               p.t("maint.power.cancel"_k), ButtonStyle::secondary))
        out.push_back(maint::CancelPower{});
    if (button(p, ids::kMaintPowerConfirm, Rect{{card.max.x - pad - bw, by}, {card.max.x - pad, by + bh}},
               p.t(power_key(what)), ButtonStyle::primary))
        out.push_back(maint::ConfirmPower{});
    draw_paragraph(p, body, ImVec2(card.min.x + pad, card.min.y + pad), cw - 2 * pad, p.theme.text, text, Align::center);
    // Taps beside the card are taken and mean nothing.
    tap_area(p, "maint.power.backdrop", Rect{{0, 0}, {p.m.width, p.m.height}});
    ImGui::End();
}

} // namespace

std::vector<MaintIntent> draw_maintenance(Painter& p, const MaintView& v)
{
    std::vector<MaintIntent> out;
    p.widgets.clear();
    begin_layer("##maint", p.m, false);
    p.draw = ImGui::GetWindowDrawList();
    draw_bar(p, v, out);
    const MaintStep step = v.mode.step();
    const bool nav = step == MaintStep::page || step == MaintStep::pin;
    const Rect area{{p.u(kMarginU), p.u(kBarU) + p.u(32)},
                    {p.m.width - p.u(kMarginU), p.m.height - (nav ? p.u(kNavU) : 0.0f) - p.u(24)}};
    switch (step) {
    case MaintStep::closed: break;
    case MaintStep::badge: draw_badge_step(p, v, area); break;
    case MaintStep::pin: draw_pin_step(p, v, area, out); break;
    case MaintStep::checking: draw_checking(p, v, area); break;
    case MaintStep::locked: draw_locked(p, v, area); break;
    case MaintStep::menu: draw_menu(p, v, area, out); break;
    case MaintStep::page:
        switch (v.mode.page()) {
        case MaintPage::devices: draw_devices(p, v, area, out); break;
        case MaintPage::sync: draw_sync(p, v, area, out); break;
        case MaintPage::catalogue: draw_catalogue(p, v, area, out); break;
        case MaintPage::logs: draw_logs(p, v, area, out); break;
        case MaintPage::config: draw_config(p, v, area, out); break;
        case MaintPage::identity: draw_identity(p, v, area, out); break;
        case MaintPage::power: draw_power(p, v, area, out); break;
        }
        break;
    }
    draw_nav(p, v, out);
    ImGui::End();
    if (v.asking_power && step == MaintStep::page)
        draw_power_confirm(p, *v.asking_power, out);
    return out;
}

} // namespace hk::ui
