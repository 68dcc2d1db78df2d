// The simulated ID card reader through the real libusb stack: the module's frames over vendor
// bulk endpoints and over CDC-ACM.
#include "idcard_reader_sim.hpp"
#include "host_fixture.hpp"
#include "sam_exchange.hpp"
#include "usb_testbed.hpp"

#include <doctest/doctest.h>

#include <condition_variable>
#include <mutex>

using namespace hk;
using namespace std::chrono_literals;

namespace {

using test::SamReply;
const auto frame = test::sam_command;

struct Reader {
    test::UsbTestbed bed;
    std::shared_ptr<sim::IdCardReaderSim> sim;
    test::OpenedDevice dev;
    usb::Transport* t = nullptr;

    Reader(sim::IdCardReaderSim::Link link, usb::MatchRule rule)
        : sim(std::make_shared<sim::IdCardReaderSim>(link))
    {
        bed.plug(sim);
        auto opened = test::open_first({std::move(rule)});
        REQUIRE_MESSAGE(opened, (opened ? "" : opened.error().message));
        dev = std::move(*opened);
        t = dev.transport.get();
    }

    SamReply ask(const std::vector<std::uint8_t>& request)
    {
        SamReply r = test::sam_ask(*t, sim::IdCardReaderSim::kOut, sim::IdCardReaderSim::kIn, request);
        CHECK(r.checksum_ok);
        return r;
    }
};

const usb::MatchRule kBulkRule{usb::Role::idcard, "sam", "SAM reader (bulk)", 0x0400, 0xC35A, {}, {}, {}};
const usb::MatchRule kCdcRule{usb::Role::idcard, "sam", "SAM reader (CDC-ACM)", 0x10C4, 0xEA60, 0x0A, {}, {}};

sim::SampleCard sample()
{
    return sim::resident_card({.name = "张三",
                               .sex = '1',
                               .ethnic = "01",
                               .birth = "19800101",
                               .address = "幸福街道1号",
                               .id_number = "11010519800101001X",
                               .authority = "某某市公安局",
                               .valid_from = "20200101",
                               .valid_to = "20400101"});
}

} // namespace

TEST_CASE("the module answers status, and finding a card fails while none is placed")
{
    Reader r(sim::IdCardReaderSim::Link::vendor_bulk, kBulkRule);
    CHECK(r.ask(frame(0x11, 0xFF)).sw3 == 0x90);
    CHECK(r.ask(frame(0x20, 0x01)).sw3 == 0x80);
    CHECK(r.ask(frame(0x20, 0x02)).sw3 == 0x81);
}

TEST_CASE("a placed card is found, selected and read: 1295 bytes of text and photo")
{
    Reader r(sim::IdCardReaderSim::Link::vendor_bulk, kBulkRule);
    r.sim->place(sample());
    CHECK(r.ask(frame(0x20, 0x01)).sw3 == 0x9F);
    CHECK(r.ask(frame(0x20, 0x02)).sw3 == 0x90);
    const SamReply text = r.ask(frame(0x30, 0x01));
    CHECK(text.sw3 == 0x90);
    CHECK(text.frame_size == 1295);
    // Name at the start of the text block (after the two length fields): 张 U+5F20, 三 U+4E09.
    REQUIRE(text.data.size() == 4 + 256 + 1024);
    CHECK(text.data[4] == 0x20);
    CHECK(text.data[5] == 0x5F);
    CHECK(text.data[6] == 0x09);
    CHECK(text.data[7] == 0x4E);
    CHECK(r.ask(frame(0x30, 0x03)).sw3 == 0x91); // no appended address
    r.sim->take_away();
    CHECK(r.ask(frame(0x20, 0x01)).sw3 == 0x80);
}

TEST_CASE("the module reports a bad checksum and an unknown command, and survives line noise")
{
    Reader r(sim::IdCardReaderSim::Link::vendor_bulk, kBulkRule);
    auto bad = frame(0x11, 0xFF);
    bad.back() ^= 0xFF;
    CHECK(r.ask(bad).sw3 == 0x10);
    CHECK(r.ask(frame(0x77, 0x01)).sw3 == 0x21);
    auto noisy = frame(0x11, 0xFF);
    noisy.insert(noisy.begin(), {0x00, 0x13, 0xAA});
    CHECK(r.ask(noisy).sw3 == 0x90);
}

TEST_CASE("over CDC-ACM the same frames flow on the data interface")
{
    Reader r(sim::IdCardReaderSim::Link::cdc_acm, kCdcRule);
    r.sim->place(sample());
    // SET_LINE_CODING to the module's 115200 8N1, then GET_LINE_CODING reads it back.
    const auto& line = sim::IdCardReaderSim::kModuleLine;
    REQUIRE(r.t->control_out({0x21, 0x20, 0, 0}, line, 1000ms));
    CHECK(r.sim->line_coding() == line);
    CHECK(r.ask(frame(0x20, 0x01)).sw3 == 0x9F);
    auto coding = r.t->control_in({0x21, 0x21, 0, 0}, 7, 1000ms);
    REQUIRE(coding);
    CHECK(std::equal(coding->begin(), coding->end(), line.begin(), line.end()));
}

TEST_CASE("over CDC-ACM at the bridge's power-on speed the module hears nothing")
{
    Reader r(sim::IdCardReaderSim::Link::cdc_acm, kCdcRule);
    CHECK(r.sim->line_coding() == sim::IdCardReaderSim::kPowerOnLine);
    REQUIRE(r.t->write(sim::IdCardReaderSim::kOut, frame(0x11, 0xFF), 1000ms));
    CHECK(r.t->read(sim::IdCardReaderSim::kIn, 64, 200ms).error().code == usb::Errc::timeout);
}
