// Setting up a CDC-ACM line (see cdc_acm.hpp).
#include "cdc_acm.hpp"

namespace hk::usb {
namespace {

constexpr std::uint16_t kDtrRts = 0x0003; // SET_CONTROL_LINE_STATE bits 0 and 1

} // namespace

Result<void> set_serial_line(Transport& t, std::uint8_t comm_interface)
{
    // dwDTERate 115200 (little endian), 1 stop bit, no parity, 8 data bits.
    constexpr std::uint8_t kLine[7] = {0x00, 0xC2, 0x01, 0x00, 0x00, 0x00, 0x08};
    if (auto r = t.control_out({cdc::kToInterface, cdc::kSetLineCoding, 0, comm_interface}, kLine, Millis(1000)); !r)
        return r;
    return t.control_out({cdc::kToInterface, cdc::kSetControlLineState, kDtrRts, comm_interface}, {}, Millis(1000));
}

std::uint8_t comm_interface_of(const InterfaceInfo& claimed)
{
    return claimed.number > 0 && claimed.cls == cdc::kDataClass ? static_cast<std::uint8_t>(claimed.number - 1)
                                                               : claimed.number;
}

} // namespace hk::usb
