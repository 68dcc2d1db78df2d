// The kiosk's side of booking venues and signing up to activities (docs/protocol.md, "Venues
// and bookings", "Activities"): every question goes to the central side, which alone holds,
// confirms and cancels, on a thread of its own so that no screen waits on the network. Each
// question's answer comes back once through its callback (on the desk's thread, or on the
// caller's when the desk has stopped). The resident's ID number travels only in request bodies
// and is overwritten once sent.
#pragma once

#include "booking_items.hpp"
#include "rating_items.hpp"
#include "http_client.hpp"

#include "error.hpp"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace hk::uplink {

// What became of a question.
template <typename T> struct DeskAnswer {
    enum class Kind {
        done,        // `value` holds the answer
        refused,     // the central side said no: `refusal` says by which rule
        gone,        // the hold, booking or sign-up is not (or no longer) there: 404, 410
        unreachable, // no answer (network, TLS, timeout, 5xx, the desk stopped): nothing happened here
        garbled,     // an answer that does not read: the log has why
    };
    Kind kind = Kind::unreachable;
    std::optional<T> value;
    std::optional<Refusal> refusal;
    std::string error; // for the log
};

struct Resident {
    std::string name;
    std::string id_number;
};

class BookingDesk {
public:
    // `http` as the fetcher's (its abort flag is the desk's own).
    [[nodiscard]] static Result<std::unique_ptr<BookingDesk>> create(HttpOptions http);
    ~BookingDesk(); // stops the thread
    BookingDesk(const BookingDesk&) = delete;
    BookingDesk& operator=(const BookingDesk&) = delete;

    void start();
    // Stops the thread: a transfer under way is aborted; questions not yet asked are answered
    // `unreachable` ("stopped").
    void stop();

    void day_slots(std::string venue, std::string date, std::function<void(DeskAnswer<std::vector<Slot>>)> done);
    // `hall`: the kiosk's, which the pass will name.
    void hold(std::string venue, std::string start, int group_size, Resident resident, std::string hall,
              std::function<void(DeskAnswer<Hold>)> done);
    void confirm(std::string hold, std::function<void(DeskAnswer<Confirmed>)> done);
    // The resident changed their mind: the slot is let go (best effort; it expires anyway).
    void release(std::string hold);
    void cancel_booking(std::string booking, std::string id_number, std::function<void(DeskAnswer<Booking>)> done);
    void lookup(std::string id_number, std::function<void(DeskAnswer<ResidentItems>)> done);
    void seats(std::string activity, std::function<void(DeskAnswer<Seats>)> done);
    void sign_up(std::string activity, Resident resident, std::function<void(DeskAnswer<Signup>)> done);
    void cancel_signup(std::string signup, std::string id_number, std::function<void(DeskAnswer<bool>)> done);
    // Whether a rating's subject is rated already (true), by the body docs/protocol.md names; a
    // subject that cannot be rated is refused by rule (unknown, not_rateable, invalid). The body
    // is overwritten once sent: it may carry the rater's ID number.
    void check_rating(std::string body, std::function<void(DeskAnswer<bool>)> done);
    // The hall's satisfaction summary, this month and the one before.
    void satisfaction(std::string hall, std::function<void(DeskAnswer<Satisfaction>)> done);

private:
    struct Job {
        enum class Method { get, post, del } method = Method::get;
        std::string path;
        std::string body;
        // Called with the response (or the failure to get one); `nullptr` response when stopped.
        std::function<void(const Result<HttpResponse>*)> handle;
    };

    explicit BookingDesk(HttpOptions http);
    void enqueue(Job job);
    void run();

    HttpOptions options_;
    std::optional<HttpClient> http_;
    std::atomic<bool> stopping_{false};
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    bool started_ = false;
    std::thread thread_;
};

} // namespace hk::uplink
