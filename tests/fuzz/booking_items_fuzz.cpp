// Fuzz target for reading venues, activities, the central side's booking answers
// (kiosk/uplink/booking_items.cpp) and the rating catalogues and answers (rating_items.cpp):
// never a crash, and everything taken is within the bounds the protocol sets (ids, ranges,
// opening hours, ordered slots, waiting positions, questions, figures that add up).
//
// Input: the first byte picks the reader (modulo 14); the rest is the document.
#include "booking_items.hpp"
#include "rating_items.hpp"
#include "fuzz_expect.hpp"

#include <cstddef>
#include <cstdint>
#include <set>
#include <string_view>

using namespace hk;
using namespace hk::uplink;
using hk::fuzz::expect;

namespace {

void expect_venues(const ReadItems<Venue>& read)
{
    std::set<std::string> seen;
    for (const Venue& v : read.items) {
        expect(seen.insert(v.id).second, "a venue id taken twice");
        expect(v.capacity >= 1 && v.capacity <= 1000, "a capacity out of range");
        expect(v.slot_minutes >= 30 && v.slot_minutes <= 480, "a slot length out of range");
        expect(!v.opening.empty() && v.opening.size() <= kMaxOpeningPeriods, "opening hours out of bounds");
        for (const OpeningPeriod& p : v.opening)
            expect(p.open_minute < p.close_minute && p.close_minute <= 24 * 60, "opening hours out of order");
        expect(v.rules.group_min <= v.rules.group_max && v.rules.group_max <= v.capacity, "group sizes out of order");
        expect(v.facilities.size() <= kMaxFacilities, "too many facilities");
    }
}

void expect_activities(const ReadItems<Activity>& read)
{
    std::set<std::string> seen;
    for (const Activity& a : read.items) {
        expect(seen.insert(a.id).second, "an activity id taken twice");
        expect(a.places >= 1 && a.places <= 1000 && a.waitlist >= 0 && a.waitlist <= 1000, "places out of range");
        expect(!a.age_min || !a.age_max || *a.age_min <= *a.age_max, "ages out of order");
    }
}

void expect_signup(const Signup& s)
{
    expect(s.state == "confirmed" || s.state == "waiting", "a sign-up state the protocol does not name");
    expect((s.state == "waiting") == s.position.has_value(), "a waiting position without waiting");
}

void expect_questionnaires(const ReadItems<Questionnaire>& read)
{
    std::set<std::string> seen;
    for (const Questionnaire& q : read.items) {
        expect(seen.insert(q.id).second, "a questionnaire id taken twice");
        expect(!q.subjects.empty() && !q.questions.empty() && q.questions.size() <= kMaxQuestions,
               "a questionnaire out of bounds");
        for (const Question& question : q.questions) {
            const bool choice = question.kind == QuestionKind::single || question.kind == QuestionKind::multiple;
            expect(!choice || (question.options.size() >= 2 && question.options.size() <= kMaxOptions),
                   "options out of bounds");
            expect(question.kind != QuestionKind::multiple ||
                       (question.max >= 1 && static_cast<std::size_t>(question.max) <= question.options.size()),
                   "a multiple choice allowing more than its options");
            expect(question.kind != QuestionKind::scale || (question.low && question.high), "a scale without its words");
            expect(question.kind != QuestionKind::text || (question.max_chars >= 1 && question.max_chars <= kMaxAnswerChars),
                   "a text question out of bounds");
        }
    }
}

void expect_satisfaction(const Satisfaction& s)
{
    expect(!s.months.empty(), "a summary without months");
    for (const MonthSatisfaction& m : s.months) {
        int sum = 0;
        for (int n : m.levels)
            sum += n;
        expect(sum == m.count && m.satisfied <= m.count, "figures that do not add up");
        expect(m.share.has_value() == (m.count > 0), "a share without ratings");
        expect(!m.share || (*m.share >= 0.0 && *m.share <= 1.0001), "a share out of range");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    switch (data[0] % 14) {
    case 0:
        if (auto r = read_venues(text); std::holds_alternative<ReadItems<Venue>>(r))
            expect_venues(std::get<ReadItems<Venue>>(r));
        break;
    case 1:
        if (auto r = read_activities(text); std::holds_alternative<ReadItems<Activity>>(r))
            expect_activities(std::get<ReadItems<Activity>>(r));
        break;
    case 2:
        if (auto r = read_day_slots(text, "V-1", "2026-03-02"); std::holds_alternative<std::vector<Slot>>(r))
            expect(std::get<std::vector<Slot>>(r).size() <= kMaxSlotsPerDay, "too many slots");
        break;
    case 3: (void)read_refusal(text); break;
    case 4: (void)read_hold(text); break;
    case 5:
        if (auto r = read_confirmed(text); std::holds_alternative<Confirmed>(r))
            expect(!std::get<Confirmed>(r).pass.empty(), "a confirmation without its pass");
        break;
    case 6:
        if (auto r = read_signup(text); std::holds_alternative<Signup>(r))
            expect_signup(std::get<Signup>(r));
        break;
    case 7:
        if (auto r = read_resident_items(text); std::holds_alternative<ResidentItems>(r)) {
            const ResidentItems& items = std::get<ResidentItems>(r);
            expect(items.bookings.size() <= kMaxResidentItems && items.signups.size() <= kMaxResidentItems,
                   "too many items");
            for (const Signup& s : items.signups)
                expect_signup(s);
        }
        break;
    case 8:
        if (auto r = read_seats(text, "A-1"); std::holds_alternative<Seats>(r))
            expect(std::get<Seats>(r).taken <= std::get<Seats>(r).places, "more taken than places");
        break;
    case 9:
        if (auto r = read_windows(text); std::holds_alternative<ReadItems<ServiceWindow>>(r))
            for (const ServiceWindow& w : std::get<ReadItems<ServiceWindow>>(r).items)
                expect(w.number >= 1 && w.number <= 99 && !w.hall.empty(), "a window out of bounds");
        break;
    case 10:
        if (auto r = read_rating_reasons(text); std::holds_alternative<ReadItems<RatingReason>>(r))
            for (const RatingReason& reason : std::get<ReadItems<RatingReason>>(r).items)
                expect(!reason.subjects.empty() && reason.subjects.size() <= 4, "a reason without its subjects");
        break;
    case 11:
        if (auto r = read_questionnaires(text); std::holds_alternative<ReadItems<Questionnaire>>(r))
            expect_questionnaires(std::get<ReadItems<Questionnaire>>(r));
        break;
    case 12:
        if (auto r = read_satisfaction(text, "H-1"); std::holds_alternative<Satisfaction>(r))
            expect_satisfaction(std::get<Satisfaction>(r));
        break;
    default: (void)read_rating_check(text); break;
    }
    return 0;
}
