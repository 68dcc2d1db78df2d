// Fuzz target for the SAM reply decoder (drivers/idcard/sam_frame.cpp): any byte stream, fed
// whole and again in pieces of fuzzed sizes, gives the same events; every byte is accounted for
// once (in a frame, a dropped preamble, skipped, or still held); no skipped run hides a preamble;
// every frame is the stream's own bytes with a good checksum; the buffer stays bounded.
//
// Input: the first byte's low 3 bits say how many piece sizes follow (0 to 7, each byte b a piece
// of b + 1 bytes, used in turn; none: pieces of 64 bytes, a USB packet); the rest is the stream
// from the module.
#include "fuzz_expect.hpp"
#include "sam_frame.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>

using namespace hk::sam;

using hk::fuzz::expect;

namespace {

// Skipped runs joined: how the noise is cut into runs depends on where the pieces end.
void append_joined(std::vector<Event>& all, const std::vector<Event>& more)
{
    for (const Event& e : more) {
        const auto* s = std::get_if<Skipped>(&e);
        auto* last = all.empty() ? nullptr : std::get_if<Skipped>(&all.back());
        if (s && last)
            last->bytes += s->bytes;
        else
            all.push_back(e);
    }
}

bool preamble_at(std::span<const std::uint8_t> stream, std::size_t pos)
{
    return pos + kPreamble.size() <= stream.size() &&
           std::equal(kPreamble.begin(), kPreamble.end(), stream.begin() + static_cast<std::ptrdiff_t>(pos));
}

// Walks the events over the stream they came from; returns where the held bytes begin.
std::size_t check_against_stream(std::span<const std::uint8_t> stream, const std::vector<Event>& events)
{
    std::size_t pos = 0;
    for (const Event& e : events) {
        if (const auto* f = std::get_if<Frame>(&e)) {
            const Bytes again = encode_reply(f->sw3, f->data, f->sw1, f->sw2);
            expect(!again.empty() && pos + again.size() <= stream.size() &&
                       std::equal(again.begin(), again.end(), stream.begin() + static_cast<std::ptrdiff_t>(pos)),
                   "a frame is not the stream's bytes");
            pos += again.size();
        } else if (const auto* s = std::get_if<Skipped>(&e)) {
            expect(s->bytes > 0, "an empty skipped run");
            for (std::size_t i = pos; i < pos + s->bytes; ++i)
                expect(!preamble_at(stream, i), "a preamble was skipped");
            pos += s->bytes;
        } else if (const auto* l = std::get_if<BadLength>(&e)) {
            expect(preamble_at(stream, pos) && pos + kHeaderBytes <= stream.size(), "a bad length without a header");
            const std::size_t len = static_cast<std::size_t>(stream[pos + 5]) << 8 | stream[pos + 6];
            expect(len == l->len && (len < kMinReplyLen || len > kMaxLen), "a length reported bad that is not");
            pos += kPreamble.size();
        } else if (const auto* c = std::get_if<BadChecksum>(&e)) {
            expect(preamble_at(stream, pos) && pos + kHeaderBytes + c->len <= stream.size(),
                   "a bad checksum without a whole frame");
            expect(c->expected != c->received && stream[pos + kHeaderBytes + c->len - 1] == c->received,
                   "a checksum reported bad that is not");
            pos += kPreamble.size();
        }
        expect(pos <= stream.size(), "events cover more bytes than came");
    }
    return pos;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t n_sizes = std::min<std::size_t>(data[0] & 7, size - 1);
    const std::span<const std::uint8_t> sizes(data + 1, n_sizes);
    const std::span<const std::uint8_t> stream(data + 1 + n_sizes, size - 1 - n_sizes);

    Decoder whole;
    std::vector<Event> at_once;
    append_joined(at_once, whole.feed(stream));
    expect(whole.buffered() < Decoder::kMaxBuffered, "the buffer grew past one frame");

    Decoder pieces;
    std::vector<Event> in_pieces;
    std::size_t i = 0;
    for (std::size_t at = 0; at < stream.size(); ++i) {
        const std::size_t piece = std::min<std::size_t>(n_sizes ? sizes[i % n_sizes] + 1u : 64, stream.size() - at);
        append_joined(in_pieces, pieces.feed(stream.subspan(at, piece)));
        expect(pieces.buffered() < Decoder::kMaxBuffered, "the buffer grew past one frame");
        at += piece;
    }
    expect(at_once == in_pieces, "fed in pieces, the stream gave other events");
    expect(whole.buffered() == pieces.buffered(), "fed in pieces, other bytes are held");

    const std::size_t held_from = check_against_stream(stream, at_once);
    expect(held_from + whole.buffered() == stream.size(), "bytes were lost or counted twice");
    return 0;
}
