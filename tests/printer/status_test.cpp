// Tests of printer status decoding, every bit.
#include "status.hpp"

#include <doctest/doctest.h>

using namespace hk::escpos;

TEST_CASE("only bytes of the form 0xx1xx10 are status replies")
{
    CHECK(is_status_byte(0x12));
    CHECK(is_status_byte(0x7E));
    CHECK_FALSE(is_status_byte(0x00));
    CHECK_FALSE(is_status_byte(0x92)); // bit 7 set
    CHECK_FALSE(is_status_byte(0x13)); // bit 0 set
    CHECK_FALSE(is_status_byte(0x02)); // bit 4 clear
    PrinterStatus s;
    CHECK_FALSE(apply_status(2, 0xFF, s));
    CHECK_FALSE(apply_status(5, 0x12, s));
    CHECK(s == PrinterStatus{});
}

TEST_CASE("DLE EOT 1: bit 3 is offline")
{
    PrinterStatus s;
    REQUIRE(apply_status(1, 0x1A, s));
    CHECK_FALSE(s.online);
    CHECK_FALSE(s.ready());
    REQUIRE(apply_status(1, 0x12, s));
    CHECK(s.online);
}

TEST_CASE("DLE EOT 2: cover, feed button, stopped at paper end, error")
{
    PrinterStatus s;
    REQUIRE(apply_status(2, 0x12 | 0x04, s));
    CHECK(s.cover_open);
    CHECK_FALSE(s.ready());
    REQUIRE(apply_status(2, 0x12 | 0x08, s));
    CHECK_FALSE(s.cover_open);
    CHECK(s.paper_feed_button);
    REQUIRE(apply_status(2, 0x12 | 0x20, s));
    CHECK(s.stopped_at_paper_end);
    REQUIRE(apply_status(2, 0x12 | 0x40, s));
    CHECK(s.error);
    CHECK_FALSE(s.ready());
}

TEST_CASE("DLE EOT 3: mechanical, cutter, unrecoverable, auto-recoverable")
{
    PrinterStatus s;
    REQUIRE(apply_status(3, 0x12 | 0x04, s));
    CHECK(s.mechanical_error);
    REQUIRE(apply_status(3, 0x12 | 0x08, s));
    CHECK(s.cutter_error);
    CHECK_FALSE(s.mechanical_error);
    CHECK(describe(s) == "cutter error");
    REQUIRE(apply_status(3, 0x12 | 0x20, s));
    CHECK(s.unrecoverable_error);
    REQUIRE(apply_status(3, 0x12 | 0x40, s));
    CHECK(s.auto_recoverable_error);
}

TEST_CASE("DLE EOT 4: paper near end, paper end")
{
    PrinterStatus s;
    REQUIRE(apply_status(4, 0x12 | 0x0C, s));
    CHECK(s.paper == Paper::near_end);
    CHECK(s.ready()); // near end still prints
    REQUIRE(apply_status(4, 0x12 | 0x60, s));
    CHECK(s.paper == Paper::end);
    CHECK_FALSE(s.ready());
    REQUIRE(apply_status(4, 0x12 | 0x6C, s));
    CHECK(s.paper == Paper::end);
    REQUIRE(apply_status(4, 0x12, s));
    CHECK(s.paper == Paper::ok);
}

TEST_CASE("the printer class port status: not-error and paper empty")
{
    PrinterStatus s;
    apply_port_status(0x18, s);
    CHECK(s == PrinterStatus{});
    apply_port_status(0x10, s);
    CHECK(s.error);
    PrinterStatus p;
    apply_port_status(0x28, p);
    CHECK(p.paper == Paper::end);
    CHECK(describe(p) == "paper out");
}

TEST_CASE("a status is described for staff")
{
    PrinterStatus s;
    CHECK(describe(s) == "ready");
    s.cover_open = true;
    s.paper = Paper::near_end;
    s.online = false;
    CHECK(describe(s) == "offline, cover open, paper near end");
}
