// A camera sees a code held up to it in frame after frame; the kiosk wants it once. The filter
// passes a text the first time and holds it back while it stays in view, and for a while after.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace hk::camera {

class RepeatFilter {
public:
    using Clock = std::chrono::steady_clock;

    struct Options {
        // A text reported is not reported again within this time, seen or not in between.
        std::chrono::milliseconds hold{3000};
        // Nor before it has been out of view for this many frames in a row (a frame or two the
        // decoder misses while the code is still held up does not count as taking it away).
        int gone_frames = 5;
    };

    explicit RepeatFilter(Options options) : options_(options) {}
    RepeatFilter() : RepeatFilter(Options{}) {}

    // One frame's texts (duplicates allowed) seen at `now`: the ones to report, in the order given.
    std::vector<std::string> frame(const std::vector<std::string>& texts, Clock::time_point now);

    std::size_t tracked() const { return seen_.size(); }

private:
    struct Seen {
        Clock::time_point reported_at;
        std::uint64_t last_frame; // the frame it was last in
    };
    Options options_;
    std::uint64_t frame_ = 0;
    std::unordered_map<std::string, Seen> seen_;
};

} // namespace hk::camera
