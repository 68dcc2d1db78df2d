// Polling a device between jobs (see idle_poller.hpp).
#include "idle_poller.hpp"

namespace hk::usb {

IdlePoller::IdlePoller(std::chrono::milliseconds interval, std::function<Job()> make,
                       std::function<void(const PortStatus&)> not_ready)
    : interval_(interval), make_(std::move(make)), not_ready_(std::move(not_ready))
{
}

void IdlePoller::attach(DevicePort& port)
{
    std::lock_guard lk(mu_);
    port_ = &port;
    if (!thread_.joinable())
        thread_ = std::thread([this] { loop(); });
}

void IdlePoller::stop()
{
    {
        std::lock_guard lk(mu_);
        stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

void IdlePoller::loop()
{
    std::unique_lock lk(mu_);
    while (!stopping_) {
        cv_.wait_for(lk, interval_, [&] { return stopping_; });
        if (stopping_)
            break;
        if (in_flight_ || !port_)
            continue;
        DevicePort* port = port_;
        lk.unlock();
        const PortStatus ps = port->status();
        if (ps.state != DeviceState::ready || ps.pending > 0) {
            if (ps.state != DeviceState::ready && not_ready_)
                not_ready_(ps);
            lk.lock();
            continue;
        }
        Job job = make_();
        job.done = [this, done = std::move(job.done)](const Result<void>& r) {
            if (done)
                done(r);
            std::lock_guard g(mu_);
            in_flight_ = false;
        };
        lk.lock();
        in_flight_ = true;
        lk.unlock();
        port->submit(std::move(job));
        lk.lock();
    }
}

} // namespace hk::usb
