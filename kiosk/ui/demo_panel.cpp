// Demo mode's panel (see demo_panel.hpp).
#include "demo_panel.hpp"

#include "screens.hpp"

#include <imgui_internal.h>

#include <string>

namespace hk::ui {
namespace {

constexpr float kButtonU = 76.0f;
constexpr float kGapU = 16.0f;
constexpr float kPadU = 32.0f;

std::string_view role_id(DemoRole r)
{
    switch (r) {
    case DemoRole::printer: return "printer";
    case DemoRole::idcard: return "idcard";
    case DemoRole::scanner: return "scanner";
    }
    return "printer";
}

MsgKey role_key(DemoRole r)
{
    switch (r) {
    case DemoRole::printer: return "demo.role.printer"_k;
    case DemoRole::idcard: return "demo.role.idcard"_k;
    case DemoRole::scanner: return "demo.role.scanner"_k;
    }
    return "demo.role.printer"_k;
}


MsgKey code_key(DemoCodeKind k)
{
    switch (k) {
    case DemoCodeKind::booking_pass: return "demo.code.booking_pass"_k;
    case DemoCodeKind::staff_badge: return "demo.code.staff_badge"_k;
    case DemoCodeKind::request_receipt: return "demo.code.request_receipt"_k;
    case DemoCodeKind::used_pass: return "demo.code.used_pass"_k;
    case DemoCodeKind::expired_pass: return "demo.code.expired_pass"_k;
    case DemoCodeKind::other_hall_pass: return "demo.code.other_hall_pass"_k;
    case DemoCodeKind::forged_pass: return "demo.code.forged_pass"_k;
    case DemoCodeKind::web_address: return "demo.code.web_address"_k;
    case DemoCodeKind::chinese_text: return "demo.code.chinese_text"_k;
    case DemoCodeKind::oversized: return "demo.code.oversized"_k;
    case DemoCodeKind::cut_off: return "demo.code.cut_off"_k;
    case DemoCodeKind::ticket_window_3: return "demo.code.ticket_window_3"_k;
    case DemoCodeKind::ticket_window_1: return "demo.code.ticket_window_1"_k;
    case DemoCodeKind::badge_tech: return "demo.code.badge_tech"_k;
    case DemoCodeKind::badge_admin: return "demo.code.badge_admin"_k;
    case DemoCodeKind::badge_expired: return "demo.code.badge_expired"_k;
    case DemoCodeKind::badge_other_hall: return "demo.code.badge_other_hall"_k;
    }
    return "demo.code.web_address"_k;
}

// A column of the panel, filled from the top.
struct Column {
    float x;
    float y;
    float w;
};

void heading(Painter& p, Column& c, MsgKey key)
{
    ImFont* f = p.font(FontRole::body);
    draw_text(p, f, ImVec2(c.x, c.y), p.theme.text_muted, p.t(key));
    c.y += f->FontSize * 1.3f;
    p.draw->AddLine(ImVec2(c.x, c.y), ImVec2(c.x + c.w, c.y), p.theme.border, p.u(2));
    c.y += p.u(kGapU);
}

// A row of equal buttons across the column; returns the index tapped, if any. Rows are as far
// apart as the buttons in a row: the sample codes' grid fills the landscape panel's code column.
template <typename Label, typename Id, typename Style>
std::optional<std::size_t> button_row(Painter& p, Column& c, std::size_t n, Label&& label, Id&& id, Style&& style)
{
    std::optional<std::size_t> tapped;
    const float gap = p.u(kGapU);
    const float bw = (c.w - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    for (std::size_t i = 0; i < n; ++i) {
        const float x = c.x + static_cast<float>(i) * (bw + gap);
        if (button(p, id(i), Rect{{x, c.y}, {x + bw, c.y + p.u(kButtonU)}}, label(i), style(i)))
            tapped = i;
    }
    c.y += p.u(kButtonU) + gap;
    return tapped;
}

void device_rows(Painter& p, Column& c, const DemoPanelView& v, std::vector<DemoAction>& out)
{
    heading(p, c, "demo.panel.devices"_k);
    ImFont* f = p.font(FontRole::body);
    const float line = f->FontSize * 1.3f;
    const float bw = p.u(200);
    for (DemoRole r : kDemoRoles) {
        const DemoDeviceRow& d = v.devices[static_cast<std::size_t>(r)];
        const float top = c.y;
        const float text_w = c.w - bw - p.u(kGapU);
        const ImVec2 name = draw_text(p, f, ImVec2(c.x, c.y), p.theme.text, p.t(role_key(r)));
        draw_text(p, f, ImVec2(c.x + name.x + p.u(24), c.y), device_state_colour(p.theme, d.state), p.t(device_state_key(d.state)));
        c.y += line;
        const std::string counters = p.tr.format(
            "demo.counters"_k, {{"transfers", std::to_string(d.transfers)},
                                {"errors", std::to_string(d.errors)},
                                {"reconnects", std::to_string(d.reconnects)},
                                {"pending", std::to_string(d.pending)}});
        c.y += draw_paragraph(p, f, ImVec2(c.x, c.y), text_w, p.theme.text_muted,
                              d.model.empty() ? counters : d.model + " · " + counters);
        if (!d.problem.empty())
            c.y += draw_paragraph(p, f, ImVec2(c.x, c.y), text_w, device_state_colour(p.theme, DemoDeviceState::fault),
                                  d.problem);
        const std::string id = "demo." + std::string(d.plugged ? "unplug." : "plug.") + std::string(role_id(r));
        const float by = top + (std::max(c.y - top, p.u(kButtonU)) - p.u(kButtonU)) * 0.5f;
        if (button(p, id, Rect{{c.x + c.w - bw, by}, {c.x + c.w, by + p.u(kButtonU)}},
                   p.t(d.plugged ? "demo.unplug"_k : "demo.plug"_k), ButtonStyle::secondary))
            out.push_back({d.plugged ? DemoAction::Kind::unplug : DemoAction::Kind::plug, r});
        c.y = std::max(c.y, top + p.u(kButtonU)) + p.u(kGapU) * 1.5f;
    }
    if (!v.unknown_devices.empty()) {
        std::string list;
        for (const std::string& d : v.unknown_devices)
            list += (list.empty() ? "" : ", ") + d;
        c.y += draw_paragraph(p, f, ImVec2(c.x, c.y), c.w, p.theme.text_muted,
                              p.tr.format("demo.unknown"_k, {{"devices", list}}));
        c.y += p.u(kGapU);
    }
}

void event_list(Painter& p, Column& c, const DemoPanelView& v, float bottom)
{
    ImFont* f = p.font(FontRole::body);
    // The portrait panel's column may be full already: then no list at all, not a heading
    // below the panel's edge.
    if (c.y + f->FontSize * 1.3f * 2 + p.u(kGapU) > bottom)
        return;
    heading(p, c, "demo.events.title"_k);
    if (v.events.empty()) {
        draw_text(p, f, ImVec2(c.x, c.y), p.theme.text_muted, p.t("demo.events.none"_k));
        return;
    }
    for (const DemoEvent& e : v.events) {
        const std::string text =
            e.state ? p.tr.format("demo.event.state"_k, {{"time", e.time},
                                                         {"device", p.t(role_key(e.role))},
                                                         {"state", p.t(device_state_key(*e.state))}})
                    : p.tr.format("demo.event.data"_k, {{"time", e.time},
                                                        {"device", p.t(role_key(e.role))},
                                                        {"bytes", std::to_string(e.bytes)},
                                                        {"preview", e.preview}});
        const float h = paragraph_height(p, f, c.w, text);
        if (c.y + h > bottom)
            break;
        c.y += draw_paragraph(p, f, ImVec2(c.x, c.y), c.w, p.theme.text, text) + p.u(6);
    }
}

// Buttons with a name or a code's kind on them: three to a row where the column is wide (the
// portrait panel's one column), else two.
std::size_t buttons_per_row(Painter& p, const Column& c)
{
    return c.w > p.u(900) ? 3 : 2;
}

void card_section(Painter& p, Column& c, const DemoPanelView& v, std::vector<DemoAction>& out)
{
    heading(p, c, "demo.card.title"_k);
    const std::size_t per_row = buttons_per_row(p, c);
    for (std::size_t first = 0; first < v.cards.size(); first += per_row) {
        const std::size_t n = std::min(per_row, v.cards.size() - first);
        const auto tapped = button_row(
            p, c, n, [&](std::size_t i) { return std::string_view(v.cards[first + i]); },
            [&](std::size_t i) { return "demo.card." + std::to_string(first + i); },
            [&](std::size_t i) { return v.card_on_reader == first + i ? ButtonStyle::primary : ButtonStyle::secondary; });
        if (tapped)
            out.push_back({DemoAction::Kind::place_card, DemoRole::idcard, first + *tapped});
    }
    const std::array<MsgKey, 2> actions{"demo.card.read"_k, "demo.card.take"_k};
    static constexpr std::array<std::string_view, 2> kActionIds{"demo.card.read", "demo.card.take"};
    const auto action = button_row(
        p, c, actions.size(), [&](std::size_t i) { return p.t(actions[i]); }, [](std::size_t i) { return kActionIds[i]; },
        [](std::size_t) { return ButtonStyle::secondary; });
    if (action)
        out.push_back({*action == 0 ? DemoAction::Kind::read_card : DemoAction::Kind::take_card, DemoRole::idcard});
    if (!v.card_read.empty())
        c.y += draw_paragraph(p, p.font(FontRole::body), ImVec2(c.x, c.y), c.w, p.theme.text_muted, v.card_read);
    c.y += p.u(kGapU);
}

// The sample codes from `from` to `to` (a staff badge of maintenance mode's past the residents').
void code_buttons(Painter& p, Column& c, const DemoPanelView& v, std::size_t from, std::size_t to,
                  std::vector<DemoAction>& out)
{
    const std::size_t per_row = buttons_per_row(p, c);
    to = std::min(to, v.codes.size());
    for (std::size_t first = from; first < to; first += per_row) {
        const std::size_t n = std::min(per_row, to - first);
        const auto tapped = button_row(
            p, c, n, [&](std::size_t i) { return p.t(code_key(v.codes[first + i])); },
            [&](std::size_t i) { return "demo.scan." + std::to_string(first + i); },
            [](std::size_t) { return ButtonStyle::secondary; });
        if (tapped)
            out.push_back({DemoAction::Kind::scan, DemoRole::scanner, first + *tapped});
    }
}

// Where the samples for maintenance mode's badge step begin (DemoCodeKind::badge_tech).
constexpr std::size_t kStaffCodesFrom = static_cast<std::size_t>(DemoCodeKind::badge_tech);

void staff_section(Painter& p, Column& c, const DemoPanelView& v, std::vector<DemoAction>& out)
{
    if (v.codes.size() <= kStaffCodesFrom)
        return;
    heading(p, c, "demo.staff.title"_k);
    code_buttons(p, c, v, kStaffCodesFrom, v.codes.size(), out);
}

// The sample codes up to `to` (the staff badges have a section of their own on a landscape panel;
// a portrait one has no room for another heading).
void scan_section(Painter& p, Column& c, const DemoPanelView& v, std::size_t to, std::vector<DemoAction>& out)
{
    heading(p, c, "demo.scan.title"_k);
    code_buttons(p, c, v, 0, to, out);
    if (v.camera) {
        const std::array<MsgKey, 1> camera{"demo.camera.show"_k};
        if (button_row(
                p, c, 1, [&](std::size_t) { return p.t(camera[0]); }, [](std::size_t) { return "demo.camera.show"; },
                [](std::size_t) { return ButtonStyle::secondary; }))
            out.push_back({DemoAction::Kind::show_to_camera, DemoRole::scanner, 0});
    }
    if (!v.last_scan.empty())
        c.y += draw_paragraph(p, p.font(FontRole::body), ImVec2(c.x, c.y), c.w, p.theme.text_muted, v.last_scan);
    c.y += p.u(kGapU) * 0.5f;
}

void printer_section(Painter& p, Column& c, const DemoPanelView& v, std::vector<DemoAction>& out)
{
    heading(p, c, "demo.printer.title"_k);
    // The cover, then the two print buttons, on one row.
    const std::array<MsgKey, 3> actions{v.cover_open ? "demo.cover.close"_k : "demo.cover.open"_k, "demo.print.sample"_k,
                                        "demo.print.test"_k};
    static constexpr std::array<std::string_view, 3> kActionIds{"demo.cover", "demo.print.sample", "demo.print.test"};
    static constexpr std::array kActions{DemoAction::Kind::open_cover, DemoAction::Kind::print_sample,
                                         DemoAction::Kind::print_test};
    const auto action = button_row(
        p, c, actions.size(), [&](std::size_t i) { return p.t(actions[i]); },
        [](std::size_t i) { return kActionIds[i]; },
        [&](std::size_t i) { return i == 0 && v.cover_open ? ButtonStyle::primary : ButtonStyle::secondary; });
    if (action)
        out.push_back({*action == 0 && v.cover_open ? DemoAction::Kind::close_cover : kActions[*action],
                       DemoRole::printer});
    static constexpr std::array kPapers{DemoPaper::ok, DemoPaper::near_end, DemoPaper::out};
    static constexpr std::array<std::string_view, 3> kPaperIds{"demo.paper.ok", "demo.paper.near_end",
                                                               "demo.paper.out"};
    const std::array<MsgKey, 3> labels{"demo.paper.ok"_k, "demo.paper.near_end"_k, "demo.paper.out"_k};
    const auto tapped = button_row(
        p, c, kPapers.size(), [&](std::size_t i) { return p.t(labels[i]); },
        [](std::size_t i) { return kPaperIds[i]; },
        [&](std::size_t i) { return v.paper == kPapers[i] ? ButtonStyle::primary : ButtonStyle::secondary; });
    if (tapped)
        out.push_back({DemoAction::Kind::paper, DemoRole::printer, 0, kPapers[*tapped]});
    ImFont* f = p.font(FontRole::body);
    std::string said = v.receipts == 0 ? std::string(p.t("demo.receipts.none"_k))
                                       : p.tr.format("demo.receipts.count"_k, {{"count", std::to_string(v.receipts)}});
    if (v.queued > 0)
        said += " " + p.tr.format("demo.receipts.queued"_k, {{"count", std::to_string(v.queued)}});
    c.y += draw_paragraph(p, f, ImVec2(c.x, c.y), c.w, p.theme.text_muted, said);
}

} // namespace

MsgKey device_state_key(DemoDeviceState s)
{
    switch (s) {
    case DemoDeviceState::absent: return "device.state.absent"_k;
    case DemoDeviceState::opening: return "device.state.opening"_k;
    case DemoDeviceState::ready: return "device.state.ready"_k;
    case DemoDeviceState::busy: return "device.state.busy"_k;
    case DemoDeviceState::fault: return "device.state.fault"_k;
    }
    return "device.state.absent"_k;
}

// Colours that read on the panel's surface in both themes: the state's word is also written,
// so colour is never the only sign.
ImU32 device_state_colour(const Theme& t, DemoDeviceState s)
{
    if (t.high_contrast)
        return s == DemoDeviceState::fault ? IM_COL32(0xFF, 0x60, 0x60, 0xFF) : t.text;
    switch (s) {
    case DemoDeviceState::ready: return IM_COL32(0x1B, 0x7A, 0x2E, 0xFF);
    case DemoDeviceState::busy: return IM_COL32(0x0D, 0x5C, 0xA8, 0xFF);
    case DemoDeviceState::opening: return IM_COL32(0x9A, 0x5B, 0x00, 0xFF);
    case DemoDeviceState::fault: return IM_COL32(0xB0, 0x1C, 0x1C, 0xFF);
    case DemoDeviceState::absent: return t.text_muted;
    }
    return t.text;
}

std::vector<DemoAction> draw_demo_panel(Painter& p, const DemoPanelView& v)
{
    std::vector<DemoAction> out;
    if (!v.open) {
        // The badge (drawn with the frame) opens the panel: a window of its own size, in front,
        // so that it takes only the taps on it.
        const Rect r = demo_badge_rect(p);
        ImGui::SetNextWindowPos(r.min);
        ImGui::SetNextWindowSize(ImVec2(r.width(), r.height()));
        ImGui::Begin("##demo_badge", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
        ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
        if (tap_area(p, "demo.open", r))
            out.push_back({DemoAction::Kind::open});
        ImGui::End();
        return out;
    }

    begin_layer("##demo_panel", p.m, true);
    p.draw = ImGui::GetWindowDrawList();
    const float margin = p.u(24);
    const Rect panel{{margin, margin}, {p.m.width - margin, p.m.height - margin}};
    p.draw->AddRectFilled(ImVec2(0, 0), ImVec2(p.m.width, p.m.height), p.theme.scrim);
    fill_rect(p.draw, panel.min, panel.max, p.theme.surface, p.u(p.theme.rounding));
    p.draw->AddRect(panel.min, panel.max, p.theme.border, p.u(p.theme.rounding), 0, p.u(p.theme.border_px));

    const float pad = p.u(kPadU);
    ImFont* title = p.font(FontRole::title);
    draw_text(p, title, ImVec2(panel.min.x + pad, panel.min.y + pad), p.theme.text, p.t("demo.panel.title"_k));
    const float close_w = p.u(220);
    if (button(p, "demo.close",
               Rect{{panel.max.x - pad - close_w, panel.min.y + pad},
                    {panel.max.x - pad, panel.min.y + pad + p.u(kButtonU)}},
               p.t("demo.panel.close"_k), ButtonStyle::primary))
        out.push_back({DemoAction::Kind::close});

    const float top = panel.min.y + pad + p.u(kButtonU) + p.u(kGapU) * 2;
    const float inner_w = panel.width() - 2 * pad;
    if (p.m.portrait()) {
        Column c{panel.min.x + pad, top, inner_w};
        device_rows(p, c, v, out);
        card_section(p, c, v, out);
        scan_section(p, c, v, v.codes.size(), out);
        printer_section(p, c, v, out);
        c.y += p.u(kGapU) * 2;
        event_list(p, c, v, panel.max.y - pad);
    } else {
        // Three columns: the devices and what they said; cards and the printer; the codes.
        const float gutter = p.u(40);
        const float col_w = (inner_w - 2 * gutter) / 3.0f;
        Column left{panel.min.x + pad, top, col_w};
        Column middle{left.x + col_w + gutter, top, col_w};
        Column right{middle.x + col_w + gutter, top, col_w};
        device_rows(p, left, v, out);
        left.y += p.u(kGapU);
        event_list(p, left, v, panel.max.y - pad);
        card_section(p, middle, v, out);
        printer_section(p, middle, v, out);
        staff_section(p, middle, v, out);
        scan_section(p, right, v, kStaffCodesFrom, out);
    }
    // Taps beside the buttons land on the panel and go nowhere. Submitted last: among
    // overlapping items ImGui gives the touch to the first one.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    ImGui::InvisibleButton("##demo_block", ImVec2(p.m.width, p.m.height));
    ImGui::End();
    return out;
}

} // namespace hk::ui
