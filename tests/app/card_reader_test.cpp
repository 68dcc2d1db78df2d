// Tests of the kiosk's ID card reader on the in-process attachment: presence seen while idle, a
// card read once when wanted, problems the resident can act on, and forgetting at a session's end.
#include "card_reader.hpp"
#include "idcard_reader_sim.hpp"
#include "sim_transport.hpp"
#include "wait_until.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace hk;
using namespace hk::app;
using namespace std::chrono_literals;
using test::wait_until;

namespace {

const sim::ResidentFields kPerson{"陈美玲", '2', "01", "19920304", "广东省深圳市福田区示例路5号",
                                  "440304199203040024", "深圳市公安局福田分局", "20200101", "长期"};

struct Bench {
    std::shared_ptr<sim::IdCardReaderSim> sim = std::make_shared<sim::IdCardReaderSim>();
    std::shared_ptr<sim::SimCable> cable = std::make_shared<sim::SimCable>();
    CardReader reader{{}, CardReader::Options{20ms}};
    usb::DevicePort port{usb::Role::idcard, [](const usb::PortStatus&) {},
                         [this](usb::Transport& t, const usb::PortDevice& d) { return reader.on_open(t, d); }};

    Bench()
    {
        reader.attach(port);
        port.attach({"SAM reader", "sam", {0, 0xFF, 0, 0, {{0x02, 2, 64}, {0x81, 2, 64}}}}, [this]() {
            return usb::Result<std::unique_ptr<usb::Transport>>(std::make_unique<sim::SimTransport>(sim, cable));
        });
        REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::ready; }));
    }
    ~Bench() { reader.stop(); }
};

} // namespace

TEST_CASE("a card placed and taken away is seen while nobody wants it read, and not read")
{
    Bench b;
    b.sim->place(sim::resident_card(kPerson));
    REQUIRE(wait_until([&] { return b.reader.view().present; }));
    CHECK(!b.reader.view().card);
    b.sim->take_away();
    CHECK(wait_until([&] { return !b.reader.view().present; }));
    const auto cmds = b.sim->commands();
    CHECK(std::ranges::count(cmds, std::uint16_t{0x3001}) == 0); // never read
}

TEST_CASE("when a card is wanted, the next one placed is read once and its read counted")
{
    Bench b;
    b.reader.want_card();
    b.sim->place(sim::resident_card(kPerson));
    REQUIRE(wait_until([&] { return b.reader.view().card != nullptr; }));
    CHECK(b.reader.view().reads == 1);
    CHECK(b.reader.view().card->text.name.masked() == "陈**");
    std::this_thread::sleep_for(100ms); // several polls
    CHECK(std::ranges::count(b.sim->commands(), std::uint16_t{0x3001}) == 1);
    b.sim->take_away();
    REQUIRE(wait_until([&] { return !b.reader.view().present; }));
    CHECK(!b.reader.view().card); // what was read leaves with the card
}

TEST_CASE("a card that cannot be read says why, and is not asked again until wanted again")
{
    Bench b;
    sim::ResidentFields forged = kPerson;
    forged.id_number = "440304199203040025"; // wrong check digit
    b.sim->place(sim::resident_card(forged));
    b.reader.want_card();
    REQUIRE(wait_until([&] { return b.reader.view().problem.has_value(); }));
    CHECK(*b.reader.view().problem == sam::CardProblem::unreadable);
    std::this_thread::sleep_for(100ms);
    CHECK(std::ranges::count(b.sim->commands(), std::uint16_t{0x3001}) == 1);
}

TEST_CASE("at a session's end what was read is forgotten, though the card still lies there")
{
    Bench b;
    b.reader.want_card();
    b.sim->place(sim::resident_card(kPerson));
    REQUIRE(wait_until([&] { return b.reader.view().card != nullptr; }));
    b.reader.forget();
    CHECK(!b.reader.view().card);
    CHECK(b.reader.view().present);
}

TEST_CASE("a reader whose module reports a fault does not open")
{
    auto sim = std::make_shared<sim::IdCardReaderSim>();
    sim->set_fault(sim::ReaderFault::module_fault);
    CardReader reader{{}};
    usb::DevicePort port{usb::Role::idcard, [](const usb::PortStatus&) {},
                         [&](usb::Transport& t, const usb::PortDevice& d) { return reader.on_open(t, d); }};
    port.attach({"SAM reader", "sam", {0, 0xFF, 0, 0, {{0x02, 2, 64}, {0x81, 2, 64}}}}, [&]() {
        return usb::Result<std::unique_ptr<usb::Transport>>(
            std::make_unique<sim::SimTransport>(sim, std::make_shared<sim::SimCable>()));
    });
    REQUIRE(wait_until([&] { return port.status().state == usb::DeviceState::fault; }));
    CHECK(port.status().problem.find("self-test") != std::string::npos);
}
