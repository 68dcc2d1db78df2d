// The camera scanning thread (see camera_scanner.hpp).
#include "camera_scanner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>

namespace hk::camera {

using Clock = std::chrono::steady_clock;

namespace {

// CPU time this thread has used: converting frames inside the source counts as much as decoding.
std::chrono::nanoseconds thread_cpu_time()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds{ts.tv_sec} + std::chrono::nanoseconds{ts.tv_nsec};
}

} // namespace

CameraScanner::CameraScanner(Options options) : options_(std::move(options)) {}

CameraScanner::~CameraScanner() { stop(); }

void CameraScanner::start(std::unique_ptr<FrameSource> source, std::function<void(scanner::ScanEvent)> on_scan,
                          std::function<void(Error)> on_error)
{
    stop();
    {
        std::lock_guard lk(mu_);
        stop_ = false;
        stats_ = Stats{};
    }
    running_ = true;
    thread_ = std::thread(&CameraScanner::run, this, std::move(source), std::move(on_scan), std::move(on_error));
}

void CameraScanner::stop()
{
    {
        std::lock_guard lk(mu_);
        stop_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

CameraScanner::Stats CameraScanner::stats() const
{
    std::lock_guard lk(mu_);
    return stats_;
}

bool CameraScanner::rest_for(std::chrono::nanoseconds d)
{
    std::unique_lock lk(mu_);
    return !wake_.wait_for(lk, d, [this] { return stop_; });
}

void CameraScanner::run(std::unique_ptr<FrameSource> source, std::function<void(scanner::ScanEvent)> on_scan,
                        std::function<void(Error)> on_error)
{
    RepeatFilter repeats(options_.repeat);
    const DutyCycle duty(options_.max_busy_share);
    // The share is kept per frame over everything since the previous frame's rest ended.
    auto wall_from = Clock::now();
    auto cpu_from = thread_cpu_time();
    while (true) {
        {
            std::lock_guard lk(mu_);
            if (stop_)
                break;
        }
        auto frame = source->next(options_.frame_wait);
        if (!frame) {
            spdlog::warn("camera: {}", frame.error().message);
            if (on_error)
                on_error(frame.error());
            break;
        }
        if (!*frame)
            continue; // nothing yet; look at stop_ again
        const std::vector<DecodedCode> codes = read_codes(**frame, options_.tuning);
        std::vector<std::string> texts;
        texts.reserve(codes.size());
        for (const DecodedCode& c : codes)
            texts.push_back(c.text);
        const auto now = Clock::now();
        std::uint64_t reported = 0;
        for (const std::string& t : repeats.frame(texts, now)) {
            if (t.size() > scanner::kMaxCodeBytes)
                continue; // no code holds this much: not something to act on
            const auto it = std::find_if(codes.begin(), codes.end(), [&](const DecodedCode& c) { return c.text == t; });
            ++reported;
            if (on_scan)
                on_scan(scanner::ScanEvent{t, it->aim_id, scanner::ScanEvent::Source::camera, now});
        }
        const auto busy = thread_cpu_time() - cpu_from;
        const auto wall = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - wall_from);
        const auto waited = std::max(wall - busy, std::chrono::nanoseconds{0});
        const auto rest = duty.rest(busy, waited);
        {
            std::lock_guard lk(mu_);
            ++stats_.frames;
            stats_.codes += reported;
            stats_.busy += busy;
            stats_.waited += waited;
            stats_.rested += rest;
        }
        if (rest.count() > 0 && !rest_for(rest))
            break;
        wall_from = Clock::now();
        cpu_from = thread_cpu_time();
    }
    running_ = false;
}

} // namespace hk::camera
