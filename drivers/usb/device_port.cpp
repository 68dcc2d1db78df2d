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
    std::unique_lock lk(mu_);
    while (true) {
        cv_.wait(lk, [&] { return stop_ || detach_request_ || attach_request_ || (transport_ && !jobs_.empty()); });
        if (stop_)
            break;

        if (detach_request_) {
            detach_request_ = false;
            auto gone = std::move(transport_);
            auto gone_metered = std::move(metered_);
            health_.detached();
            problem_.clear();
            lk.unlock();
            gone_metered.reset();
            gone.reset(); // ends listening; joins the transport's own threads
            spdlog::info("devices: {} is absent", role_name(role_));
            publish();
            lk.lock();
            continue;
        }

        if (attach_request_) {
            auto [device, open] = std::move(*attach_request_);
            attach_request_.reset();
            auto old = std::move(transport_);
            metered_.reset();
            health_.attached();
            model_ = device.model;
            problem_.clear();
            lk.unlock();
            old.reset();
            publish();
            auto opened = open();
            Result<void> ready = opened ? Result<void>{} : Result<void>{std::unexpect, opened.error()};
            std::unique_ptr<Metered> metered;
            if (opened) {
                metered = std::make_unique<Metered>(*this, **opened);
                if (on_open_)
                    ready = on_open_(*metered, device);
            }
            lk.lock();
            if (attach_request_ || detach_request_) {
                // Unplugged (or replaced) while it was being opened: start over with that.
                lk.unlock();
                metered.reset();
                opened = std::unexpected(Error{Errc::no_device, "unplugged while opening"});
                lk.lock();
                continue;
            }
            if (ready) {
                transport_ = std::move(*opened);
                metered_ = std::move(metered);
                health_.opened();
                spdlog::info("devices: {} {} is ready", role_name(role_), model_);
            } else {
                health_.open_failed(ready.error(), wall_now());
                problem_ = ready.error().message;
                spdlog::error("devices: {} {} cannot be used: {}", role_name(role_), model_, ready.error().message);
                lk.unlock();
                metered.reset();
                opened = std::unexpected(ready.error());
                lk.lock();
            }
            lk.unlock();
            publish();
            lk.lock();
            continue;
        }

        // A job, with the device open.
        Job& job = jobs_.front();
        const int attempt = ++attempt_;
        health_.work_started();
        lk.unlock();
        publish();
        if (attempt > 1)
            spdlog::info("devices: {}: running '{}' again (attempt {})", role_name(role_), job.what, attempt);
        const Result<void> r = job.run(*metered_, attempt);
        lk.lock();
        health_.work_done(r);
        if (!r && waits_for_replug(r.error())) {
            // The job stays; the device is closed until it is plugged again.
            problem_ = r.error().message;
            spdlog::warn("devices: {}: '{}' stopped ({}); it runs again when the device is back",
                         role_name(role_), job.what, r.error().message);
            auto broken = std::move(transport_);
            auto broken_metered = std::move(metered_);
            lk.unlock();
            broken_metered.reset();
            broken.reset();
            publish();
            lk.lock();
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
    auto last = std::move(transport_);
    metered_.reset();
    lk.unlock();
    last.reset();
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
