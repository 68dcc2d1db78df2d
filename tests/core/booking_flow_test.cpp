// Tests of booking a venue in the shell: the list, a day's slots as the central side answers
// them (an answer for another day dropped), the ID card, the group, the hold and its
// confirmation, refusals by rule, the network gone, back through the steps letting the hold go,
// and everything forgotten when the resident leaves.
#include "shell.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

const SteadyTime t0{};

Shell booking_shell()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::book_venue};
    s.unfinished = {ServiceId::book_venue};
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    REQUIRE(shell.apply(intent::Open{ServiceId::book_venue}, t0));
    REQUIRE(shell.screen().kind == ScreenKind::booking);
    return shell;
}

std::vector<BookingSlot> day()
{
    using S = BookingSlot::State;
    return {{"2026-03-02T09:00:00+08:00", "2026-03-02T11:00:00+08:00", S::past},
            {"2026-03-02T11:00:00+08:00", "2026-03-02T13:00:00+08:00", S::taken},
            {"2026-03-02T14:00:00+08:00", "2026-03-02T16:00:00+08:00", S::free}};
}

// A shell on the day's slots of V-1, answered.
Shell at_slots()
{
    Shell shell = booking_shell();
    REQUIRE(shell.apply(intent::ChooseVenue{"V-1", "2026-03-02"}, t0));
    REQUIRE(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-02", day()}, t0));
    return shell;
}

intent::CardRead card()
{
    return {Personal(Personal::Kind::name, "王建国"), Personal(Personal::Kind::id_number, "110105199007071236")};
}

// A shell with the 14:00 slot held for a group of 8.
Shell at_confirm()
{
    Shell shell = at_slots();
    REQUIRE(shell.apply(intent::ChooseSlot{"2026-03-02T14:00:00+08:00"}, t0));
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::GroupSize{8}, t0));
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    REQUIRE(shell.booking().step == BookingStep::holding);
    REQUIRE(shell.apply(intent::Held{"H-1", 1'772'431'380}, t0));
    REQUIRE(shell.booking().step == BookingStep::confirm);
    return shell;
}

} // namespace

TEST_CASE("booking goes from a venue's day to a free slot, the ID card, the group, the hold and the confirmation")
{
    Shell shell = at_confirm();
    const BookingState& b = shell.booking();
    CHECK(b.venue == "V-1");
    CHECK(b.slot_end == "2026-03-02T16:00:00+08:00");
    CHECK(b.group_size == 8);
    CHECK(b.name.masked() == "王**");
    CHECK(b.hold == "H-1");
    CHECK(shell.apply(intent::ConfirmBooking{}, t0));
    CHECK(b.step == BookingStep::confirming);
    CHECK_FALSE(shell.apply(intent::ConfirmBooking{}, t0)); // asked once
    CHECK(shell.apply(intent::Booked{"B-1", "2026-03-01T06:00:00Z"}, t0));
    CHECK(b.step == BookingStep::done);
    CHECK(b.booking == "B-1");
    CHECK(b.hold.empty());
}

TEST_CASE("only a free slot can be chosen, and an answer for another day is dropped")
{
    Shell shell = booking_shell();
    shell.apply(intent::ChooseVenue{"V-1", "2026-03-02"}, t0);
    CHECK_FALSE(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-03", day()}, t0));
    CHECK(shell.apply(intent::ChooseDate{"2026-03-03"}, t0));
    CHECK_FALSE(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-02", day()}, t0));
    CHECK(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-03", day()}, t0));
    CHECK_FALSE(shell.apply(intent::ChooseSlot{"2026-03-02T09:00:00+08:00"}, t0)); // past
    CHECK_FALSE(shell.apply(intent::ChooseSlot{"2026-03-02T11:00:00+08:00"}, t0)); // taken
    CHECK_FALSE(shell.apply(intent::ChooseSlot{"2026-03-02T12:00:00+08:00"}, t0)); // no such slot
    CHECK(shell.booking().step == BookingStep::slots);
}

TEST_CASE("a refusal says which rule, and back from it asks the day again")
{
    Shell shell = at_slots();
    shell.apply(intent::ChooseSlot{"2026-03-02T14:00:00+08:00"}, t0);
    shell.apply(card(), t0);
    shell.apply(intent::NextStep{}, t0);
    CHECK(shell.apply(intent::BookingRefused{BookingRefusal::weekly_limit, 2}, t0));
    CHECK(shell.booking().step == BookingStep::refused);
    CHECK(shell.booking().refusal_limit == 2);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.booking().step == BookingStep::slots);
    CHECK(shell.booking().slots.empty()); // asked again
    CHECK_FALSE(shell.booking().id_number.empty()); // the card read stays for another slot
}

TEST_CASE("back from the confirmation lets the hold go, and a hold that ran out is refused as gone")
{
    Shell shell = at_confirm();
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.booking().hold.empty());
    CHECK(shell.booking().step == BookingStep::group);
    Shell late = at_confirm();
    late.apply(intent::ConfirmBooking{}, t0);
    CHECK(late.apply(intent::BookingRefused{BookingRefusal::gone, std::nullopt}, t0));
    CHECK(late.booking().refusal == BookingRefusal::gone);
}

TEST_CASE("the network gone says booking needs it, from the day and from the hold")
{
    Shell shell = booking_shell();
    shell.apply(intent::ChooseVenue{"V-1", "2026-03-02"}, t0);
    CHECK(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-02", std::nullopt}, t0));
    CHECK(shell.booking().step == BookingStep::offline);
    Shell holding = at_slots();
    holding.apply(intent::ChooseSlot{"2026-03-02T14:00:00+08:00"}, t0);
    holding.apply(card(), t0);
    holding.apply(intent::NextStep{}, t0);
    CHECK(holding.apply(intent::BookingUnreachable{}, t0));
    CHECK(holding.booking().step == BookingStep::offline);
}

TEST_CASE("the group size stays within bounds, and home and the session's end forget the booking")
{
    Shell shell = at_slots();
    shell.apply(intent::ChooseSlot{"2026-03-02T14:00:00+08:00"}, t0);
    shell.apply(card(), t0);
    CHECK_FALSE(shell.apply(intent::GroupSize{0}, t0));
    CHECK_FALSE(shell.apply(intent::GroupSize{1001}, t0));
    CHECK(shell.apply(intent::Home{}, t0));
    CHECK(shell.booking().id_number.empty());
    CHECK(shell.booking().venue.empty());
    Shell again = at_confirm();
    again.tick(t0 + Millis(80'000));
    CHECK(again.booking().hold.empty());
    CHECK(again.booking().name.empty());
}

TEST_CASE("the venue list's filter is a type and a least size")
{
    Shell shell = booking_shell();
    CHECK(shell.apply(intent::BookingFilter{"sports_court", 10}, t0));
    CHECK(shell.booking().type_filter == "sports_court");
    CHECK(shell.booking().min_size == 10);
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
}

TEST_CASE("the venue list and a day's slots turn their pages, and another day or step starts on the first page")
{
    Shell shell = booking_shell();
    CHECK(shell.apply(intent::TurnPage{1}, t0)); // the venue list's second page
    CHECK(shell.list_page() == 1);
    CHECK(shell.apply(intent::BookingFilter{"sports_court", 0}, t0));
    CHECK(shell.list_page() == 0);
    CHECK(shell.apply(intent::TurnPage{1}, t0));
    CHECK(shell.apply(intent::ChooseVenue{"V-1", "2026-03-02"}, t0));
    CHECK(shell.list_page() == 0); // the slots from their first page
    CHECK(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-02", day()}, t0));
    CHECK(shell.apply(intent::TurnPage{1}, t0));
    CHECK(shell.list_page() == 1);
    CHECK(shell.apply(intent::TurnPage{-2}, t0));
    CHECK(shell.list_page() == 0); // not before the first
    CHECK(shell.apply(intent::TurnPage{1}, t0));
    CHECK(shell.apply(intent::ChooseDate{"2026-03-03"}, t0));
    CHECK(shell.list_page() == 0); // another day
    CHECK(shell.apply(intent::SlotsAnswered{"V-1", "2026-03-03", day()}, t0));
    CHECK(shell.apply(intent::TurnPage{1}, t0));
    CHECK(shell.apply(intent::Back{}, t0));
    CHECK(shell.booking().step == BookingStep::venues);
    CHECK(shell.list_page() == 0);
}

namespace {

Shell activity_shell()
{
    ShellSettings s;
    s.timings = SessionTimings{Millis(60'000), Millis(15'000)};
    s.home = {ServiceId::book_venue, ServiceId::activities};
    Shell shell(s);
    REQUIRE(shell.apply(intent::Start{}, t0));
    REQUIRE(shell.apply(intent::Open{ServiceId::activities}, t0));
    REQUIRE(shell.screen().kind == ScreenKind::activities);
    return shell;
}

} // namespace

TEST_CASE("signing up: an activity, its seats as answered for it, the ID card, then a place on the waiting list")
{
    Shell shell = activity_shell();
    const ActivityState& a = shell.activity();
    CHECK_FALSE(shell.apply(intent::SignUp{}, t0)); // nothing chosen
    REQUIRE(shell.apply(intent::ChooseActivity{"A-1"}, t0));
    CHECK(a.step == ActivityStep::detail);
    CHECK_FALSE(shell.apply(intent::SignUp{}, t0)); // the seats are not known yet
    CHECK_FALSE(shell.apply(intent::SeatsAnswered{"A-2", ActivitySeats{3, 0, 0}}, t0)); // another activity's
    REQUIRE(shell.apply(intent::SeatsAnswered{"A-1", ActivitySeats{3, 3, 1}}, t0));
    CHECK(a.seats->waiting == 1);
    REQUIRE(shell.apply(intent::SignUp{}, t0));
    CHECK(a.step == ActivityStep::id_card);
    REQUIRE(shell.apply(card(), t0));
    CHECK(a.step == ActivityStep::signing);
    CHECK_FALSE(shell.apply(intent::SignedUp{"", true, 2}, t0));
    REQUIRE(shell.apply(intent::SignedUp{"S-1", true, 2}, t0));
    CHECK(a.step == ActivityStep::done);
    CHECK(a.waiting);
    CHECK(a.position == 2);
    // Done: back leaves the activities, and what was read of the card goes with them.
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::home);
    CHECK(shell.activity().id_number.empty());
}

TEST_CASE("signing up refused by rule, or with the network down, says so and goes back to the activity")
{
    Shell shell = activity_shell();
    REQUIRE(shell.apply(intent::ChooseActivity{"A-1"}, t0));
    REQUIRE(shell.apply(intent::SeatsAnswered{"A-1", ActivitySeats{3, 0, 0}}, t0));
    REQUIRE(shell.apply(intent::SignUp{}, t0));
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::BookingRefused{BookingRefusal::not_eligible, 60}, t0));
    CHECK(shell.activity().step == ActivityStep::refused);
    CHECK(shell.activity().refusal == BookingRefusal::not_eligible);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.activity().step == ActivityStep::list);
    REQUIRE(shell.apply(intent::ChooseActivity{"A-1"}, t0));
    // An unreachable central side: the seats are not known, and nothing can be signed for.
    REQUIRE(shell.apply(intent::SeatsAnswered{"A-1", std::nullopt}, t0));
    CHECK(shell.activity().seats_unknown);
    CHECK_FALSE(shell.apply(intent::SignUp{}, t0));
    REQUIRE(shell.apply(intent::Back{}, t0));
    REQUIRE(shell.apply(intent::ChooseActivity{"A-1"}, t0));
    REQUIRE(shell.apply(intent::SeatsAnswered{"A-1", ActivitySeats{3, 0, 0}}, t0));
    REQUIRE(shell.apply(intent::SignUp{}, t0)); // the card read before is kept
    CHECK(shell.activity().step == ActivityStep::signing);
    REQUIRE(shell.apply(intent::BookingUnreachable{}, t0));
    CHECK(shell.activity().step == ActivityStep::offline);
}

TEST_CASE("my bookings: the card read for booking is kept, the list comes, one is cancelled and the list asked again")
{
    Shell shell = at_slots();
    REQUIRE(shell.apply(intent::ChooseSlot{"2026-03-02T14:00:00+08:00"}, t0));
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::OpenMine{}, t0));
    CHECK(shell.screen().kind == ScreenKind::mine);
    const MineState& m = shell.mine();
    CHECK(m.step == MineStep::looking);
    CHECK(m.name.masked() == "王**");
    const std::vector<MineItem> items{
        {MineItem::Kind::booking, "B-1", "V-1", "2026-03-09T09:00:00+08:00", "2026-03-09T11:00:00+08:00", 4,
         "2026-03-08T01:00:00Z", false, std::nullopt},
        {MineItem::Kind::signup, "S-1", "A-1", "", "", 0, "", false, std::nullopt}};
    REQUIRE(shell.apply(intent::MineAnswered{items}, t0));
    CHECK(m.step == MineStep::list);
    CHECK(m.items == items);
    CHECK_FALSE(shell.apply(intent::ChooseCancel{"B-9"}, t0)); // not the resident's
    REQUIRE(shell.apply(intent::ChooseCancel{"B-1"}, t0));
    CHECK(m.chosen_item()->kind == MineItem::Kind::booking);
    REQUIRE(shell.apply(intent::ConfirmCancel{}, t0));
    CHECK(m.step == MineStep::cancelling);
    CHECK_FALSE(shell.apply(intent::Cancelled{"S-1"}, t0)); // not the one asked
    REQUIRE(shell.apply(intent::Cancelled{"B-1"}, t0));
    CHECK(m.step == MineStep::cancelled);
    REQUIRE(shell.apply(intent::NextStep{}, t0));
    CHECK(m.step == MineStep::looking);
    CHECK(m.items.empty());
    // Back leaves "my bookings" for the booking it was opened from, as it was.
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(shell.screen().kind == ScreenKind::booking);
    CHECK(shell.booking().step == BookingStep::group);
}

TEST_CASE("my bookings without a card read asks for it, a late cancellation is refused, home forgets everything")
{
    Shell shell = activity_shell();
    REQUIRE(shell.apply(intent::OpenMine{}, t0));
    const MineState& m = shell.mine();
    CHECK(m.step == MineStep::id_card);
    CHECK_FALSE(shell.apply(intent::MineAnswered{std::vector<MineItem>{}}, t0)); // nothing asked yet
    REQUIRE(shell.apply(card(), t0));
    REQUIRE(shell.apply(intent::MineAnswered{std::vector<MineItem>{
                            {MineItem::Kind::booking, "B-1", "V-1", "", "", 2, "", false, std::nullopt}}},
                        t0));
    REQUIRE(shell.apply(intent::ChooseCancel{"B-1"}, t0));
    REQUIRE(shell.apply(intent::ConfirmCancel{}, t0));
    REQUIRE(shell.apply(intent::BookingRefused{BookingRefusal::too_late, 24}, t0));
    CHECK(m.step == MineStep::refused);
    REQUIRE(shell.apply(intent::Back{}, t0));
    CHECK(m.step == MineStep::list);
    CHECK_FALSE(shell.apply(intent::OpenMine{}, t0)); // only from the booking and activity screens
    REQUIRE(shell.apply(intent::Home{}, t0));
    CHECK(shell.mine().id_number.empty());
    CHECK(shell.mine().items.empty());
    CHECK(shell.activity().id_number.empty());
}

TEST_CASE("the activity list takes each activity's seats once, and asks no more once the central side is not reached")
{
    Shell shell = activity_shell();
    const ActivityState& a = shell.activity();
    REQUIRE(shell.apply(intent::SeatsAnswered{"A-1", ActivitySeats{10, 4, 0}}, t0));
    CHECK(a.list_seats.at("A-1")->taken == 4);
    CHECK_FALSE(shell.apply(intent::SeatsAnswered{"A-1", ActivitySeats{10, 5, 0}}, t0)); // asked once
    CHECK_FALSE(a.list_unreachable);
    REQUIRE(shell.apply(intent::SeatsAnswered{"A-2", std::nullopt}, t0));
    CHECK(a.list_unreachable);
    CHECK_FALSE(a.list_seats.at("A-2"));
    // The detail asks afresh: the list's answer may be old by then.
    REQUIRE(shell.apply(intent::ChooseActivity{"A-1"}, t0));
    CHECK_FALSE(a.seats);
    REQUIRE(shell.apply(intent::Home{}, t0));
    CHECK(shell.activity().list_seats.empty());
}
