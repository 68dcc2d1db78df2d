// USB serial devices (CDC-ACM: ID card readers behind a serial bridge, serial barcode scanners):
// setting the line up before any byte moves.
#pragma once

#include "device_match.hpp"
#include "transport.hpp"

namespace hk::usb {

// CDC PSTN 1.2 §6.3 class requests (bmRequestType: class, to an interface), named once for the
// host and the simulated devices.
namespace cdc {
inline constexpr std::uint8_t kToInterface = 0x21;
inline constexpr std::uint8_t kFromInterface = 0xA1;
inline constexpr std::uint8_t kSetLineCoding = 0x20;
inline constexpr std::uint8_t kGetLineCoding = 0x21;
inline constexpr std::uint8_t kSetControlLineState = 0x22;
inline constexpr std::uint8_t kDataClass = 0x0A; // the data interface's class (CDC 1.2 §4.5)
} // namespace cdc

// CDC-ACM devices power up at their own speed: set 115200 8N1 and raise DTR and RTS
// (CDC PSTN 1.2 §6.3.10, §6.3.12) on the device's communication interface before any data.
Result<void> set_serial_line(Transport& t, std::uint8_t comm_interface);

// The communication interface that goes with a claimed interface: the one just before a data
// interface (class 0x0A), as devices lay them out (CDC 1.2 §5.2.3.8); the interface itself
// otherwise.
std::uint8_t comm_interface_of(const InterfaceInfo& claimed);

} // namespace hk::usb
