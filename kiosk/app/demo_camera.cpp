// Demo mode's pretend camera (see demo_camera.hpp).
#include "demo_camera.hpp"

#include "synthetic_frames.hpp"

#include <thread>

namespace hk::app {

struct DemoCamera::State {
    std::mutex mu;
    camera::GreyFrame counter; // what the camera sees with nothing held up
    std::optional<camera::CodePattern> code;
    int frames_left = 0;
    std::mt19937 rng{20261201};
};

namespace {

class Source final : public camera::FrameSource {
public:
    explicit Source(std::shared_ptr<DemoCamera::State> state) : state_(std::move(state)) {}

    camera::Result<std::optional<camera::GreyFrame>> next(std::chrono::milliseconds timeout) override
    {
        const auto now = std::chrono::steady_clock::now();
        if (due_ > now + timeout) {
            std::this_thread::sleep_for(timeout);
            return std::optional<camera::GreyFrame>{};
        }
        std::this_thread::sleep_until(due_);
        due_ = std::max(due_, now) + DemoCamera::kFrameInterval;
        std::lock_guard lk(state_->mu);
        camera::GreyFrame frame = state_->counter;
        if (state_->code && state_->frames_left > 0) {
            --state_->frames_left;
            camera::Placement where;
            where.width_px = 280;
            where.angle_deg = 8;
            where.tilt = 0.05;
            camera::draw_code(frame, *state_->code, where);
        }
        camera::add_noise(frame, 3.0, state_->rng);
        return std::optional(std::move(frame));
    }

private:
    std::shared_ptr<DemoCamera::State> state_;
    std::chrono::steady_clock::time_point due_{};
};

} // namespace

DemoCamera::DemoCamera() : state_(std::make_shared<State>())
{
    state_->counter = camera::background(kWidth, kHeight, state_->rng);
}

std::unique_ptr<camera::FrameSource> DemoCamera::source()
{
    return std::make_unique<Source>(state_);
}

bool DemoCamera::show(const std::string& code)
{
    auto pattern = camera::code_pattern(code, camera::Symbology::qr_code);
    if (!pattern)
        return false;
    std::lock_guard lk(state_->mu);
    state_->code = std::move(pattern);
    state_->frames_left = kFramesShown;
    return true;
}

} // namespace hk::app
