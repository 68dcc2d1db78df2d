// Tests of the card text parsers: each card kind and each of its fields, read from blocks built
// at the reference's byte ranges, and each reason a block is rejected.
#include "card_text.hpp"

#include "ethnic_groups.hpp"
#include "text_block.hpp"

#include <doctest/doctest.h>

using namespace hk::idcard;
using hk::test::Block;
using hk::test::put;

namespace {

CardText parsed(const Block& b)
{
    auto r = parse_card_text(b);
    if (const auto* e = std::get_if<CardTextError>(&r))
        FAIL("rejected: " << describe(*e));
    return std::move(std::get<CardText>(r));
}

CardTextError rejected(const Block& b)
{
    const auto r = parse_card_text(b);
    REQUIRE(std::holds_alternative<CardTextError>(r));
    return std::get<CardTextError>(r);
}

// A sample block with one field changed, and the field's name.
struct Change {
    Block block;
    std::size_t first, last;
    std::string_view value;
    std::string_view field;
};

CardTextError rejected(const Change& c)
{
    CAPTURE(c.field);
    CAPTURE(c.value);
    Block b = c.block;
    put(b, c.first, c.last, c.value);
    return rejected(b);
}

} // namespace

TEST_CASE("a resident identity card reads every field")
{
    const CardText c = parsed(hk::test::resident_block());
    CHECK(c.kind == CardKind::resident);
    CHECK(c.name.reveal() == "林晓燕");
    CHECK(c.sex == Sex::female);
    CHECK(c.ethnic_code == "01");
    CHECK(ethnic_name(c.ethnic_code) == "汉");
    CHECK(c.birth.reveal() == "19880315");
    CHECK(c.address.reveal() == "广东省深圳市福田区莲花街道红荔路1001号");
    CHECK(c.id_number.reveal() == "44030419880315264X");
    CHECK(c.authority == "深圳市公安局福田分局");
    CHECK(c.validity.from == Date{2018, 6, 1});
    CHECK(c.validity.to == Date{2038, 6, 1});
    CHECK_FALSE(c.validity.long_term);
    CHECK(c.english_name.empty());
    CHECK(c.nationality.empty());
    CHECK(c.pass_number.empty());
}

TEST_CASE("personal fields of a card show themselves masked")
{
    const CardText c = parsed(hk::test::resident_block());
    CHECK(c.name.masked() == "林**");
    CHECK(c.id_number.masked() == "4403**********264X");
    CHECK(c.birth.masked() == "1988****");
    CHECK(c.address.masked() == "广东省深圳市" + std::string(15, '*'));
}

TEST_CASE("a card valid for life says so, with no end date")
{
    Block b = hk::test::resident_block();
    put(b, 204, 219, "长期");
    const CardText c = parsed(b);
    CHECK(c.validity.long_term);
    CHECK_FALSE(c.validity.to);
}

TEST_CASE("a male resident, another ethnic group, a lower-case x read as X")
{
    Block b = hk::test::resident_block();
    put(b, 30, 31, "1");
    put(b, 32, 35, "98");
    put(b, 122, 157, "44030419880315264x");
    const CardText c = parsed(b);
    CHECK(c.sex == Sex::male);
    CHECK(ethnic_name(c.ethnic_code) == "外国血统中国籍人士");
    CHECK(c.id_number.reveal() == "44030419880315264X");
}

TEST_CASE("a resident card whose kind is NUL rather than blank is still a resident card")
{
    Block b = hk::test::resident_block();
    hk::test::put_kind(b, u'\0');
    CHECK(parsed(b).kind == CardKind::resident);
}

TEST_CASE("a residence permit for Hong Kong, Macao and Taiwan residents reads every field")
{
    const CardText c = parsed(hk::test::permit_block());
    CHECK(c.kind == CardKind::hk_macao_taiwan_permit);
    CHECK(c.name.reveal() == "陈家豪");
    CHECK(c.sex == Sex::male);
    CHECK(c.ethnic_code.empty());
    CHECK(c.birth.reveal() == "19920512");
    CHECK(c.address.reveal() == "广东省深圳市南山区粤海街道科苑路8号");
    CHECK(c.id_number.reveal() == "810000199205121239");
    CHECK(c.authority == "深圳市公安局");
    CHECK(c.validity.from == Date{2020, 1, 10});
    CHECK(c.validity.to == Date{2025, 1, 10});
    CHECK(c.pass_number.reveal() == "H60123456");
    CHECK(c.pass_number.masked() == "H601*3456");
    CHECK(c.issue_count == 2);
}

TEST_CASE("a permit ignores what stands in the resident card's ethnic group bytes")
{
    Block b = hk::test::permit_block();
    put(b, 32, 35, "XX");
    CHECK(parsed(b).ethnic_code.empty());
}

TEST_CASE("a foreigner permanent residence card of 2017 reads every field")
{
    const CardText c = parsed(hk::test::foreigner_2017_block());
    CHECK(c.kind == CardKind::foreigner_2017);
    CHECK(c.english_name.reveal() == "SMITH JOHN PAUL");
    CHECK(c.english_name.masked() == "S**** J*** P***");
    CHECK(c.sex == Sex::male);
    CHECK(c.id_number.reveal() == "USA110085061502");
    CHECK(c.nationality == "USA");
    CHECK(c.name.reveal() == "史密斯");
    CHECK(c.validity.from == Date{2017, 8, 1});
    CHECK(c.validity.to == Date{2027, 8, 1});
    CHECK(c.birth.reveal() == "19850615");
    CHECK(c.card_version == "01");
    CHECK(c.authority == "1500");
    CHECK(c.address.empty());
    CHECK(c.ethnic_code.empty());
}

TEST_CASE("a foreigner card of 2017 without a Chinese name is complete")
{
    Block b = hk::test::foreigner_2017_block();
    put(b, 158, 187, "");
    const CardText c = parsed(b);
    CHECK(c.name.empty());
    CHECK(c.english_name.reveal() == "SMITH JOHN PAUL");
}

TEST_CASE("a foreigner permanent residence card of 2023 reads every field")
{
    const CardText c = parsed(hk::test::foreigner_2023_block());
    CHECK(c.kind == CardKind::foreigner_2023);
    CHECK(c.name.reveal() == "贾维");
    CHECK(c.sex == Sex::male);
    CHECK(c.renewal_count == 1);
    CHECK(c.birth.reveal() == "19900220");
    CHECK(c.id_number.reveal() == "944724199002200019");
    CHECK(c.validity.from == Date{2023, 3, 1});
    CHECK(c.validity.to == Date{2033, 3, 1});
    CHECK(c.nationality == "ESP");
    CHECK(c.old_card_link == "1");
    CHECK(c.authority.empty());
    CHECK(c.address.empty());
}

TEST_CASE("the 2023 card's English name joins its two parts, keeping the space between them")
{
    CHECK(parsed(hk::test::foreigner_2023_block()).english_name.reveal() ==
          "GARCIA LOPEZ JAVIER ALEJANDRO LUIS MARTIN");
    Block b = hk::test::foreigner_2023_block();
    put(b, 52, 121, "GARCIA LOPEZ JAVIER");
    put(b, 220, 241, "");
    CHECK(parsed(b).english_name.reveal() == "GARCIA LOPEZ JAVIER");
}

TEST_CASE("the 2023 card's optional fields may be blank")
{
    Block b = hk::test::foreigner_2023_block();
    put(b, 0, 29, "");
    put(b, 32, 35, "");
    put(b, 250, 255, "");
    const CardText c = parsed(b);
    CHECK(c.name.empty());
    CHECK_FALSE(c.renewal_count);
    CHECK(c.old_card_link.empty());
}

TEST_CASE("a block of the wrong size is rejected")
{
    Block b = hk::test::resident_block();
    b.pop_back();
    CHECK(rejected(b) == CardTextError{TextError::wrong_size, "block"});
    CHECK(rejected(Block{}) == CardTextError{TextError::wrong_size, "block"});
    b.push_back(0);
    b.push_back(0);
    CHECK(rejected(b) == CardTextError{TextError::wrong_size, "block"});
}

TEST_CASE("a kind character the parsers do not know is rejected")
{
    Block b = hk::test::resident_block();
    hk::test::put_kind(b, u'Z');
    CHECK(rejected(b) == CardTextError{TextError::unknown_kind, "block"});
    hk::test::put_kind(b, u'j');
    CHECK(rejected(b) == CardTextError{TextError::unknown_kind, "block"});
}

TEST_CASE("an empty required field is rejected by its name")
{
    const Change cases[] = {
        {hk::test::resident_block(), 0, 29, "", "name"},
        {hk::test::resident_block(), 30, 31, "", "sex"},
        {hk::test::resident_block(), 32, 35, "", "ethnic_code"},
        {hk::test::resident_block(), 36, 51, "", "birth"},
        {hk::test::resident_block(), 52, 121, "", "address"},
        {hk::test::resident_block(), 122, 157, "", "id_number"},
        {hk::test::resident_block(), 158, 187, "", "authority"},
        {hk::test::resident_block(), 188, 203, "", "valid_from"},
        {hk::test::resident_block(), 204, 219, "", "valid_to"},
        {hk::test::permit_block(), 220, 237, "", "pass_number"},
        {hk::test::permit_block(), 238, 241, "", "issue_count"},
        {hk::test::foreigner_2017_block(), 0, 119, "", "english_name"},
        {hk::test::foreigner_2017_block(), 122, 151, "", "id_number"},
        {hk::test::foreigner_2017_block(), 152, 157, "", "nationality"},
        {hk::test::foreigner_2017_block(), 220, 235, "", "birth"},
        {hk::test::foreigner_2017_block(), 240, 247, "", "authority"},
        {hk::test::foreigner_2023_block(), 30, 31, "", "sex"},
        {hk::test::foreigner_2023_block(), 122, 157, "", "id_number"},
        {hk::test::foreigner_2023_block(), 242, 247, "", "nationality"},
    };
    for (const Change& c : cases)
        CHECK(rejected(c) == CardTextError{TextError::missing_field, c.field});
    Block b = hk::test::foreigner_2023_block();
    put(b, 52, 121, "");
    put(b, 220, 241, "");
    CHECK(rejected(b) == CardTextError{TextError::missing_field, "english_name"});
}

TEST_CASE("a sex code other than 1 or 2 is rejected")
{
    for (const char* code : {"0", "3", "9", "M", "女"})
        CHECK(rejected({hk::test::resident_block(), 30, 31, code, "sex"}) == CardTextError{TextError::bad_sex, "sex"});
    CHECK(rejected({hk::test::foreigner_2017_block(), 120, 121, "F", "sex"}) ==
          CardTextError{TextError::bad_sex, "sex"});
}

TEST_CASE("an ethnic group code outside GB/T 3304 is rejected")
{
    CHECK(rejected({hk::test::resident_block(), 32, 35, "57", "ethnic_code"}) ==
          CardTextError{TextError::bad_ethnic_code, "ethnic_code"});
}

TEST_CASE("an ID number that fails its check digit is rejected, on every kind that carries one")
{
    const Change cases[] = {
        {hk::test::resident_block(), 122, 157, "440304198803152649", "id_number"},
        {hk::test::permit_block(), 122, 157, "810000199205121238", "id_number"},
        {hk::test::foreigner_2023_block(), 122, 157, "944724199002200010", "id_number"},
    };
    for (const Change& c : cases)
        CHECK(rejected(c) == CardTextError{TextError::wrong_check_digit, "id_number"});
}

TEST_CASE("an ID number of the wrong form is rejected")
{
    for (const char* id : {"4403041988031526", "44030419880315264", "4403041988031526A4", "440304198802302623"})
        CHECK(rejected({hk::test::resident_block(), 122, 157, id, "id_number"}) ==
              CardTextError{TextError::bad_id_number, "id_number"});
}

TEST_CASE("a date that is not a real YYYYMMDD day is rejected by its field")
{
    const Change cases[] = {
        {hk::test::resident_block(), 36, 51, "19880230", "birth"},
        {hk::test::resident_block(), 188, 203, "2018061", "valid_from"},
        {hk::test::resident_block(), 188, 203, "长期", "valid_from"}, // only a validity's end may be 长期
        {hk::test::resident_block(), 204, 219, "20381301", "valid_to"},
        {hk::test::resident_block(), 204, 219, "长久", "valid_to"},
        {hk::test::foreigner_2017_block(), 220, 235, "1985-6-15", "birth"},
        {hk::test::foreigner_2023_block(), 204, 219, "20330231", "valid_to"},
    };
    for (const Change& c : cases)
        CHECK(rejected(c) == CardTextError{TextError::bad_date, c.field});
}

TEST_CASE("a count that is not digits is rejected")
{
    CHECK(rejected({hk::test::permit_block(), 238, 241, "0A", "issue_count"}) ==
          CardTextError{TextError::bad_number, "issue_count"});
    CHECK(rejected({hk::test::foreigner_2023_block(), 32, 35, "-1", "renewal_count"}) ==
          CardTextError{TextError::bad_number, "renewal_count"});
}

TEST_CASE("the first error of a block is the one reported")
{
    Block b = hk::test::resident_block();
    put(b, 0, 29, "");
    put(b, 30, 31, "7");
    CHECK(rejected(b) == CardTextError{TextError::missing_field, "name"});
}

TEST_CASE("an error describes itself for the log without the field's value")
{
    CHECK(describe(CardTextError{TextError::wrong_check_digit, "id_number"}) == "wrong check digit in id_number");
    CHECK(describe(CardTextError{TextError::missing_field, "name"}) == "missing name");
}

TEST_CASE("the appended address reads as an address")
{
    Block data = hk::test::blank_block(kAppendedAddressBytes);
    put(data, 0, 69, "广东省深圳市南山区桃源街道龙珠大道2号");
    const auto r = parse_appended_address(data);
    const auto* address = std::get_if<hk::Personal>(&r);
    REQUIRE(address);
    CHECK(address->kind() == hk::Personal::Kind::address);
    CHECK(address->reveal() == "广东省深圳市南山区桃源街道龙珠大道2号");
    CHECK(address->masked() == "广东省深圳市*************");
}

TEST_CASE("an appended address of the wrong size or blank is rejected")
{
    CHECK(std::get<CardTextError>(parse_appended_address(hk::test::blank_block(68))) ==
          CardTextError{TextError::wrong_size, "block"});
    CHECK(std::get<CardTextError>(parse_appended_address(hk::test::blank_block(kAppendedAddressBytes))) ==
          CardTextError{TextError::missing_field, "address"});
}
