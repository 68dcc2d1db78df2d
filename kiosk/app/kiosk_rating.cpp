// Rating the service: the windows, reasons and questionnaires from the catalogue cache; the
// check asked before the levels (and this kiosk's own memory of what it rated); the rating and
// the questionnaire's answers kept as records; the keyboard of their words; the hall's
// satisfaction figure for the attract screen.
#include "kiosk_app.hpp"

#include "rating_records.hpp"
#include "rfc3339.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hk::app {

RatingContext KioskApp::rating_context() const
{
    return RatingContext{setup_.config.hall_id, visit_id_, shell_.lang(), uplink::format_rfc3339_utc(unix_now())};
}

const uplink::Questionnaire* KioskApp::questionnaire_for(RateKind kind) const
{
    const auto it = std::ranges::find_if(rating_lists_.questionnaires, [&](const uplink::Questionnaire& q) {
        return uplink::applies_to(q.subjects, rate_kind_name(kind));
    });
    return it == rating_lists_.questionnaires.end() ? nullptr : &*it;
}

void KioskApp::follow_rating()
{
    if (shell_.in_session() && visit_id_.empty())
        visit_id_ = new_visit_id();
    if (!shell_.in_session())
        visit_id_.clear();
    const bool on_rate = shell_.in_session() && shell_.screen().kind == ScreenKind::rate;
    const RateState& r = shell_.rate();
    // A subject this kiosk rated itself is refused at once, whether the central side answers or not.
    if (on_rate && r.step == RateStep::checking)
        if (const auto key = rated_key(r.subject); key && rated_->seen(*key)) {
            spdlog::info("rating: the {} was rated at this kiosk already", rate_kind_name(r.subject.kind));
            apply(intent::RateChecked{true, true});
        }
    // The ID card, for a window rated by number that asks for it.
    follow_rating_entry();
    follow_satisfaction();
}

void KioskApp::follow_rating_entry()
{
    const RateState& r = shell_.rate();
    const bool on_rate = shell_.in_session() && shell_.screen().kind == ScreenKind::rate;
    // What the keyboard is for: the low rating's words, or a text question ("" for nothing).
    std::string field;
    std::size_t max_chars = kMaxRateTextChars;
    if (on_rate && r.step == RateStep::text)
        field = "text";
    if (on_rate && r.step == RateStep::question)
        if (const uplink::Questionnaire* q = questionnaire_for(r.subject.kind);
            q && q->id == r.questionnaire && r.question < q->questions.size() &&
            q->questions[r.question].kind == uplink::QuestionKind::text) {
            field = "q|" + q->questions[r.question].id;
            max_chars = static_cast<std::size_t>(q->questions[r.question].max_chars);
        }
    if (field != rate_field_) {
        rate_entry_.reset(); // the entry wipes what was typed; the shell keeps what was taken
        rate_field_ = field;
        if (!field.empty()) {
            rate_entry_.emplace(pinyin_.entry(shell_.lang(), max_chars));
            rate_entry_lang_ = shell_.lang();
        }
        dirty_ = true;
    }
    if (rate_entry_ && rate_entry_lang_ != shell_.lang()) {
        rate_entry_->set_lang(shell_.lang());
        rate_entry_lang_ = shell_.lang();
    }
}

bool KioskApp::type_rate_key(const intent::TypeKey& k)
{
    if (!rate_entry_ || shell_.screen().kind != ScreenKind::rate)
        return false;
    rate_entry_->press(k.key);
    dirty_ = true;
    if (rate_field_ == "text")
        return shell_.apply(intent::Describe{rate_entry_->text(), {}}, now());
    QuestionAnswer a;
    a.question = rate_field_.substr(2);
    a.text = rate_entry_->text();
    return shell_.apply(intent::AnswerQuestion{std::move(a)}, now());
}

bool KioskApp::send_rating(const Intent& in)
{
    if (!shell_.in_session() || shell_.screen().kind != ScreenKind::rate)
        return false;
    // The step the intent is for, before the shell moves on.
    if (!shell_.apply(in, now()))
        return false;
    dirty_ = true;
    const RateState& r = shell_.rate();
    const bool send = (std::holds_alternative<intent::RateLevel>(in) && !r.low()) ||
                      (std::holds_alternative<intent::RateCallback>(in) && !r.callback) ||
                      std::holds_alternative<intent::RateSubmit>(in);
    if (!send)
        return true;
    const nlohmann::json body = rating_body(r, rating_context());
    auto entry = uplink_->submit("rating", body);
    if (!entry) {
        spdlog::error("rating: a rating of a {} was not kept: {}", rate_kind_name(r.subject.kind), entry.error().message);
        return apply(intent::RateDone{false, {}, 0});
    }
    spdlog::info("rating: a {} rated {}{} kept (seq {})", rate_kind_name(r.subject.kind), r.level,
                 r.low() ? (r.callback ? ", with reasons and a call-back," : ", with reasons,") : "", entry->seq);
    if (const auto key = rated_key(r.subject))
        rated_->consume(*key, unix_now() + kRatedKeepSeconds);
    const uplink::Questionnaire* q = questionnaire_for(r.subject.kind);
    return apply(intent::RateDone{true, q ? q->id : std::string(), q ? q->questions.size() : 0});
}

bool KioskApp::send_answers()
{
    const RateState& r = shell_.rate();
    if (!shell_.in_session() || shell_.screen().kind != ScreenKind::rate || r.step != RateStep::question)
        return false;
    const uplink::Questionnaire* q = questionnaire_for(r.subject.kind);
    if (!q || q->id != r.questionnaire) {
        spdlog::warn("rating: the questionnaire answered is no longer in the catalogue");
        return apply(intent::AnswersDone{false});
    }
    const auto body = answers_body(r, *q, rating_context());
    if (!body) {
        // Nothing answered: nothing to keep, and nothing lost.
        spdlog::info("rating: questionnaire {} left without an answer", q->id);
        return apply(intent::AnswersDone{true});
    }
    auto entry = uplink_->submit("questionnaire_answer", *body);
    if (!entry) {
        spdlog::error("rating: the answers to {} were not kept: {}", q->id, entry.error().message);
        return apply(intent::AnswersDone{false});
    }
    spdlog::info("rating: {} answers to {} kept (seq {})", (*body)["answers"].size(), q->id, entry->seq);
    return apply(intent::AnswersDone{true});
}

void KioskApp::follow_satisfaction()
{
    // The attract screen's figure: asked now and then, whether anyone is at the kiosk or not.
    {
        std::lock_guard lock(satisfaction_box_->mutex);
        if (satisfaction_box_->answer) {
            rating_lists_.satisfaction = shown_satisfaction(*satisfaction_box_->answer);
            satisfaction_box_->answer.reset();
            dirty_ = true;
        }
    }
    const SteadyTime t = now();
    uplink::BookingDesk* desk = uplink_ ? uplink_->desk() : nullptr;
    if (!desk || t < next_satisfaction_ask_)
        return;
    next_satisfaction_ask_ = t + kSatisfactionEvery;
    const std::weak_ptr<SatisfactionBox> weak = satisfaction_box_;
    desk->satisfaction(setup_.config.hall_id, [weak, type = wake_event_](uplink::DeskAnswer<uplink::Satisfaction> a) {
        if (a.kind != uplink::DeskAnswer<uplink::Satisfaction>::Kind::done) {
            // The figure last shown stays: it was the central side's, and says which month.
            spdlog::warn("rating: no satisfaction summary: {}", a.error);
            return;
        }
        if (auto box = weak.lock()) {
            std::lock_guard lock(box->mutex);
            box->answer = std::move(*a.value);
        }
        SDL_Event e{};
        e.type = type;
        SDL_PushEvent(&e);
    });
}

std::optional<uplink::MonthSatisfaction> shown_satisfaction(const uplink::Satisfaction& s)
{
    // This month's once it counts enough ratings to mean something, else last month's.
    for (std::size_t i = 0; i < std::min<std::size_t>(2, s.months.size()); ++i)
        if (s.months[i].count >= kSatisfactionMinRatings && s.months[i].share)
            return s.months[i];
    return std::nullopt;
}

} // namespace hk::app
