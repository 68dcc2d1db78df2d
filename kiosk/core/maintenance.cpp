// Maintenance mode's steps (see maintenance.hpp).
#include "maintenance.hpp"

namespace hk {

std::string_view role_name(StaffRole role)
{
    switch (role) {
    case StaffRole::staff: return "staff";
    case StaffRole::tech: return "tech";
    case StaffRole::admin: return "admin";
    }
    return "staff";
}

std::string_view page_name(MaintPage page)
{
    switch (page) {
    case MaintPage::devices: return "devices";
    case MaintPage::sync: return "sync";
    case MaintPage::catalogue: return "catalogue";
    case MaintPage::logs: return "logs";
    case MaintPage::config: return "config";
    case MaintPage::identity: return "identity";
    case MaintPage::power: return "power";
    }
    return "devices";
}

std::string_view power_name(MaintPower power)
{
    switch (power) {
    case MaintPower::restart: return "restart";
    case MaintPower::power_off: return "power_off";
    case MaintPower::exit_to_desktop: return "exit_desktop";
    }
    return "restart";
}

std::string_view refusal_name(BadgeRefusal why)
{
    switch (why) {
    case BadgeRefusal::none: return "none";
    case BadgeRefusal::expired: return "expired";
    case BadgeRefusal::not_yet_valid: return "not_yet_valid";
    case BadgeRefusal::wrong_hall: return "wrong_hall";
    case BadgeRefusal::not_a_badge: return "not_a_badge";
    case BadgeRefusal::no_pin: return "no_pin";
    case BadgeRefusal::forged: return "forged";
    }
    return "none";
}

void Maintenance::forget()
{
    wipe(pin_);
    wipe(staff_.id);
    wipe(staff_.hall);
    staff_ = StaffBadgeInfo{};
    refusal_ = BadgeRefusal::none;
    pin_wrong_ = false;
    page_ = MaintPage::devices;
}

bool Maintenance::enter(SteadyTime now, std::int64_t wall)
{
    if (open())
        return false;
    forget();
    last_input_ = now;
    step_ = lockout_.locked(wall) ? MaintStep::locked : MaintStep::badge;
    return true;
}

bool Maintenance::badge(StaffBadgeInfo b, SteadyTime now, std::int64_t wall)
{
    if (step_ != MaintStep::badge || b.id.empty())
        return false;
    last_input_ = now;
    if (lockout_.locked(wall)) {
        step_ = MaintStep::locked;
        return true;
    }
    staff_ = std::move(b);
    refusal_ = BadgeRefusal::none;
    pin_wrong_ = false;
    wipe(pin_);
    step_ = MaintStep::pin;
    return true;
}

bool Maintenance::badge_refused(BadgeRefusal why, SteadyTime now)
{
    if (step_ != MaintStep::badge || why == BadgeRefusal::none)
        return false;
    last_input_ = now;
    refusal_ = why;
    return true;
}

bool Maintenance::pin_key(char key, SteadyTime now)
{
    if (step_ != MaintStep::pin)
        return false;
    last_input_ = now;
    if (key == '\b') {
        if (pin_.empty())
            return false;
        pin_.back() = '\0';
        pin_.pop_back();
        return true;
    }
    if (key < '0' || key > '9' || pin_.size() >= kMaxPinDigits)
        return false;
    pin_.push_back(key);
    pin_wrong_ = false;
    return true;
}

bool Maintenance::submit_pin(SteadyTime now)
{
    if (step_ != MaintStep::pin || pin_.size() < 4)
        return false;
    last_input_ = now;
    step_ = MaintStep::checking;
    return true;
}

bool Maintenance::pin_checked(bool right, SteadyTime now, std::int64_t wall)
{
    if (step_ != MaintStep::checking)
        return false;
    last_input_ = now;
    wipe(pin_);
    if (right) {
        lockout_.right();
        step_ = MaintStep::menu;
        return true;
    }
    pin_wrong_ = true;
    if (lockout_.wrong(wall)) {
        // Locked: the badge is asked again once the wait is over.
        wipe(staff_.id);
        staff_ = StaffBadgeInfo{};
        step_ = MaintStep::locked;
        return true;
    }
    step_ = MaintStep::pin;
    return true;
}

bool Maintenance::show(MaintPage p, SteadyTime now)
{
    if ((step_ != MaintStep::menu && step_ != MaintStep::page) || !role_sees(staff_.role, p))
        return false;
    last_input_ = now;
    page_ = p;
    step_ = MaintStep::page;
    return true;
}

bool Maintenance::back(SteadyTime now)
{
    last_input_ = now;
    switch (step_) {
    case MaintStep::closed: return false;
    case MaintStep::page: step_ = MaintStep::menu; return true;
    case MaintStep::pin:
        forget();
        step_ = MaintStep::badge;
        return true;
    case MaintStep::checking: return false; // the answer comes
    case MaintStep::badge:
    case MaintStep::locked:
    case MaintStep::menu: return leave();
    }
    return false;
}

bool Maintenance::leave()
{
    if (!open())
        return false;
    forget();
    step_ = MaintStep::closed;
    return true;
}

bool Maintenance::tick(SteadyTime now, std::int64_t wall)
{
    if (!open() || step_ == MaintStep::checking)
        return false;
    if (now - last_input_ >= idle_)
        return leave();
    if (step_ == MaintStep::locked && !lockout_.locked(wall)) {
        step_ = MaintStep::badge;
        return true;
    }
    return false;
}

} // namespace hk
