// The kiosk shell's flow.
#include "shell.hpp"

#include <algorithm>

namespace hk {

template <class... F> struct Overload : F... {
    using F::operator()...;
};

Shell::Shell(ShellSettings settings)
    : settings_(std::move(settings)), session_(settings_.timings), lang_(settings_.default_lang)
{
}

bool Shell::offered(ServiceId id) const
{
    const bool built =
        service_info(id).built || std::ranges::find(settings_.unfinished, id) != settings_.unfinished.end();
    if (id == ServiceId::traffic_request && traffic_groups().empty())
        return false; // nothing to file under here: as if switched off
    return built && std::ranges::find(settings_.disabled, id) == settings_.disabled.end();
}

std::vector<std::string> Shell::traffic_groups() const
{
    std::vector<std::string> out;
    for (const std::string& g : settings_.traffic_groups)
        if (std::ranges::find(catalogue_groups_, g) != catalogue_groups_.end())
            out.push_back(g);
    return out;
}

bool Shell::group_allowed(std::string_view id) const
{
    if (screen().kind != ScreenKind::request || screen().service != ServiceId::traffic_request)
        return true;
    return std::ranges::find(settings_.traffic_groups, id) != settings_.traffic_groups.end();
}

void Shell::reset_session_data()
{
    // Everything entered or chosen in the session goes; std::vector::clear keeps capacity but
    // Screen holds nothing personal. Later flows' data are wiped here too.
    stack_.clear();
    lang_ = settings_.default_lang;
    large_text_ = false;
    leave_flows();
    visit_rated_ = false;
    windows_rated_.clear();
}

void Shell::leave_flows()
{
    request_.wipe();
    request_step_ = RequestStep::category;
    place_community_.clear();
    list_page_ = 0;
    if (filed_) {
        filed_->tracking.assign(filed_->tracking.size(), '\0');
        filed_->check.assign(filed_->check.size(), '\0');
    }
    filed_.reset();
    submit_failed_ = false;
    follow_.wipe();
    booking_.wipe();
    activity_.wipe();
    mine_.wipe();
    rate_.wipe();
    directory_.wipe();
    safety_.wipe();
}

std::tuple<ScreenKind, int, std::size_t, std::string> Shell::list_place() const
{
    switch (screen().kind) {
    case ScreenKind::booking:
        return {ScreenKind::booking, static_cast<int>(booking_.step), 0, booking_.date + "|" + booking_.venue};
    case ScreenKind::activities: return {ScreenKind::activities, static_cast<int>(activity_.step), 0, {}};
    case ScreenKind::mine: return {ScreenKind::mine, static_cast<int>(mine_.step), 0, {}};
    case ScreenKind::rate:
        return {ScreenKind::rate, static_cast<int>(rate_.step), rate_.question, {}};
    default: return {screen().kind, 0, 0, {}};
    }
}

bool Shell::paged_intent(const Intent& in)
{
    if (const auto* t = std::get_if<intent::TurnPage>(&in))
        return turn_page(*t);
    const auto before = list_place();
    bool changed = false;
    switch (screen().kind) {
    case ScreenKind::booking: changed = booking_intent(in); break;
    case ScreenKind::activities: changed = activity_intent(in); break;
    case ScreenKind::mine: changed = mine_intent(in); break;
    case ScreenKind::rate: changed = rate_intent(in); break;
    default: return false;
    }
    // Another list (another step, day or question) shows from its first page; a choice made
    // within the list (a reason ticked on its second page) keeps the page.
    if (changed && list_place() != before)
        list_page_ = 0;
    return changed;
}

bool Shell::request_back()
{
    list_page_ = 0;
    if (filed_) { // filed: there is nothing to go back to
        leave_flows();
        stack_.pop_back();
        return true;
    }
    submit_failed_ = false;
    // Back inside the request goes one step back (or out of a group or community first); from
    // its first step it leaves the request, which is then forgotten.
    // A traffic request with a single group to file under starts in it: back leaves.
    const bool one_group = screen().service == ServiceId::traffic_request && traffic_groups().size() == 1;
    if (request_step_ == RequestStep::category && !request_.group.empty() && !one_group) {
        request_.group.clear();
        return true;
    }
    if (request_step_ == RequestStep::place && !place_community_.empty()) {
        place_community_.clear();
        return true;
    }
    const auto steps = request_steps(request_);
    const auto at = std::ranges::find(steps, request_step_);
    if (at == steps.begin() || at == steps.end()) {
        request_.wipe();
        stack_.pop_back();
        return true;
    }
    request_step_ = *(at - 1);
    return true;
}

bool Shell::request_intent(const Intent& in)
{
    if (screen().kind != ScreenKind::request)
        return false; // a late tap from a request screen that has gone
    if (const auto* t = std::get_if<intent::TurnPage>(&in))
        return turn_page(*t);
    // Any other choice shows another list, from its first page.
    list_page_ = 0;
    const auto advance = [this] {
        if (step_problem(request_, request_step_))
            return false;
        const auto steps = request_steps(request_);
        const auto at = std::ranges::find(steps, request_step_);
        if (at == steps.end() || at + 1 == steps.end())
            return false;
        request_step_ = *(at + 1);
        return true;
    };
    if (const auto* g = std::get_if<intent::ChooseGroup>(&in)) {
        if (request_step_ != RequestStep::category || !group_allowed(g->id))
            return false;
        request_.group = g->id;
        return true;
    }
    if (const auto* c = std::get_if<intent::ChooseCategory>(&in)) {
        if (request_step_ != RequestStep::category || c->id.empty())
            return false;
        request_.category = c->id;
        return advance();
    }
    if (const auto* c = std::get_if<intent::ChooseCommunity>(&in)) {
        if (request_step_ != RequestStep::place)
            return false;
        place_community_ = c->id;
        return true;
    }
    if (const auto* pl = std::get_if<intent::ChoosePlace>(&in)) {
        if (request_step_ != RequestStep::place || (pl->kind == PlaceKind::community && pl->community.empty()))
            return false;
        request_.place = pl->kind;
        request_.community = pl->kind == PlaceKind::community ? pl->community : "";
        request_.grid = pl->kind == PlaceKind::community ? pl->grid : "";
        place_community_.clear();
        return advance();
    }
    if (const auto* d = std::get_if<intent::Describe>(&in)) {
        if (request_step_ != RequestStep::describe)
            return false;
        request_.description = d->text;
        request_.phrases = d->phrases;
        return true;
    }
    if (const auto* r = std::get_if<intent::ChooseReporter>(&in)) {
        if (request_step_ != RequestStep::reporter || r->kind == ReporterKind::unset)
            return false;
        if (r->kind == ReporterKind::anonymous)
            forget_resident();
        request_.reporter = r->kind;
        return advance();
    }
    if (const auto* c = std::get_if<intent::Consent>(&in)) {
        if (request_step_ != RequestStep::consent)
            return false;
        if (!c->agree) {
            // No consent, no personal data: the request goes on anonymously.
            forget_resident();
            request_.reporter = ReporterKind::anonymous;
            request_step_ = RequestStep::review;
            return true;
        }
        request_.consent = true;
        return advance();
    }
    if (const auto* c = std::get_if<intent::CardRead>(&in)) {
        if (request_step_ != RequestStep::id_card || c->name.empty() || c->id_number.empty())
            return false;
        request_.name = c->name;
        request_.id_number = c->id_number;
        return advance();
    }
    if (const auto* k = std::get_if<intent::PhoneKey>(&in)) {
        if (request_step_ != RequestStep::phone)
            return false;
        if (k->key == '\b') {
            if (request_.phone.empty())
                return false;
            request_.phone.pop_back();
            return true;
        }
        if (k->key < '0' || k->key > '9' || request_.phone.reveal().size() >= kPhoneDigits)
            return false;
        request_.phone.push_back(k->key, kPhoneDigits);
        return true;
    }
    if (std::holds_alternative<intent::NextStep>(in))
        return advance();
    if (const auto* f = std::get_if<intent::Filed>(&in)) {
        if (request_step_ != RequestStep::review || filed_)
            return false;
        request_.wipe(); // the record has it now
        filed_ = f->request;
        submit_failed_ = false;
        return true;
    }
    if (std::holds_alternative<intent::SubmitFailed>(in)) {
        if (request_step_ != RequestStep::review || filed_)
            return false;
        submit_failed_ = true;
        return true;
    }
    return false;
}

bool Shell::follow_back()
{
    switch (follow_.step) {
    case FollowStep::enter:
        follow_.wipe();
        stack_.pop_back();
        return true;
    case FollowStep::asking:
    case FollowStep::status:
        follow_.step = FollowStep::enter;
        follow_.answer.reset();
        follow_.sent = FollowSent::none;
        follow_.send_failed = false;
        return true;
    case FollowStep::reopen_reason:
    case FollowStep::rate:
    case FollowStep::done:
        follow_.step = FollowStep::status;
        follow_.send_failed = false;
        return true;
    }
    return false;
}

bool Shell::follow_intent(const Intent& in)
{
    FollowState& f = follow_;
    if (const auto* k = std::get_if<intent::FollowKey>(&in)) {
        if (f.step != FollowStep::enter)
            return false;
        if (k->key == '\b') {
            std::string& field = f.check.empty() ? f.tracking : f.check;
            if (field.empty())
                return false;
            field.pop_back();
            return true;
        }
        if (k->key < '0' || k->key > '9')
            return false;
        std::string& field = f.tracking.size() < kFollowTrackingDigits ? f.tracking : f.check;
        if (&field == &f.check && f.check.size() >= kFollowCheckDigits)
            return false;
        field += k->key;
        return true;
    }
    if (std::holds_alternative<intent::LookUp>(in)) {
        if (f.step != FollowStep::enter || !f.complete())
            return false;
        f.step = FollowStep::asking;
        f.answer.reset();
        return true;
    }
    if (const auto* a = std::get_if<intent::FollowAnswered>(&in)) {
        if (f.step != FollowStep::asking)
            return false; // the resident went back before the answer came
        f.answer = a->answer;
        f.sent = FollowSent::none;
        f.send_failed = false;
        f.step = FollowStep::status;
        return true;
    }
    if (std::holds_alternative<intent::FollowReopen>(in)) {
        if (f.step != FollowStep::status || !f.can_confirm())
            return false;
        f.step = FollowStep::reopen_reason;
        return true;
    }
    if (std::holds_alternative<intent::FollowToRate>(in)) {
        if ((f.step != FollowStep::status && f.step != FollowStep::done) || !f.can_rate())
            return false;
        f.step = FollowStep::rate;
        f.send_failed = false;
        return true;
    }
    if (const auto* d = std::get_if<intent::FollowDone>(&in)) {
        if (!d->ok) {
            f.send_failed = true;
            return true;
        }
        f.send_failed = false;
        f.sent = d->sent;
        switch (d->sent) {
        case FollowSent::confirmed:
            f.confirmed = true;
            // Confirmed: straight on to the rating, when it can be rated.
            f.step = f.can_rate() ? FollowStep::rate : FollowStep::done;
            break;
        case FollowSent::reopened:
        case FollowSent::rated: f.step = FollowStep::done; break;
        case FollowSent::none: break;
        }
        if (d->sent == FollowSent::rated)
            f.rated = true;
        return true;
    }
    // FollowConfirm, FollowReason and FollowRate are sent by the app, which answers FollowDone;
    // the shell keeps what it needs to say so.
    if (const auto* r = std::get_if<intent::FollowReason>(&in)) {
        if (f.step != FollowStep::reopen_reason || !find_reopen_reason(r->id))
            return false;
        f.reopen_reason = r->id;
        return true;
    }
    if (const auto* r = std::get_if<intent::FollowRate>(&in)) {
        if (f.step != FollowStep::rate || r->level < 1 || r->level > 5)
            return false;
        f.level = r->level;
        if (r->level <= 2) {
            // A low rating asks what went wrong, as every low rating does: on the rating screen,
            // which sends it and comes back here.
            open_rate(RateSubject::request(f.tracking, f.check), RateStep::reasons);
            rate_.subject_given = true;
            rate_.level = r->level;
        }
        return true;
    }
    return false;
}

void Shell::forget_resident()
{
    request_.consent = false;
    request_.name.wipe();
    request_.id_number.wipe();
    request_.phone.wipe();
}

void Shell::fault()
{
    session_.fault();
    reset_session_data();
}

bool Shell::tick(SteadyTime now)
{
    if (!session_.tick(now))
        return false;
    if (session_.phase() == SessionPhase::attract)
        reset_session_data();
    return true;
}

void Shell::reconfigure(SessionTimings timings, std::vector<Lang> languages, std::vector<ServiceId> home)
{
    settings_.home = std::move(home);
    settings_.timings = timings;
    session_.set_timings(timings);
    if (std::find(languages.begin(), languages.end(), settings_.default_lang) == languages.end())
        languages.insert(languages.begin(), settings_.default_lang);
    settings_.languages = std::move(languages);
    if (std::find(settings_.languages.begin(), settings_.languages.end(), lang_) == settings_.languages.end())
        lang_ = settings_.default_lang;
}

bool Shell::apply(const Intent& in, SteadyTime now)
{
    const bool was_in_session = in_session();
    if (std::holds_alternative<intent::StaffEntry>(in))
        return false; // maintenance mode is the app's
    if (!std::holds_alternative<intent::Start>(in) && !was_in_session)
        return false; // a late tap from a screen that has already gone
    session_.input(now);

    return std::visit(Overload{
                          [&](const intent::Start&) {
                              if (was_in_session)
                                  return false;
                              reset_session_data();
                              session_.start(now);
                              stack_.push_back(Screen{ScreenKind::home});
                              return true;
                          },
                          [&](const intent::Open& o) {
                              // Every service has a screen of its own once built; until then, and when
                              // switched off here, the resident learns where to get it instead.
                              list_page_ = 0;
                              if (o.service == ServiceId::book_venue && offered(o.service)) {
                                  booking_.wipe();
                                  stack_.push_back(Screen{ScreenKind::booking, o.service});
                                  return true;
                              }
                              if (o.service == ServiceId::activities && offered(o.service)) {
                                  activity_.wipe();
                                  stack_.push_back(Screen{ScreenKind::activities, o.service});
                                  return true;
                              }
                              if (o.service == ServiceId::track_request && offered(o.service)) {
                                  follow_.wipe();
                                  stack_.push_back(Screen{ScreenKind::follow, o.service});
                                  return true;
                              }
                              if (o.service == ServiceId::rate_service && offered(o.service)) {
                                  open_rate(RateSubject::of(RateKind::visit), RateStep::subject);
                                  return true;
                              }
                              if ((o.service == ServiceId::file_request || o.service == ServiceId::traffic_request) &&
                                  offered(o.service)) {
                                  request_.wipe();
                                  request_step_ = RequestStep::category;
                                  place_community_.clear();
                                  stack_.push_back(Screen{ScreenKind::request, o.service});
                                  if (const auto groups = traffic_groups();
                                      o.service == ServiceId::traffic_request && groups.size() == 1)
                                      request_.group = groups.front();
                                  return true;
                              }
                              if (o.service == ServiceId::service_directory && offered(o.service)) {
                                  directory_.wipe();
                                  list_page_ = 0;
                                  stack_.push_back(Screen{ScreenKind::directory, o.service});
                                  return true;
                              }
                              if (o.service == ServiceId::traffic_safety && offered(o.service)) {
                                  safety_.wipe();
                                  list_page_ = 0;
                                  stack_.push_back(Screen{ScreenKind::safety, o.service});
                                  return true;
                              }
                              stack_.push_back(Screen{ScreenKind::not_offered, o.service});
                              return true;
                          },
                          [&](const intent::Back&) {
                              if (stack_.size() <= 1)
                                  return false;
                              list_page_ = 0; // whatever comes back is shown from its first page
                              if (screen().kind == ScreenKind::request)
                                  return request_back();
                              if (screen().kind == ScreenKind::follow)
                                  return follow_back();
                              if (screen().kind == ScreenKind::booking)
                                  return booking_back();
                              if (screen().kind == ScreenKind::activities)
                                  return activity_back();
                              if (screen().kind == ScreenKind::mine)
                                  return mine_back();
                              if (screen().kind == ScreenKind::rate)
                                  return rate_back();
                              if (screen().kind == ScreenKind::directory)
                                  return directory_back();
                              if (screen().kind == ScreenKind::safety)
                                  return safety_back();
                              stack_.pop_back();
                              return true;
                          },
                          [&](const intent::Home&) {
                              if (stack_.size() <= 1)
                                  return false;
                              stack_.resize(1);
                              leave_flows(); // leaving the request forgets it
                              return true;
                          },
                          [&](const intent::Finish&) {
                              session_.finish();
                              reset_session_data();
                              return true;
                          },
                          [&](const intent::SetLang& s) {
                              if (s.lang == lang_ ||
                                  std::ranges::find(settings_.languages, s.lang) == settings_.languages.end())
                                  return false;
                              lang_ = s.lang;
                              return true;
                          },
                          [&](const intent::ToggleLargeText&) {
                              large_text_ = !large_text_;
                              return true;
                          },
                          [&](const intent::StillHere&) {
                              const bool was_warning = session_.phase() == SessionPhase::warning;
                              session_.still_here(now);
                              return was_warning;
                          },
                          [&](const intent::FollowCode& c) {
                              // A receipt's code scanned during the session: its status, whatever was on
                              // screen (a request being filed is left, as with home).
                              if (!offered(ServiceId::track_request))
                                  return false;
                              if (screen().kind != ScreenKind::follow) {
                                  stack_.resize(1);
                                  leave_flows();
                                  stack_.push_back(Screen{ScreenKind::follow, ServiceId::track_request});
                              }
                              follow_.wipe();
                              follow_.tracking = c.tracking;
                              follow_.check = c.check;
                              follow_.scanned = true;
                              follow_.step = FollowStep::asking;
                              return true;
                          },
                          [&](const intent::OpenMine&) { return open_mine(); },
                          [&](const intent::RateTicket& t) {
                              // A queue ticket scanned during the session: its window is rated, whatever was
                              // on screen (a request being filed is left, as with home).
                              if (!offered(ServiceId::rate_service))
                                  return false;
                              stack_.resize(1);
                              leave_flows();
                              open_rate(RateSubject::window_ticket(t.window, t.ticket, t.staff), RateStep::checking);
                              rate_.subject_given = true;
                              return true;
                          },
                          [&](const auto&) {
                              switch (screen().kind) {
                              case ScreenKind::follow: return follow_intent(in);
                              case ScreenKind::booking:
                              case ScreenKind::activities:
                              case ScreenKind::mine:
                              case ScreenKind::rate: return paged_intent(in);
                              case ScreenKind::directory: return directory_intent(in);
                              case ScreenKind::safety: return safety_intent(in);
                              default: return request_intent(in);
                              }
                          },
                      },
                      in);
}

} // namespace hk
