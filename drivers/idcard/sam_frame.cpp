// Encoding the module's command frames and decoding its reply stream (see sam_frame.hpp).
#include "sam_frame.hpp"

#include <algorithm>

namespace hk::sam {
namespace {

// Preamble, LEN, then `head` (CMD PARA or SW1 SW2 SW3), data and CHK. Data too long for a frame
// the module would take gives no frame at all rather than a LEN that lies.
Bytes frame(std::span<const std::uint8_t> head, std::span<const std::uint8_t> data)
{
    const std::size_t len = head.size() + data.size() + 1;
    if (len > kMaxLen)
        return {};
    Bytes f(kPreamble.begin(), kPreamble.end());
    f.push_back(static_cast<std::uint8_t>(len >> 8));
    f.push_back(static_cast<std::uint8_t>(len & 0xFF));
    f.insert(f.end(), head.begin(), head.end());
    f.insert(f.end(), data.begin(), data.end());
    f.push_back(checksum(std::span(f).subspan(kPreamble.size())));
    return f;
}

// How many bytes at the end of `tail` could be the start of a preamble still arriving.
std::size_t preamble_start(std::span<const std::uint8_t> tail)
{
    for (std::size_t k = std::min(tail.size(), kPreamble.size() - 1); k > 0; --k)
        if (std::equal(tail.end() - static_cast<std::ptrdiff_t>(k), tail.end(), kPreamble.begin()))
            return k;
    return 0;
}

void add_skipped(std::vector<Event>& out, std::size_t n)
{
    if (n == 0)
        return;
    if (!out.empty())
        if (auto* last = std::get_if<Skipped>(&out.back())) {
            last->bytes += n;
            return;
        }
    out.emplace_back(Skipped{n});
}

} // namespace

std::uint8_t checksum(std::span<const std::uint8_t> bytes)
{
    std::uint8_t x = 0;
    for (std::uint8_t b : bytes)
        x ^= b;
    return x;
}

Bytes encode(Command c, std::span<const std::uint8_t> data)
{
    const std::uint8_t head[] = {c.cmd, c.para};
    return frame(head, data);
}

Bytes encode_set_max_rf_frame(std::uint8_t bytes)
{
    const std::uint8_t data[] = {bytes};
    return encode(kSetMaxRfFrame, data);
}

Bytes encode_reply(std::uint8_t sw3, std::span<const std::uint8_t> data, std::uint8_t sw1, std::uint8_t sw2)
{
    const std::uint8_t head[] = {sw1, sw2, sw3};
    return frame(head, data);
}

std::vector<Event> Decoder::feed(std::span<const std::uint8_t> bytes)
{
    std::vector<Event> out;
    // A slice at a time, so that one huge piece never sits whole in the buffer.
    while (!bytes.empty()) {
        const std::size_t n = std::min(bytes.size(), kMaxBuffered);
        buf_.insert(buf_.end(), bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
        bytes = bytes.subspan(n);
        decode(out);
    }
    return out;
}

// Takes every whole frame out of the buffer; leaves at most a frame not yet whole (LEN is checked
// first, so that is under kMaxBuffered bytes) or the few bytes that may begin a preamble.
void Decoder::decode(std::vector<Event>& out)
{
    const std::span<const std::uint8_t> buf(buf_);
    std::size_t at = 0;
    while (true) {
        const auto rest = buf.subspan(at);
        const auto found = std::search(rest.begin(), rest.end(), kPreamble.begin(), kPreamble.end());
        if (found == rest.end()) {
            const std::size_t keep = preamble_start(rest);
            add_skipped(out, rest.size() - keep);
            at = buf.size() - keep;
            break;
        }
        const auto skipped = static_cast<std::size_t>(found - rest.begin());
        add_skipped(out, skipped);
        at += skipped;
        if (buf.size() - at < kHeaderBytes)
            break;
        const std::size_t len = static_cast<std::size_t>(buf[at + 5]) << 8 | buf[at + 6];
        if (len < kMinReplyLen || len > kMaxLen) {
            out.emplace_back(BadLength{len});
            at += kPreamble.size();
            continue;
        }
        if (buf.size() - at < kHeaderBytes + len)
            break;
        const auto f = buf.subspan(at, kHeaderBytes + len);
        const std::uint8_t expected = checksum(f.subspan(kPreamble.size(), 2 + len - 1));
        const std::uint8_t received = f.back();
        if (expected != received) {
            out.emplace_back(BadChecksum{len, expected, received});
            at += kPreamble.size();
            continue;
        }
        out.emplace_back(Frame{f[7], f[8], f[9], Bytes(f.begin() + 10, f.end() - 1)});
        at += f.size();
    }
    buf_.erase(buf_.begin(), buf_.begin() + static_cast<std::ptrdiff_t>(at));
}

} // namespace hk::sam
