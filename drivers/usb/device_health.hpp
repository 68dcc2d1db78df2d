// What staff see of each peripheral: its state and its counters.
//
//   absent → opening → ready ⇄ busy
//              │         │       │
//              └───→ fault ←─────┘      (any state) → absent on unplug; fault → opening on replug
//
// Pure: the device's owner reports what happens and passes the time in.
#pragma once

#include "usb_error.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace hk::usb {

enum class DeviceState { absent, opening, ready, busy, fault };
std::string_view state_name(DeviceState s);

struct DeviceCounters {
    std::uint64_t transfers = 0;
    std::uint64_t errors = 0;
    std::uint64_t reconnects = 0;
    std::optional<Error> last_error;
    std::chrono::system_clock::time_point last_error_at{};
};

class DeviceHealth {
public:
    DeviceState state() const { return state_; }
    const DeviceCounters& counters() const { return counters_; }

    void attached();                 // the device appeared: opening it
    void opened();                   // claimed: ready
    void open_failed(const Error& e, std::chrono::system_clock::time_point now);
    void work_started();             // a job began: ready → busy
    // The job ended with `r`. Timeouts and stalls are the device's answer, not a fault; a lost
    // device is absent; anything else faults it until it is plugged again.
    void work_done(const Result<void>& r);
    // One USB transfer ended: counted, and an error remembered with its time. No state change.
    void count_transfer(const Result<void>& r, std::chrono::system_clock::time_point now);
    void detached();                 // unplugged: absent, whatever it was doing

private:
    void record(const Error& e, std::chrono::system_clock::time_point now);

    DeviceState state_ = DeviceState::absent;
    DeviceCounters counters_;
    bool seen_before_ = false;
};

} // namespace hk::usb
