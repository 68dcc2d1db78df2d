// The kiosk's receipt printer: what the printer attached now is (model, IEEE 1284 id, paper
// width, text and QR modes from devices.toml), its status, asked while it is idle so that staff
// see "paper low" before a resident is left waiting, and the print queue with the journal of
// every job's outcome for the maintenance screen.
//
// Jobs go into the printer port's queue, which survives the printer going away; a receipt is
// laid out on the port's thread when it prints, for the printer it prints on.
#pragma once

#include "device_port.hpp"
#include "devices_config.hpp"
#include "idle_poller.hpp"
#include "printer.hpp"
#include "receipt.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace hk::app {

// The printer as the screens see it.
struct PrinterView {
    std::string model;                            // empty until a printer has opened
    std::string device_id;                        // the IEEE 1284 id, or why there is none
    printer::PrintProfile profile;
    std::optional<escpos::PrinterStatus> status;  // last known; none before the first answer
    std::size_t queued = 0;                       // receipts waiting or printing
    // What keeps a receipt waiting now: the status that stops it (nothing when none waits).
    std::optional<escpos::PrinterStatus> job_waiting;
    bool operator==(const PrinterView&) const = default;
};

struct JobRecord {
    std::string what;
    std::chrono::system_clock::time_point at;
    std::optional<printer::Outcome> outcome; // none: the job ended with `error`
    std::string error;
};

class ReceiptPrinter {
public:
    struct Options {
        std::chrono::milliseconds idle_poll{std::chrono::seconds(2)};
        printer::JobOptions job; // `stopping` and `waiting` are set by the printer
        std::size_t journal_limit = 200;
    };
    using ChangeHandler = std::function<void(const PrinterView&)>;

    ReceiptPrinter(std::map<std::string, PrinterSettings, std::less<>> settings, ChangeHandler on_change,
                   Options options);
    ReceiptPrinter(std::map<std::string, PrinterSettings, std::less<>> settings, ChangeHandler on_change)
        : ReceiptPrinter(std::move(settings), std::move(on_change), Options{})
    {
    }
    // Stops idle polling; waiting jobs give up their wait (the port tells their submitters).
    ~ReceiptPrinter();
    ReceiptPrinter(const ReceiptPrinter&) = delete;
    ReceiptPrinter& operator=(const ReceiptPrinter&) = delete;

    // The port's open hook: reads the device id, settles the print profile, asks the status.
    usb::Result<void> on_open(usb::Transport& t, const usb::PortDevice& d);
    // Starts printing through `port` and asking its status while idle.
    void attach(usb::DevicePort& port);
    void stop();

    // Queues a receipt: `build(reprint)` lays it out (on the port's thread). `done`, if given,
    // is called once with the outcome.
    void print(std::string what, std::function<printer::Receipt(bool reprint)> build,
               std::function<void(usb::Result<printer::Outcome>)> done = {});

    PrinterView view() const;
    // Staff set the paper's width in maintenance mode (dots: 384 for 58 mm, 576 for 80 mm), over
    // devices.toml and the device id, from the next receipt on; nothing goes back to those.
    void set_width_override(std::optional<int> dots);
    // The latest jobs, oldest first.
    std::vector<JobRecord> journal() const;

private:
    usb::Job status_job();
    void update(const std::function<void(PrinterView&)>& change);
    void record(JobRecord r);

    const std::map<std::string, PrinterSettings, std::less<>> settings_;
    ChangeHandler on_change_;
    Options options_;
    printer::Endpoints endpoints_;
    printer::TextRaster raster_; // used on the port's thread only

    mutable std::mutex mu_;
    std::optional<int> width_override_; // under mu_
    int opened_width_ = 0;              // the width the open found, under mu_
    PrinterView view_;
    std::deque<JobRecord> journal_;
    usb::DevicePort* port_ = nullptr;
    std::atomic<bool> stopping_{false};
    usb::IdlePoller poller_; // last: it stops before the rest goes
};

} // namespace hk::app
