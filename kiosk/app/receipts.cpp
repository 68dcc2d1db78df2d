// The kiosk's receipts (see receipts.hpp).
#include "receipts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <ctime>

namespace hk::app {
namespace {

using printer::Receipt;

constexpr std::array kLevels{"receipt.rating.1"_k, "receipt.rating.2"_k, "receipt.rating.3"_k, "receipt.rating.4"_k,
                             "receipt.rating.5"_k};

// The space between blocks, in dots.
constexpr int kGap = 12;

// The top every receipt shares: the reprint mark when there is one, and the title.
Receipt begin(MsgKey title, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r;
    r.glyphs = lang == Lang::zh_Hant ? printer::Glyphs::traditional : printer::Glyphs::simplified;
    if (reprint) {
        r.text(fmt::format("*** {} ***", tr.tr_in(lang, "receipt.reprint"_k)), true, true, escpos::Align::center);
        r.text(std::string(tr.tr_in(lang, "receipt.reprint.why"_k)), false, false, escpos::Align::center);
        r.space(kGap);
    }
    r.title(std::string(tr.tr_in(lang, title)));
    r.rule();
    return r;
}

std::string label(const Translator& tr, Lang lang, MsgKey key) { return std::string(tr.tr_in(lang, key)); }

} // namespace

std::string format_time(const ReceiptTime& t, const Translator& tr, Lang lang)
{
    return format_date_time(tr, lang, t.year, t.month, t.day, t.hour, t.minute);
}

Receipt request_receipt(const RequestFiled& q, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r = begin("receipt.request.title"_k, tr, lang, reprint);
    r.text(label(tr, lang, "receipt.request.number"_k), false, false, escpos::Align::center);
    r.text(q.tracking_number, true, true, escpos::Align::center);
    r.text(label(tr, lang, "receipt.request.check"_k), false, false, escpos::Align::center);
    r.text(q.check_code, true, true, escpos::Align::center);
    r.space(kGap);
    r.field(label(tr, lang, "receipt.request.category"_k), q.category);
    r.field(label(tr, lang, "receipt.hall"_k), q.hall);
    r.field(label(tr, lang, "receipt.filed_at"_k), format_time(q.filed_at, tr, lang));
    r.field(label(tr, lang, "receipt.request.reply_by"_k), format_time(q.reply_by, tr, lang));
    if (q.named) {
        r.field(label(tr, lang, "receipt.name"_k), q.name.masked());
        r.field(label(tr, lang, "receipt.id_number"_k), q.id_number.masked());
    } else {
        r.field(label(tr, lang, "receipt.request.filed_by"_k), label(tr, lang, "receipt.request.anonymous"_k));
    }
    r.rule();
    r.text(label(tr, lang, q.named ? "receipt.request.next"_k : "receipt.request.next_anonymous"_k));
    r.space(kGap);
    r.qr(q.token, 6);
    r.text(label(tr, lang, "receipt.keep"_k), false, false, escpos::Align::center);
    return r;
}

Receipt booking_receipt(const BookingPass& b, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r = begin("receipt.booking.title"_k, tr, lang, reprint);
    r.text(b.venue, true, true, escpos::Align::center);
    r.text(b.date + "  " + b.slot, false, true, escpos::Align::center);
    r.space(kGap);
    r.field(label(tr, lang, "receipt.booking.number"_k), b.booking_number);
    r.field(label(tr, lang, "receipt.name"_k), b.name.masked());
    if (b.group_size > 0)
        r.field(label(tr, lang, "receipt.booking.group"_k), std::to_string(b.group_size));
    if (!b.hall.empty())
        r.field(label(tr, lang, "receipt.hall"_k), b.hall);
    if (b.cancel_until)
        r.field(label(tr, lang, "receipt.booking.cancel_until"_k), format_time(*b.cancel_until, tr, lang));
    r.space(kGap);
    r.qr(b.token, 7);
    r.rule();
    r.text(label(tr, lang, "receipt.booking.next"_k));
    return r;
}

Receipt signup_receipt(const SignupSlip& s, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r = begin("receipt.signup.title"_k, tr, lang, reprint);
    r.text(s.title, true, true, escpos::Align::center);
    r.text(s.when, false, true, escpos::Align::center);
    r.space(kGap);
    r.field(label(tr, lang, "receipt.signup.where"_k), s.where);
    r.field(label(tr, lang, "receipt.signup.number"_k), s.signup);
    r.field(label(tr, lang, "receipt.name"_k), s.name.masked());
    const std::string state =
        s.waiting ? tr.format_in(lang, "receipt.signup.waiting"_k, {{"n", s.position ? std::to_string(*s.position) : "-"}})
                  : std::string(label(tr, lang, "receipt.signup.confirmed"_k));
    r.field(label(tr, lang, "receipt.signup.state"_k), state, true);
    if (!s.hall.empty())
        r.field(label(tr, lang, "receipt.hall"_k), s.hall);
    r.rule();
    r.text(label(tr, lang, s.waiting ? "receipt.signup.next_waiting"_k : "receipt.signup.next"_k));
    return r;
}

Receipt rating_receipt(const RatingThanks& t, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r = begin("receipt.rating.title"_k, tr, lang, reprint);
    r.field(label(tr, lang, "receipt.rating.service"_k), t.service);
    const int level = std::clamp(t.level, 1, 5);
    r.field(label(tr, lang, "receipt.rating.level"_k), label(tr, lang, kLevels[static_cast<std::size_t>(level - 1)]),
            true);
    r.field(label(tr, lang, "receipt.hall"_k), t.hall);
    r.field(label(tr, lang, "receipt.rated_at"_k), format_time(t.rated_at, tr, lang));
    r.rule();
    r.text(label(tr, lang, "receipt.rating.next"_k));
    return r;
}

Receipt contact_card_receipt(const ContactCard& c, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r = begin("receipt.card.title"_k, tr, lang, reprint);
    r.text(c.team, true, true, escpos::Align::center);
    r.space(kGap);
    r.field(label(tr, lang, "receipt.card.place"_k), c.community + " " + c.grid);
    r.field(label(tr, lang, "receipt.card.leader"_k), c.leader);
    r.field(label(tr, lang, "receipt.card.phone"_k), c.phone, true);
    r.field(label(tr, lang, "receipt.card.where"_k), c.where);
    r.field(label(tr, lang, "receipt.card.hours"_k), c.hours);
    r.rule();
    r.field(label(tr, lang, "receipt.hall"_k), c.hall);
    r.field(label(tr, lang, "receipt.card.printed_on"_k),
            format_date(tr, lang, c.printed_at.year, c.printed_at.month, c.printed_at.day));
    r.rule();
    r.text(label(tr, lang, "receipt.card.next"_k));
    return r;
}

Receipt test_page(const TestPage& t, const Translator& tr, Lang lang, bool reprint)
{
    Receipt r = begin("receipt.test.title"_k, tr, lang, reprint);
    r.field(label(tr, lang, "receipt.test.model"_k), t.model);
    r.field(label(tr, lang, "receipt.test.paper"_k),
            fmt::format("{} mm / {} dots", t.profile.width_dots > 384 ? 80 : 58, t.profile.width_dots));
    r.field(label(tr, lang, "receipt.test.text"_k), std::string(printer::text_mode_name(t.profile.text)));
    r.field(label(tr, lang, "receipt.test.qr"_k), t.profile.native_qr ? "native" : "raster");
    r.field(label(tr, lang, "receipt.test.counters"_k),
            fmt::format("{} / {} / {}", t.transfers, t.errors, t.reconnects));
    r.field(label(tr, lang, "receipt.test.kiosk"_k), t.kiosk);
    r.field(label(tr, lang, "receipt.test.time"_k), format_time(t.printed_at, tr, lang));
    r.text(label(tr, lang, "receipt.test.device_id"_k));
    r.text(t.device_id);
    r.rule();
    // What a staff member checks by eye: both scripts, both sizes, bold, a QR code and a barcode
    // a scanner reads, and the dashed rule above reaching both edges of the paper.
    r.text("简体 繁體 English 0123456789");
    r.text("简体 繁體 English", true, true);
    r.qr("HALLKIOSK TEST " + t.model, 4);
    r.barcode("HK-TEST-0123");
    return r;
}

ReceiptTime receipt_time(std::int64_t unix)
{
    const auto tt = static_cast<std::time_t>(unix);
    std::tm tm{};
    localtime_r(&tt, &tm);
    return ReceiptTime{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min};
}

} // namespace hk::app
