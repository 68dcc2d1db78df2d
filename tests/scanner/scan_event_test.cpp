// Tests of the AIM identifier table and the AIM prefix that wedge and serial scanners send.
#include "scan_event.hpp"

#include <doctest/doctest.h>

using namespace hk::scanner;

TEST_CASE("AIM identifiers name their symbology")
{
    CHECK(symbology_name("]Q1") == "QR Code");
    CHECK(symbology_name("]C0") == "Code 128");
    CHECK(symbology_name("]C1") == "GS1-128");
    CHECK(symbology_name("]E0") == "EAN-13");
    CHECK(symbology_name("]E4") == "EAN-8");
    CHECK(symbology_name("]d1") == "Data Matrix");
    CHECK(symbology_name("]L0") == "PDF417");
    CHECK(symbology_name("]A0") == "Code 39");
    CHECK(symbology_name("]z0") == "Aztec Code");
}

TEST_CASE("what is not an AIM identifier names no symbology")
{
    CHECK(symbology_name("") == "unknown");
    CHECK(symbology_name("Q1") == "unknown");
    CHECK(symbology_name("]Q") == "unknown");
    CHECK(symbology_name("]Q12") == "unknown");
    CHECK(symbology_name("]X0") == "unknown");
}

TEST_CASE("an AIM prefix is split off a code's text")
{
    std::string data = "]C0HK-2024-0001", aim;
    split_aim_prefix(data, aim);
    CHECK(aim == "]C0");
    CHECK(data == "HK-2024-0001");

    std::string plain = "HK]C0", none;
    split_aim_prefix(plain, none);
    CHECK(none.empty());
    CHECK(plain == "HK]C0");
}
