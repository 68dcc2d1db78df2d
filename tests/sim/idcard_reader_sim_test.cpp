// Tests of the simulated ID card reader on the in-process attachment: the card kinds it holds,
// the faults it can be set to, and the time its module takes.
#include "idcard_reader_sim.hpp"
#include "sam_exchange.hpp"
#include "sim_transport.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace std::chrono_literals;

namespace {

struct Bench {
    std::shared_ptr<sim::IdCardReaderSim> sim;
    sim::SimTransport t;
    explicit Bench(sim::ModuleTiming timing = {})
        : sim(std::make_shared<sim::IdCardReaderSim>(sim::IdCardReaderSim::Link::vendor_bulk, timing)),
          t(sim, std::make_shared<sim::SimCable>())
    {
    }
    test::SamReply ask(std::uint8_t cmd, std::uint8_t para)
    {
        return test::sam_ask(t, sim::IdCardReaderSim::kOut, sim::IdCardReaderSim::kIn, test::sam_command(cmd, para));
    }
};

std::u16string text_at(const std::vector<std::uint8_t>& block, std::size_t from, std::size_t bytes)
{
    std::u16string s;
    for (std::size_t i = from; i + 1 < from + bytes; i += 2)
        s += static_cast<char16_t>(block[i] | block[i + 1] << 8);
    while (!s.empty() && s.back() == u' ')
        s.pop_back();
    return s;
}

const sim::ResidentFields kPerson{"陈美玲", '2', "01", "19920304", "广东省深圳市福田区示例路5号",
                                  "440304199203040027", "深圳市公安局福田分局", "20200101", "20400101"};

} // namespace

TEST_CASE("a residence permit carries kind J, its pass number and issue count")
{
    const sim::SampleCard c = sim::permit_card({{"林志明", '1', "", "19880808", "广东省深圳市福田区示例路6号",
                                                 "810000198808080017", "深圳市公安局", "20230101", "20280101"},
                                                "H12345678", "02"});
    CHECK(text_at(c.text, 248, 2) == u"J");
    CHECK(text_at(c.text, 220, 18) == u"H12345678");
    CHECK(text_at(c.text, 238, 4) == u"02");
    CHECK(text_at(c.text, 32, 4).empty()); // no ethnic group on a permit
}

TEST_CASE("a foreigner's card of 2017 and of 2023 put their fields where each layout has them")
{
    sim::ForeignerFields f{"SMITH, JOHN ALEXANDER WILLIAM BARTHOLOMEW", "史密斯", '1', "CAN110070707001", "CAN",
                           "19700707", "20200101", "20300101"};
    const sim::SampleCard old = sim::foreigner_card_2017(f);
    CHECK(text_at(old.text, 248, 2) == u"I");
    CHECK(text_at(old.text, 152, 6) == u"CAN");
    CHECK(text_at(old.text, 158, 30) == u"史密斯");
    f.number = "911124197007070013";
    const sim::SampleCard now = sim::foreigner_card_2023(f);
    CHECK(text_at(now.text, 248, 2) == u"Y");
    CHECK(text_at(now.text, 52, 70) == u"SMITH, JOHN ALEXANDER WILLIAM BARTH"); // 35 characters
    CHECK(text_at(now.text, 220, 22) == u"OLOMEW");
    CHECK(text_at(now.text, 122, 36) == u"911124197007070013");
}

TEST_CASE("a card placed badly is not found until the fault is cleared")
{
    Bench b;
    b.sim->place(sim::resident_card(kPerson));
    b.sim->set_fault(sim::ReaderFault::card_not_found);
    CHECK(b.ask(0x20, 0x01).sw3 == 0x80);
    b.sim->set_fault(sim::ReaderFault::none);
    CHECK(b.ask(0x20, 0x01).sw3 == 0x9F);
}

TEST_CASE("a card moved mid-read fails that read once, and reads after being found again")
{
    Bench b;
    b.sim->place(sim::resident_card(kPerson));
    CHECK(b.ask(0x20, 0x01).sw3 == 0x9F);
    CHECK(b.ask(0x20, 0x02).sw3 == 0x90);
    b.sim->set_fault(sim::ReaderFault::card_moved);
    CHECK(b.ask(0x30, 0x01).sw3 == 0x41);
    CHECK(b.ask(0x30, 0x01).sw3 == 0x41); // not selected any more
    CHECK(b.ask(0x20, 0x01).sw3 == 0x9F);
    CHECK(b.ask(0x20, 0x02).sw3 == 0x90);
    const test::SamReply r = b.ask(0x30, 0x01);
    CHECK(r.sw3 == 0x90);
    CHECK(r.data.size() == 4 + 256 + 1024);
}

TEST_CASE("a bad checksum spoils one reply, and a module fault answers everything with self-test failed")
{
    Bench b;
    b.sim->set_fault(sim::ReaderFault::bad_checksum);
    CHECK_FALSE(b.ask(0x11, 0xFF).checksum_ok);
    CHECK(b.ask(0x11, 0xFF).checksum_ok);
    b.sim->set_fault(sim::ReaderFault::module_fault);
    CHECK(b.ask(0x11, 0xFF).sw3 == 0x60);
    CHECK(b.ask(0x20, 0x01).sw3 == 0x60);
    CHECK(b.sim->commands() == std::vector<std::uint16_t>{0x11FF, 0x11FF, 0x11FF, 0x2001});
}

TEST_CASE("with realistic timing the module takes its time to read a card, and the host is woken then")
{
    sim::ModuleTiming timing{5ms, 5ms, 120ms, 5ms, 1ms};
    Bench b(timing);
    b.sim->place(sim::resident_card(kPerson));
    CHECK(b.ask(0x20, 0x01).sw3 == 0x9F);
    CHECK(b.ask(0x20, 0x02).sw3 == 0x90);
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(b.ask(0x30, 0x01).sw3 == 0x90);
    const auto took = std::chrono::steady_clock::now() - t0;
    CHECK(took >= 120ms); // never early; how soon after is the benchmark's to measure
}
