// The umockdev testbed itself, exercised with plain libusb calls: what the device layer's
// tests stand on must be right first.
#include "receipt_printer_sim.hpp"
#include "usb_testbed.hpp"

#include <doctest/doctest.h>
#include <libusb.h>

#include <thread>

using namespace hk;

namespace {

struct Bus {
    test::UsbTestbed bed; // before libusb_init, so that libusb sees the mock /sys and /dev
    std::shared_ptr<sim::ReceiptPrinterSim> printer = std::make_shared<sim::ReceiptPrinterSim>();
    std::string syspath = bed.plug(printer);
    libusb_context* ctx = nullptr;
    libusb_device_handle* handle = nullptr;

    Bus()
    {
        REQUIRE(libusb_init(&ctx) == 0);
        handle = libusb_open_device_with_vid_pid(ctx, 0x0416, 0x5011);
        REQUIRE(handle);
        REQUIRE(libusb_claim_interface(handle, 0) == 0);
    }
    ~Bus()
    {
        libusb_release_interface(handle, 0);
        libusb_close(handle);
        libusb_exit(ctx);
    }
    int out(std::vector<std::uint8_t> bytes)
    {
        int done = 0;
        return libusb_bulk_transfer(handle, sim::ReceiptPrinterSim::kOut, bytes.data(), static_cast<int>(bytes.size()),
                                    &done, 1000) == 0
                   ? done
                   : -1;
    }
};

} // namespace

TEST_CASE("a simulated printer enumerates with its descriptors")
{
    Bus bus;
    libusb_device* dev = libusb_get_device(bus.handle);
    libusb_device_descriptor d{};
    REQUIRE(libusb_get_device_descriptor(dev, &d) == 0);
    CHECK(d.idVendor == 0x0416);
    CHECK(d.idProduct == 0x5011);
    libusb_config_descriptor* cfg = nullptr;
    REQUIRE(libusb_get_active_config_descriptor(dev, &cfg) == 0);
    REQUIRE(cfg->bNumInterfaces == 1);
    CHECK(cfg->interface[0].altsetting[0].bInterfaceClass == 7);
    CHECK(cfg->interface[0].altsetting[0].bNumEndpoints == 2);
    libusb_free_config_descriptor(cfg);
}

TEST_CASE("bytes sent reach the simulator, and a status request is answered on bulk IN")
{
    Bus bus;
    CHECK(bus.out({0x1B, 0x40, 'O', 'K', 0x10, 0x04}) == 6);
    CHECK(bus.out({0x04}) == 1); // the request completed in a second transfer
    CHECK(bus.printer->take_received().size() == 7);

    std::uint8_t buf[8];
    int got = 0;
    REQUIRE(libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kIn, buf, sizeof buf, &got, 1000) == 0);
    REQUIRE(got == 1);
    CHECK(buf[0] == 0x12); // paper present

    bus.printer->set_state({.paper_out = true});
    bus.out({0x10, 0x04, 0x04});
    REQUIRE(libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kIn, buf, sizeof buf, &got, 1000) == 0);
    CHECK(buf[0] == 0x7E);
}

TEST_CASE("a class control request is answered and an unknown one stalls")
{
    Bus bus;
    std::uint8_t buf[256];
    const int n = libusb_control_transfer(bus.handle, 0xA1, 0, 0, 0, buf, sizeof buf, 1000);
    REQUIRE(n > 2);
    CHECK(std::string(reinterpret_cast<char*>(buf) + 2, static_cast<std::size_t>(n - 2)).starts_with("MFG:"));
    CHECK(libusb_control_transfer(bus.handle, 0xA1, 0x7F, 0, 0, buf, sizeof buf, 1000) == LIBUSB_ERROR_PIPE);
}

TEST_CASE("a read with nothing to read times out")
{
    Bus bus;
    std::uint8_t buf[8];
    int got = 0;
    CHECK(libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kIn, buf, sizeof buf, &got, 50) ==
          LIBUSB_ERROR_TIMEOUT);
    CHECK(got == 0);
}

TEST_CASE("a stalled endpoint reports a stall until the halt is cleared")
{
    Bus bus;
    bus.bed.stall(bus.syspath, sim::ReceiptPrinterSim::kIn);
    std::uint8_t buf[8];
    int got = 0;
    CHECK(libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kIn, buf, sizeof buf, &got, 500) ==
          LIBUSB_ERROR_PIPE);
    REQUIRE(libusb_clear_halt(bus.handle, sim::ReceiptPrinterSim::kIn) == 0);
    bus.out({0x10, 0x04, 0x01});
    CHECK(libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kIn, buf, sizeof buf, &got, 500) == 0);
}

TEST_CASE("unplugging in the middle of a read ends it with no-device, not a hang")
{
    Bus bus;
    std::thread puller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        bus.bed.unplug(bus.syspath);
    });
    std::uint8_t buf[8];
    int got = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const int r = libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kIn, buf, sizeof buf, &got, 5000);
    puller.join();
    CHECK(r == LIBUSB_ERROR_NO_DEVICE);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
    std::uint8_t cmd[] = {0x10, 0x04, 0x01};
    CHECK(libusb_bulk_transfer(bus.handle, sim::ReceiptPrinterSim::kOut, cmd, 3, &got, 500) == LIBUSB_ERROR_NO_DEVICE);
}
