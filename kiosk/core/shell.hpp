// The kiosk shell's flow: which screen a resident is on, the choices that last for one
// session (language, large text) and the intents the UI sends back. The UI is a plain
// function of this state; everything a resident entered lives here or below it and is wiped
// when the session ends.
#pragma once

#include "booking.hpp"
#include "directory.hpp"
#include "follow.hpp"
#include "lang.hpp"
#include "rating.hpp"
#include "request_draft.hpp"
#include "service.hpp"
#include "session.hpp"
#include "text_entry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

namespace hk {

enum class ScreenKind { home, not_offered, request, follow, booking, activities, mine, rate, directory, safety };

struct Screen {
    ScreenKind kind = ScreenKind::home;
    ServiceId service = ServiceId::file_request; // for not_offered
    bool operator==(const Screen&) const = default;
};

// A request just filed: what its done screen and receipt say. The draft itself is wiped.
struct FiledRequest {
    std::string tracking; // 14 digits
    std::string check;    // 6 digits
    std::string category; // the child category's id
    int response_hours = 0;
    std::int64_t filed_unix = 0;
    bool named = false;
};

struct ShellSettings {
    SessionTimings timings;
    Lang default_lang = Lang::zh_Hans;
    std::vector<Lang> languages{kAllLangs.begin(), kAllLangs.end()};
    std::vector<ServiceId> home;     // the tiles of the home screen, in order
    std::vector<ServiceId> disabled; // switched off at this hall
    // Services whose screens are still being built, offered all the same: set by the tests of
    // those flows only, never from config.
    std::vector<ServiceId> unfinished;
    // The top-level request categories traffic_request files under (config); it is offered only
    // while the catalogue has one of them.
    std::vector<std::string> traffic_groups;
};

namespace intent {
struct Start {};
struct Open {
    ServiceId service;
};
struct Back {};
struct Home {};
struct Finish {};
struct SetLang {
    Lang lang;
};
struct ToggleLargeText {};
struct StillHere {};
// The attract screen's hidden corner was held: the app opens maintenance mode (the shell has no
// part in it).
struct StaffEntry {};
// Filing a request (ScreenKind::request).
struct ChooseGroup {
    std::string id;
}; // a category group, to see its categories
struct ChooseCategory {
    std::string id;
};                   // the category the request is filed under: on to the place
struct ChoosePlace { // where it is: this hall, or a community (and a grid)
    PlaceKind kind = PlaceKind::hall;
    std::string community;
    std::string grid;
};
struct ChooseCommunity {
    std::string id;
};                  // a community, to see its grids ("" back to the list)
struct NextStep {}; // the step is done: on to the next one
struct Describe {   // the description as the keyboard has it now, and the quick phrases tapped
    std::string text;
    std::vector<std::string> phrases;
};
struct TypeKey { // a key of the description's keyboard, or a quick phrase (with its id)
    text::Key key;
    std::string phrase;
};
struct ChooseReporter {
    ReporterKind kind = ReporterKind::anonymous;
};
struct Consent {
    bool agree = false;
};                // no: the request goes on without personal data
struct CardRead { // the resident's ID card was read (from the card reader)
    Personal name;
    Personal id_number;
};
struct PhoneKey {
    char key = 0;
}; // '0'-'9', or '\b' to take the last digit back
struct TurnPage {
    int by = 1; // the next (1) or previous (-1) page of a list of choices
};
struct Submit {}; // the review's "submit": the app makes the record durable, then says Filed
struct Filed {
    FiledRequest request;
};
struct SubmitFailed {}; // the record could not be kept: the draft stays, the resident is told
// Following a request (ScreenKind::follow).
struct FollowKey {
    char key = 0;
};                  // '0'-'9', or '\b'
struct LookUp {};   // the number and check code are typed: ask
struct FollowCode { // scanned from a receipt: open the follow screen and ask
    std::string tracking;
    std::string check;
};
struct FollowAnswered {
    FollowAnswer answer;
};
struct FollowConfirm {}; // "yes, solved" (the app sends it, then says FollowDone)
struct FollowReopen {};  // "not solved": to the reasons
struct FollowReason {    // the reason for reopening (the app sends it)
    std::string id;
};
struct FollowToRate {};
struct FollowRate { // a level from 5 (very satisfied) to 1 (the app sends it)
    int level = 0;
};
struct FollowDone { // what the app sent, or that it could not be kept
    FollowSent sent = FollowSent::none;
    bool ok = false;
};
// Booking a venue (ScreenKind::booking).
struct BookingFilter { // the venue list: a type ("" all) and a least size (0 any)
    std::string type;
    int min_size = 0;
};
struct ChooseVenue { // a venue, to see its slots on `date` (YYYY-MM-DD)
    std::string id;
    std::string date;
};
struct ChooseDate {
    std::string date;
};
struct SlotsAnswered { // the central side's answer for the day on screen; nothing: unreachable
    std::string venue;
    std::string date;
    std::optional<std::vector<BookingSlot>> slots;
};
struct ChooseSlot { // a free slot of the day on screen, by its start
    std::string start;
};
struct GroupSize {
    int size = 1;
};
struct Held { // the slot is held for the resident until `expires` (unix seconds)
    std::string hold;
    std::int64_t expires = 0;
};
struct BookingRefused { // no hold or no booking: why (gone: the hold ran out)
    BookingRefusal why = BookingRefusal::other;
    std::optional<int> limit;
};
struct BookingUnreachable {};
struct ConfirmBooking {}; // the app asks the central side to confirm the hold
struct Booked {
    std::string booking;
    std::string cancel_until;
};
// Signing up to an activity (ScreenKind::activities). The central side's refusals and silence
// come as BookingRefused and BookingUnreachable, as for booking.
struct ChooseActivity {
    std::string id;
};
struct SeatsAnswered { // for the activity on screen; nothing: unreachable
    std::string activity;
    std::optional<ActivitySeats> seats;
};
struct SignUp {}; // the detail's "sign up" or "join the waiting list" (the app asks once the card is read)
struct SignedUp {
    std::string signup;
    bool waiting = false;
    std::optional<int> position;
};
// A resident's own bookings and sign-ups (ScreenKind::mine), from the booking and activity
// screens; the ID card already read there is kept.
struct OpenMine {};
struct MineAnswered { // nothing: unreachable
    std::optional<std::vector<MineItem>> items;
};
struct ChooseCancel {
    std::string id;
};
struct ConfirmCancel {}; // the app asks the central side
struct Cancelled {
    std::string id;
};
// Rating the service (ScreenKind::rate).
struct RateWhat { // the subject step: the visit, a window, a venue use (a request: the follow-up flow)
    RateKind kind = RateKind::visit;
};
struct RateWindow { // a window of this hall by its number, from the windows catalogue
    std::string id;
    bool anonymous = true;
};
struct RateTicket { // a queue ticket scanned (verified): its window is rated, from any screen
    std::string window;
    std::string ticket;
    std::string staff;
};
struct RatePass { // a booking pass scanned on the pass step (verified)
    std::string pass;
    std::string booking;
};
struct RateChecked { // the central side's answer to the check; answered false: no answer
    bool answered = false;
    bool rated = false;
};
struct RateRefused {
    RateRefusal why = RateRefusal::unknown;
};
struct RateLevel { // 5 very satisfied to 1 very dissatisfied (3 to 5: the app sends the rating)
    int level = 0;
};
struct RateReason { // a reason tapped: chosen, or chosen no more
    std::string id;
};
struct RateCallback { // levels 1 and 2: a call back or not (not: the app sends the rating)
    bool wanted = false;
};
struct RateSubmit {}; // the phone step's "agree and send": the app sends the rating
struct RateDone {     // the rating was kept or not; the questionnaire to offer ("" none)
    bool ok = false;
    std::string questionnaire;
    std::size_t questions = 0;
};
struct StartQuestionnaire {};
struct AnswerQuestion { // the answer to the question on screen as it stands now
    QuestionAnswer answer;
};
struct SendAnswers {}; // the last question's "send": the app keeps the answers
struct AnswersDone {
    bool ok = false;
};
} // namespace intent

using Intent = std::variant<
    intent::Start, intent::Open, intent::Back, intent::Home, intent::Finish, intent::SetLang, intent::ToggleLargeText,
    intent::StillHere, intent::StaffEntry, intent::ChooseGroup, intent::ChooseCategory, intent::ChoosePlace, intent::ChooseCommunity,
    intent::NextStep, intent::Describe, intent::TypeKey, intent::ChooseReporter, intent::Consent, intent::CardRead,
    intent::PhoneKey, intent::TurnPage, intent::Submit, intent::Filed, intent::SubmitFailed, intent::FollowKey,
    intent::LookUp, intent::FollowCode, intent::FollowAnswered, intent::FollowConfirm, intent::FollowReopen,
    intent::FollowReason, intent::FollowToRate, intent::FollowRate, intent::FollowDone, intent::BookingFilter,
    intent::ChooseVenue, intent::ChooseDate, intent::SlotsAnswered, intent::ChooseSlot, intent::GroupSize, intent::Held,
    intent::BookingRefused, intent::BookingUnreachable, intent::ConfirmBooking, intent::Booked, intent::ChooseActivity,
    intent::SeatsAnswered, intent::SignUp, intent::SignedUp, intent::OpenMine, intent::MineAnswered,
    intent::ChooseCancel, intent::ConfirmCancel, intent::Cancelled, intent::RateWhat, intent::RateWindow,
    intent::RateTicket, intent::RatePass, intent::RateChecked, intent::RateRefused, intent::RateLevel,
    intent::RateReason, intent::RateCallback, intent::RateSubmit, intent::RateDone, intent::StartQuestionnaire,
    intent::AnswerQuestion, intent::SendAnswers, intent::AnswersDone, intent::ChooseSector, intent::ChooseService,
    intent::HelpNearMe, intent::ChooseGrid, intent::PrintContactCard, intent::ChoosePage>;

class Shell {
public:
    explicit Shell(ShellSettings settings);

    // Applies what the resident asked for. Returns true when anything visible changed.
    bool apply(const Intent& in, SteadyTime now);
    // Any touch, anywhere: keeps the session alive.
    void input(SteadyTime now) { session_.input(now); }
    // The session ends because of a fault (a device or the disk failed under the resident).
    void fault();
    // Advances the idle timers. Returns true when anything visible changed.
    bool tick(SteadyTime now);
    std::optional<SteadyTime> next_deadline() const { return session_.next_deadline(); }

    SessionPhase phase() const { return session_.phase(); }
    SessionEnd last_end() const { return session_.last_end(); }
    int countdown_s(SteadyTime now) const { return session_.countdown_s(now); }
    bool in_session() const { return session_.phase() != SessionPhase::attract; }
    // The screen on top (home on the attract screen too, which has no stack).
    Screen screen() const { return stack_.empty() ? Screen{} : stack_.back(); }
    std::size_t depth() const { return stack_.size(); }
    Lang lang() const { return lang_; }
    bool large_text() const { return large_text_; }
    const ShellSettings& settings() const { return settings_; }
    bool offered(ServiceId id) const;
    // Maintenance mode changed the idle timeout, the languages offered (the default language stays
    // among them) or the site profile's home tiles. A session's language that is no longer offered
    // goes back to the default.
    void reconfigure(SessionTimings timings, std::vector<Lang> languages, std::vector<ServiceId> home);
    // The top-level request categories of the catalogue as last loaded (the app tells the shell
    // whenever it loads them).
    void set_catalogue_groups(std::vector<std::string> ids) { catalogue_groups_ = std::move(ids); }
    // Whether the request on screen may be filed under the category group `id`: any group for
    // file_request, the configured ones for traffic_request.
    bool group_allowed(std::string_view id) const;

    // The request being filed (ScreenKind::request), and the step it is at.
    const RequestDraft& request() const { return request_; }
    RequestStep request_step() const { return request_step_; }
    // The request just filed (its done screen), if any; and whether the last submit failed.
    const std::optional<FiledRequest>& filed() const { return filed_; }
    bool submit_failed() const { return submit_failed_; }
    // Following a request (ScreenKind::follow).
    const FollowState& follow() const { return follow_; }
    // Booking a venue (ScreenKind::booking).
    const BookingState& booking() const { return booking_; }
    // Signing up to an activity (ScreenKind::activities).
    const ActivityState& activity() const { return activity_; }
    // The resident's own bookings and sign-ups (ScreenKind::mine).
    const MineState& mine() const { return mine_; }
    // Rating the service (ScreenKind::rate); whether this visit was rated in this session.
    const RateState& rate() const { return rate_; }
    bool visit_rated() const { return visit_rated_; }
    // The service directory and help near me (ScreenKind::directory).
    const DirectoryState& directory() const { return directory_; }
    // The traffic safety pages (ScreenKind::safety).
    const SafetyState& safety() const { return safety_; }
    // The community whose grids the place step shows ("" for the list of communities).
    const std::string& place_community() const { return place_community_; }
    // The page of the list of choices on screen (0 first); the screen clamps it to the pages it has.
    int list_page() const { return list_page_; }

private:
    void reset_session_data();
    bool request_intent(const Intent& in);
    bool request_back();
    bool follow_intent(const Intent& in);
    bool follow_back();
    bool booking_intent(const Intent& in);
    bool booking_back();
    bool activity_intent(const Intent& in);
    bool activity_back();
    bool mine_intent(const Intent& in);
    bool mine_back();
    bool open_mine();
    bool rate_intent(const Intent& in);
    bool rate_back();
    void open_rate(RateSubject subject, RateStep step);
    bool directory_intent(const Intent& in);
    bool directory_back();
    bool safety_intent(const Intent& in);
    bool safety_back();
    bool turn_page(const intent::TurnPage& t);
    // The booking, activity, "my bookings" and rating flows: their intents, with the page of the
    // list on screen turned, or reset when another list comes.
    bool paged_intent(const Intent& in);
    std::tuple<ScreenKind, int, std::size_t, std::string> list_place() const;
    // The groups traffic_request may file under that the catalogue has, in config's order.
    std::vector<std::string> traffic_groups() const;
    void leave_flows();     // the request and the follow state are forgotten
    void forget_resident(); // the personal fields and the consent

    ShellSettings settings_;
    Session session_;
    std::vector<Screen> stack_;
    Lang lang_;
    bool large_text_ = false;
    RequestDraft request_;
    RequestStep request_step_ = RequestStep::category;
    std::string place_community_;
    int list_page_ = 0;
    std::optional<FiledRequest> filed_;
    bool submit_failed_ = false;
    FollowState follow_;
    BookingState booking_;
    ActivityState activity_;
    MineState mine_;
    RateState rate_;
    bool visit_rated_ = false;
    std::vector<std::string> windows_rated_; // windows rated by number in this session (anonymous)
    DirectoryState directory_;
    SafetyState safety_;
    std::vector<std::string> catalogue_groups_;
};

} // namespace hk
