// The receipt printer's device side: real-time status over the printer's bulk endpoints, and
// print jobs for its DevicePort that never lose a receipt.
//
// A job waits until the printer is ready (paper in, cover closed, no error), sends the receipt,
// and asks again. If the paper ran out, the cover was opened or the cable pulled while it
// printed, the job waits for the printer to be ready (or plugged back in: the port runs the job
// again) and prints the whole receipt again, built with the reprint mark. A job that cannot
// print within its time is abandoned. Each job's outcome is reported once.
#pragma once

#include "device_id.hpp"
#include "device_port.hpp"
#include "escpos.hpp"
#include "status.hpp"

#include <chrono>
#include <functional>
#include <string>

namespace hk::printer {

struct Endpoints {
    std::uint8_t out = 0x01;
    std::uint8_t in = 0x82;
};
// The first bulk OUT and IN endpoints of the printer's interface.
Endpoints endpoints_of(const usb::InterfaceInfo& iface);

// Asks DLE EOT 1 to 4 and decodes the replies.
usb::Result<escpos::PrinterStatus> query_status(usb::Transport& t, Endpoints ep,
                                                usb::Millis timeout = usb::Millis(500));

// GET_DEVICE_ID (USB printer class 1.1 §4.2.1) on the claimed interface.
usb::Result<DeviceId> read_device_id(usb::Transport& t, std::uint8_t interface,
                                     usb::Millis timeout = usb::Millis(500));

enum class Outcome { printed, reprinted, abandoned };
std::string_view outcome_name(Outcome o);

struct JobOptions {
    std::chrono::milliseconds give_up_after{std::chrono::minutes(10)};
    std::chrono::milliseconds poll{250};
    // True when the kiosk is stopping: a waiting job gives up its wait (and stays unprinted).
    std::function<bool()> stopping;
    // Called while the job waits for the printer, with what is wrong (for the resident's
    // screen and staff). On the port's thread.
    std::function<void(const escpos::PrinterStatus&)> waiting;
};

// A job that prints the receipt `build(reprint)` returns. `endpoints` tells, each time the job
// runs, the endpoints of the printer it runs on (another printer may have taken over after a
// replug); empty means the printer class defaults. `done` is called once with the outcome, or
// with the error that ended it (the kiosk stopped).
usb::Job print_job(std::string what, std::function<escpos::Bytes(bool reprint)> build,
                   std::function<Endpoints()> endpoints, std::function<void(usb::Result<Outcome>)> done,
                   JobOptions options = {});

} // namespace hk::printer
