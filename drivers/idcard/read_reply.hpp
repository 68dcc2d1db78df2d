// The data of the module's reply to a card read (30 01 text and photo, 30 10 text, photo and
// fingerprint), split into its blocks: two or three big-endian lengths, then the blocks in that
// order. Layout as in ../shared/reference/peripherals.md, SAM section.
//
// The photo ("WLT", decoded only by a licensed library) and the fingerprint stay opaque bytes.
#pragma once

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

namespace hk::sam {

struct ReadReply {
    std::vector<std::uint8_t> text;        // the 256-byte text block, for idcard::parse_card_text
    std::vector<std::uint8_t> photo;       // 1024 bytes on the cards known
    std::vector<std::uint8_t> fingerprint; // 30 10 only; empty when the card holds none
};

enum class ReadReplyError {
    too_short,        // not even the lengths are there
    lengths_disagree, // the blocks the lengths announce are not exactly the bytes that follow
};

// `with_fingerprint`: the reply to 30 10, which has a third length (the fingerprint's).
std::variant<ReadReply, ReadReplyError> parse_read_reply(std::span<const std::uint8_t> data, bool with_fingerprint);

} // namespace hk::sam
