// Tests of the rejection reasons' names.
#include "reason.hpp"

#include <doctest/doctest.h>

#include <set>
#include <string>

using namespace hk::codes;

TEST_CASE("every reason has its own name of lower-case letters, digits and underscores")
{
    std::set<std::string> names;
    for (const Reason r : kAllReasons) {
        const std::string name(reason_name(r));
        CHECK(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") == std::string::npos);
        CHECK(names.insert(name).second);
    }
    CHECK(names.size() == std::size(kAllReasons));
}

TEST_CASE("the syntax reasons are the malformed ones, whatever the keys and the time")
{
    CHECK(is_syntax(Reason::syntax_oversized));
    CHECK(is_syntax(Reason::invalid_utf8));
    CHECK(is_syntax(Reason::syntax_base64));
    CHECK_FALSE(is_syntax(Reason::bad_signature));
    CHECK_FALSE(is_syntax(Reason::expired));
    CHECK_FALSE(is_syntax(Reason::not_ours));
}
