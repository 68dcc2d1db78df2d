// Tests of the Damm check digit: the published example and the properties that make it catch
// what it promises.
#include "damm.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace hk::codes;

TEST_CASE("the published example 572 has check digit 4")
{
    CHECK(damm_check_digit("572") == 4);
    CHECK(damm_valid("5724"));
    CHECK_FALSE(damm_valid("5723"));
}

TEST_CASE("the table is a Latin square with a zero diagonal")
{
    for (std::size_t i = 0; i < 10; ++i) {
        bool in_row[10] = {};
        bool in_column[10] = {};
        for (std::size_t j = 0; j < 10; ++j) {
            in_row[kDammTable[i][j]] = true;
            in_column[kDammTable[j][i]] = true;
        }
        for (std::size_t v = 0; v < 10; ++v) {
            CHECK(in_row[v]);
            CHECK(in_column[v]);
        }
        CHECK(kDammTable[i][i] == 0);
    }
}

TEST_CASE("the table is totally anti-symmetric: no two different adjacent digits swap unseen")
{
    for (std::size_t c = 0; c < 10; ++c)
        for (std::size_t x = 0; x < 10; ++x)
            for (std::size_t y = 0; y < 10; ++y)
                if (x != y)
                    CHECK(kDammTable[kDammTable[c][x]][y] != kDammTable[kDammTable[c][y]][x]);
}

TEST_CASE("every single-digit error and adjacent transposition of a number is caught")
{
    std::string number = "2605280000042";
    number += static_cast<char>('0' + *damm_check_digit(number));
    REQUIRE(damm_valid(number));
    for (std::size_t i = 0; i < number.size(); ++i) {
        for (char d = '0'; d <= '9'; ++d) {
            if (d == number[i])
                continue;
            std::string wrong = number;
            wrong[i] = d;
            CHECK_FALSE(damm_valid(wrong));
        }
        if (i + 1 < number.size() && number[i] != number[i + 1]) {
            std::string swapped = number;
            std::swap(swapped[i], swapped[i + 1]);
            CHECK_FALSE(damm_valid(swapped));
        }
    }
}

TEST_CASE("a character that is not a digit, or nothing at all, is not valid")
{
    CHECK_FALSE(damm_check_digit("57a"));
    CHECK_FALSE(damm_valid("57 24"));
    CHECK_FALSE(damm_valid(""));
}
