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
