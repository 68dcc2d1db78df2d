// Tests of splitting a card read's reply data into text, photo and fingerprint.
#include "read_reply.hpp"

#include <doctest/doctest.h>

using namespace hk::sam;

namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes reply(std::initializer_list<std::size_t> lengths, std::size_t extra = 0)
{
    Bytes out;
    for (std::size_t n : lengths) {
        out.push_back(static_cast<std::uint8_t>(n >> 8));
        out.push_back(static_cast<std::uint8_t>(n & 0xFF));
    }
    std::uint8_t fill = 1;
    for (std::size_t n : lengths) {
        out.insert(out.end(), n, fill);
        ++fill;
    }
    out.insert(out.end(), extra, 0xEE);
    return out;
}

ReadReply split(const Bytes& data, bool with_fingerprint)
{
    const auto r = parse_read_reply(data, with_fingerprint);
    REQUIRE(std::holds_alternative<ReadReply>(r));
    return std::get<ReadReply>(r);
}

} // namespace

TEST_CASE("the reply to 30 01 is the text block and the photo")
{
    const Bytes data = reply({256, 1024});
    CHECK(data.size() == 1284); // 1295 bytes less the frame's 11
    const ReadReply read = split(data, false);
    CHECK(read.text == Bytes(256, 1));
    CHECK(read.photo == Bytes(1024, 2));
    CHECK(read.fingerprint.empty());
}

TEST_CASE("the reply to 30 10 adds the fingerprint, its length before the text")
{
    const Bytes data = reply({256, 1024, 1024});
    CHECK(data.size() == 2310); // 2321 bytes less the frame's 11
    const ReadReply read = split(data, true);
    CHECK(read.text == Bytes(256, 1));
    CHECK(read.photo == Bytes(1024, 2));
    CHECK(read.fingerprint == Bytes(1024, 3));
}

TEST_CASE("a card without fingerprint data answers 30 10 with a fingerprint length of zero")
{
    CHECK(split(reply({256, 1024, 0}), true).fingerprint.empty());
}

TEST_CASE("data too short for its lengths is rejected")
{
    CHECK(std::get<ReadReplyError>(parse_read_reply({}, false)) == ReadReplyError::too_short);
    CHECK(std::get<ReadReplyError>(parse_read_reply(Bytes{0x01, 0x00, 0x04}, false)) == ReadReplyError::too_short);
    CHECK(std::get<ReadReplyError>(parse_read_reply(reply({256, 1024}), true)) ==
          ReadReplyError::lengths_disagree); // 30 01's reply read as 30 10's
}

TEST_CASE("blocks longer or shorter than the bytes that follow are rejected")
{
    Bytes cut = reply({256, 1024});
    cut.pop_back();
    CHECK(std::get<ReadReplyError>(parse_read_reply(cut, false)) == ReadReplyError::lengths_disagree);
    CHECK(std::get<ReadReplyError>(parse_read_reply(reply({256, 1024}, 1), false)) == ReadReplyError::lengths_disagree);
    const Bytes huge{0xFF, 0xFF, 0xFF, 0xFF, 0x00};
    CHECK(std::get<ReadReplyError>(parse_read_reply(huge, false)) == ReadReplyError::lengths_disagree);
}
