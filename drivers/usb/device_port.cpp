// A peripheral role's thread, queue and state (see device_port.hpp).
#include "device_port.hpp"

#include <spdlog/spdlog.h>

namespace hk::usb {
namespace {

auto wall_now() { return std::chrono::system_clock::now(); }

template <typename T> Result<void> as_void(const Result<T>& r)
{
    if (r)
        return {};
    return std::unexpected(r.error());
}

// Errors after which the job waits for the device to come back rather than failing.
bool waits_for_replug(const Error& e) { return e.code != Errc::timeout && e.code != Errc::stall; }

} // namespace

class DevicePort::Metered final : public Transport {
public:
    Metered(DevicePort& port, Transport& inner) : port_(port), inner_(inner) {}

    Result<std::size_t> write(std::uint8_t ep, std::span<const std::uint8_t> data, Millis timeout) override
    {
        auto r = inner_.write(ep, data, timeout);
        port_.count(as_void(r));
        return r;
    }
    Result<std::vector<std::uint8_t>> read(std::uint8_t ep, std::size_t max, Millis timeout) override
    {
        auto r = inner_.read(ep, max, timeout);
        port_.count(as_void(r));
        return r;
    }
    Result<std::vector<std::uint8_t>> control_in(const ControlSetup& setup, std::size_t max, Millis timeout) override
    {
        auto r = inner_.control_in(setup, max, timeout);
        port_.count(as_void(r));
        return r;
    }
    Result<void> control_out(const ControlSetup& setup, std::span<const std::uint8_t> data, Millis timeout) override
    {
        auto r = inner_.control_out(setup, data, timeout);
        port_.count(r);
        return r;
    }
    Result<void> clear_halt(std::uint8_t ep) override
    {
        auto r = inner_.clear_halt(ep);
        port_.count(r);
        return r;
    }
    Result<void> listen(std::uint8_t ep, std::size_t size, DataHandler on_data) override
    {
        // The listener outlives this wrapper until the inner transport closes: it holds the port.
        return inner_.listen(ep, size, [&port = port_, on_data = std::move(on_data)](Result<std::vector<std::uint8_t>> r) {
            // The listener's end when the device goes is expected; it is not counted as an error.
            if (r || r.error().code != Errc::no_device)
                port.count(as_void(r));
            on_data(std::move(r));
        });
    }

private:
    DevicePort& port_;
    Transport& inner_;
};

struct DevicePort::Opened {
    Opened(DevicePort& port, std::unique_ptr<Transport> t) : inner(std::move(t)), metered(port, *inner) {}
    std::unique_ptr<Transport> inner;
    Metered metered;
};

void DevicePort::close(std::unique_lock<std::mutex>& lk, std::unique_ptr<Opened> d)
{
    lk.unlock();
    d.reset();
    lk.lock();
}

DevicePort::DevicePort(Role role, ChangeHandler on_change, OpenHook on_open)
    : role_(role), on_change_(std::move(on_change)), on_open_(std::move(on_open))
{
    thread_ = std::thread([this] { loop(); });
}

DevicePort::~DevicePort()
{
    {
        std::lock_guard lk(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
}

void DevicePort::attach(PortDevice device, Opener open)
{
    {
        std::lock_guard lk(mu_);
        attach_request_.emplace(std::move(device), std::move(open));
    }
    cv_.notify_all();
}

void DevicePort::detach()
{
    {
        std::lock_guard lk(mu_);
        attach_request_.reset();
        detach_request_ = true;
    }
    cv_.notify_all();
}

void DevicePort::submit(Job job)
{
    {
        std::lock_guard lk(mu_);
        jobs_.push_back(std::move(job));
    }
    cv_.notify_all();
    publish();
}

PortStatus DevicePort::status() const
{
    std::lock_guard lk(mu_);
    return PortStatus{role_, health_.state(), model_, health_.counters(), jobs_.size(), problem_};
}

void DevicePort::publish()
{
    if (on_change_)
        on_change_(status());
}

void DevicePort::count(const Result<void>& r)
{
    std::lock_guard lk(mu_);
    health_.count_transfer(r, wall_now());
}

void DevicePort::loop()
{
    // Publishes the status with the lock released (the handler may ask for it).
    const auto changed = [&](std::unique_lock<std::mutex>& lk) {
        lk.unlock();
        publish();
        lk.lock();
    };
    std::unique_lock lk(mu_);
    while (true) {
        cv_.wait(lk, [&] { return stop_ || detach_request_ || attach_request_ || (device_ && !jobs_.empty()); });
        if (stop_)
            break;

        if (detach_request_) {
            detach_request_ = false;
            health_.detached();
            problem_.clear();
            close(lk, std::move(device_)); // ends listening
            spdlog::info("devices: {} is absent", role_name(role_));
            changed(lk);
            continue;
        }

        if (attach_request_) {
            auto [device, open] = std::move(*attach_request_);
            attach_request_.reset();
            health_.attached();
            model_ = device.model;
            problem_.clear();
            close(lk, std::move(device_));
            changed(lk);
            lk.unlock();
            std::unique_ptr<Opened> opened;
            Result<void> ready{};
            if (auto t = open(); !t) {
                ready = std::unexpected(t.error());
            } else {
                opened = std::make_unique<Opened>(*this, std::move(*t));
                if (on_open_)
                    ready = on_open_(opened->metered, device);
            }
            lk.lock();
            if (attach_request_ || detach_request_) {
                // Unplugged (or replaced) while it was being opened: start over with that.
                close(lk, std::move(opened));
                continue;
            }
            if (ready) {
                device_ = std::move(opened);
                health_.opened();
                spdlog::info("devices: {} {} is ready", role_name(role_), model_);
            } else {
                health_.open_failed(ready.error(), wall_now());
                problem_ = ready.error().message;
                spdlog::error("devices: {} {} cannot be used: {}", role_name(role_), model_, ready.error().message);
                close(lk, std::move(opened));
            }
            changed(lk);
            continue;
        }

        // A job, with the device open.
        Job& job = jobs_.front();
        const int attempt = ++attempt_;
        health_.work_started();
        changed(lk);
        lk.unlock();
        if (attempt > 1)
            spdlog::info("devices: {}: running '{}' again (attempt {})", role_name(role_), job.what, attempt);
        const Result<void> r = job.run(device_->metered, attempt);
        lk.lock();
        health_.work_done(r);
        if (!r && waits_for_replug(r.error())) {
            // The job stays; the device is closed until it is plugged again.
            problem_ = r.error().message;
            spdlog::warn("devices: {}: '{}' stopped ({}); it runs again when the device is back",
                         role_name(role_), job.what, r.error().message);
            close(lk, std::move(device_));
            changed(lk);
            continue;
        }
        Job finished = std::move(jobs_.front());
        jobs_.pop_front();
        attempt_ = 0;
        lk.unlock();
        if (!r)
            spdlog::warn("devices: {}: '{}' failed: {}", role_name(role_), finished.what, r.error().message);
        if (finished.done)
            finished.done(r);
        publish();
        lk.lock();
    }
    close(lk, std::move(device_));
    lk.unlock();
    finish_jobs_at_stop();
}

void DevicePort::finish_jobs_at_stop()
{
    std::deque<Job> left;
    {
        std::lock_guard lk(mu_);
        left.swap(jobs_);
    }
    for (Job& j : left) {
        spdlog::warn("devices: {}: '{}' not done: the kiosk is stopping", role_name(role_), j.what);
        if (j.done)
            j.done(std::unexpected(Error{Errc::no_device, "the kiosk stopped before the device could do it"}));
    }
}

} // namespace hk::usb
