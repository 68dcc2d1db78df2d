// Asking a device how it is between the real work: a job submitted to a port every so often,
// only while the port is ready and nothing is queued on it, so that a poll never delays a
// receipt or a card read, and at most one poll is ever queued.
#pragma once

#include "device_port.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace hk::usb {

class IdlePoller {
public:
    // `make`: the poll job (its `done` is kept and called). `not_ready`: told the port's status
    // when a poll is skipped because the port is not ready (e.g. the device was unplugged).
    IdlePoller(std::chrono::milliseconds interval, std::function<Job()> make,
               std::function<void(const PortStatus&)> not_ready = {});
    ~IdlePoller() { stop(); }
    IdlePoller(const IdlePoller&) = delete;
    IdlePoller& operator=(const IdlePoller&) = delete;

    // Starts polling `port`.
    void attach(DevicePort& port);
    // Stops; a poll already queued runs or fails with the port.
    void stop();

private:
    void loop();

    const std::chrono::milliseconds interval_;
    const std::function<Job()> make_;
    const std::function<void(const PortStatus&)> not_ready_;
    std::mutex mu_;
    std::condition_variable cv_;
    DevicePort* port_ = nullptr;
    bool in_flight_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace hk::usb
