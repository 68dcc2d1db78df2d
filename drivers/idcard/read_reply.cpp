// Splitting a card read's reply data (see read_reply.hpp).
#include "read_reply.hpp"

namespace hk::sam {

std::variant<ReadReply, ReadReplyError> parse_read_reply(std::span<const std::uint8_t> data, bool with_fingerprint)
{
    const std::size_t blocks = with_fingerprint ? 3 : 2;
    if (data.size() < 2 * blocks)
        return ReadReplyError::too_short;
    std::size_t lengths[3] = {};
    std::size_t total = 2 * blocks;
    for (std::size_t i = 0; i < blocks; ++i) {
        lengths[i] = static_cast<std::size_t>(data[2 * i]) << 8 | data[2 * i + 1];
        total += lengths[i];
    }
    // Exactly: a reply with bytes left over is as suspect as one cut short.
    if (total != data.size())
        return ReadReplyError::lengths_disagree;
    ReadReply r;
    std::vector<std::uint8_t>* out[3] = {&r.text, &r.photo, &r.fingerprint};
    auto rest = data.subspan(2 * blocks);
    for (std::size_t i = 0; i < blocks; ++i) {
        out[i]->assign(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(lengths[i]));
        rest = rest.subspan(lengths[i]);
    }
    return r;
}

} // namespace hk::sam
