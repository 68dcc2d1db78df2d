// Tests of tracking numbers and the tracking QR code.
#include "tracking_code.hpp"

#include <doctest/doctest.h>

using namespace hk::codes;

TEST_CASE("a tracking number is the date, a 7-digit sequence and the Damm check digit")
{
    const auto number = make_tracking_number({2026, 5, 28}, 42);
    REQUIRE(number);
    CHECK(number->size() == 14);
    CHECK(number->starts_with("2605280000042"));
    CHECK(valid_tracking_number(*number));
}

TEST_CASE("make_tracking_number refuses dates that do not exist and sequences past 7 digits")
{
    CHECK_FALSE(make_tracking_number({2026, 2, 29}, 1));
    CHECK(make_tracking_number({2028, 2, 29}, 1));
    CHECK_FALSE(make_tracking_number({2026, 13, 1}, 1));
    CHECK_FALSE(make_tracking_number({1999, 12, 31}, 1));
    CHECK_FALSE(make_tracking_number({2026, 4, 31}, 1));
    CHECK(make_tracking_number({2026, 5, 28}, 9'999'999));
    CHECK_FALSE(make_tracking_number({2026, 5, 28}, 10'000'000));
}

TEST_CASE("a mistyped digit or two swapped neighbours make the number invalid")
{
    const std::string number = *make_tracking_number({2026, 5, 28}, 1234567);
    std::string typo = number;
    typo[9] = typo[9] == '9' ? '0' : static_cast<char>(typo[9] + 1);
    CHECK_FALSE(valid_tracking_number(typo));
    std::string swapped = number;
    std::swap(swapped[7], swapped[8]); // "12" -> "21"
    CHECK_FALSE(valid_tracking_number(swapped));
}

TEST_CASE("a number of the wrong length, with a non-digit or an impossible date is not valid")
{
    const std::string number = *make_tracking_number({2026, 5, 28}, 42);
    CHECK_FALSE(valid_tracking_number(number.substr(0, 13)));
    CHECK_FALSE(valid_tracking_number(number + "0"));
    CHECK_FALSE(valid_tracking_number("26052800000a42"));
    // Month 00, with every last digit: one of them is a good check digit, so the date check
    // must be what refuses it.
    for (char d = '0'; d <= '9'; ++d)
        CHECK_FALSE(valid_tracking_number(std::string("2600280000042") + d));
}

TEST_CASE("the tracking QR code parses to its number and check code and back")
{
    const std::string number = *make_tracking_number({2026, 5, 28}, 42);
    const std::string text = "HKT1." + number + ".483920";
    const auto parsed = parse_tracking_qr(text);
    REQUIRE(std::holds_alternative<TrackingCode>(parsed));
    CHECK(std::get<TrackingCode>(parsed) == TrackingCode{number, "483920"});
    CHECK(format_tracking_qr(std::get<TrackingCode>(parsed)) == text);
}

TEST_CASE("tracking QR codes of the wrong shape, version or check digit are refused with why")
{
    const std::string number = *make_tracking_number({2026, 5, 28}, 42);
    std::string bad_digit = number;
    bad_digit.back() = bad_digit.back() == '9' ? '0' : static_cast<char>(bad_digit.back() + 1);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT1." + bad_digit + ".483920")) == Reason::bad_check_digit);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT2." + number + ".483920")) == Reason::unknown_version);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT1." + number + ".48392")) == Reason::syntax_parts);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT1." + number + ".4839201")) == Reason::syntax_parts);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT1." + number + ".48392a")) == Reason::syntax_parts);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT1." + number)) == Reason::syntax_parts);
    CHECK(std::get<Reason>(parse_tracking_qr("HKT1." + number + "." + "483920.")) == Reason::syntax_parts);
    CHECK(std::get<Reason>(parse_tracking_qr("hkt1." + number + ".483920")) == Reason::syntax_parts);
    const std::string text = "HKT1." + number + ".483920";
    for (std::size_t n = 0; n < text.size(); ++n)
        CHECK(std::holds_alternative<Reason>(parse_tracking_qr(text.substr(0, n))));
}

TEST_CASE("a tracking number is grouped in fours for reading aloud, anything else left as it is")
{
    CHECK(group_tracking_number("26112300101235") == "2611 2300 1012 35");
    CHECK(group_tracking_number("2611") == "2611");
    CHECK(group_tracking_number("") == "");
    CHECK(group_tracking_number("26-11") == "26-11");
}
