// Fuzz target for the card parsers (drivers/idcard: card_text.cpp, read_reply.cpp and what they
// use): any bytes as a text block, an appended address and the data of a card read reply. Every
// card accepted has the fields its kind requires, valid dates and, where the kind carries one, an
// ID number whose check digit holds; every field is valid UTF-8 without control characters; the
// masked forms never show the middle of an ID number; a reply splits into exactly its bytes.
//
// Input: the whole input is each parser's data: the text block parser gets its first 256 bytes
// (and the whole input, for the size check), the appended address parser its first 70, the reply
// parser all of it, read both as a 30 01 and as a 30 10 reply, and a reply that splits has its
// text block parsed too.
#include "card_text.hpp"
#include "ethnic_groups.hpp"
#include "fuzz_expect.hpp"
#include "id_number.hpp"
#include "read_reply.hpp"
#include "utf8.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

using namespace hk::idcard;

using hk::fuzz::expect;

namespace {

// Valid UTF-8 (U+FFFD only where it is written out), and no C0 or C1 control character.
void check_text(std::string_view s)
{
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t from = pos;
        const char32_t c = hk::utf8::next(s, pos);
        expect(c != hk::utf8::kReplacement || s.substr(from, pos - from) == "\uFFFD", "a field is not valid UTF-8");
        expect(c >= 0x20 && !(c >= 0x7F && c < 0xA0), "a field holds a control character");
    }
}

bool ascii(std::string_view s)
{
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    return true;
}

// The ID number shows its first and last four characters; all between them are stars.
void check_masked_number(const hk::Personal& p)
{
    const std::string_view plain = p.reveal();
    const std::string masked = p.masked();
    check_text(masked);
    if (plain.size() > 8 && ascii(plain)) {
        expect(masked.size() == plain.size() && masked.substr(0, 4) == plain.substr(0, 4) &&
                   masked.substr(plain.size() - 4) == plain.substr(plain.size() - 4) &&
                   masked.substr(4, plain.size() - 8).find_first_not_of('*') == std::string::npos,
               "a masked number shows its middle");
    }
}

void check_card(const CardText& c)
{
    for (const hk::Personal* p : {&c.name, &c.english_name, &c.birth, &c.address, &c.id_number, &c.pass_number}) {
        check_text(p->reveal());
        check_text(p->masked());
    }
    for (const std::string* s : {&c.ethnic_code, &c.authority, &c.nationality, &c.card_version, &c.old_card_link})
        check_text(*s);

    expect(c.sex == Sex::male || c.sex == Sex::female, "a card without a sex");
    expect(parse_date(c.birth.reveal()).has_value(), "a birth that is not a date");
    expect(c.validity.long_term != c.validity.to.has_value(), "a validity both long-term and ending, or neither");
    expect(!c.id_number.empty(), "a card without its number");
    check_masked_number(c.id_number);
    check_masked_number(c.pass_number);

    switch (c.kind) {
    case CardKind::resident:
        expect(!ethnic_name(c.ethnic_code).empty(), "a resident card with an ethnic code of no group");
        [[fallthrough]];
    case CardKind::hk_macao_taiwan_permit:
        expect(!c.name.empty() && !c.address.empty() && !c.authority.empty(), "a resident card misses a field");
        expect(valid_id_number(c.id_number.reveal()), "an ID number that fails its check");
        expect(c.id_number.reveal().back() != 'x', "a lower-case x kept in an ID number");
        break;
    case CardKind::foreigner_2023:
        expect(!c.english_name.empty() && !c.nationality.empty(), "a foreigner card misses a field");
        expect(valid_id_number(c.id_number.reveal()), "an ID number that fails its check");
        break;
    case CardKind::foreigner_2017:
        expect(!c.english_name.empty() && !c.nationality.empty() && !c.authority.empty(),
               "a foreigner card misses a field");
        break;
    }
    if (c.kind == CardKind::hk_macao_taiwan_permit)
        expect(!c.pass_number.empty(), "a permit without its pass number");
}

void parse_block(std::span<const std::uint8_t> block)
{
    const auto r = parse_card_text(block);
    if (const auto* c = std::get_if<CardText>(&r)) {
        expect(block.size() == kTextBlockBytes, "a block of the wrong size was accepted");
        check_card(*c);
    } else {
        expect(!describe(std::get<CardTextError>(r)).empty(), "an error without a description");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::span<const std::uint8_t> input(data, size);
    parse_block(input);
    if (size > kTextBlockBytes)
        parse_block(input.first(kTextBlockBytes));

    const auto address = parse_appended_address(input.first(std::min(size, kAppendedAddressBytes)));
    if (const auto* a = std::get_if<hk::Personal>(&address)) {
        expect(size >= kAppendedAddressBytes && !a->empty(), "an address from the wrong bytes");
        check_text(a->reveal());
        check_text(a->masked());
    }

    for (bool with_fingerprint : {false, true}) {
        const auto reply = hk::sam::parse_read_reply(input, with_fingerprint);
        if (const auto* r = std::get_if<hk::sam::ReadReply>(&reply)) {
            expect(r->text.size() + r->photo.size() + r->fingerprint.size() + (with_fingerprint ? 6 : 4) == size,
                   "a reply split into other bytes than it holds");
            expect(with_fingerprint || r->fingerprint.empty(), "a fingerprint in a 30 01 reply");
            parse_block(r->text);
        }
    }
    return 0;
}
