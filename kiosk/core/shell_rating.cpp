// The shell's rating flow (see shell.hpp, rating.hpp): what each intent does at each step. The
// app sends the rating and the questionnaire's answers, and answers RateDone and AnswersDone.
#include "shell.hpp"

#include <algorithm>

namespace hk {

std::string_view rate_kind_name(RateKind kind)
{
    switch (kind) {
    case RateKind::visit: return "visit";
    case RateKind::window: return "window";
    case RateKind::request: return "request";
    case RateKind::booking: return "booking";
    }
    return "visit";
}

void RateState::wipe()
{
    step = RateStep::subject;
    subject = RateSubject{};
    subject_given = false;
    name.wipe();
    id_number.wipe();
    unchecked = false;
    refusal = RateRefusal::unknown;
    level = 0;
    reasons.clear();
    text.assign(text.size(), '\0');
    text.clear();
    callback = false;
    phone.wipe();
    consent = false;
    send_failed = false;
    questionnaire.clear();
    questions = 0;
    question = 0;
    for (QuestionAnswer& a : answers)
        a.text.assign(a.text.size(), '\0');
    answers.clear();
}

const QuestionAnswer* RateState::answer(std::string_view id) const
{
    const auto it = std::ranges::find(answers, id, &QuestionAnswer::question);
    return it == answers.end() ? nullptr : &*it;
}

void Shell::open_rate(RateSubject subject, RateStep step)
{
    rate_.wipe();
    list_page_ = 0;
    rate_.subject = std::move(subject);
    rate_.step = step;
    if (screen().kind != ScreenKind::rate)
        stack_.push_back(Screen{ScreenKind::rate, ServiceId::rate_service});
}

bool Shell::rate_back()
{
    RateState& r = rate_;
    const auto leave = [&] {
        r.wipe();
        stack_.pop_back();
        return true;
    };
    const auto to_subject = [&] {
        if (r.subject_given)
            return leave();
        r.wipe();
        return true;
    };
    switch (r.step) {
    case RateStep::subject:
    case RateStep::done:
    case RateStep::finished: return leave();
    case RateStep::window:
    case RateStep::pass:
    case RateStep::already:
    case RateStep::refused: return to_subject();
    case RateStep::id_card:
    case RateStep::checking:
        if (r.subject.kind == RateKind::window && !r.subject_given) {
            r.name.wipe();
            r.id_number.wipe();
            r.step = RateStep::window;
            return true;
        }
        return to_subject();
    case RateStep::level:
        if (r.subject.kind == RateKind::window && !r.subject_given) {
            r.name.wipe();
            r.id_number.wipe();
            r.step = RateStep::window;
            return true;
        }
        if (r.subject.kind == RateKind::booking && !r.subject_given) {
            r.step = RateStep::pass;
            return true;
        }
        return to_subject();
    case RateStep::reasons:
        if (r.subject.kind == RateKind::request && r.subject_given)
            return leave(); // back to the follow-up flow's levels
        r.step = RateStep::level;
        r.reasons.clear();
        r.send_failed = false;
        return true;
    case RateStep::text: r.step = RateStep::reasons; return true;
    case RateStep::callback: r.step = RateStep::text; r.send_failed = false; return true;
    case RateStep::phone:
        r.step = RateStep::callback;
        r.phone.wipe();
        r.send_failed = false;
        return true;
    case RateStep::question:
        if (r.question == 0)
            r.step = RateStep::done;
        else
            --r.question;
        r.send_failed = false;
        return true;
    }
    return false;
}

bool Shell::rate_intent(const Intent& in)
{
    RateState& r = rate_;
    if (const auto* w = std::get_if<intent::RateWhat>(&in)) {
        if (r.step != RateStep::subject || w->kind == RateKind::request)
            return false; // a request is rated from the follow-up flow, which knows its state
        r.subject = RateSubject::of(w->kind);
        switch (w->kind) {
        case RateKind::visit: r.step = visit_rated_ ? RateStep::already : RateStep::level; break;
        case RateKind::window: r.step = RateStep::window; break;
        case RateKind::booking: r.step = RateStep::pass; break;
        case RateKind::request: break;
        }
        return true;
    }
    if (const auto* w = std::get_if<intent::RateWindow>(&in)) {
        if (r.step != RateStep::window || w->id.empty())
            return false;
        r.subject = RateSubject::window_by_number(w->id, w->anonymous);
        if (!w->anonymous)
            r.step = RateStep::id_card;
        else
            r.step = std::ranges::find(windows_rated_, w->id) != windows_rated_.end() ? RateStep::already
                                                                                       : RateStep::level;
        return true;
    }
    if (const auto* c = std::get_if<intent::CardRead>(&in)) {
        if (r.step != RateStep::id_card || c->name.empty() || c->id_number.empty())
            return false;
        r.name = c->name;
        r.id_number = c->id_number;
        r.step = RateStep::checking;
        return true;
    }
    if (const auto* p = std::get_if<intent::RatePass>(&in)) {
        if (r.step != RateStep::pass || p->pass.empty() || p->booking.empty())
            return false;
        r.subject = RateSubject::booking_pass(p->pass, p->booking);
        r.step = RateStep::checking;
        return true;
    }
    if (const auto* c = std::get_if<intent::RateChecked>(&in)) {
        if (r.step != RateStep::checking)
            return false; // the resident went back before the answer came
        r.unchecked = !c->answered;
        r.step = c->rated ? RateStep::already : RateStep::level;
        return true;
    }
    if (const auto* f = std::get_if<intent::RateRefused>(&in)) {
        if (r.step != RateStep::checking && r.step != RateStep::pass && r.step != RateStep::window)
            return false;
        r.refusal = f->why;
        r.step = RateStep::refused;
        return true;
    }
    if (const auto* l = std::get_if<intent::RateLevel>(&in)) {
        if (r.step != RateStep::level || l->level < 1 || l->level > 5)
            return false;
        r.level = l->level;
        r.send_failed = false;
        if (r.low())
            r.step = RateStep::reasons;
        return true; // 3 to 5: the app sends it and answers RateDone
    }
    if (const auto* reason = std::get_if<intent::RateReason>(&in)) {
        if (r.step != RateStep::reasons || reason->id.empty())
            return false;
        if (const auto it = std::ranges::find(r.reasons, reason->id); it != r.reasons.end())
            r.reasons.erase(it);
        else if (r.reasons.size() < kMaxRateReasons)
            r.reasons.push_back(reason->id);
        else
            return false;
        return true;
    }
    if (const auto* d = std::get_if<intent::Describe>(&in)) {
        if (r.step != RateStep::text)
            return false;
        r.text.assign(r.text.size(), '\0');
        r.text = d->text;
        return true;
    }
    if (std::holds_alternative<intent::NextStep>(in)) {
        switch (r.step) {
        case RateStep::reasons:
            // At least one reason where the catalogue offers some: the screen's "next" says so
            // (the shell does not know the catalogue; without it the words must do).
            r.step = RateStep::text;
            return true;
        case RateStep::text: r.step = RateStep::callback; return true;
        case RateStep::question:
            if (r.question + 1 >= r.questions)
                return false; // the last question's button sends (SendAnswers)
            ++r.question;
            return true;
        default: return false;
        }
    }
    if (const auto* c = std::get_if<intent::RateCallback>(&in)) {
        if (r.step != RateStep::callback)
            return false;
        r.callback = c->wanted;
        r.send_failed = false;
        if (c->wanted)
            r.step = RateStep::phone;
        return true; // not wanted: the app sends it and answers RateDone
    }
    if (const auto* k = std::get_if<intent::PhoneKey>(&in)) {
        if (r.step != RateStep::phone)
            return false;
        if (k->key == '\b') {
            if (r.phone.empty())
                return false;
            r.phone.pop_back();
            return true;
        }
        if (k->key < '0' || k->key > '9' || r.phone.reveal().size() >= kPhoneDigits)
            return false;
        r.phone.push_back(k->key, kPhoneDigits);
        return true;
    }
    if (std::holds_alternative<intent::RateSubmit>(in)) {
        if (r.step != RateStep::phone || r.phone.reveal().size() != kPhoneDigits || r.phone.reveal().front() != '1')
            return false;
        r.consent = true; // the button says "agree and send"
        return true;
    }
    if (const auto* d = std::get_if<intent::RateDone>(&in)) {
        if (!d->ok) {
            r.send_failed = true;
            return true;
        }
        r.send_failed = false;
        r.step = RateStep::done;
        r.questionnaire = d->questionnaire;
        r.questions = d->questions;
        // What is rated once in a session, the session remembers; the rest the app's own list
        // of what this kiosk rated and the central side's check refuse.
        if (r.subject.kind == RateKind::visit)
            visit_rated_ = true;
        if (r.subject.kind == RateKind::window && r.subject.ticket.empty() && r.subject.anonymous)
            windows_rated_.push_back(r.subject.window);
        if (r.subject.kind == RateKind::request && follow_.tracking == r.subject.tracking) {
            follow_.rated = true;
            follow_.sent = FollowSent::rated;
            follow_.step = FollowStep::done;
        }
        // What went wrong and the number to call are in the record now; the screen keeps the
        // level only.
        r.phone.wipe();
        r.name.wipe();
        r.id_number.wipe();
        return true;
    }
    if (std::holds_alternative<intent::StartQuestionnaire>(in)) {
        if (r.step != RateStep::done || r.questionnaire.empty() || r.questions == 0)
            return false;
        r.step = RateStep::question;
        r.question = 0;
        return true;
    }
    if (const auto* a = std::get_if<intent::AnswerQuestion>(&in)) {
        if (r.step != RateStep::question || a->answer.question.empty())
            return false;
        const auto it = std::ranges::find(r.answers, a->answer.question, &QuestionAnswer::question);
        if (a->answer.empty()) {
            if (it == r.answers.end())
                return false;
            r.answers.erase(it);
        } else if (it != r.answers.end())
            *it = a->answer;
        else
            r.answers.push_back(a->answer);
        return true;
    }
    if (const auto* d = std::get_if<intent::AnswersDone>(&in)) {
        if (r.step != RateStep::question)
            return false;
        r.send_failed = !d->ok;
        if (d->ok)
            r.step = RateStep::finished;
        return true;
    }
    return false;
}

} // namespace hk
