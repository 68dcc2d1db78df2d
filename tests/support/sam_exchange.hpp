// One command and its reply with a SAM card module, written out by hand in tests of the
// simulated reader (the kiosk's own frame codec is tested against these, not with them).
#pragma once

#include "transport.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <vector>

namespace hk::test {

// A command frame without data: preamble, LEN 00 03, CMD, PARA, XOR checksum.
inline std::vector<std::uint8_t> sam_command(std::uint8_t cmd, std::uint8_t para)
{
    std::vector<std::uint8_t> f{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, cmd, para};
    f.push_back(static_cast<std::uint8_t>(0x00 ^ 0x03 ^ cmd ^ para));
    return f;
}

struct SamReply {
    std::uint8_t sw3 = 0;
    std::vector<std::uint8_t> data;
    std::size_t frame_size = 0;
    bool checksum_ok = false;
};

// Sends `request` and reads the whole reply: 7 bytes of preamble and length, then LEN more.
inline SamReply sam_ask(usb::Transport& t, std::uint8_t out, std::uint8_t in, const std::vector<std::uint8_t>& request,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(2000))
{
    REQUIRE(t.write(out, request, timeout));
    std::vector<std::uint8_t> got;
    while (got.size() < 7 || got.size() < 7 + (static_cast<std::size_t>(got[5]) << 8 | got[6])) {
        auto chunk = t.read(in, 4096, timeout);
        REQUIRE_MESSAGE(chunk, (chunk ? "" : chunk.error().message));
        got.insert(got.end(), chunk->begin(), chunk->end());
    }
    std::uint8_t chk = 0;
    for (std::size_t i = 5; i + 1 < got.size(); ++i)
        chk ^= got[i];
    return {got[9], std::vector<std::uint8_t>(got.begin() + 10, got.end() - 1), got.size(), chk == got.back()};
}

} // namespace hk::test
