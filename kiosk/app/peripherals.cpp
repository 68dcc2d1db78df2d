// The kiosk's peripherals and their event queue (see peripherals.hpp).
#include "peripherals.hpp"

#include "v4l2_source.hpp"

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
                 return self->open_scanner(t, d);
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
    if (camera_)
        camera_->stop();
    demo_.reset();
    hub_->close(); // devices close while libusb still runs
    host_.reset();
}

usb::Result<void> Peripherals::open_scanner(usb::Transport& t, const usb::PortDevice& d)
{
    // The device before it (unplugged, or a port reopened) goes first: its timer stops, and it
    // calls back no more.
    std::lock_guard lk(scanner_mu_);
    scanner_.reset();
    auto opened = scanner::ScannerDevice::open(t, d, [this](scanner::ScanOutcome o) { push(Scanned{std::move(o)}); });
    if (!opened)
        return std::unexpected(opened.error());
    scanner_ = std::move(*opened);
    return {};
}

void Peripherals::start_camera(const CameraConfig& camera)
{
    if (camera.device.empty())
        return;
    camera::V4l2Options options;
    options.device = camera.device.string();
    options.width = camera.width;
    options.height = camera.height;
    auto source = camera::V4l2Source::open(options);
    if (!source) {
        spdlog::error("camera: {} cannot be used ({}); codes are scanned with the scanner only",
                      camera.device.string(), source.error().message);
        return;
    }
    start_camera(std::move(*source));
}

void Peripherals::start_camera(std::unique_ptr<camera::FrameSource> source)
{
    camera_ = std::make_unique<camera::CameraScanner>();
    camera_->start(
        std::move(source), [this](scanner::ScanEvent e) { push(Scanned{std::move(e)}); },
        [](const usb::Error& e) {
            spdlog::error("camera: stopped ({}); codes are scanned with the scanner only", e.message);
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

bool Peripherals::rescan()
{
    if (!host_)
        return false;
    host_->rescan();
    return true;
}

} // namespace hk::app
