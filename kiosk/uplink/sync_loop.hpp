// The sync loop: on its own thread, the store's oldest waiting records go to the central side in
// batches (POST /v1/records, docs/protocol.md) and each is marked with its answer. Anything but
// a well-formed answer for the whole batch (no connection, TLS, timeout, 5xx, garbage) leaves the
// batch waiting and the loop backs off (capped exponential, full jitter). A rejected record stays
// in the store for staff, counted. The server's Date header gives the clock skew.
#pragma once

#include "backoff.hpp"
#include "http_client.hpp"
#include "upload_results.hpp"

#include "error.hpp"
#include "store.hpp"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace hk::uplink {

inline constexpr std::int64_t kSkewLimitSeconds = 120;

struct SyncOptions {
    std::string kiosk_id;
    HttpOptions http; // its abort flag is the loop's own
    std::size_t batch_size = kMaxBatchRecords;
    Backoff backoff;
    std::int64_t skew_limit_s = kSkewLimitSeconds;
    // Unix milliseconds; the system clock when empty.
    std::function<std::int64_t()> now_ms;
    // A number in [0, 1) for the jitter; a seeded std::mt19937_64 when empty.
    std::function<double()> random_unit;
    // Waits `delay_ms` after a failed attempt. When empty the loop waits on its condition
    // variable, which stop() wakes. A sleeper given here should return soon after stop().
    std::function<void(std::int64_t delay_ms)> sleep;
};

// What the UI shows: a copy, consistent in itself.
struct SyncStatus {
    bool online = false;            // the last attempt got a good answer (false before any)
    bool idle = false;              // the last look found nothing waiting: the loop waits for notify()
    int failures = 0;               // failed attempts in a row
    std::int64_t next_delay_ms = 0; // the wait chosen after the last failure
    std::int64_t waiting = 0;
    std::optional<std::int64_t> oldest_waiting_age_ms;
    std::optional<std::int64_t> last_success_ms; // unix ms
    std::string last_error;                      // the last failure's words; kept after a success
    std::int64_t rejected = 0;                   // records the central side rejected, kept for staff
    std::int64_t answered = 0;                   // records marked since the loop started
    std::optional<std::int64_t> skew_s;          // the server's clock minus ours, from its last Date header
    bool skew_too_large = false;                 // |skew_s| > skew_limit_s
};

class SyncLoop {
public:
    static Result<std::unique_ptr<SyncLoop>> create(store::Store& store, SyncOptions options);
    ~SyncLoop(); // stops the thread
    SyncLoop(const SyncLoop&) = delete;
    SyncLoop& operator=(const SyncLoop&) = delete;

    // Starts the thread (once).
    void start();
    // A record was enqueued: when idle, the loop sends at once. (A loop backing off keeps
    // waiting: a new record is no news about the network.)
    void notify();
    // Staff asked to send now ("sync now"): a wait after failures is cut short too.
    void retry_now();
    // Stops the thread: a transfer under way is aborted, a wait cut short; joins. Bounded by
    // about a second (libcurl's progress callback interval).
    void stop();

    SyncStatus status() const;

    enum class Step { idle, sent, failed };
    // One attempt on the caller's thread (the thread runs these): the oldest batch sent and
    // marked (sent), nothing waiting (idle), or a failure, after which next_delay_ms is chosen.
    // Not to be called while the thread runs.
    Step step();

private:
    SyncLoop(store::Store& store, SyncOptions options);
    void run();
    std::int64_t now_ms() const;
    Step failed(std::string what);
    void note_date(const std::string& date);
    void refresh_counts();

    store::Store& store_;
    SyncOptions options_;
    std::optional<HttpClient> http_; // set by create()
    std::function<double()> random_;

    std::atomic<bool> stopping_{false};
    std::mutex wake_mutex_;
    std::condition_variable wake_;
    bool notified_ = false;
    bool retry_ = false; // retry_now() during a backoff
    std::thread thread_;

    mutable std::mutex status_mutex_;
    SyncStatus status_;
};

} // namespace hk::uplink
