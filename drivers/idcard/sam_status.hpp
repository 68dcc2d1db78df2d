// The module's status bytes: what each SW3 code means, for the log and staff, and what the
// kiosk should do about it. Codes as listed in ../shared/reference/peripherals.md, SAM section;
// they hold when SW1 = SW2 = 00.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hk::sam {

enum class Sw3 : std::uint8_t {
    ok = 0x90,
    no_such_item = 0x91, // e.g. no address appended to the card (30 03)
    card_found = 0x9F,
    checksum_error = 0x10,
    length_error = 0x11,
    bad_command = 0x21,
    unauthorised = 0x23,
    unknown_error = 0x24,
    card_failed_to_authenticate_module = 0x31,
    module_failed_to_authenticate_card = 0x32,
    verification_failed = 0x33,
    fingerprint_error = 0x37,
    data_length_error = 0x3F,
    unknown_card_type = 0x40,
    read_failed = 0x41,
    random_number_failed = 0x47,
    self_test_failed = 0x60,
    module_not_authorised = 0x66,
    find_failed = 0x80, // no card on the reader
    select_failed = 0x81,
};

// What a reply that is not an answer asks of the kiosk. The UI maps each to its own words in the
// session's language; the driver retries `protocol` itself before it gives up.
enum class CardProblem {
    place_card,   // no card found: the resident places it flat on the reader
    hold_still,   // the card was found but reading it failed: the resident holds it still, tries again
    unreadable,   // the card cannot be read here (unknown kind, authentication failed): ask staff
    reader_fault, // the module is faulty or not authorised: staff
    protocol,     // the module did not understand a frame (checksum, length, command)
};

// Nothing for an answer (ok, card found, no such item); otherwise the problem. Codes this table
// does not know, and any SW1 SW2 other than 00 00, are a reader fault: never taken for success,
// never retried for ever.
std::optional<CardProblem> problem_of(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3);

// For the log and staff, in English: "find failed (no card)", or "unknown status 0x42".
std::string describe(std::uint8_t sw3);
// The problem's name for the log: "place card", "hold still", ...
std::string_view describe(CardProblem p);

} // namespace hk::sam
