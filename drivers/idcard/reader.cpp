// The ID card reader's device side (see reader.hpp).
#include "reader.hpp"

#include "read_reply.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstring>

namespace hk::idcard {
namespace {

constexpr int kProtocolRetries = 2;

bool is(const sam::Frame& f, sam::Sw3 s) { return f.sw1 == 0 && f.sw2 == 0 && f.sw3 == static_cast<std::uint8_t>(s); }

ReadProblem problem(const sam::Frame& f)
{
    const auto p = sam::problem_of(f.sw1, f.sw2, f.sw3);
    return {p.value_or(sam::CardProblem::reader_fault), sam::describe(f.sw3)};
}

} // namespace

Card::~Card()
{
    if (!photo.empty())
        explicit_bzero(photo.data(), photo.size());
}

Link link_of(const usb::InterfaceInfo& iface)
{
    const usb::BulkEndpoints b = usb::first_bulk_endpoints(iface, {Link{}.out, Link{}.in});
    return {b.out, b.in};
}

usb::Result<sam::Frame> exchange(usb::Transport& t, Link link, sam::Command c, std::span<const std::uint8_t> data,
                                 usb::Millis timeout)
{
    const sam::Bytes request = sam::encode(c, data);
    for (int attempt = 0;; ++attempt) {
        if (auto w = t.write(link.out, request, timeout); !w)
            return std::unexpected(w.error());
        sam::Decoder decoder;
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        std::optional<sam::Frame> reply;
        bool broken = false;
        while (!reply && !broken) {
            const auto left = std::chrono::duration_cast<usb::Millis>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return std::unexpected(usb::Error{usb::Errc::timeout, "the card module did not answer in time"});
            auto chunk = t.read(link.in, 4096, left);
            if (!chunk)
                return std::unexpected(chunk.error());
            for (sam::Event& e : decoder.feed(*chunk)) {
                if (auto* f = std::get_if<sam::Frame>(&e))
                    reply = std::move(*f);
                else if (std::holds_alternative<sam::BadChecksum>(e) || std::holds_alternative<sam::BadLength>(e))
                    broken = true;
                else if (auto* s = std::get_if<sam::Skipped>(&e))
                    spdlog::debug("idcard: {} stray bytes before a reply skipped", s->bytes);
            }
        }
        const bool garbled = broken || is(*reply, sam::Sw3::checksum_error) || is(*reply, sam::Sw3::length_error);
        if (!garbled)
            return std::move(*reply);
        if (attempt >= kProtocolRetries)
            return std::unexpected(usb::Error{usb::Errc::io, "frames to and from the card module keep arriving broken"});
        spdlog::warn("idcard: a frame was broken on the line ({}); asking again",
                     broken ? "bad reply" : sam::describe(reply->sw3));
        // Whatever is left of a broken reply is read out before asking again.
        while (t.read(link.in, 4096, usb::Millis(20)))
            ;
    }
}

usb::Result<std::variant<bool, ReadProblem>> card_present(usb::Transport& t, Link link)
{
    auto f = exchange(t, link, sam::kFindCard);
    if (!f)
        return std::unexpected(f.error());
    if (is(*f, sam::Sw3::card_found))
        return true;
    if (is(*f, sam::Sw3::find_failed))
        return false;
    return problem(*f);
}

usb::Result<std::variant<Card, ReadProblem>> read_card(usb::Transport& t, Link link)
{
    for (int attempt = 0;; ++attempt) {
        auto found = exchange(t, link, sam::kFindCard);
        if (!found)
            return std::unexpected(found.error());
        if (!is(*found, sam::Sw3::card_found))
            return problem(*found);
        auto selected = exchange(t, link, sam::kSelectCard);
        if (!selected)
            return std::unexpected(selected.error());
        if (!is(*selected, sam::Sw3::ok)) {
            if (attempt == 0)
                continue;
            return problem(*selected);
        }
        auto read = exchange(t, link, sam::kReadTextPhoto);
        if (!read)
            return std::unexpected(read.error());
        if (!is(*read, sam::Sw3::ok)) {
            // The card moved away mid-read: once more from the start.
            if (attempt == 0 && sam::problem_of(read->sw1, read->sw2, read->sw3) == sam::CardProblem::hold_still)
                continue;
            return problem(*read);
        }
        auto blocks = sam::parse_read_reply(read->data, false);
        if (!read->data.empty()) // explicit_bzero takes no null pointer, even for zero bytes
            explicit_bzero(read->data.data(), read->data.size());
        auto* reply = std::get_if<sam::ReadReply>(&blocks);
        if (!reply)
            return ReadProblem{sam::CardProblem::protocol, "the card read reply's lengths do not add up"};
        auto text = parse_card_text(reply->text);
        if (!reply->text.empty())
            explicit_bzero(reply->text.data(), reply->text.size());
        if (auto* e = std::get_if<CardTextError>(&text))
            return ReadProblem{sam::CardProblem::unreadable, describe(*e)};
        Card card;
        card.text = std::move(std::get<CardText>(text));
        card.photo = std::move(reply->photo);
        auto address = exchange(t, link, sam::kReadAppendedAddress);
        if (!address)
            return std::unexpected(address.error());
        if (is(*address, sam::Sw3::ok)) {
            auto a = parse_appended_address(address->data);
            if (auto* p = std::get_if<Personal>(&a))
                card.appended_address = std::move(*p);
            else
                spdlog::warn("idcard: appended address not read: {}", describe(std::get<CardTextError>(a)));
        }
        return card;
    }
}

} // namespace hk::idcard
