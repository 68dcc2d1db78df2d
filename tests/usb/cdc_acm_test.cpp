// Tests of the CDC-ACM line setup: which interface the requests go to.
#include "cdc_acm.hpp"

#include <doctest/doctest.h>

using namespace hk::usb;

TEST_CASE("a claimed CDC data interface has its communication interface just before it")
{
    CHECK(comm_interface_of(InterfaceInfo{1, cdc::kDataClass, 0, 0, {}}) == 0);
    CHECK(comm_interface_of(InterfaceInfo{3, cdc::kDataClass, 0, 0, {}}) == 2);
}

TEST_CASE("an interface that is not CDC data takes the requests itself")
{
    CHECK(comm_interface_of(InterfaceInfo{0, cdc::kDataClass, 0, 0, {}}) == 0); // nothing before it
    CHECK(comm_interface_of(InterfaceInfo{2, 0xFF, 0, 0, {}}) == 2);            // a vendor bridge
}
