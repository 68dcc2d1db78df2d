// The module's status codes and what they ask of the kiosk (see sam_status.hpp).
#include "sam_status.hpp"

#include <cstdio>

namespace hk::sam {
namespace {

struct Code {
    Sw3 sw3;
    const char* text;
    std::optional<CardProblem> problem;
};

// One row a code. The card's random number (47) is its answer to the module's challenge: it
// fails when the card leaves the field mid-exchange, so the resident tries again. A fingerprint
// error (37) leaves the card unread by 30 10; the driver may read text and photo alone (30 01)
// before it shows this.
constexpr Code kCodes[] = {
    {Sw3::ok, "ok", std::nullopt},
    {Sw3::no_such_item, "card has no such item", std::nullopt},
    {Sw3::card_found, "card found", std::nullopt},
    {Sw3::checksum_error, "checksum error", CardProblem::protocol},
    {Sw3::length_error, "length error", CardProblem::protocol},
    {Sw3::bad_command, "bad command", CardProblem::protocol},
    {Sw3::data_length_error, "data length error", CardProblem::protocol},
    {Sw3::unauthorised, "unauthorised", CardProblem::reader_fault},
    {Sw3::unknown_error, "unknown error", CardProblem::reader_fault},
    {Sw3::self_test_failed, "module self-test failed", CardProblem::reader_fault},
    {Sw3::module_not_authorised, "module not authorised", CardProblem::reader_fault},
    {Sw3::card_failed_to_authenticate_module, "card failed to authenticate the module", CardProblem::unreadable},
    {Sw3::module_failed_to_authenticate_card, "module failed to authenticate the card", CardProblem::unreadable},
    {Sw3::verification_failed, "verification failed", CardProblem::unreadable},
    {Sw3::unknown_card_type, "unknown card type", CardProblem::unreadable},
    {Sw3::fingerprint_error, "fingerprint error", CardProblem::unreadable},
    {Sw3::read_failed, "read failed", CardProblem::hold_still},
    {Sw3::random_number_failed, "random number failed", CardProblem::hold_still},
    {Sw3::select_failed, "select failed", CardProblem::hold_still},
    {Sw3::find_failed, "find failed (no card)", CardProblem::place_card},
};

const Code* find(std::uint8_t sw3)
{
    for (const Code& c : kCodes)
        if (static_cast<std::uint8_t>(c.sw3) == sw3)
            return &c;
    return nullptr;
}

} // namespace

std::optional<CardProblem> problem_of(std::uint8_t sw1, std::uint8_t sw2, std::uint8_t sw3)
{
    const Code* c = find(sw3);
    if (sw1 != 0 || sw2 != 0 || !c)
        return CardProblem::reader_fault;
    return c->problem;
}

std::string describe(std::uint8_t sw3)
{
    if (const Code* c = find(sw3))
        return c->text;
    char text[32];
    std::snprintf(text, sizeof text, "unknown status 0x%02X", sw3);
    return text;
}

std::string_view describe(CardProblem p)
{
    switch (p) {
    case CardProblem::place_card: return "place card";
    case CardProblem::hold_still: return "hold still";
    case CardProblem::unreadable: return "card unreadable";
    case CardProblem::reader_fault: return "reader fault";
    case CardProblem::protocol: return "protocol error";
    }
    return "unknown problem";
}

} // namespace hk::sam
