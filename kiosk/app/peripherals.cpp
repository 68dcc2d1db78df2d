// The kiosk's peripherals and their event queue (see peripherals.hpp).
#include "peripherals.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace hk::app {

std::unique_ptr<Peripherals> Peripherals::start(const DevicesConfig& devices, bool demo, std::function<void()> wake)
{
    std::unique_ptr<Peripherals> p(new Peripherals(std::move(wake)));
    Peripherals* self = p.get();
    p->printer_ = std::make_unique<ReceiptPrinter>(devices.printers,
                                                   [self](const PrinterView& v) { self->push(PrinterChanged{v}); });
    p->card_reader_ = std::make_unique<CardReader>([self](const CardView& v) { self->push(CardChanged{v}); });
    p->hub_ = std::make_unique<usb::DeviceHub>(
        [self](const usb::PortStatus& s) { self->push(DeviceChanged{s}); },
        std::map<usb::Role, usb::DevicePort::OpenHook>{
            {usb::Role::scanner, [self](usb::Transport& t, const usb::PortDevice& d) {
                 return self->listen_to_scanner(t, d);
             }},
            {usb::Role::printer, [self](usb::Transport& t, const usb::PortDevice& d) {
                 return self->printer_->on_open(t, d);
             }},
            {usb::Role::idcard, [self](usb::Transport& t, const usb::PortDevice& d) {
                 return self->card_reader_->on_open(t, d);
             }}});
    p->printer_->attach(p->hub_->port(usb::Role::printer));
    p->card_reader_->attach(p->hub_->port(usb::Role::idcard));
    if (demo) {
        spdlog::info("devices: demo mode: simulated printer, ID card reader and scanner attached in-process");
        p->demo_ = std::make_unique<sim::DemoDevices>(*p->hub_, devices.rules);
        return p;
    }
    usb::HostOptions options;
    options.rules = devices.rules;
    auto host = usb::UsbHost::start(std::move(options), [self](usb::HostEvent e) { self->hub_->handle(e); });
    if (!host)
        spdlog::error("devices: USB cannot be used ({}); the kiosk runs without its peripherals",
                      host.error().message);
    else
        p->host_ = std::move(*host);
    return p;
}

Peripherals::~Peripherals()
{
    printer_->stop(); // before the ports go: they submit to them
    card_reader_->stop();
    demo_.reset();
    hub_->close(); // devices close while libusb still runs
    host_.reset();
}

usb::Result<void> Peripherals::listen_to_scanner(usb::Transport& t, const usb::PortDevice& d)
{
    const auto& eps = d.interface.endpoints;
    const auto in = std::ranges::find_if(eps, [](const usb::EndpointInfo& e) { return (e.address & 0x80) != 0; });
    if (in == eps.end())
        return std::unexpected(usb::Error{usb::Errc::io, "the scanner's interface has no IN endpoint to listen on"});
    return t.listen(in->address, in->max_packet, [this](usb::Result<std::vector<std::uint8_t>> r) {
        if (r)
            push(ScannerReport{std::move(*r), std::chrono::steady_clock::now()});
    });
}

void Peripherals::push(DeviceEvent e)
{
    bool was_empty = false;
    {
        std::lock_guard lk(mu_);
        if (queue_.size() >= kQueueLimit) {
            queue_.pop_front();
            if (dropped_++ % 100 == 0)
                spdlog::warn("devices: the event queue is full; the oldest events are dropped");
        }
        was_empty = queue_.empty();
        queue_.push_back(std::move(e));
    }
    cv_.notify_all();
    if (was_empty && wake_)
        wake_();
}

std::vector<DeviceEvent> Peripherals::take_events()
{
    std::lock_guard lk(mu_);
    std::vector<DeviceEvent> out(std::make_move_iterator(queue_.begin()), std::make_move_iterator(queue_.end()));
    queue_.clear();
    return out;
}

bool Peripherals::wait_for_event(std::chrono::milliseconds timeout)
{
    std::unique_lock lk(mu_);
    return cv_.wait_for(lk, timeout, [&] { return !queue_.empty(); });
}

std::uint64_t Peripherals::dropped() const
{
    std::lock_guard lk(mu_);
    return dropped_;
}

} // namespace hk::app
