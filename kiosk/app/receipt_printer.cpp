// The kiosk's receipt printer (see receipt_printer.hpp).
#include "receipt_printer.hpp"

#include <spdlog/spdlog.h>

namespace hk::app {
namespace {

// Width when neither devices.toml nor the device id tells: 58 mm prints whole on 80 mm paper.
constexpr int kSafeWidthDots = 384;

} // namespace

ReceiptPrinter::ReceiptPrinter(std::map<std::string, PrinterSettings, std::less<>> settings, ChangeHandler on_change,
                               Options options)
    : settings_(std::move(settings)), on_change_(std::move(on_change)), options_(std::move(options)),
      poller_(options_.idle_poll, [this] { return status_job(); })
{
    if (!raster_.ok())
        spdlog::error("printer: {}; receipts use the printer's own font", raster_.error());
}

ReceiptPrinter::~ReceiptPrinter() { stop(); }

void ReceiptPrinter::stop()
{
    stopping_ = true;
    poller_.stop();
}

void ReceiptPrinter::attach(usb::DevicePort& port)
{
    {
        std::lock_guard lk(mu_);
        port_ = &port;
    }
    poller_.attach(port);
}

void ReceiptPrinter::update(const std::function<void(PrinterView&)>& change)
{
    PrinterView now;
    {
        std::lock_guard lk(mu_);
        PrinterView before = view_;
        change(view_);
        if (view_ == before)
            return;
        now = view_;
    }
    if (on_change_)
        on_change_(now);
}

usb::Result<void> ReceiptPrinter::on_open(usb::Transport& t, const usb::PortDevice& d)
{
    endpoints_ = printer::endpoints_of(d.interface);
    const auto settings_it = settings_.find(d.model);
    const PrinterSettings settings = settings_it != settings_.end() ? settings_it->second : PrinterSettings{};
    auto id = printer::read_device_id(t, d.interface.number);
    std::optional<int> width = settings.width_dots;
    std::string id_text;
    if (id) {
        id_text = id->text;
        if (!width)
            width = printer::width_from_model(id->model);
    } else {
        // Not every printer answers GET_DEVICE_ID; it prints all the same.
        id_text = "-";
        spdlog::warn("printer: {}: no device id ({})", d.model, id.error().message);
    }
    printer::PrintProfile profile{width.value_or(kSafeWidthDots), settings.text, settings.native_qr};
    {
        std::lock_guard lk(mu_);
        opened_width_ = profile.width_dots;
        if (width_override_)
            profile.width_dots = *width_override_;
    }
    spdlog::info("printer: {} [{}]: {} dots, text {}, QR {}", d.model, id_text, profile.width_dots,
                 printer::text_mode_name(profile.text), profile.native_qr ? "native" : "raster");
    auto status = printer::query_status(t, endpoints_);
    if (!status)
        spdlog::warn("printer: {}: no status answer ({})", d.model, status.error().message);
    update([&](PrinterView& v) {
        v.model = d.model;
        v.device_id = id_text;
        v.profile = profile;
        v.status = status ? std::optional(*status) : std::nullopt;
    });
    return {};
}

void ReceiptPrinter::set_width_override(std::optional<int> dots)
{
    int opened = 0;
    {
        std::lock_guard lk(mu_);
        width_override_ = dots;
        opened = opened_width_;
    }
    update([&](PrinterView& v) {
        if (!v.model.empty())
            v.profile.width_dots = dots.value_or(opened);
    });
}

void ReceiptPrinter::record(JobRecord r)
{
    std::lock_guard lk(mu_);
    journal_.push_back(std::move(r));
    while (journal_.size() > options_.journal_limit)
        journal_.pop_front();
}

void ReceiptPrinter::print(std::string what, std::function<printer::Receipt(bool reprint)> build,
                           std::function<void(usb::Result<printer::Outcome>)> done)
{
    usb::DevicePort* port = nullptr;
    {
        std::lock_guard lk(mu_);
        port = port_;
    }
    if (!port) {
        record(JobRecord{what, std::chrono::system_clock::now(), std::nullopt, "no printer port"});
        if (done)
            done(std::unexpected(usb::Error{usb::Errc::no_device, "the kiosk has no printer port"}));
        return;
    }
    update([](PrinterView& v) { ++v.queued; });
    printer::JobOptions o = options_.job;
    o.stopping = [this] { return stopping_.load(); };
    o.waiting = [this](const escpos::PrinterStatus& s) {
        update([&](PrinterView& v) {
            v.status = s;
            v.job_waiting = s;
        });
    };
    auto bytes = [this, build = std::move(build)](bool reprint) {
        // Laid out now, for the printer that prints it.
        printer::PrintProfile profile;
        {
            std::lock_guard lk(mu_);
            profile = view_.profile;
        }
        return printer::render(build(reprint), profile, raster_);
    };
    auto finished = [this, what, done = std::move(done)](usb::Result<printer::Outcome> r) {
        JobRecord rec{what, std::chrono::system_clock::now(), std::nullopt, ""};
        if (r)
            rec.outcome = *r;
        else
            rec.error = r.error().message;
        record(std::move(rec));
        update([](PrinterView& v) {
            v.queued = v.queued > 0 ? v.queued - 1 : 0;
            v.job_waiting.reset();
        });
        if (done)
            done(std::move(r));
    };
    port->submit(printer::print_job(std::move(what), std::move(bytes), [this] { return endpoints_; },
                                    std::move(finished), std::move(o)));
}

usb::Job ReceiptPrinter::status_job()
{
    return usb::Job{"printer status",
                    [this](usb::Transport& t, int) -> usb::Result<void> {
                        auto s = printer::query_status(t, endpoints_);
                        if (!s)
                            return std::unexpected(s.error());
                        update([&](PrinterView& v) { v.status = *s; });
                        return {};
                    },
                    [](const usb::Result<void>& r) {
                        if (!r)
                            spdlog::debug("printer: status not read: {}", r.error().message);
                    }};
}

PrinterView ReceiptPrinter::view() const
{
    std::lock_guard lk(mu_);
    return view_;
}

std::vector<JobRecord> ReceiptPrinter::journal() const
{
    std::lock_guard lk(mu_);
    return {journal_.begin(), journal_.end()};
}

} // namespace hk::app
