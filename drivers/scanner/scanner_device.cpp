// An opened barcode scanner (see scanner_device.hpp).
#include "scanner_device.hpp"

#include "cdc_acm.hpp"
#include "hid_pos_report.hpp"
#include "serial_lines.hpp"
#include "wedge_assembler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <variant>

namespace hk::scanner {
namespace {

using Clock = std::chrono::steady_clock;
using Decoder = std::variant<HidPosAssembler, WedgeAssembler, SerialLineAssembler>;

constexpr std::uint8_t kInterrupt = 3; // bmAttributes transfer types (USB 2.0 §9.6.6)
constexpr std::uint8_t kBulk = 2;

std::optional<usb::EndpointInfo> first_in(const usb::InterfaceInfo& iface, std::uint8_t type)
{
    const auto& eps = iface.endpoints;
    const auto e = std::ranges::find_if(eps, [&](const usb::EndpointInfo& x) { return (x.address & 0x80) && x.type == type; });
    if (e == eps.end())
        return std::nullopt;
    return *e;
}

} // namespace

struct ScannerDevice::State {
    std::mutex mu;
    std::condition_variable_any cv;
    Decoder decoder;
    ScanEvent::Source source;
    std::function<void(ScanOutcome)> on_scan;
    bool closed = false; // the ScannerDevice was dropped
    bool ended = false;  // listening ended (unplugged, or the endpoint failed)
    Clock::time_point last_report_at{}; // HID POS: for the quiet gap

    State(Decoder d, ScanEvent::Source s, std::function<void(ScanOutcome)> f)
        : decoder(std::move(d)), source(s), on_scan(std::move(f))
    {
    }

    // Under mu: when the timer has to look next.
    std::optional<Clock::time_point> due() const
    {
        if (const auto* h = std::get_if<HidPosAssembler>(&decoder))
            return h->partial() ? std::optional(last_report_at + kHidPosQuiet) : std::nullopt;
        if (const auto* w = std::get_if<WedgeAssembler>(&decoder))
            return w->flush_due();
        return std::get<SerialLineAssembler>(decoder).flush_due();
    }

    // Under mu.
    void deliver(ScanOutcome o)
    {
        if (!closed && on_scan)
            on_scan(std::move(o));
    }

    // Under mu: ends what a pause ends.
    void on_pause(Clock::time_point now)
    {
        if (auto* h = std::get_if<HidPosAssembler>(&decoder)) {
            if (h->partial() && now - last_report_at >= kHidPosQuiet) {
                const std::size_t bytes = h->partial_bytes();
                h->reset();
                deliver(ScanProblem{"a HID POS code's next report did not come within " +
                                        std::to_string(kHidPosQuiet.count()) + " ms; its first " +
                                        std::to_string(bytes) + " bytes are dropped",
                                    source});
            }
        } else if (auto* w = std::get_if<WedgeAssembler>(&decoder)) {
            if (auto o = w->flush_if_idle(now))
                deliver(std::move(*o));
        } else if (auto o = std::get<SerialLineAssembler>(decoder).flush_if_idle(now)) {
            deliver(std::move(*o));
        }
    }

    void on_data(usb::Result<std::vector<std::uint8_t>> r)
    {
        const auto now = Clock::now();
        std::lock_guard lk(mu);
        if (closed || ended)
            return;
        if (!r) {
            // Unplugged: the port says so; a code cut off by the cable is no code and no problem.
            ended = true;
            if (r.error().code != usb::Errc::no_device)
                deliver(ScanProblem{"the scanner stopped sending: " + r.error().message, source});
            cv.notify_all();
            return;
        }
        on_pause(now); // a pause the timer has not got to yet ends first
        if (auto* h = std::get_if<HidPosAssembler>(&decoder)) {
            last_report_at = now;
            HidPosFed fed = h->feed(*r, now);
            if (fed.problem)
                deliver(ScanProblem{std::move(*fed.problem), source});
            if (fed.scan)
                deliver(std::move(*fed.scan));
        } else {
            auto out = std::holds_alternative<WedgeAssembler>(decoder) ? std::get<WedgeAssembler>(decoder).feed(*r, now)
                                                                      : std::get<SerialLineAssembler>(decoder).feed(*r, now);
            for (auto& o : out)
                deliver(std::move(o));
        }
        cv.notify_all(); // the timer's next look may have moved
    }

    void run_timer(const std::stop_token& stop)
    {
        std::unique_lock lk(mu);
        while (!stop.stop_requested() && !ended) {
            const auto when = due();
            if (!when) {
                cv.wait(lk, stop, [&] { return ended || due().has_value(); });
                continue;
            }
            cv.wait_until(lk, stop, *when, [&] { return ended || due() != when; });
            if (!stop.stop_requested() && !ended)
                on_pause(Clock::now());
        }
    }
};

ScannerDevice::ScannerDevice(ScanEvent::Source source, std::shared_ptr<State> state)
    : source_(source), state_(std::move(state)), timer_([s = state_](std::stop_token st) { s->run_timer(st); })
{
}

ScannerDevice::~ScannerDevice()
{
    {
        std::lock_guard lk(state_->mu);
        state_->closed = true;
    }
    timer_.request_stop(); // wakes its wait (condition_variable_any with the stop token)
}

usb::Result<std::unique_ptr<ScannerDevice>> ScannerDevice::open(usb::Transport& t, const usb::PortDevice& device,
                                                                std::function<void(ScanOutcome)> on_scan)
{
    Decoder decoder;
    ScanEvent::Source source{};
    std::optional<usb::EndpointInfo> in;
    std::size_t size = 0;
    if (device.driver == "hidpos") {
        source = ScanEvent::Source::hid_pos;
        decoder.emplace<HidPosAssembler>();
        in = first_in(device.interface, kInterrupt);
        // A report longer than the endpoint's packets still comes as one transfer.
        size = in ? std::max<std::size_t>(in->max_packet, HidPosLayout::kReportBytes) : 0;
    } else if (device.driver == "wedge") {
        source = ScanEvent::Source::wedge;
        decoder.emplace<WedgeAssembler>();
        in = first_in(device.interface, kInterrupt);
        size = in ? in->max_packet : 0;
    } else if (device.driver == "serial") {
        source = ScanEvent::Source::serial;
        decoder.emplace<SerialLineAssembler>();
        in = first_in(device.interface, kBulk);
        size = in ? in->max_packet : 0;
    } else {
        return std::unexpected(usb::Error{usb::Errc::io, "no scanner driver is called \"" + device.driver + "\""});
    }
    if (!in || size == 0)
        return std::unexpected(usb::Error{usb::Errc::io, "the scanner's interface has no IN endpoint to listen on"});
    if (source == ScanEvent::Source::serial)
        if (auto r = usb::set_serial_line(t, usb::comm_interface_of(device.interface)); !r)
            return std::unexpected(r.error());

    auto state = std::make_shared<State>(std::move(decoder), source, std::move(on_scan));
    if (auto r = t.listen(in->address, size, [state](usb::Result<std::vector<std::uint8_t>> d) { state->on_data(std::move(d)); });
        !r)
        return std::unexpected(r.error());
    spdlog::info("scanner: {} listened to ({}, endpoint 0x{:02X})", device.model, source_name(source), in->address);
    return std::unique_ptr<ScannerDevice>(new ScannerDevice(source, std::move(state)));
}

} // namespace hk::scanner
