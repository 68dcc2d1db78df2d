// Tests of the kiosk's receipt printer on the in-process attachment: the profile settled from
// devices.toml and the device id, receipts printed and journalled, the resident told while a
// receipt waits, and the status asked while the printer is idle.
#include "paper_codes.hpp"
#include "receipt_printer.hpp"
#include "receipt_printer_sim.hpp"
#include "sim_transport.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <mutex>

using namespace hk;
using namespace hk::app;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

const std::string kToken = "HK1.eyJ0IjoiU1EtMjAyNjExMjMtMDAwMTIzIn0.c2ln";

struct Bench {
    std::shared_ptr<sim::ReceiptPrinterSim> sim;
    std::shared_ptr<sim::SimCable> cable = std::make_shared<sim::SimCable>();
    std::mutex mu;
    std::vector<PrinterView> views;
    std::unique_ptr<ReceiptPrinter> printer;
    std::unique_ptr<usb::DevicePort> port;

    explicit Bench(int width_dots = 576, std::map<std::string, PrinterSettings, std::less<>> settings = {},
                   std::chrono::milliseconds idle_poll = 20ms)
        : sim(std::make_shared<sim::ReceiptPrinterSim>(sim::DeviceIds{0x0416, 0x5011, 0x0100}, width_dots))
    {
        ReceiptPrinter::Options o;
        o.idle_poll = idle_poll;
        o.job.poll = 10ms;
        printer = std::make_unique<ReceiptPrinter>(std::move(settings), [this](const PrinterView& v) {
            std::lock_guard lk(mu);
            views.push_back(v);
        }, o);
        port = std::make_unique<usb::DevicePort>(
            usb::Role::printer, [](const usb::PortStatus&) {},
            [this](usb::Transport& t, const usb::PortDevice& d) { return printer->on_open(t, d); });
        printer->attach(*port);
        port->attach({"Sim printer", "escpos", {0, 7, 1, 2, {}}}, [s = sim, c = cable]() {
            return usb::Result<std::unique_ptr<usb::Transport>>(std::make_unique<sim::SimTransport>(s, c));
        });
        REQUIRE(wait_until([&] { return !printer->view().model.empty(); }));
    }
    ~Bench()
    {
        printer->stop();
        port.reset();
    }
    bool saw(const std::function<bool(const PrinterView&)>& f)
    {
        std::lock_guard lk(mu);
        return std::ranges::any_of(views, f);
    }
};

printer::Receipt receipt(bool reprint)
{
    printer::Receipt r;
    if (reprint)
        r.title("REPRINT");
    r.title("诉求受理回执").qr(kToken);
    return r;
}

} // namespace

TEST_CASE("the paper width comes from the printer's device id when devices.toml does not give it")
{
    Bench wide(576);
    CHECK(wide.printer->view().profile.width_dots == 576);
    CHECK(wide.printer->view().device_id.find("MDL:RP80 SIM") != std::string::npos);
    Bench narrow(384);
    CHECK(narrow.printer->view().profile.width_dots == 384);
}

TEST_CASE("devices.toml's settings for the model win over the device id")
{
    PrinterSettings s{384, printer::TextMode::gb2312, true};
    Bench b(576, {{"Sim printer", s}});
    CHECK(b.printer->view().profile == printer::PrintProfile{384, printer::TextMode::gb2312, true});
}

TEST_CASE("a receipt is laid out for the printer, printed, and its outcome journalled")
{
    Bench b(384);
    std::atomic<bool> done{false};
    b.printer->print("request receipt", receipt, [&](usb::Result<printer::Outcome> r) {
        CHECK(r == printer::Outcome::printed);
        done = true;
    });
    REQUIRE(wait_until([&] { return done.load(); }));
    const auto receipts = b.sim->receipts();
    REQUIRE(receipts.size() == 1);
    CHECK(receipts[0].width == 384);
    CHECK(test::read_code(receipts[0]) == kToken);
    const auto journal = b.printer->journal();
    REQUIRE(journal.size() == 1);
    CHECK(journal[0].what == "request receipt");
    CHECK(journal[0].outcome == printer::Outcome::printed);
    CHECK(b.printer->view().queued == 0);
}

TEST_CASE("while a receipt waits for paper the screens are told, and it prints when paper is in")
{
    Bench b;
    b.sim->set_state({.paper_out = true});
    std::atomic<bool> done{false};
    b.printer->print("booking pass", receipt, [&](usb::Result<printer::Outcome>) { done = true; });
    REQUIRE(wait_until([&] {
        return b.saw([](const PrinterView& v) { return v.job_waiting && v.job_waiting->paper == escpos::Paper::end; });
    }));
    CHECK(b.printer->view().queued == 1);
    CHECK(!done);
    b.sim->set_state({});
    REQUIRE(wait_until([&] { return done.load(); }));
    CHECK(!b.printer->view().job_waiting);
    REQUIRE(b.sim->receipts().size() == 1);
    CHECK(b.printer->journal().back().outcome == printer::Outcome::printed);
}

TEST_CASE("an idle printer's status is asked, so paper running low shows before anyone waits")
{
    Bench b;
    REQUIRE(b.printer->view().status);
    CHECK(b.printer->view().status->paper == escpos::Paper::ok);
    b.sim->set_state({.paper_near_end = true});
    CHECK(wait_until([&] {
        const auto s = b.printer->view().status;
        return s && s->paper == escpos::Paper::near_end;
    }));
    CHECK(b.sim->receipts().empty());
}

TEST_CASE("the journal keeps the latest jobs only")
{
    ReceiptPrinter::Options o;
    o.journal_limit = 2;
    ReceiptPrinter p({}, {}, o);
    for (int i = 0; i < 3; ++i)
        p.print("receipt " + std::to_string(i), receipt); // no port: each fails at once, journalled
    const auto j = p.journal();
    REQUIRE(j.size() == 2);
    CHECK(j[0].what == "receipt 1");
    CHECK(!j[1].outcome);
    CHECK(j[1].error == "no printer port");
}
