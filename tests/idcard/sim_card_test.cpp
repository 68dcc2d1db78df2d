// The card text parser reads what the simulated reader writes: drivers/sim and drivers/idcard
// agree on the resident card's layout.
#include "card_text.hpp"
#include "idcard_reader_sim.hpp"

#include <doctest/doctest.h>

using namespace hk::idcard;

TEST_CASE("a resident card made by the simulator parses back to its fields")
{
    const hk::sim::SampleCard card = hk::sim::resident_card({
        .name = "王建国",
        .sex = '1',
        .ethnic = "03",
        .birth = "19491231",
        .address = "北京市朝阳区建国路88号",
        .id_number = "110105194912310038",
        .authority = "北京市公安局朝阳分局",
        .valid_from = "20100315",
        .valid_to = "长期",
    });
    const auto r = parse_card_text(card.text);
    const auto* c = std::get_if<CardText>(&r);
    REQUIRE(c);
    CHECK(c->kind == CardKind::resident);
    CHECK(c->name.reveal() == "王建国");
    CHECK(c->sex == Sex::male);
    CHECK(c->ethnic_code == "03");
    CHECK(c->birth.reveal() == "19491231");
    CHECK(c->address.reveal() == "北京市朝阳区建国路88号");
    CHECK(c->id_number.reveal() == "110105194912310038");
    CHECK(c->authority == "北京市公安局朝阳分局");
    CHECK(c->validity.from == Date{2010, 3, 15});
    CHECK(c->validity.long_term);
}
