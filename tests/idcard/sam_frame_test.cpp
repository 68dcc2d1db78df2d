// Tests of the SAM frame codec: each command's exact bytes, and the reply decoder on streams cut,
// joined, corrupted and padded with line noise.
#include "sam_frame.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace hk::sam;

namespace {

std::vector<Frame> frames_of(const std::vector<Event>& events)
{
    std::vector<Frame> out;
    for (const Event& e : events)
        if (const auto* f = std::get_if<Frame>(&e))
            out.push_back(*f);
    return out;
}

Bytes join(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const Bytes& p : parts)
        out.insert(out.end(), p.begin(), p.end());
    return out;
}

// The module's "card found" reply of the reference, byte for byte.
const Bytes kCardFoundReply{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x08, 0x00, 0x00, 0x9F, 0x00, 0x00, 0x00, 0x00, 0x97};
const Bytes kOkReply{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x00, 0x00, 0x90, 0x94};

} // namespace

TEST_CASE("each command encodes to the bytes of the reference")
{
    CHECK(encode(kResetModule) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x10, 0xFF, 0xEC});
    CHECK(encode(kModuleStatus) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x11, 0xFF, 0xED});
    CHECK(encode(kModuleId) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x12, 0xFF, 0xEE});
    CHECK(encode(kFindCard) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22});
    CHECK(encode(kSelectCard) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x02, 0x21});
    CHECK(encode(kReadTextPhoto) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x01, 0x32});
    CHECK(encode(kReadTextPhotoFingerprint) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x10, 0x23});
    CHECK(encode(kReadAppendedAddress) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x30, 0x03, 0x30});
}

TEST_CASE("setting the largest RF frame carries its size as one data byte")
{
    CHECK(encode_set_max_rf_frame(0x50) == Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x04, 0x61, 0xFF, 0x50, 0xCA});
}

TEST_CASE("the reference's replies encode to their exact bytes")
{
    CHECK(encode_reply(0x90) == kOkReply);
    const std::uint8_t zeros[4] = {};
    CHECK(encode_reply(0x9F, zeros) == kCardFoundReply);
}

TEST_CASE("data too long for any frame gives no frame rather than a length that lies")
{
    CHECK(encode_reply(0x90, Bytes(kMaxLen - 4, 0)).size() == kHeaderBytes + kMaxLen);
    CHECK(encode_reply(0x90, Bytes(kMaxLen - 3, 0)).empty());
}

TEST_CASE("a whole reply decodes to its status bytes and data")
{
    Decoder d;
    const auto events = d.feed(kCardFoundReply);
    REQUIRE(events.size() == 1);
    CHECK(std::get<Frame>(events[0]) == Frame{0x00, 0x00, 0x9F, Bytes{0, 0, 0, 0}});
    CHECK(d.buffered() == 0);
}

TEST_CASE("a frame split at every possible position is reassembled")
{
    const Bytes data{1, 2, 3, 0xAA, 0xAA, 0xAA, 0x96, 0x69, 5}; // a preamble inside the data too
    const Bytes reply = encode_reply(0x90, data);
    for (std::size_t cut = 1; cut < reply.size(); ++cut) {
        CAPTURE(cut);
        Decoder d;
        CHECK(d.feed(std::span(reply).first(cut)).empty());
        const auto events = d.feed(std::span(reply).subspan(cut));
        REQUIRE(events.size() == 1);
        CHECK(std::get<Frame>(events[0]) == Frame{0, 0, 0x90, data});
    }
}

TEST_CASE("a frame fed one byte at a time is reassembled")
{
    Decoder d;
    std::vector<Event> events;
    for (std::uint8_t b : kCardFoundReply) {
        auto more = d.feed(std::span(&b, 1));
        events.insert(events.end(), more.begin(), more.end());
    }
    REQUIRE(events.size() == 1);
    CHECK(std::get<Frame>(events[0]).sw3 == 0x9F);
}

TEST_CASE("two frames in one packet are both decoded, in order")
{
    Decoder d;
    const auto frames = frames_of(d.feed(join({kOkReply, kCardFoundReply})));
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].sw3 == 0x90);
    CHECK(frames[1].sw3 == 0x9F);
}

TEST_CASE("garbage before the preamble is skipped and counted")
{
    Decoder d;
    const auto events = d.feed(join({Bytes{0x00, 0x13, 0xFF}, kOkReply}));
    REQUIRE(events.size() == 2);
    CHECK(std::get<Skipped>(events[0]).bytes == 3);
    CHECK(std::get<Frame>(events[1]).sw3 == 0x90);
}

TEST_CASE("a false start of a preamble inside garbage is skipped up to the real one")
{
    Decoder d;
    // AA AA AA 96 then 00: four bytes of a preamble that is not one, then the reply.
    const auto events = d.feed(join({Bytes{0xAA, 0xAA, 0x01, 0xAA, 0xAA, 0xAA, 0x96, 0x00}, kOkReply}));
    REQUIRE(events.size() == 2);
    CHECK(std::get<Skipped>(events[0]).bytes == 8);
    CHECK(std::get<Frame>(events[1]).sw3 == 0x90);
}

TEST_CASE("extra AA bytes before the preamble are skipped, the preamble after them found")
{
    Decoder d;
    const auto events = d.feed(join({Bytes{0xAA, 0xAA}, kOkReply}));
    REQUIRE(events.size() == 2);
    CHECK(std::get<Skipped>(events[0]).bytes == 2);
    CHECK(std::get<Frame>(events[1]).sw3 == 0x90);
}

TEST_CASE("the start of a preamble at the end of a packet is kept for the next one")
{
    Decoder d;
    const auto events = d.feed(Bytes{0x01, 0x02, 0xAA, 0xAA, 0xAA, 0x96});
    REQUIRE(events.size() == 1);
    CHECK(std::get<Skipped>(events[0]).bytes == 2);
    CHECK(d.buffered() == 4);
    const auto next = d.feed(std::span(kOkReply).subspan(4));
    REQUIRE(next.size() == 1);
    CHECK(std::get<Frame>(next[0]).sw3 == 0x90);
}

TEST_CASE("a length too short for the status bytes is reported and the stream resynchronised")
{
    Decoder d;
    const Bytes short_len{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x00, 0x00, 0x90};
    const auto events = d.feed(join({short_len, kOkReply}));
    REQUIRE(events.size() == 3);
    CHECK(std::get<BadLength>(events[0]).len == 3);
    CHECK(std::get<Skipped>(events[1]).bytes == 5); // the LEN and the three bytes after it
    CHECK(std::get<Frame>(events[2]).sw3 == 0x90);
}

TEST_CASE("a length larger than any reply is not waited for")
{
    Decoder d;
    const Bytes huge{0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x10, 0x01};
    const auto events = d.feed(join({huge, kOkReply}));
    REQUIRE(events.size() == 3);
    CHECK(std::get<BadLength>(events[0]).len == kMaxLen + 1);
    CHECK(std::get<Skipped>(events[1]).bytes == 2);
    CHECK(std::get<Frame>(events[2]).sw3 == 0x90);
}

TEST_CASE("a preamble in the length bytes of a bad frame is found again")
{
    Decoder d;
    // LEN = AA AA is impossible; the frame that begins at those bytes is real.
    const Bytes stream = join({Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69}, Bytes{0xAA, 0xAA, 0xAA, 0x96, 0x69},
                               Bytes{0x00, 0x04, 0x00, 0x00, 0x90, 0x94}});
    const auto events = d.feed(stream);
    REQUIRE(events.size() == 2);
    CHECK(std::get<BadLength>(events[0]).len == 0xAAAA);
    CHECK(std::get<Frame>(events[1]).sw3 == 0x90);
}

TEST_CASE("a wrong checksum is reported, and the good frame after it still decodes")
{
    Decoder d;
    Bytes bad = kCardFoundReply;
    bad.back() ^= 0x01;
    const auto events = d.feed(join({bad, kOkReply}));
    REQUIRE(events.size() == 3);
    CHECK(std::get<BadChecksum>(events[0]) == BadChecksum{8, 0x97, 0x96});
    CHECK(std::get<Skipped>(events[1]).bytes == kCardFoundReply.size() - 5);
    CHECK(std::get<Frame>(events[2]).sw3 == 0x90);
}

TEST_CASE("frames swallowed by a corrupt length are found again once it fails its checksum")
{
    // LEN says 64 bytes where 4 came: the next two replies fall inside the claimed frame.
    Bytes corrupt = kOkReply;
    corrupt[6] = 64;
    Bytes stream = join({corrupt, kCardFoundReply, kOkReply});
    stream.resize(kHeaderBytes + 64, 0x00); // then line noise until the claimed length is there
    Decoder d;
    const auto events = d.feed(stream);
    REQUIRE(std::holds_alternative<BadChecksum>(events.front()));
    const auto frames = frames_of(events);
    REQUIRE(frames.size() == 2);
    CHECK(frames[0].sw3 == 0x9F);
    CHECK(frames[1].sw3 == 0x90);
}

TEST_CASE("a frame not yet whole is held, nothing reported")
{
    Decoder d;
    CHECK(d.feed(std::span(kCardFoundReply).first(9)).empty());
    CHECK(d.buffered() == 9);
    d.reset();
    CHECK(d.buffered() == 0);
    const auto rest = d.feed(std::span(kCardFoundReply).subspan(9)); // without its start, noise
    REQUIRE(rest.size() == 1);
    CHECK(std::get<Skipped>(rest[0]).bytes == 6);
}

TEST_CASE("a long stream of garbage keeps the buffer bounded")
{
    Decoder d;
    Bytes noise(100'000);
    for (std::size_t i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<std::uint8_t>(i * 31 + 7);
    std::size_t skipped = 0;
    for (int round = 0; round < 20; ++round) {
        for (const Event& e : d.feed(noise))
            if (const auto* s = std::get_if<Skipped>(&e))
                skipped += s->bytes;
        CHECK(d.buffered() < kPreamble.size());
    }
    CHECK(skipped + d.buffered() == 20 * noise.size());
}

TEST_CASE("a stream of preambles with the largest length never holds more than one frame")
{
    Decoder d;
    // Each a preamble and LEN = kMaxLen: the decoder waits for every one to be whole.
    Bytes start(kPreamble.begin(), kPreamble.end());
    start.push_back(static_cast<std::uint8_t>(kMaxLen >> 8));
    start.push_back(static_cast<std::uint8_t>(kMaxLen & 0xFF));
    Bytes stream;
    while (stream.size() < 50'000)
        stream.insert(stream.end(), start.begin(), start.end());
    for (int round = 0; round < 5; ++round) {
        d.feed(stream);
        CHECK(d.buffered() < Decoder::kMaxBuffered);
    }
}
