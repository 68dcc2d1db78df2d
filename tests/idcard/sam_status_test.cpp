// Tests of the module's status codes: every code of the reference, what it asks of the kiosk,
// and codes no table lists.
#include "sam_status.hpp"

#include <doctest/doctest.h>

using namespace hk::sam;

namespace {

std::optional<CardProblem> problem(std::uint8_t sw3)
{
    return problem_of(0x00, 0x00, sw3);
}

} // namespace

TEST_CASE("ok, card found and no such item are answers, not problems")
{
    CHECK_FALSE(problem(0x90));
    CHECK_FALSE(problem(0x9F));
    CHECK_FALSE(problem(0x91));
}

TEST_CASE("no card found asks the resident to place the card flat on the reader")
{
    CHECK(problem(0x80) == CardProblem::place_card);
}

TEST_CASE("a card found but not selected or read asks the resident to hold it still")
{
    CHECK(problem(0x81) == CardProblem::hold_still); // select failed
    CHECK(problem(0x41) == CardProblem::hold_still); // read failed
    CHECK(problem(0x47) == CardProblem::hold_still); // random number failed: the card left mid-exchange
}

TEST_CASE("a card the module cannot read or trust is sent to staff as unreadable")
{
    CHECK(problem(0x40) == CardProblem::unreadable); // unknown card type
    CHECK(problem(0x31) == CardProblem::unreadable); // card failed to authenticate the module
    CHECK(problem(0x32) == CardProblem::unreadable); // module failed to authenticate the card
    CHECK(problem(0x33) == CardProblem::unreadable); // verification failed
    CHECK(problem(0x37) == CardProblem::unreadable); // fingerprint error
}

TEST_CASE("a faulty or unauthorised module is a reader fault for staff")
{
    CHECK(problem(0x60) == CardProblem::reader_fault);
    CHECK(problem(0x66) == CardProblem::reader_fault);
    CHECK(problem(0x23) == CardProblem::reader_fault);
    CHECK(problem(0x24) == CardProblem::reader_fault);
}

TEST_CASE("a frame the module did not understand is a protocol error the driver retries")
{
    CHECK(problem(0x10) == CardProblem::protocol);
    CHECK(problem(0x11) == CardProblem::protocol);
    CHECK(problem(0x21) == CardProblem::protocol);
    CHECK(problem(0x3F) == CardProblem::protocol);
}

TEST_CASE("a code no table lists is a reader fault, never success")
{
    for (int sw3 = 0; sw3 < 256; ++sw3) {
        CAPTURE(sw3);
        const std::string text = describe(static_cast<std::uint8_t>(sw3));
        CHECK_FALSE(text.empty());
        if (text.starts_with("unknown status"))
            CHECK(problem(static_cast<std::uint8_t>(sw3)) == CardProblem::reader_fault);
    }
    CHECK(problem(0x00) == CardProblem::reader_fault);
    CHECK(problem(0xFF) == CardProblem::reader_fault);
    CHECK(describe(0x42) == "unknown status 0x42");
}

TEST_CASE("status bytes other than 00 00 before SW3 are a reader fault, even with SW3 ok")
{
    CHECK(problem_of(0x00, 0x01, 0x90) == CardProblem::reader_fault);
    CHECK(problem_of(0x6A, 0x00, 0x9F) == CardProblem::reader_fault);
}

TEST_CASE("each listed code describes itself for the log")
{
    CHECK(describe(static_cast<std::uint8_t>(Sw3::find_failed)) == "find failed (no card)");
    CHECK(describe(0x90) == "ok");
    CHECK(describe(0x60) == "module self-test failed");
    int listed = 0;
    for (int sw3 = 0; sw3 < 256; ++sw3)
        listed += !describe(static_cast<std::uint8_t>(sw3)).starts_with("unknown status");
    CHECK(listed == 20); // every code of the reference, no more
    CHECK(describe(CardProblem::place_card) == "place card");
}
