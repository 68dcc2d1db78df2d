// Tests of the ethnic group code table (GB/T 3304).
#include "ethnic_groups.hpp"

#include <doctest/doctest.h>

#include <string>

using hk::idcard::ethnic_name;

TEST_CASE("the codes 01 to 56 name the groups as the card prints them")
{
    CHECK(ethnic_name("01") == "汉");
    CHECK(ethnic_name("02") == "蒙古");
    CHECK(ethnic_name("05") == "维吾尔");
    CHECK(ethnic_name("10") == "朝鲜");
    CHECK(ethnic_name("29") == "柯尔克孜");
    CHECK(ethnic_name("43") == "乌孜别克");
    CHECK(ethnic_name("56") == "基诺");
    for (int n = 1; n <= 56; ++n) {
        const std::string code{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
        CAPTURE(code);
        CHECK_FALSE(ethnic_name(code).empty());
    }
}

TEST_CASE("97 and 98 are other and foreign origin")
{
    CHECK(ethnic_name("97") == "其他");
    CHECK(ethnic_name("98") == "外国血统中国籍人士");
}

TEST_CASE("codes outside the table have no name")
{
    CHECK(ethnic_name("00").empty());
    CHECK(ethnic_name("57").empty());
    CHECK(ethnic_name("99").empty());
    CHECK(ethnic_name("1").empty());
    CHECK(ethnic_name("001").empty());
    CHECK(ethnic_name("0A").empty());
    CHECK(ethnic_name("").empty());
}
