// Tests of libusb error mapping.
#include "usb_error.hpp"

#include <doctest/doctest.h>
#include <libusb.h>

using namespace hk::usb;

TEST_CASE("libusb errors map onto the device layer's few kinds, with what was being done")
{
    CHECK(from_libusb(LIBUSB_ERROR_TIMEOUT, "x").code == Errc::timeout);
    CHECK(from_libusb(LIBUSB_ERROR_PIPE, "x").code == Errc::stall);
    CHECK(from_libusb(LIBUSB_ERROR_NO_DEVICE, "x").code == Errc::no_device);
    CHECK(from_libusb(LIBUSB_ERROR_BUSY, "x").code == Errc::busy);
    CHECK(from_libusb(LIBUSB_ERROR_ACCESS, "x").code == Errc::access);
    CHECK(from_libusb(LIBUSB_ERROR_OVERFLOW, "x").code == Errc::io);
    const Error e = from_libusb(LIBUSB_ERROR_TIMEOUT, "reading from 0x82");
    CHECK(e.message == "reading from 0x82: LIBUSB_ERROR_TIMEOUT");
    CHECK(errc_name(Errc::no_device) == "no-device");
}
