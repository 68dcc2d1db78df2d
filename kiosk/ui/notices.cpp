// The bands a resident sees above the bottom of the screen (see screens.hpp): why a receipt
// waits for the printer, and what was wrong with a code just scanned. They do not block the
// screen: the resident may go on.
#include "screens.hpp"

#include "icons.hpp"

namespace hk::ui {
namespace {

// One band: an icon and a paragraph, standing on `bottom`. Returns the band's top.
float draw_notice_band(Painter& p, Icon icon, const std::string& text, float bottom)
{
    ImFont* body = p.font(FontRole::body);
    const float pad = p.u(24);
    const float icon_size = p.u(64);
    const float text_w = p.m.width - 3 * pad - icon_size - p.u(80);
    const float h = std::max(icon_size, paragraph_height(p, body, text_w, text)) + 2 * pad;
    const Rect band{{p.u(40), bottom - h - p.u(16)}, {p.m.width - p.u(40), bottom - p.u(16)}};
    fill_rect(p.draw, band.min, band.max, p.theme.notice, p.u(p.theme.rounding));
    draw_icon(p.draw, icon, ImVec2(band.min.x + pad + icon_size * 0.5f, band.center().y), icon_size,
              p.theme.notice_text);
    draw_paragraph(p, body, ImVec2(band.min.x + 2 * pad + icon_size, band.min.y + pad), text_w, p.theme.notice_text,
                   text);
    return band.min.y;
}

MsgKey printer_key(PrinterNotice n)
{
    switch (n) {
    case PrinterNotice::paper_out: return "printer.notice.paper_out"_k;
    case PrinterNotice::cover_open: return "printer.notice.cover_open"_k;
    case PrinterNotice::absent: return "printer.notice.absent"_k;
    case PrinterNotice::fault:
    case PrinterNotice::none: break;
    }
    return "printer.notice.fault"_k;
}

MsgKey scan_key(ScanNotice n)
{
    switch (n) {
    case ScanNotice::scan_again: return "scan.notice.scan_again"_k;
    case ScanNotice::expired: return "scan.notice.expired"_k;
    case ScanNotice::not_yet_valid: return "scan.notice.not_yet_valid"_k;
    case ScanNotice::other_hall: return "scan.notice.other_hall"_k;
    case ScanNotice::already_used: return "scan.notice.already_used"_k;
    case ScanNotice::checked_in: return "scan.notice.checked_in"_k;
    case ScanNotice::checkin_not_kept: return "scan.notice.checkin_not_kept"_k;
    case ScanNotice::not_for_kiosk:
    case ScanNotice::none: break;
    }
    return "scan.notice.not_for_kiosk"_k;
}

} // namespace

float draw_notices(Painter& p, const FrameInput& in, float bottom)
{
    const std::string help_desk(in.help_desk.in(p.lang));
    if (in.printer != PrinterNotice::none)
        bottom = draw_notice_band(p, Icon::printer, p.tr.format(printer_key(in.printer), {{"help_desk", help_desk}}),
                                  bottom) + p.u(16);
    if (in.scan != ScanNotice::none)
        bottom = draw_notice_band(p, in.scan == ScanNotice::checked_in ? Icon::check : Icon::qr_code,
                                  p.tr.format(scan_key(in.scan), {{"help_desk", help_desk},
                                                                  {"ref", in.checkin.ref},
                                                                  {"until", in.checkin.until}}),
                                  bottom) + p.u(16);
    return bottom;
}

float draw_uplink_status(Painter& p, const FrameInput& in, float right, float centre_y, ImU32 text_colour)
{
    const UplinkStatus& u = in.uplink;
    std::string text;
    if (!u.accepting)
        text = std::string(p.t("uplink.not_accepting"_k));
    else if (u.waiting > 0)
        text = p.tr.format(u.offline ? "uplink.offline_waiting"_k : "uplink.sending"_k,
                           {{"count", std::to_string(u.waiting)}});
    else
        return right; // offline with nothing waiting is the central side's business, not a resident's
    ImFont* f = p.font(FontRole::body);
    const ImVec2 ts = text_size(f, text);
    const float pad = p.u(14);
    const Rect pill{{right - ts.x - 2 * pad, centre_y - ts.y * 0.5f - p.u(6)}, {right, centre_y + ts.y * 0.5f + p.u(6)}};
    p.draw->AddRect(pill.min, pill.max, text_colour, pill.height() * 0.5f, 0, p.u(2));
    draw_text(p, f, ImVec2(pill.min.x + pad, centre_y - ts.y * 0.5f), text_colour, text);
    return pill.min.x;
}

} // namespace hk::ui
