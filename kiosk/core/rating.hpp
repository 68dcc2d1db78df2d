// Rating the service (好差评, ScreenKind::rate): what is rated, the level, and for the two lowest
// levels the reasons, a few words and a call-back; then an optional short questionnaire. The
// record is made by the app (docs/protocol.md, "Ratings"); every answer of the central side comes
// back as an intent. Wiped when the session ends. Pure.
#pragma once

#include "personal.hpp"
#include "request_draft.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hk {

// What a rating is about (docs/protocol.md, "What can be rated").
enum class RateKind {
    visit,   // this visit to the hall
    window,  // a service window (and the staff member at it), from a ticket or by its number
    request, // a request the resident filed (from the follow-up flow)
    booking, // a venue use, from the booking pass
};
std::string_view rate_kind_name(RateKind kind);

enum class RateStep {
    subject,  // what to rate
    window,   // which window: scan the queue ticket, or tap the window's number
    pass,     // a venue use: scan the booking pass
    id_card,  // a window rated by number that is not rated anonymously: the ID card
    checking, // asking the central side whether it is rated already
    already,  // it is: thanks all the same
    refused,  // it cannot be rated (RateRefusal says why)
    level,    // five levels
    reasons,  // levels 1 and 2: what went wrong (at least one)
    text,     // levels 1 and 2: a few words, if the resident wants
    callback, // levels 1 and 2: a call back?
    phone,    // the number to call, and the consent
    done,     // kept: thanks; a questionnaire may follow
    question, // the questionnaire, a question at a time
    finished, // the questionnaire's answers kept: thanks
};

enum class RateRefusal {
    unknown,      // no such request, window or booking
    not_rateable, // a request before it is resolved, a booking before its start or long over
    invalid,      // a ticket or pass that does not verify
    other_hall,   // a ticket of another hall
};

inline constexpr std::size_t kMaxRateReasons = 8;
inline constexpr std::size_t kMaxRateTextChars = 300;

struct RateSubject {
    RateKind kind = RateKind::visit;
    std::string window; // window: the windows catalogue's id
    std::string ticket; // window from a ticket: the token's text
    std::string staff;  // window from a ticket: the staff member's id, if the ticket names one
    bool anonymous = true; // window by number: rated without the ID card
    std::string tracking, check; // request
    std::string pass;            // booking: the pass token's text
    std::string booking;         // booking: the pass's booking reference
    bool operator==(const RateSubject&) const = default;

    static RateSubject of(RateKind kind)
    {
        RateSubject s;
        s.kind = kind;
        return s;
    }
    static RateSubject window_by_number(std::string id, bool anonymous)
    {
        RateSubject s = of(RateKind::window);
        s.window = std::move(id);
        s.anonymous = anonymous;
        return s;
    }
    static RateSubject window_ticket(std::string id, std::string ticket, std::string staff)
    {
        RateSubject s = of(RateKind::window);
        s.window = std::move(id);
        s.ticket = std::move(ticket);
        s.staff = std::move(staff);
        return s;
    }
    static RateSubject request(std::string tracking, std::string check)
    {
        RateSubject s = of(RateKind::request);
        s.tracking = std::move(tracking);
        s.check = std::move(check);
        return s;
    }
    static RateSubject booking_pass(std::string pass, std::string booking)
    {
        RateSubject s = of(RateKind::booking);
        s.pass = std::move(pass);
        s.booking = std::move(booking);
        return s;
    }
};

// A questionnaire question's answer as the resident gives it; what the question's kind takes.
struct QuestionAnswer {
    std::string question;
    std::string choice;               // single
    std::vector<std::string> choices; // multiple
    int value = 0;                    // scale, 1 to 5
    std::string text;                 // text
    bool operator==(const QuestionAnswer&) const = default;
    bool empty() const { return choice.empty() && choices.empty() && value == 0 && text.empty(); }
};

struct RateState {
    RateStep step = RateStep::subject;
    RateSubject subject;
    // Came with its subject (from the follow-up flow or a scanned ticket or pass): back leaves.
    bool subject_given = false;
    Personal name{Personal::Kind::name, ""};
    Personal id_number{Personal::Kind::id_number, ""};
    bool unchecked = false; // the central side did not answer the check: rated all the same
    RateRefusal refusal = RateRefusal::unknown;
    int level = 0;
    std::vector<std::string> reasons; // ids of the rating_reasons catalogue, in the order tapped
    std::string text;
    bool callback = false;
    Personal phone{Personal::Kind::phone, ""};
    bool consent = false;
    bool send_failed = false; // the record could not be kept: say so, keep the screen
    // The questionnaire offered after the rating, if any, and its answers so far.
    std::string questionnaire;
    std::size_t questions = 0; // how many it has
    std::size_t question = 0;  // the one on screen
    std::vector<QuestionAnswer> answers;

    void wipe();
    bool low() const { return level >= 1 && level <= 2; }
    // The answer given so far to question `id`, or null.
    const QuestionAnswer* answer(std::string_view id) const;
};

} // namespace hk
