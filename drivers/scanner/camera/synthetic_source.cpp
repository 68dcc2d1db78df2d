// The pretend camera (see synthetic_source.hpp).
#include "synthetic_source.hpp"

#include <thread>

namespace hk::camera {

SyntheticSource::SyntheticSource(std::vector<GreyFrame> frames, Options options)
    : frames_(std::move(frames)), options_(options)
{
}

Result<std::optional<GreyFrame>> SyntheticSource::next(std::chrono::milliseconds timeout)
{
    if (frames_.empty() || (!options_.loop && index_ >= frames_.size()))
        return std::unexpected(Error{Errc::no_device, "synthetic camera: no more frames"});
    const auto now = Clock::now();
    if (due_ == Clock::time_point{})
        due_ = now;
    if (due_ > now + timeout) { // the next frame is not due within the wait
        std::this_thread::sleep_for(timeout);
        return std::optional<GreyFrame>{};
    }
    std::this_thread::sleep_until(due_);
    due_ = std::max(due_ + options_.frame_interval, Clock::now()); // a late reader skips, as a camera drops frames
    GreyFrame f = frames_[index_ % frames_.size()];
    ++index_;
    return std::optional<GreyFrame>{std::move(f)};
}

} // namespace hk::camera
