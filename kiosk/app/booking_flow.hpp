// The booking, activity, "my bookings" and rating screens' questions to the central side, asked through
// the uplink's booking desk, and their answers. A question is asked once, when a screen comes to
// wait for it; its answer comes back on the desk's thread, is kept in a mailbox and taken in on
// the loop's as an intent for the shell, with what to do once the shell has (or has not) taken
// it: a hold the shell no longer wants is let go, a confirmed booking's pass and a sign-up's slip
// are printed.
#pragma once

#include "booking_desk.hpp"
#include "shell.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hk::app {

// What the central side confirmed, for the pass.
struct ConfirmedBooking {
    std::string booking;
    std::string venue;
    std::string start, end;
    int group_size = 1;
    std::string cancel_until;
    std::string pass; // the signed token, for the QR code
};

// An answer, as the loop takes it in.
struct FlowAnswer {
    Intent intent;
    // Told whether the shell took the intent (false: the screen had moved on).
    std::function<void(bool taken)> then;
    std::string expires_at = {}; // a hold's: when the central side lets it go (RFC 3339 UTC)
};

class BookingFlow {
public:
    // `wake`: wakes the loop when an answer is in (from the desk's thread).
    explicit BookingFlow(std::function<void()> wake);
    ~BookingFlow();
    BookingFlow(const BookingFlow&) = delete;
    BookingFlow& operator=(const BookingFlow&) = delete;

    // The desk to ask through (null: every question is answered "unreachable" at once).
    void set_desk(uplink::BookingDesk* desk) { desk_ = desk; }
    // Asks what the screen on top waits for, if it has not been asked. `hall`: the kiosk's.
    // `activities`: the catalogue's, whose seats the list shows (asked one at a time).
    void ask(const Shell& shell, const std::string& hall, const std::vector<uplink::Activity>& activities);
    // The answers in since the last call. `now_unix`: the kiosk's wall clock, which a hold's
    // time left is counted from.
    std::vector<FlowAnswer> take(std::int64_t now_unix);
    // Lets a hold go that the shell dropped (back, home, the session's end). After every change.
    void drop_released(const Shell& shell);
    // A question is out and its screen waits for it.
    bool waiting() const { return !asked_.empty(); }
    // Called with each booking confirmed (the app prints its pass) and each sign-up made.
    std::function<void(const ConfirmedBooking&)> on_booked;
    std::function<void(const intent::SignedUp&, const std::string& activity)> on_signed_up;
    // The body of a rating's check for the subject on screen (it may carry the rater's ID number).
    std::function<std::string(const Shell&)> rating_check_body;

private:
    struct Mailbox {
        std::mutex mutex;
        std::vector<FlowAnswer> answers;
    };
    // What the screen on top waits for, as a key ("" for nothing).
    static std::string wanted(const Shell& shell, const std::vector<uplink::Activity>& activities);
    void put(FlowAnswer answer);

    std::function<void()> wake_;
    uplink::BookingDesk* desk_ = nullptr;
    std::shared_ptr<Mailbox> box_ = std::make_shared<Mailbox>();
    std::string asked_; // the question out
    std::string held_;  // the hold the kiosk has on the central side, until confirmed or let go
};

} // namespace hk::app
