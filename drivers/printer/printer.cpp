// The receipt printer's device side (see printer.hpp).
#include "printer.hpp"

#include <spdlog/spdlog.h>

#include <memory>
#include <thread>

namespace hk::printer {

Endpoints endpoints_of(const usb::InterfaceInfo& iface)
{
    const usb::BulkEndpoints b = usb::first_bulk_endpoints(iface, {Endpoints{}.out, Endpoints{}.in});
    return {b.out, b.in};
}

usb::Result<escpos::PrinterStatus> query_status(usb::Transport& t, Endpoints ep, usb::Millis timeout)
{
    escpos::PrinterStatus s;
    for (std::uint8_t n = 1; n <= 4; ++n) {
        const std::uint8_t request[] = {0x10, 0x04, n};
        if (auto w = t.write(ep.out, request, timeout); !w)
            return std::unexpected(w.error());
        auto r = t.read(ep.in, 1, timeout);
        if (!r)
            return std::unexpected(r.error());
        if (r->empty() || !escpos::apply_status(n, r->back(), s))
            return std::unexpected(usb::Error{usb::Errc::io, "the printer answered a status request with a byte "
                                                             "that is not a status"});
    }
    return s;
}

usb::Result<DeviceId> read_device_id(usb::Transport& t, std::uint8_t interface, usb::Millis timeout)
{
    // Class request to the interface; wIndex holds the interface in its high byte and the
    // alternate setting (0) in its low byte; wValue the configuration index (0).
    constexpr std::uint8_t kClassInterface = 0x21;
    constexpr std::uint8_t kGetDeviceId = 0;
    auto r = t.control_in({kClassInterface, kGetDeviceId, 0, static_cast<std::uint16_t>(interface << 8)}, 1024, timeout);
    if (!r)
        return std::unexpected(r.error());
    auto id = parse_device_id(*r);
    if (!id)
        return std::unexpected(usb::Error{usb::Errc::io, "the printer's device id is not an IEEE 1284 id"});
    return *id;
}

std::string_view outcome_name(Outcome o)
{
    switch (o) {
    case Outcome::printed: return "printed";
    case Outcome::reprinted: return "reprinted";
    case Outcome::abandoned: return "abandoned";
    }
    return "printed";
}

usb::Job print_job(std::string what, std::function<escpos::Bytes(bool reprint)> build,
                   std::function<Endpoints()> endpoints, std::function<void(usb::Result<Outcome>)> done,
                   JobOptions o)
{
    // Kept across runs of the job (a replug runs it again): when it started, and whether any
    // of the receipt may already be on paper.
    struct Progress {
        std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
        bool sent_before = false;
        std::optional<Outcome> outcome;
    };
    auto progress = std::make_shared<Progress>();
    auto run = [=](usb::Transport& t, int) -> usb::Result<void> {
        const Endpoints ep = endpoints ? endpoints() : Endpoints{};
        while (true) {
            auto status = query_status(t, ep);
            if (!status)
                return std::unexpected(status.error());
            if (!status->ready()) {
                if (std::chrono::steady_clock::now() - progress->started >= o.give_up_after) {
                    spdlog::error("printer: '{}' abandoned: {}", what, escpos::describe(*status));
                    progress->outcome = Outcome::abandoned;
                    return {};
                }
                if (o.stopping && o.stopping())
                    return std::unexpected(usb::Error{usb::Errc::no_device, "the kiosk is stopping"});
                if (o.waiting)
                    o.waiting(*status);
                std::this_thread::sleep_for(o.poll);
                continue;
            }
            const bool reprint = progress->sent_before;
            const escpos::Bytes bytes = build(reprint);
            progress->sent_before = true;
            for (std::size_t at = 0; at < bytes.size();) {
                const std::size_t n = std::min<std::size_t>(4096, bytes.size() - at);
                auto w = t.write(ep.out, std::span<const std::uint8_t>(bytes).subspan(at, n), usb::Millis(5000));
                if (!w)
                    return std::unexpected(w.error());
                at += *w;
            }
            auto after = query_status(t, ep);
            if (!after)
                return std::unexpected(after.error());
            if (!after->ready()) {
                spdlog::warn("printer: '{}' may not have come out whole ({}); it is printed again, marked as a "
                             "reprint, when the printer is ready",
                             what, escpos::describe(*after));
                continue;
            }
            progress->outcome = reprint ? Outcome::reprinted : Outcome::printed;
            spdlog::info("printer: '{}' {}", what, outcome_name(*progress->outcome));
            return {};
        }
    };
    auto finished = [progress, done = std::move(done)](const usb::Result<void>& r) {
        if (!done)
            return;
        if (r && progress->outcome)
            done(*progress->outcome);
        else
            done(std::unexpected(r ? usb::Error{usb::Errc::io, "no outcome"} : r.error()));
    };
    return usb::Job{std::move(what), std::move(run), std::move(finished)};
}

} // namespace hk::printer
