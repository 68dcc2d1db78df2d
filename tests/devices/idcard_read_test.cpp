// The ID card reader driver through the real libusb stack against the simulated reader, over
// vendor bulk endpoints and over a CDC-ACM bridge: every card kind read and parsed, the card
// taken away, and each fault the module can show.
#include "host_fixture.hpp"
#include "idcard_reader_sim.hpp"
#include "reader.hpp"
#include "usb_testbed.hpp"

#include <doctest/doctest.h>

using namespace hk;
using namespace std::chrono_literals;

namespace {

using Link = sim::IdCardReaderSim::Link;

const usb::MatchRule kBulkRule{usb::Role::idcard, "sam", "SAM reader (bulk)", 0x0400, 0xC35A, {}, {}, {}};
const usb::MatchRule kCdcRule{usb::Role::idcard, "sam-serial", "SAM reader (CDC-ACM)", 0x10C4, 0xEA60, 0x0A, {}, {}};
const idcard::Link kLink{sim::IdCardReaderSim::kOut, sim::IdCardReaderSim::kIn};

struct Reader {
    test::UsbTestbed bed;
    std::shared_ptr<sim::IdCardReaderSim> sim;
    std::string path;
    test::OpenedDevice dev;

    explicit Reader(Link link)
        : sim(std::make_shared<sim::IdCardReaderSim>(link)), path(bed.plug(sim))
    {
        auto opened = test::open_first({link == Link::vendor_bulk ? kBulkRule : kCdcRule});
        REQUIRE_MESSAGE(opened, (opened ? "" : opened.error().message));
        dev = std::move(*opened);
        if (link == Link::cdc_acm)
            REQUIRE(idcard::set_serial_line(*dev.transport, 0)); // the bridge's communication interface
    }
    usb::Result<std::variant<idcard::Card, idcard::ReadProblem>> read() { return idcard::read_card(*dev.transport, kLink); }
};

const sim::ResidentFields kResident{"陈美玲", '2', "01", "19920304", "广东省深圳市福田区示例路5号",
                                    "440304199203040024", "深圳市公安局福田分局", "20200101", "长期"};

idcard::Card card_of(usb::Result<std::variant<idcard::Card, idcard::ReadProblem>> r)
{
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    if (auto* p = std::get_if<idcard::ReadProblem>(&*r))
        FAIL("read problem: " << p->detail);
    return std::move(std::get<idcard::Card>(*r));
}

sam::CardProblem problem_of(usb::Result<std::variant<idcard::Card, idcard::ReadProblem>> r)
{
    REQUIRE_MESSAGE(r, (r ? "" : r.error().message));
    REQUIRE(std::holds_alternative<idcard::ReadProblem>(*r));
    return std::get<idcard::ReadProblem>(*r).problem;
}

} // namespace

TEST_CASE("a resident card is read over vendor bulk: fields parsed, personal ones masked, photo kept")
{
    Reader r(Link::vendor_bulk);
    sim::SampleCard c = sim::resident_card(kResident);
    c.appended_address = "广东省深圳市南山区示例路8号";
    r.sim->place(c);
    const idcard::Card card = card_of(r.read());
    CHECK(card.text.kind == idcard::CardKind::resident);
    CHECK(card.text.name.masked() == "陈**");
    CHECK(card.text.id_number.masked() == "4403**********0024");
    CHECK(card.text.id_number.reveal() == "440304199203040024");
    CHECK(card.text.sex == idcard::Sex::female);
    CHECK(card.text.validity.long_term);
    CHECK(card.photo.size() == 1024);
    REQUIRE(card.appended_address);
    CHECK(card.appended_address->reveal() == "广东省深圳市南山区示例路8号");
    CHECK(r.sim->commands() == std::vector<std::uint16_t>{0x2001, 0x2002, 0x3001, 0x3003});
}

TEST_CASE("over a CDC-ACM bridge the line is set first, then permits and foreigner cards read the same")
{
    Reader r(Link::cdc_acm);
    CHECK(r.sim->line_coding() == sim::IdCardReaderSim::kModuleLine);
    r.sim->place(sim::permit_card({{"林志明", '1', "", "19880808", "广东省深圳市福田区示例路6号", "810000198808080013",
                                     "深圳市公安局", "20230101", "20280101"},
                                    "H12345678", "02"}));
    idcard::Card permit = card_of(r.read());
    CHECK(permit.text.kind == idcard::CardKind::hk_macao_taiwan_permit);
    CHECK(permit.text.issue_count == 2);
    CHECK(!permit.appended_address); // the module says it has none (91)

    sim::ForeignerFields f{"SMITH, JOHN ALEXANDER WILLIAM BARTHOLOMEW", "史密斯", '1', "CAN110070707001", "CAN",
                           "19700707", "20200101", "20300101"};
    r.sim->place(sim::foreigner_card_2017(f));
    CHECK(card_of(r.read()).text.kind == idcard::CardKind::foreigner_2017);
    f.number = "911124197007070014";
    r.sim->place(sim::foreigner_card_2023(f));
    const idcard::Card now = card_of(r.read());
    CHECK(now.text.kind == idcard::CardKind::foreigner_2023);
    CHECK(now.text.english_name.reveal() == "SMITH, JOHN ALEXANDER WILLIAM BARTHOLOMEW");
    CHECK(now.text.nationality == "CAN");
}

TEST_CASE("a card taken away is seen as gone, and reading then asks for a card")
{
    Reader r(Link::vendor_bulk);
    r.sim->place(sim::resident_card(kResident));
    auto present = idcard::card_present(*r.dev.transport, kLink);
    REQUIRE(present);
    CHECK(std::get<bool>(*present));
    r.sim->take_away();
    present = idcard::card_present(*r.dev.transport, kLink);
    REQUIRE(present);
    CHECK_FALSE(std::get<bool>(*present));
    CHECK(problem_of(r.read()) == sam::CardProblem::place_card);
}

TEST_CASE("a card moved mid-read is read again from the start, once")
{
    Reader r(Link::vendor_bulk);
    r.sim->place(sim::resident_card(kResident));
    r.sim->set_fault(sim::ReaderFault::card_moved);
    CHECK(card_of(r.read()).text.name.reveal() == "陈美玲");
    CHECK(r.sim->commands() == std::vector<std::uint16_t>{0x2001, 0x2002, 0x3001, 0x2001, 0x2002, 0x3001, 0x3003});
}

TEST_CASE("a reply with a bad checksum is asked for again")
{
    Reader r(Link::vendor_bulk);
    r.sim->place(sim::resident_card(kResident));
    r.sim->set_fault(sim::ReaderFault::bad_checksum);
    CHECK(card_of(r.read()).text.kind == idcard::CardKind::resident);
    CHECK(r.sim->commands().front() == 0x2001);
    CHECK(r.sim->commands()[1] == 0x2001); // asked again
}

TEST_CASE("a card placed badly asks the resident to place it, and a module fault asks for staff")
{
    Reader r(Link::vendor_bulk);
    r.sim->place(sim::resident_card(kResident));
    r.sim->set_fault(sim::ReaderFault::card_not_found);
    CHECK(problem_of(r.read()) == sam::CardProblem::place_card);
    r.sim->set_fault(sim::ReaderFault::module_fault);
    CHECK(problem_of(r.read()) == sam::CardProblem::reader_fault);
}

TEST_CASE("a card whose ID number fails its check digit is refused as unreadable, naming the field")
{
    Reader r(Link::vendor_bulk);
    sim::ResidentFields forged = kResident;
    forged.id_number = "440304199203040025";
    r.sim->place(sim::resident_card(forged));
    auto res = r.read();
    REQUIRE(res);
    REQUIRE(std::holds_alternative<idcard::ReadProblem>(*res));
    const auto& p = std::get<idcard::ReadProblem>(*res);
    CHECK(p.problem == sam::CardProblem::unreadable);
    CHECK(p.detail.find("id_number") != std::string::npos);
    CHECK(p.detail.find("440304") == std::string::npos); // never the number itself
}

TEST_CASE("unplugged mid-read, the read ends with no-device")
{
    Reader r(Link::vendor_bulk);
    r.sim->place(sim::resident_card(kResident));
    r.bed.unplug(r.path);
    auto res = r.read();
    REQUIRE_FALSE(res);
    CHECK((res.error().code == usb::Errc::no_device || res.error().code == usb::Errc::io));
}
