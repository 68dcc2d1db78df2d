// The card security module's (SAM) serial framing as a pure codec: command frames encoded for the
// module, reply frames decoded from a byte stream that arrives in pieces of any size.
//
// Frame layout, commands and status bytes as in the module's published protocol (GA 467 style),
// collected in ../shared/reference/peripherals.md, SAM section:
//   host → module  AA AA AA 96 69 | LEN(2, big endian) | CMD PARA | data | CHK
//   module → host  AA AA AA 96 69 | LEN(2, big endian) | SW1 SW2 SW3 | data | CHK
// LEN counts every byte after itself; CHK is the XOR of LEN through data.
//
// No <expected> here nor in what this includes: the fuzz targets build this file with clang 14,
// which cannot compile libstdc++ 12's std::expected.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

namespace hk::sam {

using Bytes = std::vector<std::uint8_t>;

inline constexpr std::array<std::uint8_t, 5> kPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kHeaderBytes = kPreamble.size() + 2; // preamble and LEN

// The longest LEN the decoder accepts. The longest reply the module sends, text, photo and
// fingerprint (30 10), has LEN 2314; a larger one is a corrupt length, not a frame to wait for.
inline constexpr std::size_t kMaxLen = 4096;
// The shortest reply: SW1 SW2 SW3 and CHK.
inline constexpr std::size_t kMinReplyLen = 4;

// A command and its parameter byte.
struct Command {
    std::uint8_t cmd;
    std::uint8_t para;
    bool operator==(const Command&) const = default;
};

inline constexpr Command kResetModule{0x10, 0xFF};
inline constexpr Command kModuleStatus{0x11, 0xFF};
inline constexpr Command kModuleId{0x12, 0xFF}; // replies with 16 bytes
inline constexpr Command kFindCard{0x20, 0x01};
inline constexpr Command kSelectCard{0x20, 0x02};
inline constexpr Command kReadTextPhoto{0x30, 0x01};
inline constexpr Command kReadTextPhotoFingerprint{0x30, 0x10};
inline constexpr Command kReadAppendedAddress{0x30, 0x03}; // replies with 70 bytes of UCS-2
inline constexpr Command kSetMaxRfFrame{0x61, 0xFF};       // data: one byte, the frame size

// XOR of `bytes`: the checksum of a frame is this over LEN through data.
std::uint8_t checksum(std::span<const std::uint8_t> bytes);

// A whole command frame for the module.
Bytes encode(Command c, std::span<const std::uint8_t> data = {});
// 61 FF n: the largest RF frame, in bytes, the module may use with the card.
Bytes encode_set_max_rf_frame(std::uint8_t bytes);

// A whole reply frame as the module sends it; for tests and the simulated module.
Bytes encode_reply(std::uint8_t sw3, std::span<const std::uint8_t> data = {}, std::uint8_t sw1 = 0,
                   std::uint8_t sw2 = 0);

// What the decoder finds in the stream, in the order the bytes came.
struct Frame { // a reply whose checksum holds
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    Bytes data;
    bool operator==(const Frame&) const = default;
};
struct Skipped { // bytes that were not part of any frame (line noise, a broken frame's body)
    std::size_t bytes = 0;
    bool operator==(const Skipped&) const = default;
};
struct BadLength { // a preamble followed by a LEN no reply can have; the preamble is dropped
    std::size_t len = 0;
    bool operator==(const BadLength&) const = default;
};
struct BadChecksum { // a frame whose CHK does not match; its preamble is dropped
    std::size_t len = 0;
    std::uint8_t expected = 0; // computed from the bytes
    std::uint8_t received = 0; // the frame's CHK byte
    bool operator==(const BadChecksum&) const = default;
};
using Event = std::variant<Frame, Skipped, BadLength, BadChecksum>;

// Reassembles reply frames from bytes fed in pieces of any size (USB packets, serial reads).
//
// After a bad length or a bad checksum the decoder drops only that frame's preamble and looks
// for the next one from the byte after it: a corrupt LEN may have swallowed the frames that
// followed, and they are found again inside what it claimed. The bytes passed over on the way are
// reported as Skipped. Memory is bounded: at most one frame of the largest LEN is kept between
// calls, however long a stream of garbage is fed.
class Decoder {
public:
    // The largest number of bytes kept between calls.
    static constexpr std::size_t kMaxBuffered = kHeaderBytes + kMaxLen;

    std::vector<Event> feed(std::span<const std::uint8_t> bytes);

    // Bytes held back: the start of a frame not yet whole, or what may be a preamble's start.
    std::size_t buffered() const { return buf_.size(); }

    // Forgets what is held back, e.g. after a timeout or a new command.
    void reset() { buf_.clear(); }

private:
    void decode(std::vector<Event>& out);

    Bytes buf_;
};

} // namespace hk::sam
