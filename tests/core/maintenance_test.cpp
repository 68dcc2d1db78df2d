// Tests of maintenance mode's steps: in through the hidden entry, a badge and its PIN; five wrong
// PINs lock it, the lock kept as the app restores it after a restart; each role sees its pages
// only; idle minutes and "leave" forget the staff member and the digits typed.
#include "maintenance.hpp"

#include <doctest/doctest.h>

using namespace hk;

namespace {

const SteadyTime t0{};
constexpr std::int64_t kWall = 1'800'000'000;

StaffBadgeInfo badge(StaffRole role = StaffRole::staff)
{
    return {"S0042", "demo-hall-001", role, kWall + 3600};
}

void type(Maintenance& m, std::string_view digits)
{
    for (char c : digits)
        REQUIRE(m.pin_key(c, t0));
}

Maintenance at_menu(StaffRole role)
{
    Maintenance m;
    REQUIRE(m.enter(t0, kWall));
    REQUIRE(m.badge(badge(role), t0, kWall));
    type(m, "246810");
    REQUIRE(m.submit_pin(t0));
    REQUIRE(m.pin_checked(true, t0, kWall));
    REQUIRE(m.step() == MaintStep::menu);
    return m;
}

} // namespace

TEST_CASE("in: the hidden entry, a badge, its PIN checked, the menu")
{
    Maintenance m;
    CHECK_FALSE(m.open());
    CHECK_FALSE(m.badge(badge(), t0, kWall)); // a badge scanned outside maintenance mode opens nothing
    CHECK(m.enter(t0, kWall));
    CHECK(m.step() == MaintStep::badge);
    CHECK(m.badge_refused(BadgeRefusal::expired, t0));
    CHECK(m.refusal() == BadgeRefusal::expired);
    CHECK(m.badge(badge(StaffRole::tech), t0, kWall));
    CHECK(m.step() == MaintStep::pin);
    CHECK(m.refusal() == BadgeRefusal::none);
    CHECK_FALSE(m.pin_key('x', t0));
    type(m, "123");
    CHECK_FALSE(m.submit_pin(t0)); // three digits are not a PIN
    type(m, "45678");
    CHECK_FALSE(m.pin_key('9', t0)); // at most eight
    CHECK(m.pin_key('\b', t0));
    CHECK(m.pin() == "1234567");
    CHECK(m.submit_pin(t0));
    CHECK(m.step() == MaintStep::checking);
    CHECK_FALSE(m.back(t0)); // the answer is awaited
    CHECK(m.pin_checked(true, t0, kWall));
    CHECK(m.step() == MaintStep::menu);
    CHECK(m.pin().empty());
    CHECK(m.staff().role == StaffRole::tech);
}

TEST_CASE("five wrong PINs lock maintenance mode, the lock outlives a restart, and it ends by itself")
{
    Maintenance m;
    m.enter(t0, kWall);
    m.badge(badge(), t0, kWall);
    for (int i = 0; i < 4; ++i) {
        type(m, "0000");
        REQUIRE(m.submit_pin(t0));
        REQUIRE(m.pin_checked(false, t0, kWall));
        CHECK(m.step() == MaintStep::pin);
        CHECK(m.last_pin_wrong());
        CHECK(m.lockout().tries_left() == 4 - i);
    }
    type(m, "0000");
    m.submit_pin(t0);
    CHECK(m.pin_checked(false, t0, kWall));
    CHECK(m.step() == MaintStep::locked);
    CHECK(m.staff().id.empty());

    // A restart: the app restores the kept lockout; the entry shows the wait, and a badge waits too.
    Maintenance after;
    after.restore_lockout(*PinLockout::parse(m.lockout().text()));
    CHECK(after.enter(t0, kWall + 10));
    CHECK(after.step() == MaintStep::locked);
    CHECK_FALSE(after.badge(badge(), t0, kWall + 10));
    CHECK_FALSE(after.tick(t0 + Millis(1000), kWall + 30));
    CHECK(after.tick(t0 + Millis(2000), kWall + 61)); // the minute is over
    CHECK(after.step() == MaintStep::badge);
}

TEST_CASE("each role sees its own pages and may do its own powers")
{
    Maintenance staff = at_menu(StaffRole::staff);
    CHECK(staff.show(MaintPage::devices, t0));
    CHECK_FALSE(staff.show(MaintPage::logs, t0));
    CHECK_FALSE(staff.show(MaintPage::config, t0));
    CHECK_FALSE(staff.show(MaintPage::identity, t0));
    CHECK(staff.page() == MaintPage::devices);
    Maintenance tech = at_menu(StaffRole::tech);
    CHECK(tech.show(MaintPage::logs, t0));
    CHECK(tech.show(MaintPage::config, t0));
    CHECK_FALSE(tech.show(MaintPage::identity, t0));
    Maintenance admin = at_menu(StaffRole::admin);
    for (MaintPage p : kMaintPages)
        CHECK(admin.show(p, t0));
    CHECK(role_may(StaffRole::staff, MaintPower::restart));
    CHECK_FALSE(role_may(StaffRole::staff, MaintPower::power_off));
    CHECK_FALSE(role_may(StaffRole::tech, MaintPower::exit_to_desktop));
    CHECK(role_may(StaffRole::admin, MaintPower::exit_to_desktop));
}

TEST_CASE("back steps out, and idle minutes or leave forget the staff member and the digits")
{
    Maintenance m = at_menu(StaffRole::admin);
    CHECK(m.show(MaintPage::sync, t0));
    CHECK(m.back(t0));
    CHECK(m.step() == MaintStep::menu);
    CHECK_FALSE(m.tick(t0 + Millis(179'000), kWall));
    m.touch(t0 + Millis(179'000));
    CHECK_FALSE(m.tick(t0 + Millis(300'000), kWall));
    CHECK(m.tick(t0 + Millis(359'000), kWall)); // three idle minutes
    CHECK_FALSE(m.open());
    CHECK(m.staff().id.empty());

    Maintenance typed;
    typed.enter(t0, kWall);
    typed.badge(badge(), t0, kWall);
    type(typed, "2468");
    CHECK(typed.back(t0)); // from the PIN pad to the badge again, the digits gone
    CHECK(typed.step() == MaintStep::badge);
    CHECK(typed.pin().empty());
    CHECK(typed.back(t0));
    CHECK_FALSE(typed.open());
    CHECK_FALSE(typed.leave());
}
