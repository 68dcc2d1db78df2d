// The peripheral state machine and counters (see device_health.hpp).
#include "device_health.hpp"

namespace hk::usb {

std::string_view state_name(DeviceState s)
{
    switch (s) {
    case DeviceState::absent: return "absent";
    case DeviceState::opening: return "opening";
    case DeviceState::ready: return "ready";
    case DeviceState::busy: return "busy";
    case DeviceState::fault: return "fault";
    }
    return "absent";
}

void DeviceHealth::record(const Error& e, std::chrono::system_clock::time_point now)
{
    ++counters_.errors;
    counters_.last_error = e;
    counters_.last_error_at = now;
}

void DeviceHealth::attached()
{
    if (state_ != DeviceState::absent && state_ != DeviceState::fault)
        return;
    if (seen_before_)
        ++counters_.reconnects;
    seen_before_ = true;
    state_ = DeviceState::opening;
}

void DeviceHealth::opened()
{
    if (state_ == DeviceState::opening)
        state_ = DeviceState::ready;
}

void DeviceHealth::open_failed(const Error& e, std::chrono::system_clock::time_point now)
{
    record(e, now);
    if (state_ == DeviceState::opening)
        state_ = DeviceState::fault;
}

void DeviceHealth::work_started()
{
    if (state_ == DeviceState::ready)
        state_ = DeviceState::busy;
}

void DeviceHealth::work_done(const Result<void>& r)
{
    if (state_ != DeviceState::busy && state_ != DeviceState::ready)
        return;
    if (r || r.error().code == Errc::timeout || r.error().code == Errc::stall)
        state_ = DeviceState::ready;
    else if (r.error().code == Errc::no_device)
        state_ = DeviceState::absent;
    else
        state_ = DeviceState::fault;
}

void DeviceHealth::count_transfer(const Result<void>& r, std::chrono::system_clock::time_point now)
{
    ++counters_.transfers;
    if (!r)
        record(r.error(), now);
}

void DeviceHealth::detached() { state_ = DeviceState::absent; }

} // namespace hk::usb
