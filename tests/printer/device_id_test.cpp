// Tests of IEEE 1284 device id parsing and of the paper width a model name tells.
#include "device_id.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace hk::printer;

namespace {

std::vector<std::uint8_t> reply(const std::string& id, int extra_length = 0)
{
    const std::size_t n = id.size() + 2 + static_cast<std::size_t>(extra_length);
    std::vector<std::uint8_t> r(id.size() + 2);
    r[0] = static_cast<std::uint8_t>(n >> 8);
    r[1] = static_cast<std::uint8_t>(n & 0xFF);
    std::copy(id.begin(), id.end(), r.begin() + 2);
    return r;
}

} // namespace

TEST_CASE("the manufacturer, model and command set are read from the id")
{
    const auto id = parse_device_id(reply("MFG:EPSON;CMD:ESC/POS;MDL:TM-T88V;CLS:PRINTER;DES:EPSON TM-T88V;"));
    REQUIRE(id);
    CHECK(id->manufacturer == "EPSON");
    CHECK(id->model == "TM-T88V");
    CHECK(id->commands == "ESC/POS");
    CHECK(id->text.starts_with("MFG:EPSON;"));
}

TEST_CASE("long key names and spaces around values are understood")
{
    const auto id = parse_device_id(reply("MANUFACTURER: Xprinter ; MODEL: XP-80C ;COMMAND SET:ESC/POS"));
    REQUIRE(id);
    CHECK(id->manufacturer == "Xprinter");
    CHECK(id->model == "XP-80C");
    CHECK(id->commands == "ESC/POS");
}

TEST_CASE("a reply shorter than its length field is read as far as it goes")
{
    const auto id = parse_device_id(reply("MFG:A;MDL:POS-58;", 40));
    REQUIRE(id);
    CHECK(id->model == "POS-58");
}

TEST_CASE("bytes after the length the id gives are not part of it")
{
    auto r = reply("MFG:A;MDL:B;");
    r.insert(r.end(), {'M', 'D', 'L', ':', 'X'});
    CHECK(parse_device_id(r)->model == "B");
}

TEST_CASE("a reply that is not an id is refused, and control bytes never pass")
{
    CHECK(!parse_device_id(std::vector<std::uint8_t>{}));
    CHECK(!parse_device_id(std::vector<std::uint8_t>{0, 1}));
    CHECK(!parse_device_id(reply("no pairs here")));
    const auto id = parse_device_id(reply("MFG:\x1b\x07X;MDL:Y;"));
    REQUIRE(id);
    CHECK(id->manufacturer == "??X");
}

TEST_CASE("the paper width is told by 58 or 80 in a model name, and only there")
{
    CHECK(width_from_model("POS-58") == 384);
    CHECK(width_from_model("XP-80C") == 576);
    CHECK(width_from_model("RP80 SIM") == 576);
    CHECK(width_from_model("RP58 SIM") == 384);
    CHECK(!width_from_model("TM-T88V"));
    CHECK(!width_from_model("T5800"));
    CHECK(!width_from_model(""));
}
