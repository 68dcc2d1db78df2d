// The receipts the kiosk prints, as layouts in the session's language: a filed request, a
// booking pass, a rating's thank-you, a volunteer team's contact card and the staff's printer
// test page. Names and ID numbers
// are printed masked. A receipt printed again after an interruption says so at the top.
#pragma once

#include "i18n.hpp"
#include "personal.hpp"
#include "receipt.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace hk::app {

// A wall-clock time as the hall reads it (local time).
struct ReceiptTime {
    int year = 2026, month = 1, day = 1, hour = 0, minute = 0;
};

struct RequestFiled {
    std::string tracking_number; // as printed: grouped digits (codes::group_tracking_number)
    std::string check_code;      // 6 digits
    std::string category;        // in the session's language
    std::string hall;
    ReceiptTime filed_at;
    ReceiptTime reply_by; // when a first response is due (the category's response time)
    bool named = false;   // anonymous requests print no name
    Personal name;
    Personal id_number;
    std::string token; // in the QR code: HKT1.<number>.<check>
};

struct BookingPass {
    std::string booking_number;
    std::string venue;
    std::string date; // as the catalogue words it in the session's language
    std::string slot; // e.g. 14:00–16:00
    Personal name;
    std::string token; // the signed pass, in the QR code
    int group_size = 0;            // 0: not printed
    std::string hall;              // where to check in ("" not printed)
    std::optional<ReceiptTime> cancel_until; // the cancellation deadline
};

// An activity sign-up: a place, or a place on the waiting list.
struct SignupSlip {
    std::string signup;  // the sign-up's number
    std::string title;   // the activity's, in the session's language
    std::string when;    // date and time, as the kiosk writes them
    std::string where;   // the venue or the community
    Personal name;
    bool waiting = false;
    std::optional<int> position; // on the waiting list
    std::string hall;
};

struct RatingThanks {
    std::string service;
    int level = 5; // 5 very satisfied … 1 very dissatisfied
    std::string hall;
    ReceiptTime rated_at;
};

// A grid's volunteer team, as the resident takes it home: whom to call, where and when. The
// leader's name and the phone are the team's public contact, printed as the catalogue has them.
struct ContactCard {
    std::string team;      // the team's name, in the session's language
    std::string community; // the community's and the grid's names
    std::string grid;
    std::string leader;
    std::string phone;
    std::string where;
    std::string hours;
    std::string hall;
    ReceiptTime printed_at;
};

struct TestPage {
    std::string model;
    std::string device_id; // the IEEE 1284 id, or why there is none
    printer::PrintProfile profile;
    std::uint64_t transfers = 0, errors = 0, reconnects = 0;
    std::string kiosk; // hall id
    ReceiptTime printed_at;
};

// Each in `lang`; `reprint` adds the reprint mark.
printer::Receipt request_receipt(const RequestFiled& r, const Translator& tr, Lang lang, bool reprint);
printer::Receipt booking_receipt(const BookingPass& b, const Translator& tr, Lang lang, bool reprint);
printer::Receipt signup_receipt(const SignupSlip& s, const Translator& tr, Lang lang, bool reprint);
printer::Receipt rating_receipt(const RatingThanks& r, const Translator& tr, Lang lang, bool reprint);
printer::Receipt contact_card_receipt(const ContactCard& c, const Translator& tr, Lang lang, bool reprint);
printer::Receipt test_page(const TestPage& t, const Translator& tr, Lang lang, bool reprint);

// The hall's local time at `unix` seconds.
ReceiptTime receipt_time(std::int64_t unix);
std::string format_time(const ReceiptTime& t, const Translator& tr, Lang lang);

} // namespace hk::app
