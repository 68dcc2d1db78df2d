// Rating the service (好差评): what to rate, which window (or the queue ticket, or the booking
// pass), the levels, and for the two lowest what went wrong, a few words and a call-back; then
// thanks and the short questionnaire, a question at a time.
#include "screens.hpp"

#include "keyboard.hpp"
#include "ui_ids.hpp"

#include <algorithm>

namespace hk::ui {
namespace {

const uplink::ServiceWindow* find_window(const FrameInput& in, std::string_view id)
{
    const auto& w = in.ratings.windows;
    const auto it = std::ranges::find(w, id, &uplink::ServiceWindow::id);
    return it == w.end() ? nullptr : &*it;
}

const uplink::Questionnaire* find_questionnaire(const FrameInput& in, std::string_view id)
{
    const auto& q = in.ratings.questionnaires;
    const auto it = std::ranges::find(q, id, &uplink::Questionnaire::id);
    return it == q.end() ? nullptr : &*it;
}

// "Window 3 · Social and medical insurance": a window as the resident knows it.
std::string window_words(Painter& p, const FrameInput& in, std::string_view id)
{
    const uplink::ServiceWindow* w = find_window(in, id);
    if (!w)
        return std::string(p.t("rate.window.unknown"_k));
    return p.tr.format("rate.window.number"_k, {{"n", std::to_string(w->number)}}) + " · " + w->name.in(p.lang);
}

// What is being rated, in a line under the question.
std::string subject_words(Painter& p, const FrameInput& in)
{
    const RateSubject& s = in.shell.rate().subject;
    switch (s.kind) {
    case RateKind::visit: return p.tr.format("rate.subject.visit"_k, {{"hall", in.hall_name.in(p.lang)}});
    case RateKind::window: return window_words(p, in, s.window);
    case RateKind::request: return p.tr.format("rate.subject.request"_k, {{"tracking", s.tracking}});
    case RateKind::booking: return std::string(p.t("rate.subject.booking"_k));
    }
    return {};
}

// Two buttons side by side at `y`: the first primary. Returns the height used.
float two_buttons(Painter& p, Rect area, float y, std::string_view id1, std::string_view label1, Intent in1,
                  std::string_view id2, std::string_view label2, Intent in2, std::vector<Intent>& out)
{
    const float bw = std::min(p.u(480), (area.width() - p.u(32)) * 0.5f);
    const float bh = p.u(112);
    if (button(p, id1, Rect{{area.min.x, y}, {area.min.x + bw, y + bh}}, label1, ButtonStyle::primary))
        out.push_back(std::move(in1));
    if (button(p, id2, Rect{{area.min.x + bw + p.u(32), y}, {area.min.x + 2 * bw + p.u(32), y + bh}}, label2,
               ButtonStyle::secondary))
        out.push_back(std::move(in2));
    return bh;
}

void draw_subject(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("rate.what.title"_k), p.t("rate.what.hint"_k));
    std::vector<Choice> choices{
        Choice{ids::rate_what("visit"), std::string(p.t("rate.what.visit"_k)),
               p.tr.format("rate.what.visit_hint"_k, {{"hall", in.hall_name.in(p.lang)}}),
               intent::RateWhat{RateKind::visit}},
        Choice{ids::rate_what("window"), std::string(p.t("rate.what.window"_k)), std::string(p.t("rate.what.window_hint"_k)),
               intent::RateWhat{RateKind::window}},
    };
    if (in.shell.offered(ServiceId::track_request))
        choices.push_back(Choice{ids::rate_what("request"), std::string(p.t("rate.what.request"_k)),
                                 std::string(p.t("rate.what.request_hint"_k)), intent::Open{ServiceId::track_request}});
    if (in.shell.offered(ServiceId::book_venue))
        choices.push_back(Choice{ids::rate_what("booking"), std::string(p.t("rate.what.booking"_k)),
                                 std::string(p.t("rate.what.booking_hint"_k)), intent::RateWhat{RateKind::booking}});
    draw_choices(p, in, rest, choices, columns(p, 2, 1), p.u(180), out);
}

void draw_window(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    Rect rest = draw_question(p, area, p.t("rate.window.title"_k), p.t("rate.window.hint"_k));
    // The queue ticket first: scanning it is the quickest way, and rates the very staff member.
    const float band = p.u(120);
    const Theme& t = p.theme;
    const Rect scan{rest.min, {rest.max.x, rest.min.y + band}};
    fill_rect(p.draw, scan.min, scan.max, t.surface, p.u(t.rounding));
    draw_icon(p.draw, Icon::qr_code, ImVec2(scan.min.x + p.u(70), scan.center().y), p.u(64), t.accent);
    const float tx = scan.min.x + p.u(130);
    const std::string_view words = p.t("rate.window.scan"_k);
    const float th = paragraph_height(p, p.font(FontRole::body), scan.max.x - tx - p.u(24), words);
    draw_paragraph(p, p.font(FontRole::body), ImVec2(tx, scan.center().y - th * 0.5f), scan.max.x - tx - p.u(24),
                   t.text, words);
    rest.min.y = scan.max.y + p.u(32);
    if (in.ratings.windows.empty()) {
        draw_paragraph(p, p.font(FontRole::body), rest.min, rest.width(), t.text_muted, p.t("rate.window.none"_k));
        return;
    }
    std::vector<Choice> choices;
    for (const uplink::ServiceWindow& w : in.ratings.windows)
        choices.push_back(Choice{ids::rate_window(w.number),
                                 p.tr.format("rate.window.number"_k, {{"n", std::to_string(w.number)}}),
                                 w.name.in(p.lang) + (w.anonymous ? "" : "\n" + std::string(p.t("rate.window.card"_k))),
                                 intent::RateWindow{w.id, w.anonymous}});
    draw_choices(p, in, rest, choices, columns(p, 3, 2), p.u(150), out);
}

void draw_pass(Painter& p, Rect area)
{
    const Theme& t = p.theme;
    const Rect rest = draw_question(p, area, p.t("rate.pass.title"_k));
    draw_icon(p.draw, Icon::qr_code, ImVec2(rest.center().x, rest.min.y + p.u(140)), p.u(200), t.accent);
    draw_paragraph(p, p.font(FontRole::body), ImVec2(rest.min.x, rest.min.y + p.u(280)), rest.width(), t.text,
                   p.t("rate.pass.hint"_k), Align::center);
}

// Thanks, and what to do next: rate something else, or finish.
void draw_already(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    float y = area.min.y + draw_done_heading(p, area, p.t("rate.already.title"_k));
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), p.theme.text,
                        p.tr.format("rate.already.text"_k, {{"what", subject_words(p, in)}})) +
         p.u(48);
    two_buttons(p, area, y, ids::kRateAgain, p.t("rate.again"_k), intent::Back{}, ids::kRateFinish, p.t("rate.finish"_k),
                intent::Finish{}, out);
}

std::string refusal_text(Painter& p, RateRefusal why, RateKind kind)
{
    switch (why) {
    case RateRefusal::unknown: return std::string(p.t("rate.refused.unknown"_k));
    case RateRefusal::not_rateable:
        return std::string(p.t(kind == RateKind::booking ? "rate.refused.booking_time"_k : "rate.refused.not_yet"_k));
    case RateRefusal::invalid: return std::string(p.t("rate.refused.invalid"_k));
    case RateRefusal::other_hall: return std::string(p.t("rate.refused.other_hall"_k));
    }
    return {};
}

void draw_level(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    const Rect rest = draw_question(p, area, p.t("rate.level.title"_k), subject_words(p, in));
    const float bottom = r.send_failed ? rest.max.y - p.u(120) : rest.max.y;
    if (const auto level = draw_levels(p, Rect{rest.min, {rest.max.x, bottom}}, ids::rate_level))
        out.push_back(intent::RateLevel{*level});
    if (r.send_failed)
        draw_paragraph(p, p.font(FontRole::body), ImVec2(rest.min.x, bottom + p.u(16)), rest.width(), p.theme.text,
                       p.tr.format("follow.send_failed"_k, {{"help_desk", in.help_desk.in(p.lang)}}));
}

void draw_reasons(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    Rect rest = draw_question(p, area, p.t("rate.reasons.title"_k), p.t("rate.reasons.hint"_k));
    const float next_h = p.u(112);
    const float nw = std::min(p.u(420), rest.width() * 0.45f);
    const Rect next{{rest.max.x - nw, rest.max.y - next_h}, rest.max};
    rest.max.y = next.min.y - p.u(24);
    std::vector<Choice> choices;
    const std::string_view kind = rate_kind_name(r.subject.kind);
    for (const uplink::RatingReason& reason : in.ratings.reasons) {
        if (!uplink::applies_to(reason.subjects, kind))
            continue;
        const bool chosen = std::ranges::find(r.reasons, reason.id) != r.reasons.end();
        choices.push_back(Choice{ids::rate_reason(reason.id), reason.text.in(p.lang),
                                 chosen ? std::string(p.t("rate.reasons.chosen"_k)) : std::string(),
                                 intent::RateReason{reason.id}, chosen});
    }
    if (choices.empty())
        draw_paragraph(p, p.font(FontRole::body), rest.min, rest.width(), p.theme.text_muted,
                       p.t("rate.reasons.none"_k));
    else
        draw_choices(p, in, rest, choices, columns(p, 3, 2), p.u(130), out);
    if (step_button(p, ids::kRateNext, next, p.t("request.next"_k), !r.reasons.empty() || choices.empty()))
        out.push_back(intent::NextStep{});
}

void draw_text_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    Rect rest = draw_question(p, area, p.t("rate.text.title"_k), p.t("rate.text.hint"_k));
    // "Next" (or "skip" while nothing is written) above the keyboard, on the right.
    const float bh = p.u(100);
    const float bw = std::min(p.u(360), rest.width() * 0.4f);
    if (button(p, ids::kRateNext, Rect{{rest.max.x - bw, rest.min.y}, {rest.max.x, rest.min.y + bh}},
               p.t(r.text.empty() ? "rate.text.skip"_k : "request.next"_k),
               r.text.empty() ? ButtonStyle::secondary : ButtonStyle::primary))
        out.push_back(intent::NextStep{});
    rest.min.y += bh + p.u(24);
    if (!in.entry)
        return;
    if (auto key = draw_keyboard(p, *in.entry, rest, p.t("rate.text.placeholder"_k))) {
        const bool done = key->kind == text::Key::Kind::done;
        out.push_back(intent::TypeKey{*key, ""});
        if (done) // the composition is committed first, then on to the next step
            out.push_back(intent::NextStep{});
    }
}

void draw_callback(Painter& p, Rect area, std::vector<Intent>& out)
{
    const Rect rest = draw_question(p, area, p.t("rate.callback.title"_k), p.t("rate.callback.hint"_k));
    two_buttons(p, rest, rest.min.y, ids::kRateCallbackYes, p.t("rate.callback.yes"_k), intent::RateCallback{true},
                ids::kRateCallbackNo, p.t("rate.callback.no"_k), intent::RateCallback{false}, out);
}

void draw_phone(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    Rect rest = draw_question(p, area, p.t("rate.phone.title"_k), p.t("rate.phone.consent"_k));
    if (r.send_failed) {
        rest.min.y += draw_paragraph(p, p.font(FontRole::body), rest.min, rest.width(), p.theme.text,
                                     p.tr.format("follow.send_failed"_k, {{"help_desk", in.help_desk.in(p.lang)}})) +
                      p.u(16);
    }
    draw_phone_entry(p, rest, r.phone, ids::rate_phone_key, ids::kRateSend, p.t("rate.phone.send"_k),
                     intent::RateSubmit{}, out);
}

void draw_done(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    const Theme& t = p.theme;
    float y = area.min.y + draw_done_heading(p, area, p.t("rate.done.title"_k));
    const std::string said = r.low() ? std::string(p.t(r.callback ? "rate.done.callback"_k : "rate.done.low"_k))
                                     : std::string(p.t("rate.done.good"_k));
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), t.text, said) + p.u(40);
    const uplink::Questionnaire* q = find_questionnaire(in, r.questionnaire);
    if (!q) {
        two_buttons(p, area, y, ids::kRateFinish, p.t("rate.finish"_k), intent::Finish{}, ids::kRateAgain,
                    p.t("rate.again"_k), intent::Open{ServiceId::rate_service}, out);
        return;
    }
    // The questionnaire, offered: its title and what it is for, and how long it takes.
    y += draw_paragraph(p, p.font(FontRole::title), ImVec2(area.min.x, y), area.width(), t.text, q->title.in(p.lang),
                        Align::left, 1.15f) +
         p.u(8);
    // The catalogue's own words when it has them (they say how long it takes), then that any
    // question can be skipped; without them, how many questions and that they can be skipped.
    const std::string about =
        q->intro ? q->intro->in(p.lang) + "\n" + std::string(p.t("rate.questions.skip_any"_k))
                 : p.tr.format("rate.questions.count"_k, {{"n", std::to_string(q->questions.size())}});
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), t.text_muted, about) + p.u(32);
    y += two_buttons(p, area, y, ids::kRateQuestions, p.t("rate.questions.start"_k), intent::StartQuestionnaire{},
                     ids::kRateFinish, p.t("rate.questions.no"_k), intent::Finish{}, out) +
         p.u(24);
    const float bw = std::min(p.u(480), (area.width() - p.u(32)) * 0.5f);
    if (button(p, ids::kRateAgain, Rect{{area.min.x, y}, {area.min.x + bw, y + p.u(112)}}, p.t("rate.again"_k),
               ButtonStyle::secondary))
        out.push_back(intent::Open{ServiceId::rate_service});
}

// One question: its words, and the answer in the form its kind takes.
void draw_question_step(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    const uplink::Questionnaire* q = find_questionnaire(in, r.questionnaire);
    if (!q || r.question >= q->questions.size()) { // withdrawn under the resident
        draw_paragraph(p, p.font(FontRole::title), area.min, area.width(), p.theme.text_muted,
                       p.t("rate.questions.gone"_k));
        return;
    }
    const uplink::Question& question = q->questions[r.question];
    const bool last = r.question + 1 == q->questions.size();
    const std::string progress = p.tr.format(
        "rate.questions.progress"_k, {{"n", std::to_string(r.question + 1)}, {"of", std::to_string(q->questions.size())}});
    Rect rest = draw_question(p, area, question.text.in(p.lang), progress);
    const QuestionAnswer* given = r.answer(question.id);

    // "Next", or "send" on the last question: every question may be left unanswered.
    const float bh = p.u(112);
    const float bw = std::min(p.u(420), rest.width() * 0.45f);
    const bool text = question.kind == uplink::QuestionKind::text;
    const Rect go = text ? Rect{{rest.max.x - bw, rest.min.y}, {rest.max.x, rest.min.y + bh}}
                         : Rect{{rest.max.x - bw, rest.max.y - bh}, rest.max};
    if (last ? button(p, ids::kRateQuestionSend, go, p.t("rate.questions.send"_k), ButtonStyle::primary, Icon::check)
             : button(p, ids::kRateQuestionNext, go, p.t(given ? "request.next"_k : "rate.text.skip"_k),
                      given ? ButtonStyle::primary : ButtonStyle::secondary))
        out.push_back(last ? Intent{intent::SendAnswers{}} : Intent{intent::NextStep{}});
    if (text)
        rest.min.y = go.max.y + p.u(24);
    else
        rest.max.y = go.min.y - p.u(24);
    if (r.send_failed) {
        rest.min.y += draw_paragraph(p, p.font(FontRole::body), rest.min, rest.width(), p.theme.text,
                                     p.tr.format("follow.send_failed"_k, {{"help_desk", in.help_desk.in(p.lang)}})) +
                      p.u(16);
    }

    QuestionAnswer answer = given ? *given : QuestionAnswer{};
    answer.question = question.id;
    std::vector<Choice> choices;
    switch (question.kind) {
    case uplink::QuestionKind::single:
        for (const uplink::QuestionOption& o : question.options) {
            QuestionAnswer a{question.id, answer.choice == o.id ? std::string() : o.id, {}, 0, {}};
            choices.push_back(Choice{ids::rate_option(o.id), o.text.in(p.lang),
                                     answer.choice == o.id ? std::string(p.t("rate.reasons.chosen"_k)) : std::string(),
                                     intent::AnswerQuestion{std::move(a)}, answer.choice == o.id});
        }
        draw_choices(p, in, rest, choices, columns(p, 3, 1), p.u(110), out);
        break;
    case uplink::QuestionKind::multiple: {
        const std::string hint =
            p.tr.format("rate.questions.up_to"_k, {{"n", std::to_string(question.max)}});
        rest.min.y += draw_paragraph(p, p.font(FontRole::body), rest.min, rest.width(), p.theme.text_muted, hint) +
                      p.u(16);
        for (const uplink::QuestionOption& o : question.options) {
            QuestionAnswer a = answer;
            const auto it = std::ranges::find(a.choices, o.id);
            const bool chosen = it != a.choices.end();
            if (chosen)
                a.choices.erase(it);
            else if (a.choices.size() < static_cast<std::size_t>(question.max))
                a.choices.push_back(o.id);
            choices.push_back(Choice{ids::rate_option(o.id), o.text.in(p.lang),
                                     chosen ? std::string(p.t("rate.reasons.chosen"_k)) : std::string(),
                                     intent::AnswerQuestion{std::move(a)}, chosen});
        }
        draw_choices(p, in, rest, choices, columns(p, 3, 1), p.u(110), out);
        break;
    }
    case uplink::QuestionKind::scale: {
        // Five large numbers in a row, with the words of the two ends under them.
        const float gap = p.u(20);
        const float w = std::min(p.u(180), (rest.width() - 4 * gap) / 5.0f);
        const float x0 = rest.min.x;
        for (int v = 1; v <= 5; ++v) {
            const Rect r5{{x0 + static_cast<float>(v - 1) * (w + gap), rest.min.y},
                          {x0 + static_cast<float>(v - 1) * (w + gap) + w, rest.min.y + w}};
            QuestionAnswer a{question.id, {}, {}, answer.value == v ? 0 : v, {}};
            if (button(p, ids::rate_scale(v), r5, std::to_string(v),
                       answer.value == v ? ButtonStyle::primary : ButtonStyle::secondary, Icon::none,
                       p.font(FontRole::title)))
                out.push_back(intent::AnswerQuestion{std::move(a)});
        }
        const float wy = rest.min.y + w + p.u(16);
        const float row = 5 * w + 4 * gap;
        ImFont* body = p.font(FontRole::body);
        draw_paragraph(p, body, ImVec2(x0, wy), row * 0.45f, p.theme.text_muted, "1 = " + question.low->in(p.lang));
        draw_paragraph(p, body, ImVec2(x0 + row * 0.55f, wy), row * 0.45f, p.theme.text_muted,
                       "5 = " + question.high->in(p.lang), Align::right);
        break;
    }
    case uplink::QuestionKind::text:
        if (in.entry)
            if (auto key = draw_keyboard(p, *in.entry, rest, p.t("rate.q.placeholder"_k)))
                out.push_back(intent::TypeKey{*key, ""});
        break;
    }
}

void draw_finished(Painter& p, Rect area, std::vector<Intent>& out)
{
    float y = area.min.y + draw_done_heading(p, area, p.t("rate.finished.title"_k));
    y += draw_paragraph(p, p.font(FontRole::body), ImVec2(area.min.x, y), area.width(), p.theme.text,
                        p.t("rate.finished.text"_k)) +
         p.u(48);
    const float bw = std::min(p.u(480), area.width() * 0.45f);
    if (button(p, ids::kRateFinish, Rect{{area.min.x, y}, {area.min.x + bw, y + p.u(112)}}, p.t("rate.finish"_k),
               ButtonStyle::primary, Icon::finish))
        out.push_back(intent::Finish{});
}

} // namespace

void draw_rate(Painter& p, const FrameInput& in, Rect area, std::vector<Intent>& out)
{
    const RateState& r = in.shell.rate();
    switch (r.step) {
    case RateStep::subject: draw_subject(p, in, area, out); break;
    case RateStep::window: draw_window(p, in, area, out); break;
    case RateStep::pass: draw_pass(p, area); break;
    case RateStep::id_card:
        draw_card_prompt(p, in, area,
                         p.tr.format("rate.card.title"_k, {{"window", window_words(p, in, r.subject.window)}}));
        break;
    case RateStep::checking: draw_waiting(p, in, area, p.t("rate.checking"_k)); break;
    case RateStep::already: draw_already(p, in, area, out); break;
    case RateStep::refused:
        draw_not_done(p, area, p.t("rate.refused.title"_k), refusal_text(p, r.refusal, r.subject.kind),
                      p.t("rate.again"_k), false, out);
        break;
    case RateStep::level: draw_level(p, in, area, out); break;
    case RateStep::reasons: draw_reasons(p, in, area, out); break;
    case RateStep::text: draw_text_step(p, in, area, out); break;
    case RateStep::callback: draw_callback(p, area, out); break;
    case RateStep::phone: draw_phone(p, in, area, out); break;
    case RateStep::done: draw_done(p, in, area, out); break;
    case RateStep::question: draw_question_step(p, in, area, out); break;
    case RateStep::finished: draw_finished(p, area, out); break;
    }
}

} // namespace hk::ui
