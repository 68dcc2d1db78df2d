// Tests of the GB 11643 check character and ID number validation.
#include "id_number.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hk::idcard;

TEST_CASE("the check character of the standard's own example is X")
{
    CHECK(check_digit("11010519491231002") == 'X'); // GB 11643-1999, its example number
    CHECK(valid_id_number("11010519491231002X"));
}

TEST_CASE("check characters are computed over the first 17 digits")
{
    CHECK(check_digit("44030419880315262") == '3');
    CHECK(check_digit("11010519491231003") == '8');
    CHECK(check_digit("81000019920512123") == '9'); // residence permit, Hong Kong
    CHECK(check_digit("94472419900220001") == '9'); // foreigner card of 2023
    CHECK_FALSE(check_digit("4403041988031526"));   // 16 digits
    CHECK_FALSE(check_digit("4403041988031526A"));
}

TEST_CASE("a valid number passes, with X in either case")
{
    CHECK(check_id_number("440304198803152623") == IdNumberCheck::ok);
    CHECK(check_id_number("44030419880315264X") == IdNumberCheck::ok);
    CHECK(check_id_number("44030419880315264x") == IdNumberCheck::ok);
    CHECK(check_id_number("830000199511207894") == IdNumberCheck::ok);
}

TEST_CASE("one wrong digit fails the check")
{
    CHECK(check_id_number("440304198803152624") == IdNumberCheck::wrong_check_digit);
    CHECK(check_id_number("440304198803152523") == IdNumberCheck::wrong_check_digit);
    CHECK(check_id_number("110105194912310020") == IdNumberCheck::wrong_check_digit); // 0 for X
    CHECK_FALSE(valid_id_number("440304198803152624"));
}

TEST_CASE("a number of the wrong length fails")
{
    CHECK(check_id_number("") == IdNumberCheck::wrong_length);
    CHECK(check_id_number("44030419880315262") == IdNumberCheck::wrong_length);
    CHECK(check_id_number("4403041988031526233") == IdNumberCheck::wrong_length);
    CHECK(check_id_number("440304880315262") == IdNumberCheck::wrong_length); // the old 15-digit form
}

TEST_CASE("letters anywhere but an X at the end fail")
{
    CHECK(check_id_number("X40304198803152623") == IdNumberCheck::not_digits);
    CHECK(check_id_number("44030419880315262Y") == IdNumberCheck::not_digits);
    CHECK(check_id_number("4403041988031526 3") == IdNumberCheck::not_digits);
}

TEST_CASE("a number whose birth date is not a real day fails, whatever its check character")
{
    // 1988-02-30 and 1988-13-01, with the check characters their digits give.
    CHECK(check_id_number(std::string("44030419880230262") + *check_digit("44030419880230262")) ==
          IdNumberCheck::bad_birth_date);
    CHECK(check_id_number(std::string("44030419881301262") + *check_digit("44030419881301262")) ==
          IdNumberCheck::bad_birth_date);
}
