// Scanning with a camera: a thread takes frames from a FrameSource, decodes them at a rate that
// keeps its core at most half busy, and reports each code held up once, as a ScanEvent.
#pragma once

#include "code_reader.hpp"
#include "duty_cycle.hpp"
#include "frame_source.hpp"
#include "repeat_filter.hpp"
#include "scan_event.hpp"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace hk::camera {

class CameraScanner {
public:
    struct Options {
        ReadTuning tuning = ReadTuning::kiosk();
        RepeatFilter::Options repeat;
        double max_busy_share = 0.5;
        // How long one wait for a frame may take: the longest stop() waits for the thread.
        std::chrono::milliseconds frame_wait{100};
    };

    struct Stats {
        std::uint64_t frames = 0;
        std::uint64_t codes = 0; // reported, after the repeat filter
        std::chrono::nanoseconds busy{0};   // CPU time of the thread
        std::chrono::nanoseconds waited{0}; // idle otherwise, mostly waiting for the camera
        std::chrono::nanoseconds rested{0}; // idle on purpose, for the duty cycle
    };

    explicit CameraScanner(Options options);
    CameraScanner() : CameraScanner(Options{}) {}
    ~CameraScanner();
    CameraScanner(const CameraScanner&) = delete;
    CameraScanner& operator=(const CameraScanner&) = delete;

    // Starts the thread (stopping a previous one). Both callbacks run on it: hand their values to
    // a queue. `on_error` hears once why the thread ended early (the camera unplugged or broken);
    // scanning does not resume by itself.
    void start(std::unique_ptr<FrameSource> source, std::function<void(scanner::ScanEvent)> on_scan,
               std::function<void(Error)> on_error = {});
    // Returns once the thread has ended: within one frame wait and one decode.
    void stop();
    bool running() const { return running_.load(); }
    Stats stats() const;

private:
    void run(std::unique_ptr<FrameSource> source, std::function<void(scanner::ScanEvent)> on_scan,
             std::function<void(Error)> on_error);
    bool rest_for(std::chrono::nanoseconds d); // false when asked to stop meanwhile

    Options options_;
    std::thread thread_;
    std::atomic<bool> running_{false};
    mutable std::mutex mu_; // guards stop_ and stats_
    std::condition_variable wake_;
    bool stop_ = false;
    Stats stats_;
};

} // namespace hk::camera
