// The camera scanning thread over the pretend camera: one event per code shown, errors heard,
// stop in good time.
#include "camera_scanner.hpp"
#include "synthetic_frames.hpp"
#include "synthetic_source.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

using namespace hk::camera;
using namespace std::chrono_literals;
using hk::scanner::ScanEvent;

namespace {

GreyFrame blank()
{
    std::mt19937 rng(11);
    return background(640, 480, rng);
}

GreyFrame showing(std::string_view text)
{
    GreyFrame f = blank();
    const auto p = code_pattern(text, Symbology::qr_code);
    REQUIRE(p.has_value());
    Placement where;
    where.width_px = 260;
    draw_code(f, *p, where);
    return f;
}

void add(std::vector<GreyFrame>& v, const GreyFrame& f, int n)
{
    for (int i = 0; i < n; ++i)
        v.push_back(f);
}

// What the scanner's thread hands over, collected for the test.
struct Inbox {
    std::mutex mu;
    std::condition_variable cv;
    std::vector<ScanEvent> scans;
    std::vector<hk::usb::Error> errors;

    auto on_scan()
    {
        return [this](ScanEvent e) {
            std::lock_guard lk(mu);
            scans.push_back(std::move(e));
            cv.notify_all();
        };
    }
    auto on_error()
    {
        return [this](hk::usb::Error e) {
            std::lock_guard lk(mu);
            errors.push_back(std::move(e));
            cv.notify_all();
        };
    }
    // A generous bound so a stuck thread fails the test instead of hanging it.
    bool wait_for_error()
    {
        std::unique_lock lk(mu);
        return cv.wait_for(lk, 60s, [this] { return !errors.empty(); });
    }
};

CameraScanner::Options fast()
{
    CameraScanner::Options o;
    o.repeat = {.hold = 0ms, .gone_frames = 3};
    o.max_busy_share = 1.0; // no rest between frames: the test runs at the decoder's pace
    return o;
}

} // namespace

TEST_CASE("each showing of a code is one scan event, from the camera, with its AIM identifier")
{
    std::vector<GreyFrame> film;
    add(film, blank(), 2);
    add(film, showing("PASS-1"), 6); // held up
    add(film, blank(), 4);           // taken away
    add(film, showing("PASS-1"), 3); // shown again
    add(film, blank(), 1);           // a frame the decoder "misses"
    add(film, showing("PASS-1"), 3); // still the same showing
    add(film, showing("PASS-2"), 4);
    Inbox inbox;
    CameraScanner scanner(fast());
    scanner.start(std::make_unique<SyntheticSource>(film, SyntheticSource::Options{.loop = false}), inbox.on_scan(),
                  inbox.on_error());
    REQUIRE(inbox.wait_for_error()); // the film ran out
    scanner.stop();
    std::lock_guard lk(inbox.mu);
    REQUIRE(inbox.scans.size() == 3);
    CHECK(inbox.scans[0].data == "PASS-1");
    CHECK(inbox.scans[1].data == "PASS-1");
    CHECK(inbox.scans[2].data == "PASS-2");
    for (const ScanEvent& e : inbox.scans) {
        CHECK(e.source == ScanEvent::Source::camera);
        CHECK(e.aim_id == "]Q1");
    }
    CHECK(inbox.scans[0].last_report_at < inbox.scans[1].last_report_at);
    CHECK(scanner.stats().frames == film.size());
    CHECK(scanner.stats().codes == 3);
}

TEST_CASE("a camera that goes away is one error event and the thread ends, without a crash")
{
    Inbox inbox;
    CameraScanner scanner(fast());
    scanner.start(std::make_unique<SyntheticSource>(std::vector<GreyFrame>{blank()},
                                                    SyntheticSource::Options{.loop = false}),
                  inbox.on_scan(), inbox.on_error());
    REQUIRE(inbox.wait_for_error());
    scanner.stop();
    CHECK_FALSE(scanner.running());
    std::lock_guard lk(inbox.mu);
    REQUIRE(inbox.errors.size() == 1);
    CHECK(inbox.errors[0].code == hk::usb::Errc::no_device);
    CHECK(inbox.scans.empty());
}

// A source that never has a frame and counts how often it was asked, so the test can tell the
// thread is inside a wait when it asks it to stop.
struct SilentCamera : FrameSource {
    std::atomic<int>* asked;
    explicit SilentCamera(std::atomic<int>* a) : asked(a) {}
    Result<std::optional<GreyFrame>> next(std::chrono::milliseconds timeout) override
    {
        ++*asked;
        std::this_thread::sleep_for(timeout);
        return std::optional<GreyFrame>{};
    }
};

TEST_CASE("stop ends the thread after at most the frame wait in progress")
{
    std::atomic<int> asked{0};
    CameraScanner::Options o = fast();
    o.frame_wait = 50ms;
    CameraScanner scanner(o);
    scanner.start(std::make_unique<SilentCamera>(&asked), [](ScanEvent) {});
    while (asked.load() < 2)
        std::this_thread::sleep_for(1ms);
    CHECK(scanner.running());
    scanner.stop();
    CHECK_FALSE(scanner.running());
    const int after_stop = asked.load();
    std::this_thread::sleep_for(120ms);
    CHECK(asked.load() == after_stop); // nobody asks for frames any more
}

// Time the thread was runnable but had no core counts as waiting, so on a busy machine it may
// owe less rest; the share of its own CPU time holds either way.
TEST_CASE("at a fifth of a core the thread's CPU time is at most a fifth of the time that passed")
{
    std::vector<GreyFrame> film;
    add(film, showing("PASS-1"), 10);
    Inbox inbox;
    CameraScanner::Options o = fast();
    o.max_busy_share = 0.2;
    CameraScanner scanner(o);
    scanner.start(std::make_unique<SyntheticSource>(film, SyntheticSource::Options{.loop = false}), inbox.on_scan(),
                  inbox.on_error());
    REQUIRE(inbox.wait_for_error());
    scanner.stop();
    const auto s = scanner.stats();
    CHECK(s.frames == 10);
    REQUIRE(s.busy.count() > 0);
    const auto total = s.busy + s.waited + s.rested;
    CHECK(static_cast<double>(s.busy.count()) <= 0.2 * static_cast<double>(total.count()) + 1000.0);
}

TEST_CASE("a scanner started again after a stop scans again")
{
    Inbox inbox;
    CameraScanner scanner(fast());
    for (int round = 0; round < 2; ++round) {
        std::vector<GreyFrame> film;
        add(film, showing("AGAIN"), 2);
        scanner.start(std::make_unique<SyntheticSource>(film, SyntheticSource::Options{.loop = false}),
                      inbox.on_scan(), inbox.on_error());
        REQUIRE(inbox.wait_for_error());
        scanner.stop();
        std::lock_guard lk(inbox.mu);
        inbox.errors.clear();
    }
    std::lock_guard lk(inbox.mu);
    CHECK(inbox.scans.size() == 2); // a fresh filter each start
}
