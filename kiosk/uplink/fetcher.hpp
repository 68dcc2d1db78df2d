// What the kiosk asks the central side, on a thread of its own so that no screen ever waits on
// the network: the catalogues (request categories, communities, venues, activities, trusted
// keys, the service directory, volunteer teams, traffic safety pages) at start and then every
// refresh interval, at once when staff ask; and the questions a resident's screen asks (a
// request's status), whose answers come back through a callback. A catalogue that cannot be
// fetched leaves the one in the store; a failed refresh is tried again after a capped, jittered
// backoff.
#pragma once

#include "backoff.hpp"
#include "catalogue_document.hpp"
#include "http_client.hpp"
#include "request_status_document.hpp"

#include "error.hpp"
#include "store.hpp"

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace hk::uplink {

struct FetcherOptions {
    HttpOptions http; // its abort flag is the fetcher's own
    std::int64_t refresh_interval_ms = 15 * 60 * 1000;
    Backoff backoff; // the wait after a refresh that failed
    // Unix milliseconds; the system clock when empty.
    std::function<std::int64_t()> now_ms;
    // A number in [0, 1) for the jitter; a seeded std::mt19937_64 when empty.
    std::function<double()> random_unit;
};

// What staff see of the catalogues (a copy).
struct FetcherStatus {
    std::optional<std::int64_t> last_refresh_ms; // the last refresh in which every catalogue answered
    std::int64_t next_refresh_ms = 0;            // when the next one is due (unix ms)
    int failures = 0;                            // refreshes that failed in a row
    std::string last_error;                      // the last failure's words; kept after a success
    std::int64_t updated = 0;                    // catalogue documents replaced since start
};

// The answer to "what is the status of this request?".
struct StatusAnswer {
    enum class Kind {
        found,       // the central side's answer, fresh
        unknown,     // the central side knows no request with that number and check code
        unreachable, // no answer: `doc` is the last one this kiosk fetched, if any
        invalid,     // not a tracking number and check code at all
    };
    Kind kind = Kind::unreachable;
    std::optional<RequestStatusDocument> doc;
    std::optional<std::int64_t> fetched_ms; // when doc was fetched (unix ms)
    std::string error;                      // unreachable or invalid: why, for the log
};

class Fetcher {
public:
    [[nodiscard]] static Result<std::unique_ptr<Fetcher>> create(store::Store& store, FetcherOptions options);
    ~Fetcher(); // stops the thread
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Runs `hook` on the fetcher's thread with the name of each catalogue whose new document was
    // stored. Set before start().
    void on_updated(std::function<void(std::string_view name)> hook);
    // Starts the thread; the first refresh runs at once.
    void start();
    // Stops the thread: a transfer under way is aborted, the questions not yet asked are
    // answered `unreachable` ("stopped"). Bounded by about a second.
    void stop();

    // Refreshes the catalogues at once (staff's "refresh now"), backoff or not.
    void refresh_now();
    // Asks for a request's status; `done` runs once, on the fetcher's thread (or on the caller's,
    // when the question is invalid or the fetcher stopped). Questions go before a refresh.
    void request_status(std::string tracking, std::string check, std::function<void(StatusAnswer)> done);

    FetcherStatus status() const;

    // One refresh of every catalogue on the caller's thread (the thread runs these): true when
    // each one answered. Not to be called while the thread runs.
    bool refresh();
    // One status question on the caller's thread.
    StatusAnswer ask_status(const std::string& tracking, const std::string& check);

private:
    struct Question {
        std::string tracking;
        std::string check;
        std::function<void(StatusAnswer)> done;
    };

    Fetcher(store::Store& store, FetcherOptions options);
    void run();
    std::int64_t now_ms() const;

    store::Store& store_;
    FetcherOptions options_;
    std::optional<HttpClient> http_;
    std::function<double()> random_;
    std::function<void(std::string_view)> on_updated_;

    std::atomic<bool> stopping_{false};
    std::mutex mutex_; // guards the queue, refresh_asked_, started_
    std::condition_variable wake_;
    std::deque<Question> questions_;
    bool refresh_asked_ = false;
    bool started_ = false;
    std::thread thread_;

    mutable std::mutex status_mutex_;
    FetcherStatus status_;
};

} // namespace hk::uplink
