// Tests of the simulated scanners' device side: the USB serial scanner's interfaces, its silence
// until the line is set and its suffix; the partial-report fault of each kind of scanner.
#include "scanner_sims.hpp"

#include <doctest/doctest.h>

using namespace hk;
using Bytes = std::vector<std::uint8_t>;

namespace {

std::vector<Bytes> drain(sim::ScannerSim& s, std::size_t max = 64)
{
    std::vector<Bytes> out;
    for (Bytes r = s.send(sim::ScannerSim::kIn, max); !r.empty(); r = s.send(sim::ScannerSim::kIn, max))
        out.push_back(std::move(r));
    return out;
}

std::string text_of(const std::vector<Bytes>& pieces)
{
    std::string s;
    for (const Bytes& p : pieces)
        s.append(p.begin(), p.end());
    return s;
}

const Bytes kLine115200{0x00, 0xC2, 0x01, 0x00, 0x00, 0x00, 0x08};

} // namespace

TEST_CASE("the serial scanner is a CDC-ACM device: a communication and a data interface")
{
    sim::SerialScannerSim s;
    const auto f = s.interfaces();
    REQUIRE(f.size() == 2);
    CHECK(f[0].cls == 0x02);
    CHECK(f[1].cls == 0x0A);
    REQUIRE(f[1].endpoints.size() == 2);
    CHECK(f[1].endpoints[1].address == sim::ScannerSim::kIn);
    CHECK(f[1].endpoints[1].attributes == sim::kBulk);
}

TEST_CASE("the serial scanner sends nothing until its line coding is set, then the code and CR LF")
{
    sim::SerialScannerSim s;
    s.scan("HKPASS:0123");
    CHECK(drain(s).empty());
    CHECK(s.queued() == 1);
    CHECK_FALSE(s.control({0x21, 0x20, 0, 0, 7}, Bytes(3, 0))); // a line coding of the wrong size stalls
    REQUIRE(s.control({0x21, 0x20, 0, 0, 7}, kLine115200));
    CHECK(s.control({0x21, 0x22, 3, 0, 0}, {})); // DTR and RTS
    CHECK(s.line_set());
    CHECK(text_of(drain(s)) == "HKPASS:0123\r\n");
}

TEST_CASE("the serial scanner sends long codes in 64-byte packets and ends them with its own suffix")
{
    sim::SerialScannerSim s("\r");
    REQUIRE(s.control({0x21, 0x20, 0, 0, 7}, kLine115200));
    s.scan(std::string(100, 'z'));
    const auto pieces = drain(s);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].size() == 64);
    CHECK(text_of(pieces) == std::string(100, 'z') + "\r");
}

TEST_CASE("the partial-report fault loses a scan's end, once")
{
    SUBCASE("HID POS: the last report of a long code")
    {
        sim::HidPosScannerSim s;
        s.set_fault(sim::ScannerFault::partial_report);
        s.scan(std::string(100, 'x'));
        const auto r = drain(s);
        REQUIRE(r.size() == 1);
        CHECK(r[0][63] == 1); // more follow, but none does
        s.scan(std::string(100, 'x'));
        CHECK(drain(s).size() == 2); // the fault was for one scan
    }
    SUBCASE("HID POS: a one-report code says more follow")
    {
        sim::HidPosScannerSim s;
        s.set_fault(sim::ScannerFault::partial_report);
        s.scan("short");
        const auto r = drain(s);
        REQUIRE(r.size() == 1);
        CHECK(r[0][63] == 1);
    }
    SUBCASE("wedge: the Enter")
    {
        sim::WedgeScannerSim s;
        s.set_fault(sim::ScannerFault::partial_report);
        s.scan("ab");
        const auto r = drain(s, 8);
        REQUIRE(r.size() == 4);
        for (const Bytes& k : r)
            CHECK(k[2] != 0x28);
    }
    SUBCASE("serial: the suffix")
    {
        sim::SerialScannerSim s;
        REQUIRE(s.control({0x21, 0x20, 0, 0, 7}, kLine115200));
        s.set_fault(sim::ScannerFault::partial_report);
        s.scan("12345");
        CHECK(text_of(drain(s)) == "12345");
    }
}
