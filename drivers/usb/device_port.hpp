// One peripheral role (the printer, the ID card reader, the scanner) and the device that fills
// it now: a thread that opens the device when it is attached, runs the drivers' jobs against it
// one at a time, and keeps the state machine and counters staff see.
//
// Work is never lost to a cable: a job that ends because the device went away (no-device) or
// broke (an i/o error) stays at the front of the queue and runs again, from the start, when the
// device is plugged back in; the job is told which attempt it is on (a receipt printed again is
// marked as a reprint). Timeouts and stalls are the device's answer and go back to the job's
// submitter, which knows what they mean.
#pragma once

#include "device_health.hpp"
#include "device_match.hpp"
#include "transport.hpp"

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace hk::usb {

// What was attached to the port.
struct PortDevice {
    std::string model;
    std::string driver;
    InterfaceInfo interface; // the claimed interface, with its endpoints
};

struct Job {
    std::string what; // for the log, e.g. "print receipt 3"
    // Runs on the port's thread; `attempt` is 1 the first time and grows with each replug.
    std::function<Result<void>(Transport&, int attempt)> run;
    // Called once, on the port's thread, when the job has finished or failed for good.
    std::function<void(const Result<void>&)> done;
};

struct PortStatus {
    Role role = Role::printer;
    DeviceState state = DeviceState::absent;
    std::string model; // the device attached now or last; empty if none ever was
    DeviceCounters counters;
    std::size_t pending = 0; // jobs waiting or running
    std::string problem;     // why it is not ready, when there is a reason staff can act on
};

class DevicePort {
public:
    // Called whenever the status changes, on whichever thread changed it: hand it to a queue.
    using ChangeHandler = std::function<void(const PortStatus&)>;
    // Runs on the port's thread after each successful open, before any job (a scanner starts
    // listening here). An error counts as a failed open.
    using OpenHook = std::function<Result<void>(Transport&, const PortDevice&)>;

    DevicePort(Role role, ChangeHandler on_change, OpenHook on_open = {});
    // Stops the thread; jobs still waiting are told the kiosk stopped.
    ~DevicePort();
    DevicePort(const DevicePort&) = delete;
    DevicePort& operator=(const DevicePort&) = delete;

    // A device for this role appeared: open it with `open` (on the port's thread).
    void attach(PortDevice device, Opener open);
    // The device is gone. A job running now fails with no-device and waits for the next attach.
    void detach();
    void submit(Job job);
    PortStatus status() const;
    Role role() const { return role_; }

    class Metered; // the transport jobs see: counts every transfer
    struct Opened; // an open device: its transport and the meter over it

private:
    void loop();
    void publish();
    void count(const Result<void>& r);
    void finish_jobs_at_stop();
    // Closes `d` with the lock released (closing joins the transport's listener threads).
    static void close(std::unique_lock<std::mutex>& lk, std::unique_ptr<Opened> d);

    const Role role_;
    ChangeHandler on_change_;
    OpenHook on_open_;

    mutable std::mutex mu_;
    std::condition_variable cv_;
    DeviceHealth health_;
    std::string model_;
    std::string problem_;
    std::deque<Job> jobs_;
    int attempt_ = 0; // of the job at the front
    std::unique_ptr<Opened> device_; // only the port thread touches it
    std::optional<std::pair<PortDevice, Opener>> attach_request_;
    bool detach_request_ = false;
    bool stop_ = false;
    std::thread thread_;
};

} // namespace hk::usb
