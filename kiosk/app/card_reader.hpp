// The kiosk's ID card reader: whether a card lies on it (asked a few times a second while the
// reader is idle, so that a card left behind at the end of a session is noticed), and reading it
// once when a flow wants the resident's card. Work runs as jobs on the reader's port; what
// happened goes to the frame loop as CardView changes.
#pragma once

#include "device_port.hpp"
#include "idle_poller.hpp"
#include "reader.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace hk::app {

// The reader as the screens see it.
struct CardView {
    bool present = false;
    // The card read since it was placed (personal fields mask themselves), and what stopped a
    // read. Both cleared when the card is taken away.
    std::shared_ptr<const idcard::Card> card;
    std::optional<sam::CardProblem> problem;
    std::uint64_t reads = 0; // cards read since start, so a screen sees a new read
};

class CardReader {
public:
    struct Options {
        std::chrono::milliseconds poll{300};
    };
    using ChangeHandler = std::function<void(const CardView&)>;

    CardReader(ChangeHandler on_change, Options options);
    explicit CardReader(ChangeHandler on_change) : CardReader(std::move(on_change), Options{}) {}
    ~CardReader();
    CardReader(const CardReader&) = delete;
    CardReader& operator=(const CardReader&) = delete;

    // The port's open hook: a CDC-ACM bridge gets the module's line, and the module must answer
    // its status before the reader counts as ready.
    usb::Result<void> on_open(usb::Transport& t, const usb::PortDevice& d);
    void attach(usb::DevicePort& port);
    void stop();

    // A flow waits for the resident's card: the card on the reader (or the next one placed) is
    // read once. Off again after a read or a problem the resident must act on.
    void want_card();
    // Forgets the card read (the session ended): personal data leaves memory.
    void forget();

    CardView view() const;

private:
    usb::Result<void> poll_once(usb::Transport& t);
    void update(const std::function<void(CardView&)>& change);

    ChangeHandler on_change_;
    Options options_;
    idcard::Link link_;

    mutable std::mutex mu_;
    CardView view_;
    bool want_ = false;
    usb::IdlePoller poller_; // last: it stops before the rest goes
};

} // namespace hk::app
