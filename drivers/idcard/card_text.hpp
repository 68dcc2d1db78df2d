// The 256-byte text block the module reads from a card (UCS-2 little endian, space padded),
// parsed and checked for the four kinds of card it returns: the resident identity card, the
// residence permit for Hong Kong, Macao and Taiwan residents, and the foreigner permanent
// residence card in its 2017 and 2023 layouts. Byte ranges as in
// ../shared/reference/peripherals.md, SAM section. Also the appended address (30 03).
//
// Personal fields are held as hk::Personal: shown masked, wiped when dropped.
#pragma once

#include "date.hpp"
#include "personal.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace hk::idcard {

inline constexpr std::size_t kTextBlockBytes = 256;
inline constexpr std::size_t kAppendedAddressBytes = 70;

enum class CardKind {
    resident,               // kind character blank
    hk_macao_taiwan_permit, // 'J'
    foreigner_2017,         // 'I'
    foreigner_2023,         // 'Y'
};

enum class Sex { unknown, male, female };

struct Validity {
    Date from;
    std::optional<Date> to; // none when long-term
    bool long_term = false; // the card says 长期: valid for life
};

struct CardText {
    CardKind kind = CardKind::resident;
    // The Chinese name; on foreigner cards only when the holder has one.
    Personal name{Personal::Kind::name, {}};
    // Foreigner cards: the name in Latin letters (on the 2023 card its two parts joined).
    Personal english_name{Personal::Kind::name, {}};
    Sex sex = Sex::unknown;
    // Resident cards: the code of GB/T 3304 ("01" to "56", "97", "98"); its name is
    // ethnic_name(ethnic_code). Empty on the other kinds.
    std::string ethnic_code;
    Personal birth{Personal::Kind::date, {}};      // YYYYMMDD
    Personal address{Personal::Kind::address, {}}; // resident cards and permits
    // The ID number (18 characters, check character upper case); on the 2017 foreigner card the
    // 15-character permit number.
    Personal id_number{Personal::Kind::id_number, {}};
    // The issuing authority; on the 2017 foreigner card the authority's code. None on the 2023
    // foreigner card.
    std::string authority;
    Validity validity;
    std::string nationality; // foreigner cards: ISO 3166-1 alpha-3
    // Permits: the number of the holder's travel permit to the mainland, and how many times the
    // permit has been issued.
    Personal pass_number{Personal::Kind::id_number, {}};
    int issue_count = 0;
    std::string card_version;         // 2017 foreigner card
    std::optional<int> renewal_count; // 2023 foreigner card
    std::string old_card_link;        // 2023 foreigner card, when it replaces an older one
};

enum class TextError {
    wrong_size,        // not 256 bytes (70 for an appended address)
    unknown_kind,      // the kind character is none of blank, 'I', 'J', 'Y'
    missing_field,     // a field the card kind always has is empty
    bad_sex,           // the sex code is not 1 or 2
    bad_ethnic_code,   // not a code of GB/T 3304
    bad_date,          // not a real YYYYMMDD date (or 长期 where a validity may end so)
    bad_number,        // a count that is not digits
    bad_id_number,     // not 17 digits and a check character, or no real birth date inside
    wrong_check_digit, // the ID number's check character is not the one its digits give
};

struct CardTextError {
    TextError error = TextError::wrong_size;
    std::string_view field; // "name", "id_number", ...; "block" for the size and kind
    bool operator==(const CardTextError&) const = default;
};

std::variant<CardText, CardTextError> parse_card_text(std::span<const std::uint8_t> block);

// The latest address appended to a resident card (30 03): 70 bytes of UCS-2.
std::variant<Personal, CardTextError> parse_appended_address(std::span<const std::uint8_t> data);

// For the log: "wrong check digit in id_number".
std::string describe(const CardTextError& e);

} // namespace hk::idcard
