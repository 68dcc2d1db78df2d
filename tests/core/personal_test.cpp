// Tests of personal data: masked everywhere it is shown, wiped when dropped.
#include "personal.hpp"

#include <doctest/doctest.h>

using hk::Personal;

TEST_CASE("an ID number keeps its first four and last four characters")
{
    CHECK(Personal(Personal::Kind::id_number, "44030419900101123X").masked() == "4403**********123X");
}

TEST_CASE("a phone number keeps its first three and last four digits")
{
    CHECK(Personal(Personal::Kind::phone, "13812345678").masked() == "138****5678");
}

TEST_CASE("a name keeps the first character of each word, in any script")
{
    CHECK(Personal(Personal::Kind::name, "王小明").masked() == "王**");
    CHECK(Personal(Personal::Kind::name, "王堃").masked() == "王*");
    CHECK(Personal(Personal::Kind::name, "Li Ming").masked() == "L* M***");
    CHECK(Personal(Personal::Kind::name, "阿依古丽·买买提").masked() == "阿***·买**");
}

TEST_CASE("an address keeps its first six characters, a date its year")
{
    CHECK(Personal(Personal::Kind::address, "广东省深圳市福田区莲花路1号").masked() == "广东省深圳市********");
    CHECK(Personal(Personal::Kind::address, "福田区").masked() == "福**");
    CHECK(Personal(Personal::Kind::date, "19900101").masked() == "1990****");
}

TEST_CASE("a value too short to keep both ends shows only its first character")
{
    CHECK(Personal(Personal::Kind::id_number, "4403").masked() == "4***");
    CHECK(Personal(Personal::Kind::id_number, "").masked().empty());
}

TEST_CASE("wiping overwrites the characters before they are released")
{
    Personal p(Personal::Kind::id_number, "44030419900101123X");
    const char* data = p.reveal().data(); // long enough to live on the heap, not in the object
    p.wipe();
    CHECK(p.empty());
    for (int i = 0; i < 18; ++i)
        CHECK(data[i] == '\0'); // the buffer is still the string's (cleared, not freed)
}

TEST_CASE("a moved-from value is empty and its characters are overwritten")
{
    Personal a(Personal::Kind::name, "王小明"); // 9 bytes: kept inside the string object
    const char* data = a.reveal().data();
    Personal b = std::move(a);
    CHECK(a.empty()); // NOLINT(bugprone-use-after-move): the point of the test
    for (int i = 0; i < 9; ++i)
        CHECK(data[i] == '\0');
    CHECK(b.masked() == "王**");
}

TEST_CASE("a value typed a character at a time stops at its length, and takes characters back")
{
    Personal phone(Personal::Kind::phone, "");
    for (char c : std::string("138001380001"))
        phone.push_back(c, 11);
    CHECK(phone.reveal() == "13800138000");
    phone.pop_back();
    phone.pop_back();
    CHECK(phone.reveal() == "138001380");
    CHECK(phone.masked() == "138**1380");
    for (int i = 0; i < 20; ++i)
        phone.pop_back();
    CHECK(phone.empty());
}
