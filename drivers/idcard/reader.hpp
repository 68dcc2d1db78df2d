// The ID card reader's device side: commands to the card security module over the reader's bulk
// endpoints (vendor bulk, or the data interface of a USB serial CDC-ACM bridge), and reading a
// card from "is there one" to its parsed, masked text.
//
// Errors come two ways. USB errors (unplugged, timeout) are usb::Error values: the port retries
// after a replug. What the module says about the card (no card, read failed, cannot read) is a
// ReadProblem the screen turns into words for the resident or staff.
#pragma once

#include "card_text.hpp"
#include "sam_frame.hpp"
#include "sam_status.hpp"
#include "cdc_acm.hpp"
#include "device_match.hpp"
#include "transport.hpp"

#include <optional>
#include <string>
#include <variant>

namespace hk::idcard {

// The bulk endpoints frames go over.
struct Link {
    std::uint8_t out = 0x02;
    std::uint8_t in = 0x81;
};
Link link_of(const usb::InterfaceInfo& iface);

// CDC-ACM bridges: the module speaks 115200 8N1, which usb::set_serial_line sets.
using usb::set_serial_line;

// Sends a command and returns the module's reply frame. A reply with a bad checksum, or the
// module saying our frame was broken (checksum, length), is asked again, at most twice; stray
// bytes before a reply are skipped. `timeout`: for the whole reply.
usb::Result<sam::Frame> exchange(usb::Transport& t, Link link, sam::Command c, std::span<const std::uint8_t> data = {},
                                 usb::Millis timeout = usb::Millis(3000));

// A card as read: the parsed text (personal fields mask themselves), the photo as the opaque
// bytes the module gave (wiped when dropped), and the latest appended address if any.
struct Card {
    CardText text;
    std::vector<std::uint8_t> photo;
    std::optional<Personal> appended_address;

    Card() = default;
    Card(const Card&) = default;
    Card& operator=(const Card&) = default;
    Card(Card&&) = default;
    Card& operator=(Card&&) = default;
    ~Card();
};

struct ReadProblem {
    sam::CardProblem problem;
    std::string detail; // for the log and staff, never personal data
};

// Whether a card lies on the reader (find card): true for "card found", false for "no card".
// Another answer is a problem.
usb::Result<std::variant<bool, ReadProblem>> card_present(usb::Transport& t, Link link);

// Finds, selects and reads the card on the reader, then its appended address. A read that fails
// because the card moved is tried once more from "find".
usb::Result<std::variant<Card, ReadProblem>> read_card(usb::Transport& t, Link link);

} // namespace hk::idcard
