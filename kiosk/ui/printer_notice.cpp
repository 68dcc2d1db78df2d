// The notice a resident sees while their receipt waits for the printer (see screens.hpp). It
// does not block the screen: the resident may go on, and the receipt prints when it can.
#include "screens.hpp"

#include "icons.hpp"

namespace hk::ui {

void draw_printer_notice(Painter& p, const FrameInput& in, float bottom)
{
    MsgKey key = "printer.notice.fault"_k;
    switch (in.printer) {
    case PrinterNotice::paper_out: key = "printer.notice.paper_out"_k; break;
    case PrinterNotice::cover_open: key = "printer.notice.cover_open"_k; break;
    case PrinterNotice::absent: key = "printer.notice.absent"_k; break;
    case PrinterNotice::fault:
    case PrinterNotice::none: break;
    }
    const std::string text = p.tr.format(key, {{"help_desk", in.help_desk.in(p.lang)}});
    ImFont* body = p.font(FontRole::body);
    const float pad = p.u(24);
    const float icon = p.u(64);
    const float text_w = p.m.width - 3 * pad - icon - p.u(80);
    const float h = std::max(icon, paragraph_height(p, body, text_w, text)) + 2 * pad;
    const Rect band{{p.u(40), bottom - h - p.u(16)}, {p.m.width - p.u(40), bottom - p.u(16)}};
    fill_rect(p.draw, band.min, band.max, p.theme.notice, p.u(p.theme.rounding));
    draw_icon(p.draw, Icon::printer, ImVec2(band.min.x + pad + icon * 0.5f, band.center().y), icon, p.theme.notice_text);
    draw_paragraph(p, body, ImVec2(band.min.x + 2 * pad + icon, band.min.y + pad), text_w, p.theme.notice_text, text);
}

} // namespace hk::ui
